import { monthRange } from '../../core/dates.js';
import type { CaseFile } from '../../schemas/case.js';
import { contractMonths, expandMonthSpec } from '../../schemas/derive.js';
import { type ComputedLine, type LineDraft, finishLine } from '../lines.js';
import { type ParameterReader, describeValue } from '../parameters.js';
import type { Claim, GroundId, Warning } from '../types.js';
import { GROUND_IDS } from '../types.js';
import { attorneysFees, legalInterest } from './award.js';
import { type GroundResult, claim, makeContext } from './context.js';
import { deadlines } from './deadlines.js';
import { contractualViolation, findPay } from './grounds/contractual-violation.js';
import { actualDamages, exemplaryDamages, moralDamages, repatriationCosts } from './grounds/damages.js';
import { constructiveDismissal, illegalTermination, nominalDamages, unexpiredSalaries } from './grounds/dismissal.js';
import { placementFeeRefund } from './grounds/placement-fee.js';
import { LC_ART_111 } from './citations.js';

export interface PhOutcome {
  claims: Claim[];
  lines: ComputedLine[];
  deadlines: ReturnType<typeof deadlines>;
  warnings: Warning[];
}

/** Gives each line a unique id: its kind, with the currency added where a kind has several. */
function finishAll(drafts: LineDraft[], taken: Set<string>): ComputedLine[] {
  const counts = new Map<string, number>();
  for (const d of drafts) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return drafts.map((d) => {
    let id = (counts.get(d.kind) ?? 0) > 1 ? `${d.kind}.${d.currency}` : d.kind;
    if (taken.has(id)) id = `${id}.${d.currency}`;
    taken.add(id);
    return finishLine(d, id);
  });
}

/** The Philippine rules: facts and a date in, classified claims and cited amounts out. */
export function assessPh(c: CaseFile, asOf: string, p: ParameterReader): PhOutcome {
  const ctx = makeContext(c, asOf, p);
  const pay = findPay(ctx);
  const cv = contractualViolation(ctx, pay);
  const it = illegalTermination(ctx);
  const cd = constructiveDismissal(ctx, pay);
  for (const g of [it, cd]) {
    if (g.claim.status === 'not_supported') continue;
    const u = unexpiredSalaries(ctx, g.claim.ground as 'illegal_termination' | 'constructive_dismissal');
    if (g.claim.status === 'supported') g.drafts.push(...u.drafts);
    g.claim.missingFacts.push(...u.missing);
  }
  const dismissedUnlawfully = it.claim.status === 'supported' || cd.claim.status === 'supported';
  const nd = nominalDamages(ctx);
  const pf = placementFeeRefund(ctx, dismissedUnlawfully, pay.unauthorisedDeductions);
  const md = moralDamages(ctx, pay);
  const ed = exemplaryDamages(ctx, md.claim.status !== 'not_supported');
  const ad = actualDamages(ctx);
  const rp = repatriationCosts(ctx, pay);

  const results: Partial<Record<GroundId, GroundResult>> = {
    contractual_violation: cv, illegal_termination: it, constructive_dismissal: cd, moral_damages: md, exemplary_damages: ed,
    actual_damages: ad, nominal_damages: nd, placement_fee_refund: pf, repatriation_costs: rp,
  };
  const taken = new Set<string>();
  const lines: ComputedLine[] = finishAll(GROUND_IDS.flatMap((g) => results[g]?.drafts ?? []), taken);

  const feeDrafts = attorneysFees(ctx, lines);
  const feeLines = finishAll(feeDrafts, taken);
  results.attorneys_fees = {
    claim: claim('attorneys_fees', feeLines.length ? 'supported' : 'not_supported', {
      reasons: feeLines.length
        ? ['The worker was compelled to litigate to recover wages and other amounts unlawfully withheld: attorney\'s fees of 10% of the award.']
        : ['No amount is awarded yet, so there is nothing to base attorney\'s fees on.'],
      basis: [LC_ART_111],
    }),
    drafts: feeDrafts,
  };
  lines.push(...feeLines);
  lines.push(...finishAll(legalInterest(ctx, lines), taken));

  const claims = GROUND_IDS.map((g) => {
    const cl = results[g]!.claim;
    cl.lines = lines.filter((l) => l.line.ground === g).map((l) => l.line.id);
    return cl;
  });

  const dls = deadlines(ctx, pay, claims);
  const warnings: Warning[] = [];
  const range = contractMonths(c);
  if (range && c.employment.months.length) {
    const listed = new Set(c.employment.months.flatMap((m) => expandMonthSpec(m.month)));
    const gaps = monthRange(range.first, range.last).filter((m) => !listed.has(m));
    if (gaps.length) warnings.push({ kind: 'facts', message: `No wages are recorded for ${gaps.join(', ')}: those months are not counted. Record what was paid if it was less than the contract.` });
  }
  if (c.separation.quitclaim?.signed) warnings.push({ kind: 'facts', message: 'A quitclaim was signed. It does not bar the claims if it was not voluntary or the amount was unconscionable; get a copy and the story of how it was signed. Any amount paid under it may be credited against the award.' });
  for (const d of dls) if (d.status !== 'ok') warnings.push({ kind: 'deadline', message: d.message });
  if (c.computation.capRegime === 'as-applied') warnings.push({ kind: 'method', message: 'capRegime as-applied reproduces how tribunals applied the three-months-per-year clause, which the Supreme Court declared void (Serrano; Sameer): use it to check old awards, not to claim.' });
  for (const u of [...p.used.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (u.verified) continue;
    warnings.push({
      kind: 'unverified_parameter',
      parameter: u.id,
      message: `${u.id} = ${describeValue(u.value, '')} (from ${u.from}) is UNVERIFIED${u.note ? `: ${u.note.replace(/\.+$/, '')}` : ''}. A lawyer must check it before relying on the figures that use it.`,
    });
  }
  return { claims, lines, deadlines: dls, warnings };
}
