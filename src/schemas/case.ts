import { z } from 'zod';
import { amount, currency, decimal, isoDate, moneyAmount, monthSpec, text, wholeNumber } from './primitives.js';

/**
 * The case file: one worker's facts, as a paralegal records them. YAML or JSON; every field is
 * documented in the README. Objects are strict, so a misspelt field is an error, not a silent gap.
 */

export const WORKER_CATEGORIES = ['general', 'household', 'seafarer'] as const;
export const START_RULES = ['departure', 'arrival', 'date'] as const;
export const SEPARATION_KINDS = ['dismissed', 'resigned_or_fled', 'completed', 'still_employed'] as const;
export const CAUSE_KINDS = ['none', 'just', 'authorised', 'unknown'] as const;
export const FORCED_BY = ['diminution_of_pay', 'non_payment', 'demotion', 'contract_substitution', 'abuse', 'harassment', 'unbearable_conditions', 'other'] as const;
export const FEE_PURPOSES = ['placement_fee', 'processing_fee', 'airfare', 'visa', 'training', 'medical', 'documentation', 'bond', 'other'] as const;
export const DEDUCTION_PURPOSES = ['food_lodging', 'placement_fee', 'airfare', 'agency_share', 'bond', 'loan', 'insurance', 'union_dues', 'tax', 'social_security', 'penalty', 'other'] as const;
export const ABUSE_KINDS = ['verbal_abuse', 'humiliation', 'threats', 'physical_violence', 'sexual_harassment', 'sexual_abuse', 'confinement', 'passport_withheld', 'food_withheld', 'overwork', 'other'] as const;
export const EXPENSE_KINDS = ['medical', 'loan_interest', 'lost_belongings', 'travel', 'other'] as const;
export const PAYERS = ['worker', 'deducted_from_wages', 'employer', 'agency', 'owwa', 'unknown'] as const;
export const EVIDENCE_CODES = [
  'approved_contract', 'oec', 'substituted_contract', 'payslips', 'remittance_records', 'fee_receipts',
  'loan_papers', 'messages', 'hours_diary', 'coworker_statements', 'medical_records', 'police_or_embassy_report',
  'passport_stamps', 'boarding_pass', 'termination_letter', 'resignation_letter', 'quitclaim_copy', 'photos',
  'expense_receipts', 'dmw_licence_certification',
] as const;

const Person = z.strictObject({ name: text, position: text.optional(), address: text.optional() });

const Worker = z.strictObject({
  name: text,
  address: text.optional(),
  sex: z.enum(['female', 'male', 'other']).optional(),
  birthDate: isoDate.optional(),
  civilStatus: text.optional(),
  citizenship: text.default('Filipino'),
  phone: text.optional(),
  email: text.optional(),
});

const Respondents = z.strictObject({
  agency: z
    .strictObject({ name: text, licenceNumber: text.optional(), address: text.optional(), officers: z.array(Person).default([]) })
    .optional(),
  employer: z.strictObject({ name: text, address: text.optional(), country: text.optional() }).optional(),
});

const Fee = z.strictObject({
  amount,
  currency,
  date: isoDate.optional(),
  purpose: z.enum(FEE_PURPOSES).default('placement_fee'),
  paidTo: z.enum(['agency', 'employer', 'lender', 'other']).default('agency'),
  receipt: z.boolean({ error: 'expected true or false: is there a receipt?' }),
  description: text.optional(),
});

const Start = z.strictObject({
  rule: z.enum(START_RULES, { error: `expected one of: ${START_RULES.join(', ')}` }),
  date: isoDate.optional(),
});

const Contract = z.strictObject({
  position: text,
  country: text.describe('ISO 3166 code, e.g. RO; a province as CA-MB'),
  category: z.enum(WORKER_CATEGORIES).default('general'),
  currency,
  basicMonthlySalary: amount,
  fixedMonthlyBenefits: amount.optional().describe('guaranteed fixed overtime or allowances, paid whether or not worked'),
  hoursPerDay: decimal.default('8'),
  daysPerWeek: decimal.default('6'),
  hourlyRate: amount.optional().describe('only when the contract states one'),
  overtimeMultiplier: decimal.optional(),
  freeFoodAndLodging: z.boolean().default(false),
  signedDate: isoDate.optional(),
  approved: z.boolean().default(true).describe('approved/verified by POEA or DMW'),
  start: Start,
  termMonths: wholeNumber.min(1, 'a contract term of at least 1 month'),
});

const SubstitutedContract = z.strictObject({
  signedDate: isoDate.optional(),
  place: text.optional(),
  language: text.optional(),
  position: text.optional(),
  currency: currency.optional(),
  basicMonthlySalary: amount.optional(),
  hoursPerDay: decimal.optional(),
  changes: z.array(text).default([]),
  signedUnderPressure: z.boolean().optional(),
});

const Month = z.strictObject({
  month: monthSpec,
  wagesReceived: amount,
  daysWorked: wholeNumber.max(31).optional(),
  overtimeHours: decimal.default('0'),
  overtimePaid: amount.default('0'),
  note: text.optional(),
});

const Deduction = z.strictObject({
  month: monthSpec,
  amount: amount.describe('per month'),
  currency: currency.optional(),
  purpose: z.enum(DEDUCTION_PURPOSES),
  consentInWriting: z.boolean().optional(),
  takenBy: z.enum(['employer', 'agency', 'other']).default('employer'),
  description: text.optional(),
});

const Employment = z.strictObject({
  departureDate: isoDate.optional(),
  arrivalDate: isoDate.optional(),
  months: z.array(Month).default([]),
  deductions: z.array(Deduction).default([]),
});

const Separation = z.strictObject({
  how: z.enum(SEPARATION_KINDS, { error: `expected one of: ${SEPARATION_KINDS.join(', ')}` }),
  date: isoDate.optional(),
  lastDayWorked: isoDate.optional(),
  reasonGiven: text.optional(),
  cause: z.enum(CAUSE_KINDS).default('unknown'),
  causeDisputed: z.boolean().optional(),
  solelyWorkersFault: z.boolean().optional(),
  forcedBy: z.array(z.enum(FORCED_BY)).default([]),
  notices: z
    .strictObject({
      chargeNotice: isoDate.optional(),
      hearing: z.boolean().optional(),
      decisionNotice: isoDate.optional(),
      doleNotice: isoDate.optional(),
    })
    .optional(),
  quitclaim: z.strictObject({ signed: z.boolean(), amount: moneyAmount.optional(), voluntary: z.boolean().optional() }).optional(),
  repatriation: z
    .strictObject({
      date: isoDate.optional(),
      paidBy: z.enum(PAYERS).default('unknown'),
      cost: moneyAmount.optional(),
      receipt: z.boolean().optional(),
    })
    .optional(),
});

const Harm = z.strictObject({
  abuse: z
    .array(z.strictObject({ kind: z.enum(ABUSE_KINDS), date: isoDate.optional(), by: text.optional(), description: text.optional(), reportedTo: text.optional() }))
    .default([]),
  injuries: z.array(z.strictObject({ description: text, date: isoDate.optional(), medicalReport: z.boolean().default(false) })).default([]),
  expenses: z
    .array(z.strictObject({ kind: z.enum(EXPENSE_KINDS), amount, currency, date: isoDate.optional(), receipt: z.boolean(), description: text.optional() }))
    .default([]),
});

export const COUNTING = ['thirty-day-months', 'calendar', 'whole-months-down', 'whole-months-nearest', 'decimal-months'] as const;
export const SERVED_UNTIL = ['repatriation', 'last-day-worked', 'dismissal'] as const;
export const SALARY_BASE = ['basic', 'basic-plus-fixed'] as const;
export const CAP_REGIME = ['current-law', 'as-applied'] as const;

const Computation = z.strictObject({
  unexpiredCounting: z.enum(COUNTING).default('thirty-day-months'),
  servedUntil: z.enum(SERVED_UNTIL).default('repatriation'),
  salaryBase: z.enum(SALARY_BASE).default('basic'),
  capRegime: z.enum(CAP_REGIME).default('current-law'),
  attorneysFeesBase: z.enum(['all-awards', 'wages-only']).optional(),
  placementFeeInterestFrom: z.enum(['payment', 'separation', 'filing']).optional(),
  deductionInterestFrom: z.enum(['deduction', 'filing']).optional(),
});

export const CaseFileSchema = z.strictObject({
  jurisdiction: z.enum(['PH'], { error: 'expected PH (Philippines); other jurisdictions are not available yet' }),
  worker: Worker,
  respondents: Respondents.default({}),
  fees: z.array(Fee).default([]),
  contract: Contract,
  substitutedContract: SubstitutedContract.optional(),
  employment: Employment.default({ months: [], deductions: [] }),
  separation: Separation,
  harm: Harm.default({ abuse: [], injuries: [], expenses: [] }),
  evidence: z.array(z.enum(EVIDENCE_CODES)).default([]),
  prayer: z.strictObject({ moralDamages: moneyAmount.optional(), exemplaryDamages: moneyAmount.optional() }).default({}),
  dates: z
    .strictObject({
      demand: isoDate.optional().describe('first written demand for payment'),
      filing: isoDate.optional().describe('date the complaint was (or will be) filed'),
      legalInterestFrom: isoDate.optional().describe('start of legal interest on the award, e.g. finality of judgment'),
    })
    .default({}),
  computation: Computation.default({
    unexpiredCounting: 'thirty-day-months',
    servedUntil: 'repatriation',
    salaryBase: 'basic',
    capRegime: 'current-law',
  }),
  /** The interview's record (`migrant-claims interview`): answers by question name. The assessment ignores it. */
  interview: z
    .strictObject({ answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()])) })
    .optional(),
});

export type CaseFile = z.output<typeof CaseFileSchema>;
export type CaseFileInput = z.input<typeof CaseFileSchema>;
export type ComputationOptions = CaseFile['computation'];
