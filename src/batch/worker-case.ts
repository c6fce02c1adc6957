import type { CsvRecord } from '../core/csv.js';
import { expandMonthSpec } from '../schemas/derive.js';
import { type CaseFile, CaseFileSchema } from '../schemas/case.js';
import { checkCase } from '../schemas/case-checks.js';
import { formatPath, zodProblems } from '../io/problems.js';
import { type Column, type Segment, parsePath, readCell } from './columns.js';

/**
 * One row of the worker sheet made into one worker's case file: the group's facts, with each
 * non-blank cell put in place (`-` clears the group's value). Then the case file's own checks, with
 * each problem laid at the door that can fix it: the row's cell, or the group file.
 */

/** A problem a row can fix: its row, its column, what was expected. Never the worker's name. */
export interface RowProblem {
  row: number;
  id: string | null;
  column: string | null;
  message: string;
}

/** A problem in the group file itself (the caller adds the file's line). */
export interface GroupProblem {
  path: Segment[];
  message: string;
}

export type WorkerCase =
  | { ok: true; row: number; id: string; facts: CaseFile }
  | { ok: false; row: number; id: string | null; problems: RowProblem[]; groupProblems: GroupProblem[] };

type Obj = Record<string, unknown>;
type MonthEntry = Obj & { month: string };

export function workerCase(group: Obj, columns: readonly Column[], header: number, record: CsvRecord): WorkerCase {
  const row = record.line;
  const idColumn = columns.find((c) => c.kind === 'id');
  const id = idColumn ? (record.cells[idColumn.index] ?? '').trim() || null : null;
  const problems: RowProblem[] = [];
  const rowProblem = (column: string | null, message: string) => problems.push({ row, id, column, message });

  if (!id) rowProblem('id', 'the id is empty: give each worker a number or code, unique in the sheet');
  if (record.cells.length > header) rowProblem(null, `the row has ${record.cells.length} cells and the header ${header}: a cell with a comma needs quotes`);

  const data = structuredClone(group);
  /** Entries the row brought into being (a fee the group file has not): their gaps are the row's to fill. */
  const created: Segment[][] = [];
  for (const col of columns) {
    if (col.kind !== 'field') continue;
    const text = (record.cells[col.index] ?? '').trim();
    if (text === '') continue;
    if (text === '-') {
      remove(data, col.path);
      continue;
    }
    const read = readCell(col.cell, text);
    if ('expected' in read) rowProblem(col.name, read.expected);
    else set(data, col.path, read.value, created);
  }
  const monthColumns = columns.filter((c): c is Extract<Column, { kind: 'month' }> => c.kind === 'month');
  const monthsFrom = new Map<string, string>();
  for (const col of monthColumns) {
    const text = (record.cells[col.index] ?? '').trim();
    if (text === '') continue;
    const months = monthEntries(data);
    for (const m of col.months) {
      monthsFrom.set(`${col.field}:${m}`, col.name);
      const at = splitAt(months, m);
      if (text === '-') {
        if (col.field === 'wagesReceived') { if (at >= 0) months.splice(at, 1); }
        else if (at >= 0) delete months[at]!.overtimeHours;
      } else if (at >= 0) months[at]![col.field] = text;
      else months.push({ month: m, [col.field]: text });
    }
    months.sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  }

  // Cells that could not be read leave the group's value in place, so the rest of the row is
  // still checked: every problem of the row is reported at once.

  const groupProblems: GroupProblem[] = [];
  const attribute = (path: Segment[], message: string) => {
    const column = columnFor(path);
    if (column) rowProblem(column.name, /^is required/.test(message) ? `the cell is empty and the group file gives no ${formatPath(path)}: ${message.replace(/^is required: /, '')}` : withCell(message, record.cells[column.index]));
    else if (created.some((c) => startsWith(path, c))) rowProblem(formatPath(path), `${message} (this row adds ${formatPath(path.slice(0, -1))}: give it a ${formatPath(path)} column too)`);
    else groupProblems.push({ path, message });
  };
  const columnFor = (path: Segment[]): Column | undefined => {
    if (path[0] === 'employment' && path[1] === 'months' && typeof path[2] === 'number') {
      const entry = monthEntries(data)[path[2]];
      const field = path[3] === 'overtimeHours' ? 'overtimeHours' : 'wagesReceived';
      const name = entry && (monthsFrom.get(`${field}:${entry.month}`) ?? monthsFrom.get(`wagesReceived:${entry.month}`));
      if (name) return monthColumns.find((c) => c.name === name);
    }
    return columns.find((c) => c.kind === 'field' && startsWith(path, c.path));
  };

  const parsed = CaseFileSchema.safeParse(data);
  if (!parsed.success) {
    for (const p of zodProblems(parsed.error.issues, data, '')) attribute(parsePath(p.path) ?? [], p.message);
  } else {
    // Checks across fields (dates in order, months inside the contract) fail on this row's facts,
    // even where the field named is the group's: the row's own dates are what differ.
    for (const p of checkCase(parsed.data)) {
      const path = parsePath(p.path) ?? [];
      rowProblem(columnFor(path)?.name ?? p.path, p.message);
    }
  }
  if (problems.length || groupProblems.length) return { ok: false, row, id, problems, groupProblems };
  return { ok: true, row, id: id!, facts: parsed.data! };
}

/** The cell as typed, where the message does not already quote it: what to look for in the sheet. */
const withCell = (message: string, cell: string | undefined): string => (cell?.trim() && !/\bgot\b/.test(message) ? `${message}, got "${cell.trim()}"` : message);

const startsWith = (path: readonly Segment[], prefix: readonly Segment[]): boolean => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

function set(data: Obj, path: readonly Segment[], value: unknown, created: Segment[][]): void {
  let cur: Obj | unknown[] = data;
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    const container = cur as Record<string | number, unknown>;
    if (last) {
      container[seg] = value;
      return;
    }
    if (container[seg] === undefined || container[seg] === null) {
      container[seg] = typeof path[i + 1] === 'number' ? [] : {};
      created.push(path.slice(0, i + 1) as Segment[]);
    }
    const next = container[seg];
    if (Array.isArray(next) && typeof path[i + 1] === 'number') {
      // Entries before the one named are the row's to give, or the group's.
      for (let k = next.length; k < (path[i + 1] as number); k++) {
        next.push({});
        created.push([...path.slice(0, i + 1), k] as Segment[]);
      }
    }
    cur = next as Obj;
  });
}

function remove(data: Obj, path: readonly Segment[]): void {
  let cur: unknown = data;
  for (const seg of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  if (cur !== null && typeof cur === 'object') delete (cur as Record<string | number, unknown>)[path[path.length - 1]!];
}

/** The group's months list (made if absent), with ranges as written. */
function monthEntries(data: Obj): MonthEntry[] {
  const e = (data.employment ??= {}) as Obj;
  if (!Array.isArray(e.months)) e.months = [];
  return e.months as MonthEntry[];
}

/**
 * The index of the entry for one month, splitting a range that covers it ("2025-05..2025-07" into
 * three months) so a row can change one month of it; -1 if no entry covers it.
 */
function splitAt(months: MonthEntry[], month: string): number {
  const i = months.findIndex((e) => typeof e.month === 'string' && validSpec(e.month) && expandMonthSpec(e.month).includes(month));
  if (i < 0) return -1;
  const entry = months[i]!;
  if (!entry.month.includes('..')) return i;
  const single = expandMonthSpec(entry.month).map((m) => ({ ...entry, month: m }));
  months.splice(i, 1, ...single);
  return i + single.findIndex((e) => e.month === month);
}

const validSpec = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])(\.\.\d{4}-(0[1-9]|1[0-2]))?$/.test(s);
