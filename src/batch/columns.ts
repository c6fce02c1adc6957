import { z } from 'zod';
import { monthRange } from '../core/dates.js';
import { CaseFileSchema } from '../schemas/case.js';
import { amount, currency, decimal, isoDate, monthSpec } from '../schemas/primitives.js';

/**
 * The worker sheet's columns. A header names a case-file field the way error messages do
 * (`worker.name`, `fees[0].amount`, `separation.forcedBy`), or one of two month shortcuts
 * (`wages.2025-04`, `overtime.2025-03..2025-04`), or `id`. Each column knows the field's type, so a
 * cell is read as a person types it ("yes", "2,500.00", "threats; humiliation").
 */

export type Segment = string | number;

export type CellKind = 'text' | 'number' | 'boolean' | 'list';

export type Column =
  | { kind: 'id'; name: string; index: number }
  | { kind: 'field'; name: string; index: number; path: Segment[]; cell: CellKind }
  | { kind: 'month'; name: string; index: number; field: 'wagesReceived' | 'overtimeHours'; months: string[] };

export interface HeaderProblem {
  column: string;
  /** The header's position, 1-based, as a spreadsheet letter shows it (A = 1). */
  position: number;
  message: string;
}

const MONTH_COLUMN = /^(wages|overtime)\.(\d{4}-(0[1-9]|1[0-2]))(?:\.\.(\d{4}-(0[1-9]|1[0-2])))?$/;

/** Fields the group sets for everyone, never a row: the jurisdiction and the interview's record. */
const GROUP_ONLY = new Set(['jurisdiction', 'interview']);

/** "fees[0].amount" → ["fees", 0, "amount"]; undefined when it is not a path. */
export function parsePath(name: string): Segment[] | undefined {
  if (!/^[A-Za-z]\w*(\[\d+\]|\.[A-Za-z]\w*)*$/.test(name)) return undefined;
  return name.split(/\.|(?=\[)/).map((p) => (p.startsWith('[') ? Number(p.slice(1, -1)) : p));
}

type Schema = z.core.$ZodType;
const def = (s: Schema) => (s as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** The schema without its wrappers (optional, default, transforms). */
function unwrap(s: Schema): Schema {
  for (;;) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') s = d.innerType as Schema;
    else if (d.type === 'pipe') s = d.in as Schema;
    else return s;
  }
}

function leafKind(s: Schema): CellKind | 'object' | 'array' | undefined {
  const d = def(unwrap(s));
  switch (d.type) {
    case 'string':
    case 'enum':
    case 'union':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    case 'array': {
      const el = def(unwrap(d.element as Schema)).type;
      return el === 'string' || el === 'enum' ? 'list' : 'array';
    }
    default:
      return undefined;
  }
}

/** The schema of the field at `path`, or why there is none. */
export function fieldSchema(path: readonly Segment[]): Schema | string {
  let s: Schema = CaseFileSchema;
  let at = '';
  for (const seg of path) {
    const d = def(unwrap(s));
    if (typeof seg === 'number') {
      if (d.type !== 'array') return `${at || 'the case file'} is not a list, so [${seg}] cannot follow it`;
      s = d.element as Schema;
      at += `[${seg}]`;
    } else {
      if (d.type !== 'object') return `${at} has no fields`;
      const shape = d.shape as Record<string, Schema>;
      if (!Object.hasOwn(shape, seg)) {
        const known = Object.keys(shape);
        const near = known.find((k) => k.toLowerCase() === seg.toLowerCase());
        return `${at ? `${at} has no field` : 'the case file has no field'} "${seg}"${near ? ` (did you mean ${near}?)` : `; its fields: ${known.join(', ')}`}`;
      }
      s = shape[seg]!;
      at += at ? `.${seg}` : seg;
    }
  }
  return s;
}

/** Reads the header row: every column, and every header problem at once. */
export function readHeader(cells: readonly string[]): { columns: Column[]; problems: HeaderProblem[] } {
  const columns: Column[] = [];
  const problems: HeaderProblem[] = [];
  const seen = new Map<string, number>();
  cells.forEach((raw, index) => {
    const name = raw.trim();
    const problem = (message: string) => problems.push({ column: name || `(column ${index + 1})`, position: index + 1, message });
    if (!name) {
      problem('the header cell is empty: name the column, or delete it');
      return;
    }
    if (seen.has(name)) {
      problem(`the same column as column ${seen.get(name)! + 1}`);
      return;
    }
    seen.set(name, index);
    if (name === 'id') {
      columns.push({ kind: 'id', name, index });
      return;
    }
    const month = MONTH_COLUMN.exec(name);
    if (month) {
      const from = month[2]!;
      const to = month[4] ?? from;
      if (to < from) return problem('the month range ends before it starts');
      columns.push({ kind: 'month', name, index, field: month[1] === 'wages' ? 'wagesReceived' : 'overtimeHours', months: monthRange(from, to) });
      return;
    }
    if (/^(wages|overtime)\./.test(name)) return problem(`a month column is ${name.split('.')[0]}.2025-04 or ${name.split('.')[0]}.2025-04..2025-07: a year and a month 01 to 12`);
    const path = parsePath(name);
    if (!path) return problem('expected id, a case-file field like worker.name or fees[0].amount, or a month column like wages.2025-04');
    if (GROUP_ONLY.has(String(path[0]))) return problem(`${path[0]} is set in the group file, for every worker`);
    const schema = fieldSchema(path);
    if (typeof schema === 'string') return problem(schema);
    const kind = leafKind(schema);
    if (kind === 'object') return problem(`${name} is a group of fields: use one column per field, like ${name}.${firstKey(schema)}`);
    if (kind === 'array') return problem(`${name} is a list of entries: use one column per field of an entry, like ${name}[0].${firstKey(def(unwrap(schema)).element as Schema)}`);
    if (!kind) return problem(`${name} cannot be given in a sheet`);
    columns.push({ kind: 'field', name, index, path, cell: kind });
  });
  if (!columns.some((c) => c.kind === 'id') && !problems.some((p) => p.column === 'id')) {
    problems.push({ column: 'id', position: 0, message: 'the sheet needs an id column: a number or code for each worker, unique in the sheet' });
  }
  return { columns, problems };
}

function firstKey(s: Schema): string {
  const d = def(unwrap(s));
  return d.type === 'object' ? Object.keys(d.shape as object)[0]! : 'field';
}

/** A cell's value for its field, or what was expected. `-` is handled by the caller (it clears). */
export function readCell(kind: CellKind, text: string): { value: unknown } | { expected: string } {
  switch (kind) {
    case 'text':
      return { value: text };
    case 'number':
      return /^\d+$/.test(text) ? { value: Number(text) } : { expected: `expected a whole number, got "${text}"` };
    case 'boolean': {
      const t = text.toLowerCase();
      if (['yes', 'y', 'true'].includes(t)) return { value: true };
      if (['no', 'n', 'false'].includes(t)) return { value: false };
      return { expected: `expected yes or no, got "${text}"` };
    }
    case 'list':
      return { value: text.split(/[;|]/).map((s) => s.trim()).filter(Boolean) };
  }
}

export interface ColumnDoc {
  column: string;
  type: string;
  note: string;
}

/**
 * Every column a sheet may have, read from the case schema itself (so the list is never out of
 * date): the field path, what to type in its cells, and the field's note where it has one. Lists
 * of entries are shown with their first entry, [0]; [1], [2] … work the same way.
 */
export function columnReference(): ColumnDoc[] {
  const out: ColumnDoc[] = [{ column: 'id', type: 'text', note: 'required: a number or code for the worker, unique in the sheet (it starts the folder name)' }];
  const walk = (s: Schema, path: string, note: string) => {
    const d = def(unwrap(s));
    const here = description(s) ?? note;
    if (d.type === 'object') {
      for (const [k, v] of Object.entries(d.shape as Record<string, Schema>)) if (!(path === '' && GROUP_ONLY.has(k))) walk(v, path ? `${path}.${k}` : k, '');
      return;
    }
    if (d.type === 'array') {
      const el = unwrap(d.element as Schema);
      const ed = def(el);
      if (ed.type === 'object') return walk(d.element as Schema, `${path}[0]`, here);
      out.push({ column: path, type: `a list, separated by ";"${ed.type === 'enum' ? `: ${enumValues(el).join(', ')}` : ''}`, note: here });
      return;
    }
    out.push({ column: path, type: typeText(s), note: here });
  };
  walk(CaseFileSchema, '', '');
  out.push(
    { column: 'wages.2025-04', type: 'amount', note: 'wages received in that month (any month, YYYY-MM), in the contract currency; "-" removes the month (not worked)' },
    { column: 'wages.2025-04..2025-07', type: 'amount', note: 'the same wages for each month of the range' },
    { column: 'overtime.2025-03', type: 'number of hours', note: 'overtime hours worked in that month (or a range, as for wages)' },
  );
  return out;
}

function description(s: Schema): string | undefined {
  let cur: Schema | undefined = s;
  while (cur) {
    const text = (cur as { description?: string }).description;
    if (text) return text;
    const d = def(cur);
    cur = (d.innerType ?? d.in) as Schema | undefined;
  }
  return undefined;
}

function enumValues(s: Schema): string[] {
  return Object.values(def(s).entries as Record<string, string>);
}

/** The shared field types, known by identity: the schema reuses these very objects. */
const PRIMITIVE_TEXT = new Map<Schema, string>([
  [unwrap(isoDate), 'date, like 2025-03-14'],
  [unwrap(currency), 'currency code, like USD or PHP'],
  [unwrap(monthSpec), 'month, like 2025-03, or a range 2025-03..2025-06'],
  [unwrap(amount), 'amount, like 1,500.00'],
  [unwrap(decimal), 'number, like 8 or 1.5'],
]);

function typeText(s: Schema): string {
  const inner = unwrap(s);
  const known = PRIMITIVE_TEXT.get(inner);
  if (known) return known;
  const d = def(inner);
  if (d.type === 'enum') return `one of: ${enumValues(inner).join(', ')}`;
  if (d.type === 'boolean') return 'yes or no';
  if (d.type === 'number') return 'whole number';
  return 'text';
}
