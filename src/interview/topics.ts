import type { Choice } from '../prompt/prompter.js';
import {
  ABUSE_KINDS, CAUSE_KINDS, DEDUCTION_PURPOSES, EVIDENCE_CODES, EXPENSE_KINDS, FEE_PURPOSES, FORCED_BY, PAYERS, SEPARATION_KINDS, WORKER_CATEGORIES,
} from '../schemas/case.js';
import { monthYear } from '../core/dates.js';
import { expandMonthSpec } from '../schemas/derive.js';
import { also, currencyCode, date, money, months, number, optional, readWage, wage, whole, words } from './fields.js';
import { type Answers, type Q, type Topic, count, repeat, str, yes } from './question.js';

/**
 * The interview's topics, in the order legal aid works through a case (fact finding first:
 * seed-cases.md, good practice 6). Each question is data; the runner asks, the builder turns the
 * answers into the case file.
 */

const choices = (labels: Record<string, string>, values: readonly string[]): Choice[] => values.map((value) => ({ value, label: labels[value] ?? value }));

const text = (name: string, message: string, extra: Partial<Omit<Q & { kind: 'text' }, 'kind' | 'name' | 'message'>> = {}): Q => ({ kind: 'text', name, message, parse: words, ...extra });
/** Enter leaves it out. */
const maybe = (name: string, message: string, parse = words, extra: Partial<Q> = {}): Q =>
  ({ kind: 'text', name, message: `${message} (Enter to skip)`, parse: optional(parse), default: () => '', ...extra }) as Q;
const confirm = (name: string, message: string, extra: Partial<Q & { kind: 'confirm' }> = {}): Q => ({ kind: 'confirm', name, message, ...extra }) as Q;
const howMany = (name: string, message: string, extra: Partial<Q> = {}): Q => ({ kind: 'text', name, message, parse: whole, default: () => '0', ...extra }) as Q;

const contractCurrency = (a: Answers) => str(a, 'contract.currency');

// ── 1. The worker ────────────────────────────────────────────────────────────────────────────────
const worker: Topic = {
  id: 'worker',
  title: 'The worker and how to reach them',
  why: `We start with you: your name as it is on your passport, and how we can reach you.
The complaint is filed in your name, and the tribunal and your lawyer must be able to send you notices.
Nothing here is shared with anyone but the people helping you with your case.`,
  questions: () => [
    text('worker.name', "Worker's full name (as on the passport)"),
    { kind: 'select', name: 'worker.sex', message: 'Sex', choices: choices({ female: 'Female', male: 'Male', other: 'Other', '': 'Not said' }, ['female', 'male', 'other', '']), default: '' },
    maybe('worker.birthDate', 'Date of birth', date),
    maybe('worker.civilStatus', 'Civil status (single, married, widowed…)'),
    text('worker.citizenship', 'Citizenship', { default: () => 'Filipino' }),
    maybe('worker.address', 'Home address in the Philippines'),
    maybe('worker.phone', 'Phone number'),
    maybe('worker.email', 'Email address'),
  ],
};

// ── 2. Agency and employer ───────────────────────────────────────────────────────────────────────
const respondents: Topic = {
  id: 'respondents',
  title: 'The agency and the foreign employer',
  why: `Who sent you abroad, and who you worked for. In the Philippines the recruitment agency that
deployed you answers for everything the foreign employer owes you, together with the employer, and
the agency's officers (its president, its treasurer) answer too. So we need the agency's exact
name and licence number, and the names of its officers if you know them.`,
  questions: (a) => [
    confirm('respondents.agency.any', 'Was the worker deployed through a Philippine recruitment agency?', { default: true }),
    text('respondents.agency.name', "The agency's name", { when: (x) => yes(x, 'respondents.agency.any') }),
    maybe('respondents.agency.licenceNumber', "The agency's DMW/POEA licence number", words, { when: (x) => yes(x, 'respondents.agency.any') }),
    maybe('respondents.agency.address', "The agency's address", words, { when: (x) => yes(x, 'respondents.agency.any') }),
    howMany('respondents.agency.officers.count', 'How many of its officers (owner, president, treasurer…) does the worker know by name?', {
      when: (x) => yes(x, 'respondents.agency.any'),
      help: 'Corporate officers are liable together with the agency; name only those the worker knows.',
    }),
    ...repeat(count(a, 'respondents.agency.officers.count'), (i) => [
      text(`respondents.agency.officers[${i}].name`, `Officer ${i + 1}: name`, { when: (x) => yes(x, 'respondents.agency.any') }),
      maybe(`respondents.agency.officers[${i}].position`, `Officer ${i + 1}: position (President, Treasurer…)`, words, { when: (x) => yes(x, 'respondents.agency.any') }),
    ]),
    confirm('respondents.employer.any', 'Does the worker know the foreign employer’s name?', { default: true }),
    text('respondents.employer.name', "The foreign employer's name", { when: (x) => yes(x, 'respondents.employer.any') }),
    maybe('respondents.employer.address', "The employer's address abroad", words, { when: (x) => yes(x, 'respondents.employer.any') }),
    maybe('respondents.employer.country', "The employer's country (a code like SA, RO, TW)", words, { when: (x) => yes(x, 'respondents.employer.any') }),
  ],
};

// ── 3. Recruitment and fees ──────────────────────────────────────────────────────────────────────
const FEE_LABELS: Record<string, string> = {
  placement_fee: 'Placement fee', processing_fee: 'Processing fee (employer’s cost)', airfare: 'Airfare (employer’s cost)', visa: 'Visa (employer’s cost)',
  training: 'Training', medical: 'Medical examination', documentation: 'Documents (passport, NBI, birth certificate…)', bond: 'Bond or deposit', other: 'Other',
};
const fees: Topic = {
  id: 'fees',
  title: 'Recruitment and every fee paid',
  why: `Every peso or dollar you paid to get this job. The law limits what an agency may charge (and for
household workers and seafarers it may charge nothing), and some costs are always the employer's,
such as the visa and the plane ticket. What was taken beyond the law is paid back, with interest.
Count each payment separately, even small ones, and say if you got an official receipt.`,
  questions: (a) => [
    howMany('fees.count', 'How many separate payments did the worker make for this job (fees, training, airfare…)?'),
    ...repeat(count(a, 'fees.count'), (i) => [
      { kind: 'text', name: `fees[${i}].amount`, message: `Payment ${i + 1}: amount`, parse: money },
      { kind: 'text', name: `fees[${i}].currency`, message: `Payment ${i + 1}: currency`, parse: currencyCode, default: () => 'PHP' },
      maybe(`fees[${i}].date`, `Payment ${i + 1}: date paid`, date, { help: 'The limit on fees in force on that day applies.' }),
      { kind: 'select', name: `fees[${i}].purpose`, message: `Payment ${i + 1}: what was it for?`, choices: choices(FEE_LABELS, FEE_PURPOSES), default: 'placement_fee' },
      { kind: 'select', name: `fees[${i}].paidTo`, message: `Payment ${i + 1}: paid to`, choices: choices({ agency: 'The agency', employer: 'The employer', lender: 'A lender', other: 'Someone else' }, ['agency', 'employer', 'lender', 'other']), default: 'agency' },
      confirm(`fees[${i}].receipt`, `Payment ${i + 1}: was an official receipt given?`),
      maybe(`fees[${i}].description`, `Payment ${i + 1}: anything to note (how it was paid, a loan…)`),
    ]),
  ],
};

// ── 4. The approved contract ─────────────────────────────────────────────────────────────────────
const contract: Topic = {
  id: 'contract',
  title: 'The approved contract',
  why: `The contract approved by the DMW (POEA) before you left is the one that counts, whatever you
were made to sign later. It says what you were promised: the salary, the hours, free food or
housing, and how long the job was for. Everything you were owed is measured against it.`,
  questions: () => [
    text('contract.position', 'Position in the approved contract (e.g. Sewing machine operator)'),
    text('contract.country', 'Country of work (a code like SA, RO, TW; a Canadian province as CA-MB)'),
    { kind: 'select', name: 'contract.category', message: 'Kind of worker', choices: choices({ general: 'General worker', household: 'Household service worker', seafarer: 'Seafarer' }, WORKER_CATEGORIES), default: 'general', help: 'No fee at all may be charged to household workers and seafarers.' },
    { kind: 'text', name: 'contract.currency', message: 'Currency of the salary in the contract', parse: currencyCode, default: () => 'USD' },
    { kind: 'text', name: 'contract.basicMonthlySalary', message: 'Basic monthly salary in the approved contract', parse: money },
    { kind: 'text', name: 'contract.hoursPerDay', message: 'Normal hours of work a day', parse: number, default: () => '8' },
    { kind: 'text', name: 'contract.daysPerWeek', message: 'Normal days of work a week', parse: number, default: () => '6' },
    confirm('contract.freeFoodAndLodging', 'Did the contract promise free food and lodging?', { default: false, help: 'If so, any deduction for food or lodging was unlawful.' }),
    maybe('contract.signedDate', 'Date the contract was signed', date, { help: 'Fees taken before this date were taken unlawfully.' }),
    confirm('contract.approved', 'Was the contract approved or verified by the DMW/POEA?', { default: true }),
    {
      kind: 'select', name: 'contract.start.rule', message: 'When does the contract say the term starts?',
      choices: choices({ departure: 'On departure from the Philippines', arrival: 'On arrival at the job site', date: 'On a date written in the contract' }, ['departure', 'arrival', 'date']),
      default: 'arrival',
    },
    { kind: 'text', name: 'contract.start.date', message: 'The start date written in the contract', parse: date, when: (a) => str(a, 'contract.start.rule') === 'date' },
    { kind: 'text', name: 'contract.termMonths', message: 'How many months was the contract for?', parse: also(whole, (v) => (v === '0' ? 'a contract term of at least 1 month' : undefined)) },
  ],
};

// ── 5. A second contract abroad ──────────────────────────────────────────────────────────────────
const second: Topic = {
  id: 'substitutedContract',
  title: 'A second contract signed abroad',
  why: `Some workers are made to sign a new contract when they arrive, with lower pay or worse terms.
That is called contract substitution: it is against the law, the approved contract still governs,
and what the new contract took away can be claimed back.`,
  questions: () => {
    const had = (a: Answers) => yes(a, 'substitutedContract.any');
    return [
      confirm('substitutedContract.any', 'Was the worker made to sign another contract abroad (or a changed one)?', { default: false }),
      maybe('substitutedContract.signedDate', 'Date it was signed', date, { when: had }),
      maybe('substitutedContract.place', 'Where it was signed', words, { when: had }),
      maybe('substitutedContract.language', 'In what language, and could the worker read it?', words, { when: had }),
      maybe('substitutedContract.position', 'Position in the second contract, if different', words, { when: had }),
      maybe('substitutedContract.basicMonthlySalary', 'Monthly salary in the second contract, if it gave one', money, { when: had }),
      { kind: 'text', name: 'substitutedContract.currency', message: 'Currency of that salary', parse: currencyCode, default: contractCurrency, when: (a) => had(a) && str(a, 'substitutedContract.basicMonthlySalary') !== undefined },
      maybe('substitutedContract.hoursPerDay', 'Hours a day in the second contract, if different', number, { when: had }),
      text('substitutedContract.changes', 'What did it change? List each change, separated by ";" (e.g. lower wages; unpaid trial month)', { when: had }),
      confirm('substitutedContract.signedUnderPressure', 'Was the worker pressed or hurried into signing it?', { when: had, default: true }),
    ];
  },
};

// ── 6. Work abroad ───────────────────────────────────────────────────────────────────────────────
const DEDUCTION_LABELS: Record<string, string> = {
  food_lodging: 'Food or lodging', placement_fee: 'Placement fee', airfare: 'Airfare', agency_share: 'Agency’s share', bond: 'Bond or deposit', loan: 'Loan repayment',
  insurance: 'Insurance', union_dues: 'Union dues', tax: 'Tax', social_security: 'Social security', penalty: 'Penalty or fine', other: 'Other',
};

/** The months worked, as typed in work.months. */
export function monthsWorked(a: Answers): string[] {
  const spec = str(a, 'work.months');
  return spec ? expandMonthSpec(spec) : [];
}

/** The wage questions still to ask: one per month not covered by an earlier answer's range. */
function wageQuestions(a: Answers): Q[] {
  const all = monthsWorked(a);
  const last = all[all.length - 1]!;
  const out: Q[] = [];
  let previous: string | undefined;
  for (let i = 0; i < all.length; i++) {
    const month = all[i]!;
    const name = `wages.${month}`;
    const before = previous;
    out.push({
      kind: 'text',
      name,
      message: `Wages received for ${monthYear(month)}${before === undefined ? '' : ` (Enter = same as last month, ${before})`}`,
      help: [
        'Type the amount that reached the worker’s hands, after deductions. Shortcuts:',
        '  Enter or "same"            the same as last month',
        '  "nothing"                  not paid that month',
        '  "235 to 2025-07"           that amount for every month up to July 2025',
        '  "nothing until June"       unpaid every month up to the next June',
      ].join('\n'),
      parse: wage(month, last, before),
      ...(before === undefined ? {} : { default: () => 'same' }),
    });
    const given = str(a, name);
    if (given === undefined) break; // later months depend on this answer
    const entry = readWage(given, month);
    previous = entry.amount;
    while (i + 1 < all.length && all[i + 1]! <= entry.until) i++;
  }
  return out;
}

const inWorked = (a: Answers) => (v: string) => {
  if (!str(a, 'work.months')) return undefined; // nothing to check against yet
  const worked = new Set(monthsWorked(a));
  const outside = expandMonthSpec(v).find((m) => !worked.has(m));
  return outside ? `${outside} is outside the months worked (${str(a, 'work.months')})` : undefined;
};

const overtime = (a: Answers) => yes(a, 'work.overtime');

const work: Topic = {
  id: 'work',
  title: 'Work abroad: wages, hours, deductions',
  why: `What really happened at work, month by month: how much pay reached your hands, how many hours
beyond the normal day you worked, and what was taken out of your pay. The difference between
what the approved contract promised and what you received is owed to you, and so is unpaid
overtime. Money taken from your pay without a lawful reason is paid back.`,
  questions: (a) => [
    maybe('employment.departureDate', 'Date the worker left the Philippines', date),
    maybe('employment.arrivalDate', 'Date the worker arrived at the job site', date),
    { kind: 'text', name: 'work.months', message: 'Which months did the worker work? (a range like 2025-03..2025-07)', parse: months, help: 'The first and the last month at work, even if only part of the month.' },
    ...wageQuestions(a),
    confirm('work.overtime', 'Did the worker work beyond the normal hours?', { default: false }),
    { kind: 'text', name: 'contract.overtimeMultiplier', message: 'Overtime rate in the approved contract, as a multiple of the hourly wage (e.g. 1.25, 1.5 or 2)', parse: optional(number), default: () => '', when: overtime, help: 'Enter to skip if the contract does not say.' },
    howMany('overtime.count', 'In how many separate stretches of months? (one stretch = months with the same overtime hours)', { when: overtime, default: () => '1' }),
    ...repeat(count(a, 'overtime.count'), (i) => [
      { kind: 'text', name: `overtime[${i}].months`, message: `Overtime ${i + 1}: which month or months (2025-03, or 2025-03..2025-04)`, parse: also(months, inWorked(a)), when: overtime },
      { kind: 'text', name: `overtime[${i}].hours`, message: `Overtime ${i + 1}: hours of overtime in each of those months`, parse: number, when: overtime },
      { kind: 'text', name: `overtime[${i}].paid`, message: `Overtime ${i + 1}: overtime pay received in each of those months`, parse: money, default: () => '0', when: overtime },
    ]),
    howMany('employment.deductions.count', 'How many kinds of deduction were taken from the wages (food, lodging, fees…)? 0 if none'),
    ...repeat(count(a, 'employment.deductions.count'), (i) => [
      { kind: 'select', name: `employment.deductions[${i}].purpose`, message: `Deduction ${i + 1}: for what?`, choices: choices(DEDUCTION_LABELS, DEDUCTION_PURPOSES) },
      { kind: 'text', name: `employment.deductions[${i}].month`, message: `Deduction ${i + 1}: in which month or months (2025-04, or 2025-04..2025-07)`, parse: also(months, inWorked(a)) },
      { kind: 'text', name: `employment.deductions[${i}].amount`, message: `Deduction ${i + 1}: amount taken each month${contractCurrency(a) ? ` (${contractCurrency(a)})` : ''}`, parse: money },
      confirm(`employment.deductions[${i}].consentInWriting`, `Deduction ${i + 1}: did the worker agree to it in writing?`, { default: false }),
      maybe(`employment.deductions[${i}].description`, `Deduction ${i + 1}: anything to note`),
    ]),
  ],
};

// ── 7. How it ended ──────────────────────────────────────────────────────────────────────────────
const HOW_LABELS: Record<string, string> = {
  dismissed: 'Dismissed (sent away) by the employer', resigned_or_fled: 'Resigned, fled, or was forced to leave', completed: 'Completed the contract', still_employed: 'Still working there',
};
const FORCED_LABELS: Record<string, string> = {
  diminution_of_pay: 'Pay was cut', non_payment: 'Pay was not paid', demotion: 'Demoted', contract_substitution: 'Made to work under a worse contract', abuse: 'Abuse or threats',
  harassment: 'Harassment', unbearable_conditions: 'Unbearable conditions', other: 'Other',
};
const PAYER_LABELS: Record<string, string> = {
  worker: 'The worker', deducted_from_wages: 'Deducted from the wages', employer: 'The employer', agency: 'The agency', owwa: 'OWWA', unknown: 'Not known',
};
const how = (a: Answers) => str(a, 'separation.how');
const dismissed = (a: Answers) => how(a) === 'dismissed';
const withCause = (a: Answers) => dismissed(a) && ['just', 'authorised', 'unknown'].includes(str(a, 'separation.cause') ?? '');
const home = (a: Answers) => how(a) !== undefined && how(a) !== 'still_employed';
const paidTicket = (a: Answers) => home(a) && str(a, 'separation.repatriation.paidBy') === 'worker';
const quitclaim = (a: Answers) => yes(a, 'separation.quitclaim.signed');

const ending: Topic = {
  id: 'separation',
  title: 'How it ended',
  why: `How the job ended decides which claims you have. If you were sent away without a valid reason,
or without a written notice and a chance to explain, the employer owes you your salary for the
rest of the contract. If you had to leave because of a pay cut, unpaid wages or abuse, the law
treats it as if you were dismissed. We also ask who paid your ticket home (it should not be you)
and whether you signed any paper giving up your claims.`,
  questions: () => [
    { kind: 'select', name: 'separation.how', message: 'How did the job end?', choices: choices(HOW_LABELS, SEPARATION_KINDS) },
    { kind: 'text', name: 'separation.date', message: 'Date it ended (the dismissal, or the day the worker left)', parse: date, when: (a) => dismissed(a) || how(a) === 'resigned_or_fled' },
    maybe('separation.date', 'Date the contract ended', date, { when: (a) => how(a) === 'completed' }),
    maybe('separation.lastDayWorked', 'Last day actually worked, if different', date, { when: home }),
    maybe('separation.reasonGiven', 'The reason given (the employer’s words, or the worker’s)', words, { when: (a) => dismissed(a) || how(a) === 'resigned_or_fled' }),
    {
      kind: 'select', name: 'separation.cause', message: 'What cause did the employer state?', when: dismissed, default: 'unknown',
      choices: choices({ none: 'None at all', just: 'The worker’s fault (misconduct, disobedience…)', authorised: 'Business reasons or illness (redundancy, closure…)', unknown: 'Not known' }, CAUSE_KINDS),
    },
    confirm('separation.causeDisputed', 'Does the worker deny that cause?', { when: (a) => dismissed(a) && ['just', 'authorised'].includes(str(a, 'separation.cause') ?? ''), default: true }),
    maybe('separation.notices.chargeNotice', 'Date of the first written notice stating the charge', date, { when: withCause, help: 'A dismissal needs a written charge, a chance to answer, and a written decision.' }),
    confirm('separation.notices.hearing', 'Was the worker given a hearing or a chance to answer?', { when: withCause, default: false }),
    maybe('separation.notices.decisionNotice', 'Date of the written notice of dismissal', date, { when: withCause }),
    maybe('separation.notices.doleNotice', 'Date the labour department was notified', date, { when: (a) => dismissed(a) && str(a, 'separation.cause') === 'authorised' }),
    confirm('separation.solelyWorkersFault', 'Was the dismissal solely the worker’s own fault?', { when: (a) => dismissed(a) && str(a, 'separation.cause') === 'just', default: false, help: 'Only then does the worker pay for the journey home.' }),
    { kind: 'checkbox', name: 'separation.forcedBy', message: 'Why did the worker have to leave? (space to choose, Enter when done)', when: (a) => how(a) === 'resigned_or_fled', choices: choices(FORCED_LABELS, FORCED_BY) },
    confirm('separation.quitclaim.signed', 'Did the worker sign any paper giving up claims (a quitclaim or release)?', { when: home, default: false }),
    maybe('separation.quitclaim.amount.amount', 'Amount received for signing it', money, { when: (a) => home(a) && quitclaim(a) }),
    { kind: 'text', name: 'separation.quitclaim.amount.currency', message: 'Currency of that amount', parse: currencyCode, default: contractCurrency, when: (a) => home(a) && quitclaim(a) && str(a, 'separation.quitclaim.amount.amount') !== undefined },
    confirm('separation.quitclaim.voluntary', 'Did the worker sign it freely?', { when: (a) => home(a) && quitclaim(a), default: false }),
    { kind: 'select', name: 'separation.repatriation.paidBy', message: 'Who paid for the ticket home?', when: home, choices: choices(PAYER_LABELS, PAYERS), default: 'unknown', help: 'If it was deducted from wages, also list it as an airfare deduction in the work topic.' },
    maybe('separation.repatriation.date', 'Date the worker flew home', date, { when: home }),
    { kind: 'text', name: 'separation.repatriation.cost.amount', message: 'What did the ticket home cost?', parse: money, when: paidTicket },
    { kind: 'text', name: 'separation.repatriation.cost.currency', message: 'Currency of the ticket', parse: currencyCode, default: contractCurrency, when: paidTicket },
    confirm('separation.repatriation.receipt', 'Is there a receipt or the e-ticket for it?', { when: paidTicket, default: true }),
  ],
};

// ── 8. Harm ──────────────────────────────────────────────────────────────────────────────────────
const ABUSE_LABELS: Record<string, string> = {
  verbal_abuse: 'Shouted at, insulted', humiliation: 'Humiliated', threats: 'Threatened', physical_violence: 'Hit or hurt', sexual_harassment: 'Sexual harassment',
  sexual_abuse: 'Sexual abuse', confinement: 'Locked in, not allowed out', passport_withheld: 'Passport taken', food_withheld: 'Food withheld', overwork: 'Overworked (quotas, no rest)', other: 'Other',
};
const EXPENSE_LABELS: Record<string, string> = { medical: 'Medical', loan_interest: 'Interest on a loan', lost_belongings: 'Lost belongings', travel: 'Travel', other: 'Other' };

const harm: Topic = {
  id: 'harm',
  title: 'Abuse, threats, injuries, medical costs',
  why: `What was done to you. Abuse, threats and humiliation are grounds for moral damages, money for the
suffering, and a cruel or oppressive way of acting can add exemplary damages. Injuries and what you
paid to treat them are claimed too; receipts make those costs certain. Take your time; you can skip
any question and come back to it.`,
  questions: (a) => {
    const kinds = Array.isArray(a['harm.abuse.kinds']) ? (a['harm.abuse.kinds'] as string[]) : [];
    return [
      { kind: 'checkbox', name: 'harm.abuse.kinds', message: 'Was the worker… (space to choose each that happened, Enter when done)', choices: choices(ABUSE_LABELS, ABUSE_KINDS) },
      ...kinds.flatMap((k, i) => [
        maybe(`harm.abuse[${i}].description`, `${ABUSE_LABELS[k] ?? k}: what happened?`),
        maybe(`harm.abuse[${i}].by`, `${ABUSE_LABELS[k] ?? k}: by whom?`),
        maybe(`harm.abuse[${i}].date`, `${ABUSE_LABELS[k] ?? k}: when (a date)?`, date),
        maybe(`harm.abuse[${i}].reportedTo`, `${ABUSE_LABELS[k] ?? k}: reported to anyone (agency, embassy, police)?`),
      ]),
      howMany('harm.injuries.count', 'How many injuries or illnesses from the work? 0 if none'),
      ...repeat(count(a, 'harm.injuries.count'), (i) => [
        text(`harm.injuries[${i}].description`, `Injury ${i + 1}: what was it?`),
        maybe(`harm.injuries[${i}].date`, `Injury ${i + 1}: when?`, date),
        confirm(`harm.injuries[${i}].medicalReport`, `Injury ${i + 1}: is there a medical report?`, { default: false }),
      ]),
      howMany('harm.expenses.count', 'How many costs did the worker pay because of this (medicine, hospital, loan interest…)? 0 if none'),
      ...repeat(count(a, 'harm.expenses.count'), (i) => [
        { kind: 'select', name: `harm.expenses[${i}].kind`, message: `Cost ${i + 1}: what kind?`, choices: choices(EXPENSE_LABELS, EXPENSE_KINDS), default: 'medical' },
        { kind: 'text', name: `harm.expenses[${i}].amount`, message: `Cost ${i + 1}: amount`, parse: money },
        { kind: 'text', name: `harm.expenses[${i}].currency`, message: `Cost ${i + 1}: currency`, parse: currencyCode, default: () => 'PHP' },
        maybe(`harm.expenses[${i}].date`, `Cost ${i + 1}: date`, date),
        confirm(`harm.expenses[${i}].receipt`, `Cost ${i + 1}: is there a receipt?`),
        maybe(`harm.expenses[${i}].description`, `Cost ${i + 1}: what was it for?`),
      ]),
    ];
  },
};

// ── 9. Evidence ──────────────────────────────────────────────────────────────────────────────────
const EVIDENCE_LABELS: Record<string, string> = {
  approved_contract: 'The approved contract', oec: 'OEC', substituted_contract: 'The second contract', payslips: 'Payslips', remittance_records: 'Remittance records',
  fee_receipts: 'Receipts for fees', loan_papers: 'Loan papers', messages: 'Messages (chat, SMS)', hours_diary: 'A diary of hours worked', coworker_statements: 'Statements of co-workers',
  medical_records: 'Medical records', police_or_embassy_report: 'A police or embassy report', passport_stamps: 'Passport stamps', boarding_pass: 'Boarding pass',
  termination_letter: 'Termination letter', resignation_letter: 'Resignation letter', quitclaim_copy: 'A copy of the quitclaim', photos: 'Photos',
  expense_receipts: 'Receipts for costs', dmw_licence_certification: 'DMW certification of the agency’s licence',
};
const evidence: Topic = {
  id: 'evidence',
  title: 'Evidence held',
  why: `Papers and messages that prove what happened. The tribunal decides on evidence, so we list what
you already have and what is still to find. Copies are fine; keep the originals safe.`,
  questions: () => [{ kind: 'checkbox', name: 'evidence', message: 'Which of these does the worker have? (space to choose, Enter when done)', choices: choices(EVIDENCE_LABELS, EVIDENCE_CODES) }],
};

// ── 10. Prayer ───────────────────────────────────────────────────────────────────────────────────
const prayer: Topic = {
  id: 'prayer',
  title: 'Amounts prayed for',
  why: `Moral and exemplary damages have no formula: the complaint asks for an amount and the tribunal
decides. Your lawyer usually proposes it. We also note when you first demanded payment in writing
and when the complaint is filed, because interest runs from those dates.`,
  questions: () => [
    maybe('prayer.moralDamages.amount', 'Moral damages to pray for (amount)', money),
    { kind: 'text', name: 'prayer.moralDamages.currency', message: 'Currency', parse: currencyCode, default: () => 'PHP', when: (a) => str(a, 'prayer.moralDamages.amount') !== undefined },
    maybe('prayer.exemplaryDamages.amount', 'Exemplary damages to pray for (amount)', money),
    { kind: 'text', name: 'prayer.exemplaryDamages.currency', message: 'Currency', parse: currencyCode, default: () => 'PHP', when: (a) => str(a, 'prayer.exemplaryDamages.amount') !== undefined },
    maybe('dates.demand', 'Date of the first written demand for payment', date),
    maybe('dates.filing', 'Date the complaint was or will be filed', date),
  ],
};

export const TOPICS: readonly Topic[] = [worker, respondents, fees, contract, second, work, ending, harm, evidence, prayer];


