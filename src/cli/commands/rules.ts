import { UsageError } from '../../core/errors.js';
import { loadShippedParameters } from '../../io/load-parameters.js';
import { describeValue, valueOn } from '../../law/parameters.js';
import { parseAsOf } from '../options.js';

export interface RulesOptions {
  asOf?: string;
  jurisdiction?: string;
  json?: boolean;
}

export function rulesCommand(opts: RulesOptions): void {
  const asOf = parseAsOf(opts.asOf);
  const j = opts.jurisdiction?.toLowerCase();
  if (j !== undefined && !['ph', 'th'].includes(j)) throw new UsageError(`--jurisdiction expects PH or TH, got "${opts.jurisdiction}"`);
  const rows = [...loadShippedParameters().values()]
    .filter((p) => j === undefined || p.id.startsWith(`${j}.`))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => {
      const v = valueOn(p, asOf);
      return { id: p.id, description: p.description, unit: p.unit, asOf, value: v?.value ?? null, shown: v ? describeValue(v.value, p.unit) : 'no value on this date', from: v?.from ?? null, to: v?.to ?? null, source: v?.source ?? null, verified: v?.verified ?? null, note: v?.note ?? null };
    });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(rows.map(({ shown: _s, ...r }) => r), null, 2)}\n`);
    return;
  }
  const out: string[] = [`Law parameters as of ${asOf} (${rows.length}). UNVERIFIED values must be checked by a lawyer before they are relied on.`, ''];
  for (const r of rows) {
    out.push(`${r.id}${r.verified === false ? '  [UNVERIFIED]' : ''}`);
    out.push(`  ${r.description}`);
    out.push(`  value: ${r.shown}${r.from ? `  (in force from ${r.from}${r.to ? ` to ${r.to}` : ''})` : ''}`);
    if (r.source) out.push(`  source: ${r.source}`);
    if (r.note) out.push(`  note: ${r.note}`);
    out.push('');
  }
  process.stdout.write(out.join('\n'));
}
