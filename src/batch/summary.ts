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

export interface GroupDeadline {
  row: number;
  id: string;
  name: string;
  label: string;
  deadline: IsoDate;
  daysLeft: number;
  status: DeadlineStatus;
}

/**
 * The group's figures, added up as the workers come, so that a batch of a hundred thousand rows
 * need not keep its workers to report them: how many were assessed and file, the totals per
 * currency (integer minor units, so the group figure equals the column it sums to the cent), and
 * the deadlines that fall first.
 */
export class GroupTally {
  assessed = 0;
  complainants = 0;
  private readonly sums = new Map<string, Money>();
  private soonest: GroupDeadline[] = [];

  constructor(private readonly keep = 5) {}

  add(w: Pick<WorkerSummary, 'row' | 'id' | 'name' | 'totals' | 'deadlines' | 'supported'>): this {
    this.assessed += 1;
    if (w.supported.length) this.complainants += 1;
    for (const t of w.totals) {
      const m = parseMoney(t.currency, t.amount);
      const prev = this.sums.get(t.currency);
      this.sums.set(t.currency, prev ? addMoney(prev, m) : m);
    }
    for (const d of w.deadlines) {
      const entry = { row: w.row, id: w.id, name: w.name, label: d.label, deadline: d.deadline, daysLeft: d.daysLeft, status: d.status };
      const last = this.soonest[this.soonest.length - 1];
      if (this.soonest.length >= this.keep && last && sooner(last, entry) <= 0) continue;
      this.soonest.push(entry);
      this.soonest.sort(sooner);
      if (this.soonest.length > this.keep) this.soonest.pop();
    }
    return this;
  }

  /** Per currency, currencies in alphabetical order. */
  totals(): { currency: string; amount: string }[] {
    return [...this.sums.keys()].sort().map((c) => ({ currency: c, amount: formatAmount(this.sums.get(c)!) }));
  }

  /** The deadlines that fall first, earliest on top (ties by sheet order): what the lawyer must file by. */
  earliest(): GroupDeadline[] {
    return [...this.soonest];
  }
}

const sooner = (a: GroupDeadline, b: GroupDeadline): number => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : a.row - b.row);

/** The group's totals: per currency, the exact sum of the workers' totals. */
export function groupTotals(workers: readonly Pick<WorkerSummary, 'totals'>[]): { currency: string; amount: string }[] {
  const tally = new GroupTally(0);
  for (const w of workers) tally.add({ row: 0, id: '', name: '', totals: w.totals, deadlines: [], supported: [] });
  return tally.totals();
}

/** The deadlines that fall first, earliest on top (ties by sheet order). */
export function earliestDeadlines(workers: readonly WorkerSummary[], limit = 5): GroupDeadline[] {
  return workers
    .flatMap((w) => w.deadlines.map((d) => ({ row: w.row, id: w.id, name: w.name, label: d.label, deadline: d.deadline, daysLeft: d.daysLeft, status: d.status })))
    .sort(sooner)
    .slice(0, limit);
}

/** Workers with at least one supported claim: the complainants of the joint complaint. */
export const complainants = (workers: readonly WorkerSummary[]): WorkerSummary[] => workers.filter((w) => w.supported.length > 0);
