import { parseMoney, toRatio } from '../../../core/money.js';
import { ZERO, add } from '../../../core/ratio.js';
import { type LineDraft, show } from '../../lines.js';
import type { ClaimStatus, EvidenceItem, LegalBasis, MissingFact } from '../../types.js';
import { CC_ART_2199, CC_ART_2217_2220, CC_ART_2229_2234, JERZON, RA8042_S10, RA8042_S15, SAMEER_AIRFARE } from '../citations.js';
import { type GroundResult, type PhContext, claim, evidence } from '../context.js';
import type { PayFindings } from './contractual-violation.js';

/** Acts done in a wanton, oppressive or malevolent manner: what exemplary damages need beyond moral ones. */
const WANTON = new Set(['physical_violence', 'sexual_harassment', 'sexual_abuse', 'confinement', 'passport_withheld', 'food_withheld']);

const kinds = (xs: { kind: string }[]) => [...new Set(xs.map((x) => x.kind.replace(/_/g, ' ')))].join(', ');

/** Moral damages: bad faith, fraud or oppression, pleaded and proved; an illegal dismissal alone is not enough. */
export function moralDamages(ctx: PhContext, pay: PayFindings): GroundResult {
  const c = ctx.c;
  const basis = [RA8042_S10, CC_ART_2217_2220, JERZON];
  const ev = evidence(c, ['medical_records', 'police_or_embassy_report', 'messages', 'coworker_statements', 'photos']);
  const reasons: string[] = [];
  if (c.harm.abuse.length) reasons.push(`The worker suffered ${kinds(c.harm.abuse)}: acts contrary to morals and oppressive to labour, causing humiliation and anguish.`);
  if (pay.substitution) reasons.push('The approved contract was replaced abroad by a worse one: fraud and bad faith toward the worker.');
  if (!reasons.length) {
    return { claim: claim('moral_damages', 'not_supported', { reasons: ['No abuse, fraud or bad faith is recorded; an unlawful dismissal or unpaid wages alone do not support moral damages.'], basis, evidence: ev }), drafts: [] };
  }
  return prayed({
    ground: 'moral_damages',
    label: 'Moral damages (amount prayed for)',
    amount: c.prayer.moralDamages,
    reasons,
    basis,
    evidence: ev,
    missing: { field: 'prayer.moralDamages', question: 'What amount of moral damages does the worker pray for (the tribunal decides; the tool never sets it)?' },
  });
}

export function exemplaryDamages(ctx: PhContext, moralSupported: boolean): GroundResult {
  const c = ctx.c;
  const basis = [RA8042_S10, CC_ART_2229_2234];
  const ev = evidence(c, ['medical_records', 'police_or_embassy_report', 'messages', 'coworker_statements', 'photos']);
  const wanton = c.harm.abuse.filter((a) => WANTON.has(a.kind));
  if (!wanton.length) {
    const why = c.harm.abuse.length
      ? `The abuse recorded (${kinds(c.harm.abuse)}) supports moral damages, but not the wanton, oppressive or malevolent manner exemplary damages need.`
      : 'No wanton, oppressive or malevolent act is recorded.';
    return { claim: claim('exemplary_damages', 'not_supported', { reasons: [why], basis, evidence: ev }), drafts: [] };
  }
  if (!moralSupported) return { claim: claim('exemplary_damages', 'not_supported', { reasons: ['Exemplary damages go with moral or compensatory damages, which are not made out.'], basis, evidence: ev }), drafts: [] };
  return prayed({
    ground: 'exemplary_damages',
    label: 'Exemplary damages (amount prayed for)',
    amount: c.prayer.exemplaryDamages,
    reasons: [`${kinds(wanton)}: done in a wanton, oppressive or malevolent manner; exemplary damages deter it.`],
    basis,
    evidence: ev,
    missing: { field: 'prayer.exemplaryDamages', question: 'What amount of exemplary damages does the worker pray for?' },
  });
}

/** Moral and exemplary damages are what the worker prays for; the tool states the amount, never sets it. */
function prayed(d: {
  ground: 'moral_damages' | 'exemplary_damages';
  label: string;
  amount: { amount: string; currency: string } | undefined;
  reasons: string[];
  basis: LegalBasis[];
  evidence: EvidenceItem[];
  missing: MissingFact;
}): GroundResult {
  if (!d.amount) {
    return { claim: claim(d.ground, 'possible', { reasons: [...d.reasons, 'No amount is prayed for yet.'], missing: [d.missing], basis: d.basis, evidence: d.evidence }), drafts: [] };
  }
  const m = parseMoney(d.amount.currency, d.amount.amount);
  return {
    claim: claim(d.ground, 'supported', { reasons: d.reasons, basis: d.basis, evidence: d.evidence }),
    drafts: [{ kind: d.ground, ground: d.ground, label: d.label, currency: m.currency, exact: toRatio(m), formula: `${show(m)} as prayed for in the complaint (the tribunal fixes the amount)`, basis: d.basis }],
  };
}

/** Actual damages: proven losses only, normally by receipts. */
export function actualDamages(ctx: PhContext): GroundResult {
  const c = ctx.c;
  const basis = [CC_ART_2199, RA8042_S10];
  const ev = evidence(c, ['expense_receipts', 'medical_records']);
  const proven = c.harm.expenses.filter((e) => e.receipt);
  const unproven = c.harm.expenses.filter((e) => !e.receipt);
  const drafts: LineDraft[] = [];
  for (const cur of [...new Set(proven.map((e) => e.currency))]) {
    const items = proven.filter((e) => e.currency === cur);
    drafts.push({
      kind: 'actual_damages',
      ground: 'actual_damages',
      label: 'Actual damages proven by receipts',
      currency: cur,
      exact: items.map((e) => toRatio(parseMoney(cur, e.amount))).reduce(add, ZERO),
      formula: items.map((e) => `${e.kind.replace(/_/g, ' ')} ${show(parseMoney(cur, e.amount))}`).join(' + '),
      details: items.map((e) => `${e.date ?? 'undated'}: ${e.description ?? e.kind.replace(/_/g, ' ')} ${show(parseMoney(cur, e.amount))} (receipt held)`),
      basis,
    });
  }
  const reasons: string[] = [];
  const missing: MissingFact[] = [];
  if (proven.length) reasons.push(`${proven.length} expense(s) proven by receipts: ${kinds(proven)}.`);
  if (unproven.length) {
    reasons.push(`${unproven.length} expense(s) without receipts (${kinds(unproven)}): not recoverable as actual damages without proof; temperate damages may be asked where the loss is certain.`);
    missing.push({ field: 'harm.expenses[].receipt', question: 'Are there receipts or other proof for the expenses without receipts?' });
  }
  if (c.harm.injuries.length && !c.harm.expenses.length) {
    reasons.push('Injuries are recorded but no costs: medical costs with receipts can be claimed.');
    missing.push({ field: 'harm.expenses', question: 'What did the injuries cost (medical bills, medicines), with receipts?' });
  }
  const status: ClaimStatus = drafts.length ? 'supported' : missing.length ? 'possible' : 'not_supported';
  if (status === 'not_supported') reasons.push('No expenses or injuries are recorded.');
  return { claim: claim('actual_damages', status, { reasons, missing, basis, evidence: ev }), drafts };
}

/** Repatriation is the agency's and principal's cost unless the termination was solely the worker's fault. */
export function repatriationCosts(ctx: PhContext, pay: PayFindings): GroundResult {
  const c = ctx.c;
  const s = c.separation;
  const r = s.repatriation;
  const basis = [RA8042_S15, SAMEER_AIRFARE];
  const ev = evidence(c, ['boarding_pass', 'expense_receipts', 'passport_stamps']);
  const no = (why: string) => ({ claim: claim('repatriation_costs', 'not_supported', { reasons: [why], basis, evidence: ev }), drafts: [] });
  if (s.how === 'still_employed') return no('The worker has not come home yet.');
  const workersFault = s.solelyWorkersFault === true || (s.how === 'dismissed' && s.cause === 'just' && s.causeDisputed === false);
  if (workersFault) return no("The termination is recorded as solely the worker's fault, the one case where the worker bears the cost.");
  if (!r || r.paidBy === 'unknown') {
    return { claim: claim('repatriation_costs', 'possible', { reasons: ['Who paid for the journey home is not recorded.'], missing: [{ field: 'separation.repatriation.paidBy', question: 'Who paid for the ticket home: the worker, the employer, the agency, OWWA, or was it deducted from wages?' }], basis, evidence: ev }), drafts: [] };
  }
  if (r.paidBy === 'employer' || r.paidBy === 'agency' || r.paidBy === 'owwa') return no(`The ${r.paidBy === 'owwa' ? 'OWWA' : r.paidBy} paid for the journey home.`);
  if (r.paidBy === 'deducted_from_wages' && pay.deductions.some((d) => d.purpose === 'airfare')) {
    return no('The ticket home was deducted from wages and is already claimed back with the unauthorised deductions.');
  }
  if (!r.cost) {
    return { claim: claim('repatriation_costs', 'possible', { reasons: ['The worker paid for the journey home, but the cost is not recorded.'], missing: [{ field: 'separation.repatriation.cost', question: 'How much did the journey home cost, and in what currency?' }], basis, evidence: ev }), drafts: [] };
  }
  const m = parseMoney(r.cost.currency, r.cost.amount);
  const reasons = [`The worker ${r.paidBy === 'worker' ? 'paid' : 'had deducted from wages'} ${show(m)} for the journey home, a cost the agency and employer must bear.`];
  if (r.receipt === false) reasons.push('No receipt is held: the ticket, boarding pass or a travel agency certification will be needed.');
  return {
    claim: claim('repatriation_costs', 'supported', { reasons, basis, evidence: ev }),
    drafts: [{ kind: 'repatriation_costs', ground: 'repatriation_costs', label: 'Repatriation costs paid by the worker', currency: m.currency, exact: toRatio(m), formula: `${show(m)} paid${r.date ? ` for the return on ${r.date}` : ''}`, basis }],
  };
}
