import type { IsoDate } from '../core/dates.js';
import { addMoney, formatAmount, type Money, parseMoney } from '../core/money.js';
import type { Assessment, ClaimStatus, DeadlineStatus, GroundId } from '../law/types.js';
import { GROUND_IDS } from '../law/types.js';
import type { CaseFile } from '../schemas/case.js';

/**
 * One worker of a group, as the consolidated outputs need them: small enough to keep for a hundred
 * thousand rows (the full assessment stays in the worker's own folder).
 */
export interface WorkerSummary {
  /** The worker sheet's row number (as a spreadsheet shows it). */
  row: number;
  id: string;
  name: string;
  address: string | null;
  /** The worker's folder, relative to the batch's output folder. */
  folder: string;
  statuses: Record<GroundId, ClaimStatus>;
  /** The grounds `supported`, in the engine's order. */
  supported: GroundId[];
  /** Totals per currency, plain decimals in major units, as the assessment gives them. */
  totals: { currency: string; amount: string }[];
  deadlines: { id: 'money_claims' | 'illegal_dismissal'; label: string; deadline: IsoDate; daysLeft: number; status: DeadlineStatus }[];
  /** Names of the unverified law parameters the figures rest on. */
  unverified: string[];
}

export function summariseWorker(row: number, id: string, folder: string, facts: CaseFile, a: Assessment): WorkerSummary {
  const statuses = Object.fromEntries(GROUND_IDS.map((g) => [g, 'not_supported'])) as Record<GroundId, ClaimStatus>;
  for (const c of a.claims) statuses[c.ground] = c.status;
  const unverified = [...new Set(a.warnings.filter((w) => w.kind === 'unverified_parameter' && w.parameter).map((w) => w.parameter!))].sort();
  return {
    row,
    id,
    name: facts.worker.name,
    address: facts.worker.address ?? null,
    folder,
    statuses,
    supported: GROUND_IDS.filter((g) => statuses[g] === 'supported'),
    totals: a.totals.map((t) => ({ currency: t.currency, amount: t.amount })),
    deadlines: a.deadlines.map((d) => ({ id: d.id, label: d.label, deadline: d.deadline, daysLeft: d.daysLeft, status: d.status })),
    unverified,
  };
}

/**
 * The group's totals: per currency, the exact sum of the workers' totals (integer minor units, so
 * the group figure equals the column it sums to the cent), currencies in alphabetical order.
 */
export function groupTotals(workers: readonly Pick<WorkerSummary, 'totals'>[]): { currency: string; amount: string }[] {
  const sums = new Map<string, Money>();
  for (const w of workers) {
    for (const t of w.totals) {
      const m = parseMoney(t.currency, t.amount);
      const prev = sums.get(t.currency);
      sums.set(t.currency, prev ? addMoney(prev, m) : m);
    }
  }
  return [...sums.keys()].sort().map((c) => ({ currency: c, amount: formatAmount(sums.get(c)!) }));
}

export interface GroupDeadline {
  row: number;
  id: string;
  name: string;
  label: string;
  deadline: IsoDate;
  daysLeft: number;
  status: DeadlineStatus;
}

/** The deadlines that fall first, earliest on top (ties by sheet order): what the lawyer must file by. */
export function earliestDeadlines(workers: readonly WorkerSummary[], limit = 5): GroupDeadline[] {
  return workers
    .flatMap((w) => w.deadlines.map((d) => ({ row: w.row, id: w.id, name: w.name, label: d.label, deadline: d.deadline, daysLeft: d.daysLeft, status: d.status })))
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.row - b.row))
    .slice(0, limit);
}

/** Workers with at least one supported claim: the complainants of the joint complaint. */
export const complainants = (workers: readonly WorkerSummary[]): WorkerSummary[] => workers.filter((w) => w.supported.length > 0);
