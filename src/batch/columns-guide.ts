import { columnReference } from './columns.js';

/**
 * COLUMNS.md, the side README of a starter worker sheet: how a sheet works, then every column it
 * may have. Pure: the reference comes from the case schema.
 */
export function columnsGuide(): string {
  const rows = columnReference().map((c) => `| \`${c.column}\` | ${c.type.replace(/\|/g, '\\|')} | ${c.note.replace(/\|/g, '\\|')} |`);
  return `# The worker sheet: every column

A group case is two files. The **group file** (group.yaml) holds what the workers share: the
respondents, the approved contract, the substituted contract, the timeline, the computation
options; it is a case file without the worker, plus a \`group:\` block naming the group and its
sheet. The **worker sheet** (workers.csv) has one row per worker and a column for each fact that
differs between them.

- A filled cell **overrides** the group file's value for that worker; a **blank** cell inherits it;
  \`-\` **clears** it (the worker has no such fact).
- Only \`id\` is required. Any field of the case file can be a column, named by its path as in
  error messages: \`worker.name\`, \`fees[0].amount\` (the first fee), \`fees[1].amount\` (a second).
- Amounts as people type them (\`2,500.00\`); dates as \`2025-03-14\` (never \`03/14/2025\`); yes/no
  fields as \`yes\` or \`no\`; lists (evidence, forcedBy) separated by \`;\`.
- Wages month by month: \`wages.2025-04\` (one month) or \`wages.2025-04..2025-07\` (each month of a
  range) sets the wages received; a range in the group file is split where a row changes one month.
  \`overtime.2025-03\` sets overtime hours the same way.
- Lines starting with \`#\` are comments. Save from a spreadsheet as CSV (UTF-8); comma or semicolon.
- The row numbers in error messages are the spreadsheet's own row numbers.

Run it: \`migrant-claims batch group.yaml\`. Bad rows are listed at once (row, column, what was
expected) in the terminal and in \`errors.csv\`; the other rows are done. Fix the sheet and run again:
only rows whose facts changed are redone.

| column | what to type | note |
| --- | --- | --- |
${rows.join('\n')}
`;
}
