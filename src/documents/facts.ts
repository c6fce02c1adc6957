import type { CaseFile } from '../schemas/case.js';
import { country, date, isRange, list, money, months, place, sentence } from './words.js';

/**
 * The facts of a case file as a worker's sworn statement: first person, plain words, in the
 * order things happened. Each section is a list of paragraphs; a section with nothing recorded is
 * left out, so sparse facts give a shorter statement, never a gap. Free text from the case file
 * (descriptions, reasons) is quoted as recorded: the cover note asks the lawyer to put it in the
 * worker's own words.
 */
export interface FactSection {
  id: 'parties' | 'recruitment' | 'contract' | 'substitution' | 'work' | 'abuse' | 'ending' | 'return';
  title: string;
  paragraphs: string[];
}

const PAID_TO = { agency: 'the agency', employer: 'the employer', lender: 'a lender', other: 'another person' } as const;
const FEE_PURPOSE: Record<CaseFile['fees'][number]['purpose'], string> = {
  placement_fee: 'placement fee',
  processing_fee: 'processing fee',
  airfare: 'my airfare',
  visa: 'my visa',
  training: 'training fee',
  medical: 'my medical examination',
  documentation: 'the cost of my documents',
  bond: 'a bond',
  other: 'a fee',
};
const DEDUCTION_PURPOSE: Record<CaseFile['employment']['deductions'][number]['purpose'], string> = {
  food_lodging: 'food and lodging',
  placement_fee: 'a placement fee',
  airfare: 'airfare',
  agency_share: "the agency's share",
  bond: 'a bond',
  loan: 'a loan',
  insurance: 'insurance',
  union_dues: 'union dues',
  tax: 'tax',
  social_security: 'social security',
  penalty: 'a penalty',
  other: 'other charges',
};
const ABUSE: Record<CaseFile['harm']['abuse'][number]['kind'], string> = {
  verbal_abuse: 'I was verbally abused',
  humiliation: 'I was humiliated',
  threats: 'I was threatened',
  physical_violence: 'I was physically assaulted',
  sexual_harassment: 'I was sexually harassed',
  sexual_abuse: 'I was sexually abused',
  confinement: 'I was confined and not allowed to leave',
  passport_withheld: 'My passport was withheld from me',
  food_withheld: 'Food was withheld from me',
  overwork: 'I was overworked',
  other: 'I was mistreated',
};
const EXPENSE: Record<CaseFile['harm']['expenses'][number]['kind'], string> = {
  medical: 'medical care',
  loan_interest: 'interest on loans',
  lost_belongings: 'belongings I lost',
  travel: 'travel',
  other: 'other expenses',
};
const FORCED: Record<CaseFile['separation']['forcedBy'][number], string> = {
  diminution_of_pay: 'my pay had been cut below what my approved contract promised',
  non_payment: 'I was not being paid',
  demotion: 'I had been demoted',
  contract_substitution: 'my approved contract had been replaced by a worse one',
  abuse: 'I was being abused',
  harassment: 'I was being harassed',
  unbearable_conditions: 'the conditions of my work had become unbearable',
  other: 'of other acts of the employer that made it impossible for me to stay',
};
const PAYER = { employer: 'the employer', agency: 'the agency', owwa: 'the Overseas Workers Welfare Administration (OWWA)' } as const;

const on = (d: string | undefined, rest: string): string => (d ? `On ${date(d)}, ${rest}` : cap(rest));
const cap = (s: string): string => s.charAt(0).toLocaleUpperCase('en') + s.slice(1);
const isZero = (amount: string): boolean => /^0*(\.0*)?$/.test(amount.replace(/,/g, ''));
const paren = (text: string | undefined): string => (text ? ` (${text})` : '');

export function buildFacts(c: CaseFile): FactSection[] {
  const sections: FactSection[] = [
    { id: 'parties', title: 'The parties', paragraphs: parties(c) },
    { id: 'recruitment', title: 'My recruitment and the fees I paid', paragraphs: recruitment(c) },
    { id: 'contract', title: 'My approved contract', paragraphs: contract(c) },
    { id: 'substitution', title: 'The second contract I was made to sign', paragraphs: substitution(c) },
    { id: 'work', title: 'My work and my pay', paragraphs: work(c) },
    { id: 'abuse', title: 'How I was treated', paragraphs: abuse(c) },
    { id: 'ending', title: 'How my employment ended', paragraphs: ending(c) },
    { id: 'return', title: 'My return to the Philippines', paragraphs: homecoming(c) },
  ];
  return sections.filter((s) => s.paragraphs.length);
}

function parties(c: CaseFile): string[] {
  const { agency, employer } = c.respondents;
  const out = [`I am the complainant in this case, a${/^[aeiou]/i.test(c.worker.citizenship) ? 'n' : ''} ${c.worker.citizenship} overseas worker.`];
  out.push(...respondents(c.respondents, 'me'));
  if (agency && employer) out.push('The agency and the employer are jointly and solidarily liable for my claims arising from my employment.');
  return out;
}

/**
 * Who the respondents are, a sentence each, the same in a worker's affidavit and in a joint
 * complaint; `recruited` is whom the agency recruited ("me", "complainants").
 */
export function respondents({ agency, employer }: CaseFile['respondents'], recruited: string): string[] {
  const out: string[] = [];
  if (agency) {
    const licence = agency.licenceNumber ? `, licensed by the Department of Migrant Workers under licence no. ${agency.licenceNumber}` : '';
    out.push(sentence(`Respondent ${agency.name} (the agency) is a recruitment and placement agency${licence}${agency.address ? `, with office at ${agency.address}` : ''}`));
    for (const o of agency.officers) out.push(sentence(`Respondent ${o.name} is ${o.position ? `the ${o.position}` : 'an officer'} of the agency${o.address ? `, residing at ${o.address}` : ''}`));
    if (agency.officers.length) out.push(`As its officer${agency.officers.length > 1 ? 's' : ''}, ${agency.officers.length > 1 ? 'they are' : 'he or she is'} jointly and solidarily liable with the agency.`);
  }
  if (employer) {
    const where = place(employer.address, employer.country);
    out.push(sentence(`Respondent ${employer.name} (the employer) is the foreign employer${agency ? ` for whom the agency recruited ${recruited}` : ''}${where ? `, at ${where}` : ''}`));
  }
  return out;
}

function recruitment(c: CaseFile): string[] {
  return c.fees.map((f) => {
    const what = f.purpose === 'placement_fee' || f.purpose === 'processing_fee' || f.purpose === 'training' ? `as ${f.purpose === 'placement_fee' ? 'a placement fee' : `a ${FEE_PURPOSE[f.purpose]}`}` : `for ${FEE_PURPOSE[f.purpose]}`;
    const paid = on(f.date, `I paid ${money(f.currency, f.amount)} to ${PAID_TO[f.paidTo]} ${what}${paren(f.description)}.`);
    return `${paid} ${f.receipt ? 'I was given an official receipt.' : 'No receipt was given to me.'}`;
  });
}

function contract(c: CaseFile): string[] {
  const k = c.contract;
  const e = c.employment;
  const approved = k.approved ? 'approved by the POEA/DMW' : '(which was not approved by the POEA/DMW)';
  const as = /household|domestic/i.test(k.position) || /seafarer/i.test(k.position) ? '' : k.category === 'household' ? ' as a household service worker' : k.category === 'seafarer' ? ' as a seafarer' : '';
  const out = [on(k.signedDate, `I signed an employment contract ${approved}${c.respondents.agency ? ', through the agency,' : ''} to work as ${k.position} in ${country(k.country)}${as} for ${k.termMonths} month${k.termMonths === 1 ? '' : 's'}.`)];
  const terms = [`a basic salary of ${money(k.currency, k.basicMonthlySalary)} a month`];
  if (k.fixedMonthlyBenefits) terms.push(`fixed benefits of ${money(k.currency, k.fixedMonthlyBenefits)} a month`);
  terms.push(`${k.hoursPerDay} hours of work a day, ${k.daysPerWeek} days a week`);
  if (k.hourlyRate) terms.push(`an hourly rate of ${money(k.currency, k.hourlyRate)}`);
  if (k.overtimeMultiplier) terms.push(`overtime paid at ${k.overtimeMultiplier} times my hourly wage`);
  if (k.freeFoodAndLodging) terms.push('free food and lodging');
  out.push(`The contract promised me ${list(terms)}.`);
  const start = k.start.rule === 'departure' ? 'from my departure from the Philippines' : k.start.rule === 'arrival' ? 'from my arrival at the jobsite' : k.start.date ? `from ${date(k.start.date)}` : undefined;
  if (start) out.push(`Under the contract, its term ran ${start}.`);
  if (e.departureDate && e.arrivalDate && e.arrivalDate !== e.departureDate) out.push(`I left the Philippines on ${date(e.departureDate)} and arrived at the jobsite on ${date(e.arrivalDate)}.`);
  else if (e.departureDate) out.push(`I left the Philippines and began my work abroad on ${date(e.departureDate)}.`);
  else if (e.arrivalDate) out.push(`I arrived at the jobsite on ${date(e.arrivalDate)}.`);
  return out;
}

function substitution(c: CaseFile): string[] {
  const s = c.substitutedContract;
  if (!s) return [];
  const out = [on(s.signedDate, `${s.place ? `in ${s.place}, ` : ''}I was made to sign a second contract${s.language ? `, written in ${s.language}` : ''}.`)];
  const terms: string[] = [];
  if (s.position) terms.push(`named my position as ${s.position}`);
  if (s.basicMonthlySalary) terms.push(`set my salary at ${money(s.currency ?? c.contract.currency, s.basicMonthlySalary)} a month`);
  if (s.hoursPerDay) terms.push(`required ${s.hoursPerDay} hours of work a day`);
  if (terms.length) out.push(`It ${list(terms)}.`);
  if (s.changes.length) out.push(`It changed the terms of my approved contract: ${s.changes.join('; ')}.`);
  if (s.signedUnderPressure) out.push('I signed it under pressure.');
  out.push('I never agreed to give up the terms of my approved contract.');
  return out;
}

function work(c: CaseFile): string[] {
  const k = c.contract;
  const out: string[] = [];
  for (const m of c.employment.months) {
    const when = months(m.month);
    const each = isRange(m.month) ? ' each month' : '';
    const received = money(k.currency, m.wagesReceived);
    const days = m.daysWorked ? `, when I worked ${m.daysWorked} days,` : ',';
    out.push(isZero(m.wagesReceived) ? `For ${when}${days} I was paid nothing${paren(m.note)}.` : `For ${when}${days} I received ${received}${each}${paren(m.note)}.`);
    if (!isZero(m.overtimeHours)) {
      const paid = !isZero(m.overtimePaid) ? `, for which I was paid only ${money(k.currency, m.overtimePaid)}` : ', for which I was not paid';
      out.push(`In ${when}, I worked ${m.overtimeHours} hours of overtime${each}${paid}.`);
    }
  }
  for (const d of c.employment.deductions) {
    const amount = money(d.currency ?? k.currency, d.amount);
    const by = d.takenBy === 'agency' ? ' by the agency' : d.takenBy === 'other' ? '' : ' by the employer';
    const consent = d.consentInWriting === false ? ' I did not agree to it in writing.' : d.consentInWriting ? ' I had agreed to it in writing.' : '';
    out.push(`${isRange(d.month) ? `From ${months(d.month)}` : `In ${months(d.month)}`}, ${amount}${isRange(d.month) ? ' a month' : ''} was deducted from my wages${by} for ${DEDUCTION_PURPOSE[d.purpose]}${paren(d.description)}.${consent}`);
  }
  return out;
}

function abuse(c: CaseFile): string[] {
  const h = c.harm;
  const out = h.abuse.map((a) => {
    const what = on(a.date, `${ABUSE[a.kind]}${a.by ? ` by ${a.by}` : ''}${a.description ? `: ${a.description}` : ''}`);
    return `${sentence(what)}${a.reportedTo ? ` I reported it to ${sentence(a.reportedTo)}` : ''}`;
  });
  for (const i of h.injuries) out.push(`${sentence(on(i.date, `I was injured: ${i.description}`))}${i.medicalReport ? ' A medical report was made of my injuries.' : ''}`);
  for (const x of h.expenses) {
    out.push(`${on(x.date, `I spent ${money(x.currency, x.amount)} on ${EXPENSE[x.kind]}${paren(x.description)}`)}. ${x.receipt ? 'I have the receipt.' : 'I have no receipt for it.'}`);
  }
  return out;
}

function ending(c: CaseFile): string[] {
  const s = c.separation;
  const out: string[] = [];
  if (s.how === 'dismissed') {
    out.push(on(s.date, `I was dismissed${paren(s.reasonGiven)}.`));
    if (s.cause === 'none') out.push('No cause for my dismissal was given to me.');
    if (s.cause === 'just') out.push(`The employer claimed that I was at fault.${s.causeDisputed ? ' I deny it.' : ''}`);
    if (s.cause === 'authorised') out.push(`The employer invoked a business reason or illness as the cause of my dismissal.${s.causeDisputed ? ' I dispute it.' : ''}`);
    const n = s.notices;
    if (n) {
      out.push(n.chargeNotice ? `I received a written notice of the charge against me on ${date(n.chargeNotice)}.` : 'I received no written notice of any charge against me.');
      if (n.hearing !== undefined) out.push(n.hearing ? 'I was given a chance to explain my side.' : 'I was given no hearing and no chance to explain my side.');
      out.push(n.decisionNotice ? `I received a written notice of my dismissal on ${date(n.decisionNotice)}.` : 'I received no written notice of the decision to dismiss me.');
    }
  } else if (s.how === 'resigned_or_fled') {
    out.push(on(s.date, `I left my work${paren(s.reasonGiven)}.`));
    if (s.forcedBy.length) out.push(`I left because ${list(s.forcedBy.map((f) => FORCED[f]))}. Staying had become impossible for me.`);
  } else if (s.how === 'completed') {
    out.push(s.date ? `My contract ended on ${date(s.date)}.` : 'I worked until the end of my contract.');
  } else {
    out.push('I am still employed by the employer.');
  }
  if (s.lastDayWorked && s.lastDayWorked !== s.date) out.push(`My last day of work was ${date(s.lastDayWorked)}.`);
  const q = s.quitclaim;
  if (q?.signed) {
    out.push(`I was made to sign a quitclaim${q.amount ? ` for ${money(q.amount.currency, q.amount.amount)}` : ''}.${q.voluntary === false ? ' I did not sign it voluntarily.' : ''}`);
  }
  return out;
}

function homecoming(c: CaseFile): string[] {
  const r = c.separation.repatriation;
  const out: string[] = [];
  if (r?.date) out.push(`I returned to the Philippines on ${date(r.date)}.`);
  const cost = r?.cost ? money(r.cost.currency, r.cost.amount) : undefined;
  if (r?.paidBy === 'worker') out.push(`I paid for my own journey home${cost ? `, ${cost}` : ''}.${r.receipt ? ' I have the receipt.' : ''}`);
  else if (r?.paidBy === 'deducted_from_wages') out.push(`The cost of my journey home${cost ? `, ${cost},` : ''} was deducted from my wages.`);
  else if (r && (r.paidBy === 'employer' || r.paidBy === 'agency' || r.paidBy === 'owwa')) out.push(`My journey home was paid by ${PAYER[r.paidBy]}.`);
  if (c.dates.demand) out.push(`On ${date(c.dates.demand)}, I made a written demand on the respondents for payment of my claims.`);
  return out;
}
