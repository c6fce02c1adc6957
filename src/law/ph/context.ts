import type { IsoDate } from '../../core/dates.js';
import { type Money, parseMoney } from '../../core/money.js';
import type { CaseFile } from '../../schemas/case.js';
import { contractEnd, contractStart } from '../../schemas/derive.js';
import type { LineDraft } from '../lines.js';
import { type ParameterReader, type ParameterUse, decimalValue } from '../parameters.js';
import type { Claim, EvidenceItem, GroundId, LegalBasis, MissingFact } from '../types.js';

/** Everything a Philippine rule may read: the facts, the as-of date, and the dated parameters. */
export interface PhContext {
  c: CaseFile;
  asOf: IsoDate;
  p: ParameterReader;
  start: IsoDate | undefined;
  end: IsoDate | undefined;
}

export function makeContext(c: CaseFile, asOf: IsoDate, p: ParameterReader): PhContext {
  return { c, asOf, p, start: contractStart(c), end: contractEnd(c) };
}

/** What a ground's rules decided, and the amounts they computed. */
export interface GroundResult {
  claim: Claim;
  drafts: LineDraft[];
}

export const GROUND_LABELS: Record<GroundId, string> = {
  contractual_violation: 'Contractual violation (wages, overtime, deductions, contract substitution)',
  illegal_termination: 'Illegal termination',
  constructive_dismissal: 'Constructive dismissal',
  moral_damages: 'Moral damages',
  exemplary_damages: 'Exemplary damages',
  actual_damages: 'Actual damages',
  nominal_damages: 'Nominal damages (valid cause, no due process)',
  placement_fee_refund: 'Placement and recruitment fee refund',
  repatriation_costs: 'Repatriation costs',
  attorneys_fees: "Attorney's fees",
};

export const EVIDENCE_LABELS: Record<string, string> = {
  approved_contract: 'the POEA/DMW-approved contract',
  oec: 'the Overseas Employment Certificate (OEC)',
  substituted_contract: 'the second (substituted) contract signed abroad',
  payslips: 'payslips',
  remittance_records: 'bank or remittance records of wages received',
  fee_receipts: 'receipts for every fee paid',
  loan_papers: 'loan papers for money borrowed to pay fees',
  messages: 'messages with the employer or agency',
  hours_diary: "the worker's own record of hours worked",
  coworker_statements: 'statements of co-workers',
  medical_records: 'medical records and certificates',
  police_or_embassy_report: 'police, shelter, embassy or Migrant Workers Office reports',
  passport_stamps: 'passport pages with arrival and departure stamps',
  boarding_pass: 'the ticket or boarding pass home',
  termination_letter: 'the termination letter or message',
  resignation_letter: 'the resignation letter and how it came to be signed',
  quitclaim_copy: 'a copy of the quitclaim or final settlement signed',
  photos: 'photographs',
  expense_receipts: 'receipts for the expenses claimed',
  dmw_licence_certification: "DMW certification of the agency's licence status",
};

export function evidence(c: CaseFile, codes: readonly string[]): EvidenceItem[] {
  return codes.map((code) => ({ code, item: EVIDENCE_LABELS[code] ?? code, held: (c.evidence as readonly string[]).includes(code) }));
}

/** Builds a claim; its status is whatever the ground's rules decided. */
export function claim(
  ground: GroundId,
  status: Claim['status'],
  parts: { reasons: string[]; missing?: MissingFact[]; evidence?: EvidenceItem[]; basis: LegalBasis[]; findings?: Claim['findings'] },
): Claim {
  const out: Claim = {
    ground,
    label: GROUND_LABELS[ground],
    status,
    reasons: parts.reasons,
    missingFacts: parts.missing ?? [],
    evidence: parts.evidence ?? [],
    basis: parts.basis,
    lines: [],
  };
  if (parts.findings) out.findings = parts.findings;
  return out;
}

export const contractMoney = (ctx: PhContext, text: string): Money => parseMoney(ctx.c.contract.currency, text);

export interface InterestStart<M extends string> {
  mode: M;
  use: ParameterUse;
  notYetFiled: boolean;
}

/**
 * When the 12% on a refund starts: the case file's computation option, else the dated parameter's
 * default. Read once per refund, for the interest line and for the note when nothing has accrued.
 */
export function interestStart<M extends string>(
  ctx: PhContext,
  option: M | undefined,
  parameterId: string,
  requestedBy: string,
): InterestStart<M> {
  const use = ctx.p.at(parameterId, ctx.asOf, requestedBy);
  const mode = option ?? (decimalValue(use) as M);
  return { mode, use, notYetFiled: mode === 'filing' && !ctx.c.dates.filing };
}
