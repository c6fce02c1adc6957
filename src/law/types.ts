import type { IsoDate } from '../core/dates.js';
import type { ParameterUse } from './parameters.js';

export const GROUND_IDS = [
  'contractual_violation',
  'illegal_termination',
  'constructive_dismissal',
  'moral_damages',
  'exemplary_damages',
  'actual_damages',
  'nominal_damages',
  'placement_fee_refund',
  'repatriation_costs',
  'attorneys_fees',
] as const;
export type GroundId = (typeof GROUND_IDS)[number];

export const SUB_FINDING_IDS = ['underpayment', 'non_payment', 'unpaid_overtime', 'unauthorised_deductions', 'contract_substitution'] as const;
export type SubFindingId = (typeof SUB_FINDING_IDS)[number];

export type ClaimStatus = 'supported' | 'possible' | 'not_supported';

/** Where a rule or an amount comes from: a statute's section, a regulation, or a decided case. */
export interface LegalBasis {
  kind: 'statute' | 'regulation' | 'case' | 'rule';
  cite: string;
  grNumber?: string;
  date?: IsoDate;
  point?: string;
  /** false where the legal brief marks the citation itself as unverified. */
  verified?: false;
}

export interface MissingFact {
  /** The case-file field that would answer it. */
  field: string;
  question: string;
}

export interface EvidenceItem {
  item: string;
  /** The `evidence` code in the case file that marks it as held. */
  code: string;
  held: boolean;
}

export interface SubFinding {
  id: SubFindingId;
  status: ClaimStatus;
  reasons: string[];
}

export interface Claim {
  ground: GroundId;
  label: string;
  status: ClaimStatus;
  reasons: string[];
  missingFacts: MissingFact[];
  evidence: EvidenceItem[];
  basis: LegalBasis[];
  findings?: SubFinding[];
  /** Ids of the computation lines this claim produced. */
  lines: string[];
}

export interface Line {
  /** Unique in the assessment. */
  id: string;
  /** The kind of computation (several lines may share one when currencies differ). */
  kind: string;
  /** The ground the line belongs to; legal interest runs on the whole award and belongs to none. */
  ground: GroundId | 'legal_interest';
  label: string;
  amount: string;
  currency: string;
  formula: string;
  details: string[];
  rounding: string;
  basis: LegalBasis[];
  parameters: ParameterUse[];
  /** Computation options this line depended on, as the case file set them or their defaults. */
  options: Record<string, string>;
}

export interface Total {
  currency: string;
  amount: string;
  indicative?: { currency: string; amount: string; rate: string; rateDate: IsoDate; note: string };
}

export type DeadlineStatus = 'ok' | 'warning' | 'urgent' | 'past';

export interface Deadline {
  id: 'money_claims' | 'illegal_dismissal';
  label: string;
  runsFrom: IsoDate;
  runsFromReason: string;
  years: number;
  deadline: IsoDate;
  daysLeft: number;
  status: DeadlineStatus;
  message: string;
  basis: LegalBasis[];
  parameter: ParameterUse;
}

export interface Warning {
  kind: 'unverified_parameter' | 'deadline' | 'facts' | 'method';
  message: string;
  parameter?: string;
}

export interface Assessment {
  asOf: IsoDate;
  jurisdiction: string;
  claims: Claim[];
  lines: Line[];
  totals: Total[];
  deadlines: Deadline[];
  warnings: Warning[];
}

/** A dated exchange rate the user gave, for an indicative conversion only. */
export interface ExchangeRate {
  from: string;
  to: string;
  rate: string;
  date: IsoDate;
}

export interface AssessOptions {
  asOf: IsoDate;
  rates?: readonly ExchangeRate[];
}
