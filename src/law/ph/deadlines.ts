import { type IsoDate, addYears, daysBetween, monthBounds } from '../../core/dates.js';
import { isZero } from '../../core/ratio.js';
import { decimalValue } from '../parameters.js';
import type { Claim, Deadline, DeadlineStatus } from '../types.js';
import { CC_ART_1146, LC_ART_306 } from './citations.js';
import type { PhContext } from './context.js';
import type { PayFindings } from './grounds/contractual-violation.js';

/** How close a deadline must be before the worksheet warns (a working rule of this tool, not law). */
export const WARN_DAYS = 90;
export const URGENT_DAYS = 30;

function status(daysLeft: number): DeadlineStatus {
  return daysLeft < 0 ? 'past' : daysLeft <= URGENT_DAYS ? 'urgent' : daysLeft <= WARN_DAYS ? 'warning' : 'ok';
}

function message(label: string, deadline: IsoDate, daysLeft: number): string {
  if (daysLeft < 0) return `PAST: the ${label} deadline was ${deadline}, ${-daysLeft} days ago. Claims may have prescribed: see a lawyer now about interruption (demand, earlier filings).`;
  if (daysLeft <= URGENT_DAYS) return `URGENT: file the ${label} claim by ${deadline}: only ${daysLeft} days left.`;
  if (daysLeft <= WARN_DAYS) return `File the ${label} claim by ${deadline}: ${daysLeft} days left.`;
  return `File by ${deadline} (${daysLeft} days left).`;
}

/**
 * Prescription: 3 years for money claims, counted here from the earliest accrual so that no month
 * is lost; 4 years for dismissal claims, from the dismissal.
 */
export function deadlines(ctx: PhContext, pay: PayFindings, claims: Claim[]): Deadline[] {
  const out: Deadline[] = [];
  const s = ctx.c.separation;
  const hasMoney = claims.some((c) => c.status !== 'not_supported' && c.ground !== 'illegal_termination' && c.ground !== 'constructive_dismissal');
  const accruals: { date: IsoDate; why: string }[] = [];
  const firstShort = pay.months.find((m) => !isZero(m.shortfall));
  if (firstShort) accruals.push({ date: monthBounds(firstShort.month).last, why: `the first month paid short (${firstShort.month}); later months run later` });
  const firstDeduction = pay.deductions.filter((d) => d.authorised === false).map((d) => d.month).sort()[0];
  if (firstDeduction) accruals.push({ date: monthBounds(firstDeduction).last, why: `the first unauthorised deduction (${firstDeduction}); later ones run later` });
  if (s.date) accruals.push({ date: s.date, why: 'the separation' });
  accruals.sort((a, b) => (a.date < b.date ? -1 : 1));
  const first = accruals[0];
  const make = (id: Deadline['id'], label: string, short: string, from: IsoDate, reason: string, paramId: string, basis: Deadline['basis']): Deadline => {
    const use = ctx.p.at(paramId, from, `the ${short} deadline`);
    const years = Number(decimalValue(use));
    const deadline = addYears(from, years);
    const left = daysBetween(ctx.asOf, deadline);
    return { id, label, runsFrom: from, runsFromReason: reason, years, deadline, daysLeft: left, status: status(left), message: message(short, deadline, left), basis, parameter: use };
  };
  if (hasMoney && first) out.push(make('money_claims', 'money claims (wages, deductions, fees)', 'money claims', first.date, `from ${first.why}`, 'ph.prescription.money_claims_years', [LC_ART_306]));
  const dismissal = claims.some((c) => (c.ground === 'illegal_termination' || c.ground === 'constructive_dismissal') && c.status !== 'not_supported');
  if (dismissal && s.date) out.push(make('illegal_dismissal', 'illegal (or constructive) dismissal', 'dismissal', s.date, 'from the dismissal', 'ph.prescription.illegal_dismissal_years', [CC_ART_1146]));
  return out;
}
