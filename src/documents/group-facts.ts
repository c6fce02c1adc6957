import type { CaseFile } from '../schemas/case.js';
import { respondents } from './facts.js';
import { country, date, list, money } from './words.js';

/**
 * The facts complainants share, for a joint complaint: third person, plural (or singular when one
 * worker files), from the group's base case. Only what the group has in common is stated with its
 * figures: the respondents, the approved contract, the substituted contract, how the work ended.
 * What each worker paid, earned and lost differs from one to another and is never stated as one
 * worker's figure: the text points to Annex A and to each complainant's computation instead.
 */
export interface GroupFactSection {
  id: 'parties' | 'recruitment' | 'contract' | 'substitution' | 'work' | 'ending' | 'return';
  title: string;
  paragraphs: string[];
}

/** The words that change between one complainant and several. */
export interface Grammar {
  plural: boolean;
  /** "Complainants" / "Complainant", to open a sentence. */
  C: string;
  /** "complainants" / "complainant". */
  c: string;
  were: string;
  are: string;
  have: string;
  /** "their" / "complainant's". */
  their: string;
  /** "them" / "complainant". */
  them: string;
  /** "they" / "complainant". */
  they: string;
  /** The plural ending of the things each has: "contracts" / "contract". */
  s: string;
}

export const grammarFor = (count: number): Grammar =>
  count === 1
    ? { plural: false, C: 'Complainant', c: 'complainant', were: 'was', are: 'is', have: 'has', their: "complainant's", them: 'complainant', they: 'complainant', s: '' }
    : { plural: true, C: 'Complainants', c: 'complainants', were: 'were', are: 'are', have: 'have', their: 'their', them: 'them', they: 'they', s: 's' };

export const cap = (s: string): string => s.charAt(0).toLocaleUpperCase('en') + s.slice(1);

/**
 * `sameDates`: whether the dates of the ending and the return can be stated for all (the
 * complainants' dismissal deadlines agree); otherwise they are said to differ.
 */
export function buildGroupFacts(c: CaseFile, count: number, sameDates: boolean): GroupFactSection[] {
  const g = grammarFor(count);
  const sections: GroupFactSection[] = [
    { id: 'parties', title: 'The parties', paragraphs: parties(c, count, g) },
    { id: 'recruitment', title: 'Recruitment and fees', paragraphs: recruitment(c, g) },
    { id: 'contract', title: `The approved contract${g.s}`, paragraphs: contract(c, g) },
    { id: 'substitution', title: 'The second contract', paragraphs: substitution(c, g) },
    { id: 'work', title: 'Work and pay', paragraphs: work(c, g) },
    { id: 'ending', title: 'How the employment ended', paragraphs: ending(c, g, sameDates) },
    { id: 'return', title: 'The return to the Philippines', paragraphs: homecoming(c, g, sameDates) },
  ];
  return sections.filter((s) => s.paragraphs.length);
}

const on = (d: string | undefined, rest: string): string => (d ? `On ${date(d)}, ${rest}` : cap(rest));

function parties(c: CaseFile, count: number, g: Grammar): string[] {
  const { agency, employer } = c.respondents;
  const by = [agency ? 'by respondent agency' : undefined, employer ? 'for respondent employer' : undefined].filter(Boolean).join(' ');
  const who = g.plural ? `${g.C} are ${count} overseas workers${by ? ` recruited ${by}` : ''}. Their names and addresses are listed in Annex A.` : `${g.C} is an overseas worker${by ? ` recruited ${by}` : ''}, whose name and address are stated in Annex A.`;
  const out = [who];
  out.push(...respondents(c.respondents, g.c));
  if (agency && employer) out.push(`The agency and the employer are jointly and solidarily liable for ${g.plural ? "complainants' claims" : "complainant's claims"} arising from ${g.plural ? 'their' : 'the'} employment.`);
  return out;
}

const FEE_WORDS: Record<CaseFile['fees'][number]['purpose'], string> = {
  placement_fee: 'placement fees',
  processing_fee: 'processing fees',
  airfare: 'airfare',
  visa: 'visa costs',
  training: 'training fees',
  medical: 'medical examinations',
  documentation: 'documentation costs',
  bond: 'bonds',
  other: 'other fees',
};
const PAID_TO = { agency: 'the agency', employer: 'the employer', lender: 'lenders', other: 'other persons' } as const;

/** What was paid and to whom, from the base case; never how much (it differs between workers). */
function recruitment(c: CaseFile, g: Grammar): string[] {
  if (!c.fees.length) return [];
  const kinds = [...new Set(c.fees.map((f) => FEE_WORDS[f.purpose]))];
  const payees = [...new Set(c.fees.map((f) => PAID_TO[f.paidTo]))];
  return [
    `Before ${g.their} deployment, ${g.c} paid ${list(payees)} ${list(kinds)} for ${g.plural ? 'their jobs' : 'the job'}. The amounts and dates differ from one complainant to another; ${g.plural ? 'the refunds they claim are' : 'the refund claimed is'} included in the amounts shown in Annex A.`,
  ];
}

function contract(c: CaseFile, g: Grammar): string[] {
  const k = c.contract;
  const e = c.employment;
  const approved = k.approved ? 'approved by the POEA/DMW' : '(not approved by the POEA/DMW)';
  const named = /household|domestic|seafarer/i.test(k.position);
  const as = named ? '' : k.category === 'household' ? (g.plural ? ' as household service workers' : ' as a household service worker') : k.category === 'seafarer' ? (g.plural ? ' as seafarers' : ' as a seafarer') : '';
  const each = g.plural ? 'each signed an employment contract' : 'signed an employment contract';
  const out = [on(k.signedDate, `${g.c} ${each} ${approved}${c.respondents.agency ? ', through the agency,' : ''} to work as ${k.position} in ${country(k.country)}${as} for ${k.termMonths} month${k.termMonths === 1 ? '' : 's'}.`)];
  const terms = [`a basic salary of ${money(k.currency, k.basicMonthlySalary)} a month`];
  if (k.fixedMonthlyBenefits) terms.push(`fixed benefits of ${money(k.currency, k.fixedMonthlyBenefits)} a month`);
  terms.push(`${k.hoursPerDay} hours of work a day, ${k.daysPerWeek} days a week`);
  if (k.hourlyRate) terms.push(`an hourly rate of ${money(k.currency, k.hourlyRate)}`);
  if (k.overtimeMultiplier) terms.push(`overtime paid at ${k.overtimeMultiplier} times the hourly wage`);
  if (k.freeFoodAndLodging) terms.push('free food and lodging');
  out.push(`The contract${g.s} promised ${list(terms)}.`);
  const start = k.start.rule === 'departure' ? 'from departure from the Philippines' : k.start.rule === 'arrival' ? 'from arrival at the jobsite' : k.start.date ? `from ${date(k.start.date)}` : undefined;
  if (start) out.push(`Under the contract${g.s}, the term ran ${start}.`);
  if (e.departureDate && e.arrivalDate && e.arrivalDate !== e.departureDate) out.push(`${g.C} left the Philippines on ${date(e.departureDate)} and arrived at the jobsite on ${date(e.arrivalDate)}.`);
  else if (e.departureDate) out.push(`${g.C} left the Philippines and began work abroad on ${date(e.departureDate)}.`);
  else if (e.arrivalDate) out.push(`${g.C} arrived at the jobsite on ${date(e.arrivalDate)}.`);
  return out;
}

function substitution(c: CaseFile, g: Grammar): string[] {
  const s = c.substitutedContract;
  if (!s) return [];
  const out = [on(s.signedDate, `${s.place ? `in ${s.place}, ` : ''}${g.c} ${g.were} made to sign a second contract${s.language ? `, written in ${s.language}` : ''}.`)];
  const terms: string[] = [];
  if (s.position) terms.push(`named the position as ${s.position}`);
  if (s.basicMonthlySalary) terms.push(`set the salary at ${money(s.currency ?? c.contract.currency, s.basicMonthlySalary)} a month`);
  if (s.hoursPerDay) terms.push(`required ${s.hoursPerDay} hours of work a day`);
  if (terms.length) out.push(`It ${list(terms)}.`);
  if (s.changes.length) out.push(`It changed the terms of the approved contract${g.s}: ${s.changes.join('; ')}.`);
  if (s.signedUnderPressure) out.push(`${cap(g.they)} signed it under pressure.`);
  out.push(`${g.C} never agreed to give up the terms of ${g.their} approved contract${g.s}.`);
  return out;
}

/** The pay itself is each worker's own: the paragraph says where it is set out. */
function work(c: CaseFile, g: Grammar): string[] {
  if (!c.employment.months.length && !c.employment.deductions.length) return [];
  return [
    `${g.C} worked for the employer at the jobsite. What ${g.plural ? 'each complainant' : 'complainant'} was paid, the overtime worked and the deductions made from ${g.plural ? "each one's" : "complainant's"} wages are set out month by month in the computation prepared for ${g.plural ? 'each complainant' : 'complainant'}; the amounts claimed are shown in Annex A.`,
  ];
}

const FORCED = (g: Grammar): Record<CaseFile['separation']['forcedBy'][number], string> => ({
  diminution_of_pay: `${g.their} pay had been cut below what ${g.their} approved contract${g.s} promised`,
  non_payment: `${g.they} ${g.were} not being paid`,
  demotion: `${g.they} had been demoted`,
  contract_substitution: `${g.their} approved contract${g.s} had been replaced by ${g.plural ? 'worse ones' : 'a worse one'}`,
  abuse: `${g.they} ${g.were} being abused`,
  harassment: `${g.they} ${g.were} being harassed`,
  unbearable_conditions: `the conditions of ${g.their} work had become unbearable`,
  other: `of other acts of the employer that made it impossible for ${g.them} to stay`,
});

function ending(c: CaseFile, g: Grammar, sameDates: boolean): string[] {
  const s = c.separation;
  const when = sameDates ? s.date : undefined;
  const differ = !sameDates && s.date ? ` on dates that differ from one complainant to another` : '';
  const out: string[] = [];
  if (s.how === 'dismissed') {
    out.push(on(when, `${g.c} ${g.were} dismissed${differ}${s.reasonGiven ? ` (${s.reasonGiven})` : ''}.`));
    if (s.cause === 'none') out.push(`No cause for ${g.their} dismissal was given.`);
    if (s.cause === 'just') out.push(`The employer claimed that ${g.they} ${g.were} at fault.${s.causeDisputed ? ` ${g.C} ${g.plural ? 'deny' : 'denies'} it.` : ''}`);
    if (s.cause === 'authorised') out.push(`The employer invoked a business reason or illness as the cause of the dismissal.${s.causeDisputed ? ` ${g.C} dispute${g.plural ? '' : 's'} it.` : ''}`);
    const n = s.notices;
    if (n) {
      out.push(n.chargeNotice ? `A written notice of the charge was given on ${date(n.chargeNotice)}.` : `${g.C} received no written notice of any charge.`);
      if (n.hearing !== undefined) out.push(n.hearing ? `${g.C} ${g.were} given a chance to explain.` : `${g.C} ${g.were} given no hearing and no chance to explain.`);
      out.push(n.decisionNotice ? `A written notice of dismissal was given on ${date(n.decisionNotice)}.` : `${g.C} received no written notice of the decision to dismiss ${g.them}.`);
    }
  } else if (s.how === 'resigned_or_fled') {
    out.push(on(when, `${g.c} left ${g.their} work${differ}${s.reasonGiven ? ` (${s.reasonGiven})` : ''}.`));
    if (s.forcedBy.length) out.push(`${cap(g.they)} left because ${list(s.forcedBy.map((f) => FORCED(g)[f]))}. Staying had become impossible for ${g.them}.`);
  } else if (s.how === 'completed') {
    out.push(when ? `${cap(g.their)} contract${g.s} ended on ${date(when)}.` : `${g.C} worked until the end of ${g.their} contract${g.s}.`);
  } else {
    out.push(`${g.C} ${g.are} still employed by the employer.`);
  }
  const q = s.quitclaim;
  if (q?.signed) out.push(`${g.C} ${g.were} made to sign ${g.plural ? 'quitclaims' : 'a quitclaim'}.${q.voluntary === false ? ` ${cap(g.they)} did not sign ${g.plural ? 'them' : 'it'} voluntarily.` : ''}`);
  return out;
}

function homecoming(c: CaseFile, g: Grammar, sameDates: boolean): string[] {
  const r = c.separation.repatriation;
  const out: string[] = [];
  if (r?.date && sameDates) out.push(`${g.C} returned to the Philippines on ${date(r.date)}.`);
  else if (r?.date) out.push(`${g.C} then returned to the Philippines.`);
  if (r?.paidBy === 'worker') out.push(`${g.C} paid for ${g.their} own journey${g.s} home; the cost is claimed in the amounts shown in Annex A.`);
  else if (r?.paidBy === 'deducted_from_wages') out.push(`The cost of ${g.their} journey${g.s} home was deducted from ${g.their} wages.`);
  else if (r && (r.paidBy === 'employer' || r.paidBy === 'agency' || r.paidBy === 'owwa')) out.push(`${cap(g.their)} journey${g.s} home ${g.plural ? 'were' : 'was'} paid by ${r.paidBy === 'owwa' ? 'the Overseas Workers Welfare Administration (OWWA)' : `the ${r.paidBy}`}.`);
  if (c.dates.demand) out.push(`${g.C} made a written demand on the respondents for payment of ${g.their} claims.`);
  return out;
}
