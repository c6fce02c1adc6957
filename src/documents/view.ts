import { citation } from '../law/citation.js';
import { feeCapChecks, isEmployerCost, isPlacementLike } from '../law/ph/grounds/placement-fee.js';
import { type ParameterSet, describeValue } from '../law/parameters.js';
import type { Assessment, Claim, GroundId, Line, SubFindingId } from '../law/types.js';
import type { CaseFile } from '../schemas/case.js';
import { type FactSection, buildFacts } from './facts.js';
import { date, initials, list, money, moneyOf, place, upper } from './words.js';

/**
 * The view the templates read: everything a draft says, already in words, built from a case file
 * and its assessment alone (pure: no files, no clock). Every field is always present (null or an
 * empty list when the facts are silent), because templates run in strict mode, where a missing
 * field is an error rather than an empty gap.
 */
export interface DraftView {
  asOf: string;
  asOfIso: string;
  worker: {
    name: string;
    nameUpper: string;
    initials: string;
    /** "Filipino, of legal age, single, residing at …" */
    description: string;
    address: string | null;
  };
  respondents: { nameUpper: string; role: string; address: string | null }[];
  agency: { name: string; nameUpper: string; address: string | null; officers: { name: string; nameUpper: string; position: string | null }[] } | null;
  employer: { name: string; nameUpper: string; address: string | null } | null;
  /** More than one respondent: they are jointly and solidarily liable. */
  solidary: boolean;
  /** Who is ordered to pay: "respondents A, B and C". */
  respondentNames: string;
  facts: FactSection[];
  claims: ClaimView[];
  dismissalIllegal: boolean;
  amounts: { label: string; amount: string }[];
  totals: { currency: string; amount: string; indicative: string | null }[];
  possible: { label: string; reasons: string[]; missing: { question: string; field: string }[] }[];
  notSupported: { label: string; reason: string }[];
  worksheet: WorksheetLine[];
  deadlines: { label: string; runsFrom: string; reason: string; deadline: string; daysLeft: string; status: string; message: string }[];
  warnings: string[];
  evidence: { label: string; status: string; items: { item: string; held: string }[] }[];
  illegalRecruitment: IllegalRecruitmentView | null;
  /** Things the lawyer must complete or check before filing. */
  toComplete: string[];
}

export interface ClaimView {
  ground: GroundId;
  heading: string;
  statements: string[];
  basis: string[];
  amounts: { label: string; amount: string }[];
}

export interface WorksheetLine {
  n: string;
  label: string;
  amount: string;
  formula: string;
  details: string[];
  basis: string[];
  parameters: string[];
  options: string | null;
}

export interface IllegalRecruitmentView {
  /** The acts, one paragraph each, in the worker's words. */
  acts: string[];
  /** The provisions they fall under. */
  basis: string[];
  /** The agency's officers and the agency, as respondents of the criminal complaint. */
  accused: { nameUpper: string; role: string; address: string | null }[];
}

const GROUND_HEADINGS: Record<GroundId, string> = {
  contractual_violation: 'Violation of my approved contract: unpaid wages, overtime and deductions',
  illegal_termination: 'Illegal dismissal',
  constructive_dismissal: 'Constructive dismissal',
  moral_damages: 'Moral damages',
  exemplary_damages: 'Exemplary damages',
  actual_damages: 'Actual damages',
  nominal_damages: 'Nominal damages',
  placement_fee_refund: 'Refund of the placement fee and of the costs charged to me',
  repatriation_costs: 'Reimbursement of the cost of my return',
  attorneys_fees: "Attorney's fees",
};

const GROUND_STATEMENTS: Record<GroundId, string> = {
  contractual_violation: 'The respondents did not give me what my approved contract guaranteed. A contract signed abroad cannot reduce those terms: I am entitled to the difference, with the refund of what was unlawfully deducted from my wages.',
  illegal_termination: 'I was dismissed without a just or authorised cause and without due process. My dismissal was illegal, and I am entitled to my salaries for the unexpired portion of my contract.',
  constructive_dismissal: 'I did not leave my work of my own free will: what the respondents did made my continued work impossible, unreasonable or unlikely. This is constructive dismissal, which the law treats as an illegal dismissal, and I am entitled to my salaries for the unexpired portion of my contract.',
  moral_damages: 'The respondents acted in bad faith and in a manner oppressive to labour, causing me humiliation, anxiety and suffering. I am entitled to moral damages.',
  exemplary_damages: 'The respondents acted in a wanton, oppressive and malevolent manner. Exemplary damages should be imposed by way of example for the public good.',
  actual_damages: "I incurred expenses because of the respondents' acts, for which I hold receipts. I am entitled to actual damages.",
  nominal_damages: 'Even if there had been a valid cause for my dismissal, I was dismissed without due process. I am entitled to nominal damages.',
  placement_fee_refund: 'The fees I paid must be returned to me as the law provides.',
  repatriation_costs: 'The cost of my return is borne by the agency and the employer, since my employment did not end through my fault alone. I am entitled to be reimbursed.',
  attorneys_fees: "I was compelled to litigate to recover my wages and what is due to me. I am entitled to attorney's fees of ten percent of the award.",
};

const FINDING_STATEMENTS: Record<SubFindingId, string> = {
  underpayment: 'I was paid less than the salary in my approved contract.',
  non_payment: 'For some of the time I worked, I was paid nothing at all.',
  unpaid_overtime: 'I was not paid for the overtime I worked.',
  unauthorised_deductions: 'Amounts were deducted from my wages without any lawful basis.',
  contract_substitution: 'My approved contract was replaced abroad by one less favourable to me, a practice the law prohibits.',
};

const lineAmount = (l: Line): string => money(l.currency, l.amount);
const isoToLong = (text: string): string => text.replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (d) => date(d));

export function buildDraftView(c: CaseFile, a: Assessment, parameters: ParameterSet): DraftView {
  const { agency, employer } = c.respondents;
  const linesById = new Map(a.lines.map((l) => [l.id, l]));
  const supported = a.claims.filter((cl) => cl.status === 'supported');
  const worker = c.worker;
  const described = [worker.citizenship, 'of legal age', worker.civilStatus, worker.address ? `residing at ${worker.address}` : undefined].filter(Boolean).join(', ');

  const respondents = captionRespondents(c);

  const claims: ClaimView[] = supported.map((cl) => ({
    ground: cl.ground,
    heading: GROUND_HEADINGS[cl.ground],
    statements: statementsFor(cl, linesById),
    basis: cl.basis.map(citation),
    amounts: cl.lines.map((id) => linesById.get(id)).filter((l): l is Line => !!l).map((l) => ({ label: l.label, amount: lineAmount(l) })),
  }));

  const view: DraftView = {
    asOf: date(a.asOf),
    asOfIso: a.asOf,
    worker: { name: worker.name, nameUpper: upper(worker.name), initials: initials(worker.name), description: described, address: worker.address ?? null },
    respondents,
    agency: agency ? { name: agency.name, nameUpper: upper(agency.name), address: agency.address ?? null, officers: agency.officers.map((o) => ({ name: o.name, nameUpper: upper(o.name), position: o.position ?? null })) } : null,
    employer: employer ? { name: employer.name, nameUpper: upper(employer.name), address: employer.address ?? null } : null,
    solidary: respondents.length > 1,
    respondentNames: respondentNames(respondents),
    facts: buildFacts(c),
    claims,
    dismissalIllegal: supported.some((cl) => cl.ground === 'illegal_termination' || cl.ground === 'constructive_dismissal'),
    amounts: a.lines.map((l) => ({ label: l.label, amount: lineAmount(l) })),
    totals: a.totals.map((t) => ({ currency: t.currency, amount: money(t.currency, t.amount), indicative: t.indicative ? `indicative ${money('PHP', t.indicative.amount)} at ${t.indicative.rate} on ${date(t.indicative.rateDate)}` : null })),
    possible: a.claims.filter((cl) => cl.status === 'possible').map((cl) => ({ label: cl.label, reasons: cl.reasons.map(isoToLong), missing: cl.missingFacts.map((m) => ({ question: m.question, field: m.field })) })),
    notSupported: a.claims.filter((cl) => cl.status === 'not_supported').map((cl) => ({ label: cl.label, reason: isoToLong(cl.reasons.join(' ')) })),
    worksheet: a.lines.map((l, i) => ({
      n: String(i + 1),
      label: l.label,
      amount: lineAmount(l),
      formula: l.formula,
      details: l.details.map(isoToLong),
      basis: l.basis.map((b) => `${citation(b)}${b.point ? `: ${b.point}` : ''}${b.verified === false ? ' [citation unverified]' : ''}`),
      parameters: l.parameters.map((p) => `${p.id} = ${describeValue(p.value, '')} (in force from ${date(p.from)}; ${p.source})${p.verified ? '' : ' [UNVERIFIED]'}`),
      options: Object.keys(l.options).length ? Object.entries(l.options).map(([k, v]) => `${k}: ${v}`).join(', ') : null,
    })),
    deadlines: a.deadlines.map((d) => ({
      label: d.label,
      runsFrom: date(d.runsFrom),
      reason: isoToLong(d.runsFromReason),
      deadline: date(d.deadline),
      daysLeft: d.daysLeft < 0 ? `passed ${-d.daysLeft} days ago` : `${d.daysLeft} days left`,
      status: d.status,
      message: isoToLong(d.message),
    })),
    warnings: a.warnings.map((w) => isoToLong(w.message)),
    evidence: a.claims
      .filter((cl) => cl.status !== 'not_supported' && cl.evidence.length)
      .map((cl) => ({ label: cl.label, status: cl.status === 'supported' ? 'supported' : 'possible (facts missing)', items: cl.evidence.map((e) => ({ item: e.item.charAt(0).toLocaleUpperCase('en') + e.item.slice(1), held: e.held ? 'Held' : 'To obtain' })) })),
    illegalRecruitment: illegalRecruitment(c, a, parameters),
    toComplete: [],
  };
  view.toComplete = toComplete(c, view);
  return view;
}

/** The caption's respondents: the agency, each of its officers, the foreign employer. */
export function captionRespondents(c: CaseFile): DraftView['respondents'] {
  const { agency, employer } = c.respondents;
  const respondents: DraftView['respondents'] = [];
  if (agency) {
    respondents.push({ nameUpper: upper(agency.name), role: 'the Philippine recruitment agency', address: agency.address ?? null });
    for (const o of agency.officers) respondents.push({ nameUpper: upper(o.name), role: `${o.position ? `${o.position} of` : 'officer of'} ${agency.name}`, address: o.address ?? null });
  }
  if (employer) {
    respondents.push({ nameUpper: upper(employer.name), role: 'the foreign employer', address: place(employer.address, employer.country) });
  }
  return respondents;
}

/** Who is ordered to pay: "respondents A, B and C". */
export const respondentNames = (respondents: readonly { nameUpper: string }[]): string =>
  respondents.length ? `respondent${respondents.length > 1 ? 's' : ''} ${list(respondents.map((r) => r.nameUpper))}` : 'the respondents';

function statementsFor(cl: Claim, lines: Map<string, Line>): string[] {
  const out: string[] = [];
  if (cl.ground === 'placement_fee_refund') {
    const kinds = new Set(cl.lines.map((id) => lines.get(id)?.kind));
    if (kinds.has('placement_fee_refund')) out.push('Because my dismissal was illegal, the placement fee I paid must be reimbursed in full, with interest of twelve percent a year.');
    if (kinds.has('placement_fee_excess_refund')) out.push('The fees I paid exceeded the lawful cap; what was charged above it must be refunded to me.');
    if (kinds.has('employer_costs_refund')) out.push('Costs the law puts on the employer (visa, airfare, processing) were charged to me and must be refunded.');
    return out.length ? out : [GROUND_STATEMENTS.placement_fee_refund];
  }
  out.push(GROUND_STATEMENTS[cl.ground]);
  const feeRefunded = [...lines.values()].some((l) => l.kind === 'placement_fee_refund');
  if ((cl.ground === 'illegal_termination' || cl.ground === 'constructive_dismissal') && feeRefunded) out.push('An illegal dismissal also entitles me to the full refund of my placement fee, with interest of twelve percent a year.');
  for (const f of cl.findings ?? []) if (f.status === 'supported') out.push(FINDING_STATEMENTS[f.id]);
  return out;
}

/**
 * The acts that make out illegal recruitment (RA 8042 s.6 as amended; Labor Code Art. 34): a fee
 * over the lawful cap, any fee from a household worker, fees without receipts, a substituted
 * contract. The cap is compared exactly as the refund claim compares it (the same function).
 */
function illegalRecruitment(c: CaseFile, a: Assessment, parameters: ParameterSet): IllegalRecruitmentView | null {
  const acts: string[] = [];
  const basis = new Set<string>();
  const paidOn = (f: CaseFile['fees'][number]) => `${f.date ? `on ${date(f.date)} ` : ''}`;
  for (const check of feeCapChecks(c, a.asOf, parameters)) {
    const f = check.fee;
    if (c.contract.category === 'household') {
      acts.push(`The agency took ${money(f.currency, f.amount)} from me ${paidOn(f)}as a fee, although no fee at all may be charged to a household service worker.`);
      basis.add('POEA Governing Board Resolution No. 6, s. 2006 (no placement fee from household service workers)');
    } else if (check.excess && check.cap) {
      const cap = check.prohibited ? `no fee may be charged (${check.why})` : `the lawful cap was ${moneyOf(check.cap)} (${check.why})`;
      acts.push(`I paid ${money(f.currency, f.amount)} ${paidOn(f)}as a placement fee, when ${cap}: ${moneyOf(check.excess)} more than the law allows.`);
      basis.add('Labor Code, Art. 34(a) (charging a fee greater than that allowed)');
      basis.add('2016 Revised POEA Rules (land-based), s. 51');
    }
  }
  const unreceipted = c.fees.filter((f) => !f.receipt && (isPlacementLike(f) || isEmployerCost(f)));
  if (unreceipted.length) {
    const items = unreceipted.map((f) => `${money(f.currency, f.amount)}${f.date ? ` paid on ${date(f.date)}` : ''}`);
    acts.push(`No receipt was issued to me for ${list(items)}.`);
    basis.add('Republic Act No. 8042, s. 6(a), as amended (collecting fees without issuing a receipt)');
  }
  if (c.substitutedContract) {
    const s = c.substitutedContract;
    acts.push(`My approved contract was replaced ${s.signedDate ? `on ${date(s.signedDate)} ` : ''}by a second contract less favourable to me${s.changes.length ? ` (${s.changes.join('; ')})` : ''}, without the approval of the Department of Migrant Workers.`);
    basis.add('Labor Code, Art. 34(i) (substituting or altering an approved contract)');
    basis.add('Republic Act No. 8042, s. 6(i), as amended');
  }
  if (!acts.length) return null;
  basis.add('Republic Act No. 8042, s. 6 and s. 7, as amended by Republic Act No. 10022 (illegal recruitment and its penalties)');
  const accused: IllegalRecruitmentView['accused'] = [];
  const agency = c.respondents.agency;
  if (agency) {
    for (const o of agency.officers) accused.push({ nameUpper: upper(o.name), role: `${o.position ?? 'officer'} of ${agency.name}`, address: o.address ?? agency.address ?? null });
    accused.push({ nameUpper: upper(agency.name), role: 'the recruitment agency, through its officers', address: agency.address ?? null });
  }
  return { acts, basis: [...basis], accused };
}

function toComplete(c: CaseFile, v: DraftView): string[] {
  const out = [
    'The Regional Arbitration Branch and the case number in the caption (the worker may file where she or he resides or where the respondent has its principal office).',
    'The place and date of signing, and the jurat: the administering officer, the place and date, and the worker\'s competent evidence of identity.',
    'Free-text descriptions from the case file (reasons, descriptions of abuse, notes) are quoted as recorded: put them in the worker\'s own words.',
  ];
  if (!c.respondents.agency) out.push('The Philippine recruitment agency (name, address, licence number, officers): none is recorded.');
  else if (!c.respondents.agency.address) out.push("The agency's address, for service of summons.");
  if (c.respondents.agency && !c.respondents.agency.officers.length) out.push("The agency's officers (president, directors), who are solidarily liable with it.");
  if (!c.respondents.employer) out.push('The foreign employer (name and address): none is recorded.');
  if (!c.worker.address) out.push("The worker's address.");
  if (v.illegalRecruitment && !c.respondents.agency?.officers.length) out.push('The persons to be charged with illegal recruitment (the officers who ran the agency).');
  return out;
}
