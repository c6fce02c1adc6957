import { type WorkerSummary, complainants as complainantsOf, earliestDeadlines, groupTotals } from '../batch/summary.js';
import type { IsoDate } from '../core/dates.js';
import { formatGrouped, parseMoney } from '../core/money.js';
import { citation } from '../law/citation.js';
import { GROUND_LABELS } from '../law/ph/context.js';
import { type Assessment, type ClaimStatus, GROUND_IDS, type GroundId, type LegalBasis } from '../law/types.js';
import type { CaseFile } from '../schemas/case.js';
import { type Grammar, type GroupFactSection, buildGroupFacts, cap, grammarFor } from './group-facts.js';
import { GROUP_DOCUMENTS, type GroupDocument } from './group-names.js';
import type { DocumentModel } from './model.js';
import { type TemplateSet, renderTemplate } from './templates.js';
import { captionRespondents, respondentNames } from './view.js';
import { date, list, money, upper } from './words.js';

/**
 * The two documents written once per batch: the group summary for the lawyer, and the joint
 * complaint naming every complainant with a supported claim. Both are templates fed one view,
 * built here from the group's facts and the workers' summaries alone (pure: no files, no clock),
 * so a group of 10,000 costs no more than its summaries.
 */
export interface GroupContext {
  /** The group's name, e.g. "Garment workers recruited for Romania". */
  title: string;
  /** The group's note, e.g. "Thai workers assessed under Philippine rules until the Thai rules exist". */
  note: string | null;
  asOf: IsoDate;
  /** The case of the first complainant (or of the first valid worker): the shared facts (respondents, contract, substitution, separation). */
  base: CaseFile;
  /** Label and basis of each ground that occurs, from the first worker that has it. */
  grounds: Partial<Record<GroundId, { label: string; basis: LegalBasis[] }>>;
  /** Rows of the sheet that failed validation. */
  failedRows: number;
  /**
   * Sheet rows of complainants whose shared facts (respondents, contract, second contract, how the
   * work ended) differ from the base case's, which the joint complaint states for all. Absent: none.
   */
  otherFacts?: number[];
}

export { GROUP_DOCUMENTS, type GroupDocument } from './group-names.js';

/**
 * The documents of a batch: the summary always; the joint complaint only when at least one worker
 * has a supported claim. `workers` come in sheet order. `only` picks some of them (a batch renders
 * each on a thread of its own).
 */
export function buildGroupDocuments(
  ctx: GroupContext,
  workers: readonly WorkerSummary[],
  templates: TemplateSet,
  only: readonly GroupDocument[] = GROUP_DOCUMENTS,
): { name: GroupDocument; model: DocumentModel }[] {
  const view = buildGroupView(ctx, workers);
  return GROUP_DOCUMENTS.filter((name) => only.includes(name) && (name !== 'joint-complaint' || view.hasComplainants)).map((name) => ({ name, model: renderTemplate(templates, name, view) }));
}

/**
 * The ground's label and basis as the engine gives them, for a GroupContext: as a batch gathers
 * them (src/runner/process-row.ts), from the grounds supported or possible for some worker only.
 */
export function groundsOf(assessments: readonly Assessment[]): GroupContext['grounds'] {
  const out: GroupContext['grounds'] = {};
  for (const a of assessments) for (const c of a.claims) if (c.status !== 'not_supported') out[c.ground] ??= { label: c.label, basis: c.basis };
  return out;
}

export interface GroupView {
  title: string;
  note: string | null;
  asOf: string;
  asOfIso: string;
  counts: { assessed: number; failedRows: number; complainants: number; withoutClaims: number; possibleOnly: number };
  hasFailedRows: boolean;
  hasComplainants: boolean;
  // The summary.
  /** Deadlines passed or within 30 days, over every worker: said loudly, first. */
  alerts: string[];
  /** The earliest deadlines, workers with the same deadline together. */
  deadlines: { deadline: string; status: string; label: string; workers: string }[];
  totals: { currency: string; all: string; complaint: string }[];
  /** The grounds that are the table's columns: supported or possible for some worker. */
  columns: { code: string; label: string; supported: number; possible: number }[];
  /** Grounds not supported for any worker (left out of the table). */
  notInTable: string[];
  /** Amounts in one column per currency (few currencies) or one line per currency in one column. */
  byColumn: boolean;
  currencies: string[];
  /** The table's rows. No total row: the group's totals (`totals`) and the counts (`columns`) are above it, and a 10,000-worker sum would not fit a column. */
  workers: { row: number; id: string; name: string; marks: string[]; amounts: string[] }[];
  unverified: { parameter: string; workers: string }[];
  toComplete: string[];
  // The joint complaint.
  plural: boolean;
  caption: { names: string; etAl: boolean; note: string | null };
  respondents: { nameUpper: string; role: string; address: string | null }[];
  solidary: boolean;
  respondentNames: string;
  facts: GroupFactSection[];
  /** Each cause of action supported for a complainant; `who`: the complainants it concerns (null for one complainant), `count` how many. */
  causes: { numeral: string; ground: GroundId; heading: string; statements: string[]; basis: string[]; who: string | null; count: number }[];
  /** The prayer's items, lettered: (a) …, (b) … */
  prayer: { letter: string; text: string }[];
  /** Annex A: amounts one line per currency, with its code (a portrait page has no room for a column each). */
  annex: {
    rows: { n: number; nameUpper: string; address: string; causes: string; amounts: string[] }[];
    totals: string[];
    key: string[];
  };
  /** "PHP 5,060,000.00 and USD 604,553.16": what the joint complaint claims in all, per currency. */
  complaintTotal: string;
  signatories: { n: number; nameUpper: string }[];
}

/** Short column codes for the wide table; the key above it spells them out (a table of 10,000 rows is read from its top). */
const CODES: Record<GroundId, string> = {
  contractual_violation: 'CV',
  illegal_termination: 'IT',
  constructive_dismissal: 'CD',
  moral_damages: 'MD',
  exemplary_damages: 'ED',
  actual_damages: 'AD',
  nominal_damages: 'ND',
  placement_fee_refund: 'PF',
  repatriation_costs: 'RC',
  attorneys_fees: 'AF',
};
const MARKS: Record<ClaimStatus, string> = { supported: '✓', possible: '?', not_supported: '–' };

/** Up to this many currencies each get a column of the summary's table; more are set one line per currency. */
const CURRENCY_COLUMNS = 4;
/** A caption names every complainant up to this many; beyond, the first and "et al.". */
const CAPTION_NAMES = 5;

export function buildGroupView(ctx: GroupContext, workers: readonly WorkerSummary[]): GroupView {
  const filers = complainantsOf(workers);
  const g = grammarFor(filers.length);
  const grounds = GROUND_IDS.filter((id) => workers.some((w) => w.statuses[id] !== 'not_supported'));
  const possibleOnly = workers.filter((w) => !w.supported.length && GROUND_IDS.some((id) => w.statuses[id] === 'possible')).length;
  const allTotals = groupTotals(workers);
  const complaintTotals = groupTotals(filers);
  const byColumn = allTotals.length <= CURRENCY_COLUMNS;
  const causes = causesOf(ctx, filers, g);
  const respondents = captionRespondents(ctx.base);
  // A ground no worker has is not in ctx.grounds (a batch gathers only those some worker has).
  const labelOf = (id: GroundId): string => ctx.grounds[id]?.label ?? GROUND_LABELS[id];

  return {
    title: ctx.title,
    note: ctx.note,
    asOf: date(ctx.asOf),
    asOfIso: ctx.asOf,
    counts: { assessed: workers.length, failedRows: ctx.failedRows, complainants: filers.length, withoutClaims: workers.length - filers.length, possibleOnly },
    hasFailedRows: ctx.failedRows > 0,
    hasComplainants: filers.length > 0,
    alerts: alerts(workers),
    deadlines: deadlineGroups(workers),
    totals: allTotals.map((t) => ({ currency: t.currency, all: money(t.currency, t.amount), complaint: amountIn(complaintTotals, t.currency, true) })),
    columns: grounds.map((id) => ({
      code: CODES[id],
      label: labelOf(id),
      supported: workers.filter((w) => w.statuses[id] === 'supported').length,
      possible: workers.filter((w) => w.statuses[id] === 'possible').length,
    })),
    notInTable: GROUND_IDS.filter((id) => !grounds.includes(id)).map(labelOf),
    byColumn,
    currencies: allTotals.map((t) => t.currency),
    workers: workers.map((w) => ({ row: w.row, id: w.id, name: w.name, marks: grounds.map((id) => MARKS[w.statuses[id]]), amounts: amounts(w.totals, allTotals, byColumn) })),
    unverified: unverified(workers),
    toComplete: toComplete(ctx, workers, filers, possibleOnly),
    plural: g.plural,
    caption: caption(filers),
    respondents,
    solidary: respondents.length > 1,
    respondentNames: respondentNames(respondents),
    facts: buildGroupFacts(ctx.base, filers.length, sameEnding(filers)),
    causes,
    prayer: prayer(ctx.asOf, respondents, filers, causes, complaintTotals, g),
    annex: {
      rows: filers.map((w, i) => ({
        n: i + 1,
        nameUpper: upper(w.name),
        address: w.address ?? '______________________',
        causes: runs(causes.flatMap((c, k) => (w.supported.includes(c.ground) ? [k + 1] : [])), roman).join(', '),
        amounts: amounts(w.totals, complaintTotals, false),
      })),
      totals: amounts(complaintTotals, complaintTotals, false),
      key: causes.map((c) => `${c.numeral}. ${c.heading}`),
    },
    complaintTotal: list(complaintTotals.map((t) => money(t.currency, t.amount))),
    signatories: filers.map((w, i) => ({ n: i + 1, nameUpper: upper(w.name) })),
  };
}

/** A total in one currency from a list of totals; "–" where there is none. */
function amountIn(totals: readonly { currency: string; amount: string }[], currency: string, withCode: boolean): string {
  const t = totals.find((x) => x.currency === currency);
  if (!t) return '–';
  return withCode ? money(t.currency, t.amount) : formatGrouped(parseMoney(t.currency, t.amount));
}

/**
 * A row's amounts: one cell per currency of the table, the figure alone (the column names the
 * currency); or, with too many currencies for columns, the row's own amounts with their codes.
 */
function amounts(own: readonly { currency: string; amount: string }[], table: readonly { currency: string }[], byColumn: boolean): string[] {
  if (byColumn) return table.map((t) => amountIn(own, t.currency, false));
  // A no-break space: the code and its figure never part at a line's end.
  return own.length ? own.map((t) => money(t.currency, t.amount).replace(' ', '\u00a0')) : ['–'];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Deadlines passed or within 30 days, counted over every worker (not only the earliest few). */
function alerts(workers: readonly WorkerSummary[]): string[] {
  const out: string[] = [];
  const all = workers.flatMap((w) => w.deadlines.map((d) => ({ w, d })));
  const past = all.filter((x) => x.d.status === 'past');
  const urgent = all.filter((x) => x.d.status === 'urgent');
  if (past.length) {
    const who = new Set(past.map((x) => x.w.row)).size;
    out.push(`⚠ ${plural(past.length, 'DEADLINE', 'DEADLINES')} ${past.length === 1 ? 'HAS' : 'HAVE'} PASSED, for ${plural(who, 'worker')}: those claims may have prescribed. See about interruption (a demand, an earlier filing) at once.`);
  }
  if (urgent.length) {
    const who = new Set(urgent.map((x) => x.w.row)).size;
    const first = urgent.map((x) => x.d.deadline).sort()[0]!;
    out.push(`⚠ URGENT: ${plural(urgent.length, 'deadline')} within 30 days, for ${plural(who, 'worker')}; the first is ${date(first)}.`);
  }
  return out;
}

/** How many groups of the earliest deadlines the summary lists. */
const DEADLINE_GROUPS = 5;

/**
 * The earliest deadlines, those falling on the same day for the same kind of claim set on one line
 * with the workers they concern (47 workers dismissed together share one deadline).
 */
function deadlineGroups(workers: readonly WorkerSummary[]): GroupView['deadlines'] {
  const groups = new Map<string, ReturnType<typeof earliestDeadlines>>();
  for (const d of earliestDeadlines(workers, Number.POSITIVE_INFINITY)) {
    const key = `${d.deadline}|${d.label}`;
    if (!groups.has(key) && groups.size === DEADLINE_GROUPS) break;
    const same = groups.get(key) ?? [];
    same.push(d);
    groups.set(key, same);
  }
  return [...groups.values()].map((ds) => {
    const d = ds[0]!;
    const left = d.daysLeft < 0 ? `passed ${-d.daysLeft} days ago` : `${d.daysLeft} days left`;
    const status = d.status === 'past' ? `PASSED ${-d.daysLeft} days ago` : d.status === 'urgent' ? `URGENT: ${left}` : d.status === 'warning' ? `soon: ${left}` : left;
    return { deadline: date(d.deadline), status, label: d.label, workers: whoOf(ds, workers.length) };
  });
}

function whoOf(ds: readonly { id: string; name: string }[], assessed: number): string {
  if (ds.length === 1) return `${ds[0]!.name} (${ds[0]!.id})`;
  if (ds.length <= 3) return list(ds.map((d) => d.name));
  if (ds.length === assessed) return `all ${ds.length} workers`;
  return `${ds.length} workers: ${ds[0]!.name}, ${ds[1]!.name} and ${ds.length - 2} others`;
}

/** The unverified parameters the figures rest on, each with how many workers' figures use it. */
function unverified(workers: readonly WorkerSummary[]): GroupView['unverified'] {
  const uses = new Map<string, number>();
  for (const w of workers) for (const p of w.unverified) uses.set(p, (uses.get(p) ?? 0) + 1);
  return [...uses.keys()].sort().map((p) => ({ parameter: p, workers: uses.get(p) === workers.length ? 'every worker' : plural(uses.get(p)!, 'worker') }));
}

/** Ascending numbers as runs: [1, 2, 3, 5, 6] gives "1–3", "5", "6" (two in a row are not a run). */
export function runs(ns: readonly number[], show: (n: number) => string = String): string[] {
  const parts: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    if (j >= i + 2) parts.push(`${show(ns[i]!)}–${show(ns[j]!)}`);
    else for (let k = i; k <= j; k++) parts.push(show(ns[k]!));
    i = j + 1;
  }
  return parts;
}

/** Annex A numbers in a sentence: "1–3, 5 and 7". */
export const numberRanges = (ns: readonly number[]): string => list(runs(ns));

/** Beyond this many ranges a list of numbers reads worse than a pointer to Annex A. */
const MAX_RANGES = 12;

/** The complainants a cause of action concerns, by their numbers in Annex A. */
function whoByNumber(ns: readonly number[], total: number, numeral: string): string {
  if (ns.length === total) return total === 1 ? 'the complainant' : `all complainants (Nos. 1 to ${total} in Annex A)`;
  if (runs(ns).length > MAX_RANGES) return `the ${ns.length} complainants marked ${numeral} in Annex A`;
  return `complainant${ns.length === 1 ? '' : 's'} No${ns.length === 1 ? '' : 's'}. ${numberRanges(ns)} in Annex A`;
}

const ROMAN: [number, string][] = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];
function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

const HEADINGS: Record<GroundId, string> = {
  contractual_violation: 'Violation of the approved contract: unpaid wages, overtime and deductions',
  illegal_termination: 'Illegal dismissal',
  constructive_dismissal: 'Constructive dismissal',
  moral_damages: 'Moral damages',
  exemplary_damages: 'Exemplary damages',
  actual_damages: 'Actual damages',
  nominal_damages: 'Nominal damages',
  placement_fee_refund: 'Refund of placement fees and of the costs charged to the workers',
  repatriation_costs: 'Reimbursement of the cost of the return home',
  attorneys_fees: "Attorney's fees",
};

/** Each cause of action in the third person: `g` for one complainant or several. */
function statements(id: GroundId, g: Grammar): string[] {
  const { they, their, them, were, are, have, s } = g;
  const these = g.plural ? 'these complainants' : 'complainant';
  switch (id) {
    case 'contractual_violation':
      return [
        `Respondents did not give ${these} what ${their} approved contract${s} guaranteed. A contract signed abroad cannot reduce those terms: ${they} ${are} entitled to the difference between what the approved contract${s} promised and what ${they} received, with the refund of what was unlawfully deducted from ${their} wages, as computed for ${g.plural ? 'each of them' : 'complainant'}.`,
      ];
    case 'illegal_termination':
      return [`${cap(these)} ${were} dismissed without a just or authorised cause and without due process. The dismissal was illegal, and ${they} ${are} entitled to ${their} salaries for the unexpired portion of ${their} contract${s}.`];
    case 'constructive_dismissal':
      return [
        `${cap(these)} did not leave ${their} work of ${their} own free will: what respondents did made continued work impossible, unreasonable or unlikely. This is constructive dismissal, which the law treats as an illegal dismissal, and ${they} ${are} entitled to ${their} salaries for the unexpired portion of ${their} contract${s}.`,
      ];
    case 'moral_damages':
      return [`Respondents acted in bad faith and in a manner oppressive to labour, causing ${these} humiliation, anxiety and suffering. ${cap(they)} ${are} entitled to moral damages.`];
    case 'exemplary_damages':
      return [`Respondents acted towards ${these} in a wanton, oppressive and malevolent manner. Exemplary damages should be imposed by way of example for the public good.`];
    case 'actual_damages':
      return [`${cap(these)} incurred expenses because of respondents' acts, for which ${they} hold${g.plural ? '' : 's'} receipts. ${cap(they)} ${are} entitled to actual damages.`];
    case 'nominal_damages':
      return [`Even if there had been a valid cause for the dismissal, ${these} ${were} dismissed without due process. ${cap(they)} ${are} entitled to nominal damages.`];
    case 'placement_fee_refund':
      return [
        `The fees ${these} paid for ${their} deployment must be returned to ${them} as the law provides: in full, with interest of twelve percent a year, where the dismissal was illegal; otherwise what was charged above the lawful cap, and the costs the law puts on the employer.`,
      ];
    case 'repatriation_costs':
      return [`The cost of the return home is borne by the agency and the employer, since the employment did not end through the fault of ${these} alone. ${cap(they)} ${are} entitled to be reimbursed.`];
    case 'attorneys_fees':
      return [`${cap(these)} ${have} been compelled to litigate to recover ${their} wages and what is due to ${them}. ${cap(they)} ${are} entitled to attorney's fees of ten percent of the award.`];
  }
}

function causesOf(ctx: GroupContext, filers: readonly WorkerSummary[], g: Grammar): GroupView['causes'] {
  const ids = GROUND_IDS.filter((id) => filers.some((w) => w.supported.includes(id)));
  return ids.map((id, i) => {
    const numeral = roman(i + 1);
    const ns = filers.flatMap((w, k) => (w.supported.includes(id) ? [k + 1] : []));
    return {
      numeral,
      ground: id,
      heading: HEADINGS[id],
      statements: statements(id, g),
      basis: [...new Set((ctx.grounds[id]?.basis ?? []).map(citation))],
      who: g.plural ? whoByNumber(ns, filers.length, numeral) : null,
      count: ns.length,
    };
  });
}

function prayer(asOf: IsoDate, resp: GroupView['respondents'], filers: readonly WorkerSummary[], causes: GroupView['causes'], totals: readonly { currency: string; amount: string }[], g: Grammar): GroupView['prayer'] {
  if (!filers.length) return [];
  const items: string[] = [];
  for (const c of causes) {
    if (c.ground !== 'illegal_termination' && c.ground !== 'constructive_dismissal') continue;
    const how = c.ground === 'constructive_dismissal' ? 'constructively and illegally dismissed' : 'illegally dismissed';
    items.push(`declaring that ${c.who ?? 'complainant'} ${c.count === 1 ? 'was' : 'were'} ${how};`);
  }
  const solidary = resp.length > 1;
  const total = list(totals.map((t) => money(t.currency, t.amount)));
  items.push(
    `declaring ${respondentNames(resp)}${solidary ? ' jointly and solidarily' : ''} liable, and ordering ${solidary ? 'them' : 'the respondent'} to pay ${g.plural ? 'each complainant the amounts stated opposite her or his name' : 'complainant the amounts stated'} in Annex A, computed to ${date(asOf)}${g.plural ? `, in all ${total}` : ` (${total})`}, with legal interest until fully paid;`,
  );
  return items.map((text, i) => ({ letter: String.fromCharCode(97 + i), text }));
}

/**
 * The caption names every complainant when they are few; otherwise the first, "et al.", and where
 * the others are listed.
 */
function caption(filers: readonly WorkerSummary[]): GroupView['caption'] {
  if (filers.length === 0) return { names: '', etAl: false, note: null };
  if (filers.length === 1) return { names: upper(filers[0]!.name), etAl: false, note: filers[0]!.address ? `of ${filers[0]!.address}` : null };
  const note = `(${filers.length} complainants, listed with their addresses in Annex A)`;
  if (filers.length <= CAPTION_NAMES) return { names: list(filers.map((w) => upper(w.name))), etAl: false, note };
  return { names: upper(filers[0]!.name), etAl: true, note };
}

/**
 * Whether the complainants' employment ended alike, on one day: each has the same dismissal
 * deadline (it runs from the separation), or none has one. If not, the complaint gives no single
 * date for the ending or the return.
 */
function sameEnding(filers: readonly WorkerSummary[]): boolean {
  return new Set(filers.map((w) => w.deadlines.find((d) => d.id === 'illegal_dismissal')?.deadline ?? 'none')).size <= 1;
}

function toComplete(ctx: GroupContext, workers: readonly WorkerSummary[], filers: readonly WorkerSummary[], possibleOnly: number): string[] {
  const out: string[] = [];
  const c = ctx.base;
  if (filers.length) {
    out.push('The Regional Arbitration Branch and the case number in the caption of the joint complaint.');
    out.push('Each complainant signs the verification before the administering officer, with competent evidence of identity written opposite her or his name; then the jurat.');
    const noAddress = filers.flatMap((w, i) => (w.address ? [] : [i + 1]));
    if (noAddress.length) out.push(`No address is recorded for ${plural(noAddress.length, 'complainant')} (Annex A ${noAddress.length === 1 ? 'No.' : 'Nos.'} ${numberRanges(noAddress)}): the complaint must state every complainant's address (2011 NLRC Rules, Rule III, s. 1).`);
    out.push("A complainant's causes of action must all be joined in one complaint: file the joint complaint or a worker's own complaint-affidavit, not both.");
    const otherRows = new Set(ctx.otherFacts ?? []);
    const other = filers.flatMap((w, k) => (otherRows.has(w.row) ? [k + 1] : []));
    const baseNo = filers.findIndex((w) => !otherRows.has(w.row)) + 1;
    if (other.length) out.push(`${plural(other.length, 'complainant')} (Annex A ${other.length === 1 ? 'No.' : 'Nos.'} ${numberRanges(other)}) ${other.length === 1 ? 'has' : 'have'} respondents, contract terms, a second contract or an ending other than those the joint complaint states (complainant No. ${baseNo}'s): correct the sheet, or file for ${other.length === 1 ? 'that worker' : 'them'} in a separate complaint.`);
    out.push('Free text from the group file (the language of the second contract, the reason given for the ending) is quoted as recorded in the joint complaint: check that it reads right for every complainant.');
  }
  const possible = workers.filter((w) => w.supported.length && GROUND_IDS.some((id) => w.statuses[id] === 'possible')).length;
  if (possible) out.push(`${plural(possible, 'complainant')} also ${possible === 1 ? 'has' : 'have'} claims that are only possible (facts missing), left out of the joint complaint: complete the facts (migrant-claims assess on a worker's case.json lists the questions) and run the batch again before filing, so that nothing is left out.`);
  if (possibleOnly) out.push(`${plural(possibleOnly, 'worker')} ${possibleOnly === 1 ? 'has' : 'have'} no supported claim but possible ones: not in the joint complaint until the missing facts are found.`);
  if (!c.respondents.agency) out.push('The Philippine recruitment agency (name, address, licence number, officers): none is recorded.');
  else if (!c.respondents.agency.officers.length) out.push("The agency's officers (president, directors), who are solidarily liable with it.");
  if (!c.respondents.employer) out.push('The foreign employer (name and address): none is recorded.');
  return out;
}
