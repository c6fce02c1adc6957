import { Chalk } from 'chalk';
import { citation } from '../law/citation.js';
import { describeValue } from '../law/parameters.js';
import type { Assessment, Claim, LegalBasis, Line } from '../law/types.js';
import type { CaseFile } from '../schemas/case.js';

export function citeText(b: LegalBasis): string {
  return `${citation(b)}${b.point ? ` — ${b.point}` : ''}${b.verified === false ? ' [citation unverified]' : ''}`;
}

const STATUS_TEXT: Record<Claim['status'], string> = { supported: 'SUPPORTED', possible: 'POSSIBLE', not_supported: 'not supported' };

const grouped = (amount: string): string => {
  const [i, f] = amount.split('.');
  return `${i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${f === undefined ? '' : `.${f}`}`;
};

/** The assessment as a paralegal reads it in a terminal: claims, then the worksheet, totals, deadlines, warnings. */
export function renderAssessment(a: Assessment, c: CaseFile, opts: { color: boolean }): string {
  const k = new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  const h = (t: string) => out.push('', k.bold.underline(t));
  out.push(k.bold(`Assessment of the claims of ${c.worker.name}`));
  out.push(`As of ${a.asOf} · Philippines (NLRC Labor Arbiter; RA 8042 as amended by RA 10022)`);
  out.push(`Contract: ${c.contract.position}, ${c.contract.country}, ${c.contract.currency} ${grouped(c.contract.basicMonthlySalary)} a month for ${c.contract.termMonths} months`);

  h('1. Claims');
  for (const cl of a.claims) {
    // Pad before colouring: colour codes differ in length and would break the column.
    const text = STATUS_TEXT[cl.status].padEnd(13);
    const badge = cl.status === 'supported' ? k.green(text) : cl.status === 'possible' ? k.yellow(text) : k.dim(text);
    out.push('', `${badge}  ${k.bold(cl.label)}  ${k.dim(`(${cl.ground})`)}`);
    if (cl.status === 'not_supported') {
      out.push(`    ${cl.reasons.join(' ')}`);
      continue;
    }
    for (const r of cl.reasons) out.push(`    - ${r}`);
    if (cl.findings) {
      out.push(`    Findings: ${cl.findings.map((f) => `${f.id} ${f.status === 'supported' ? k.green(f.status) : f.status === 'possible' ? k.yellow(f.status) : k.dim(f.status)}`).join(' · ')}`);
    }
    for (const m of cl.missingFacts) out.push(`    ${k.yellow('? ')}${m.question} ${k.dim(`[${m.field}]`)}`);
    if (cl.evidence.length) out.push(`    Evidence: ${cl.evidence.map((e) => (e.held ? `${k.green('✓')} ${e.item}` : `${k.red('✗')} ${e.item}`)).join('; ')}`);
    out.push(`    Basis: ${cl.basis.map((b) => b.cite + (b.grNumber ? `, ${b.grNumber}` : '')).join('; ')}`);
    if (cl.lines.length) out.push(`    Amounts: ${cl.lines.join(', ')}`);
  }

  h('2. Computation worksheet');
  if (!a.lines.length) out.push('No amounts can be computed from the facts recorded.');
  a.lines.forEach((l, i) => out.push('', ...renderLine(l, i + 1, k)));

  h('3. Totals per currency (never added across currencies)');
  for (const t of a.totals) {
    out.push(`    ${k.bold(`${t.currency} ${grouped(t.amount)}`)}`);
    if (t.indicative) out.push(`      ≈ ${t.indicative.currency} ${grouped(t.indicative.amount)} — ${t.indicative.note}`);
  }
  if (!a.totals.length) out.push('    none');

  h('4. Deadlines (prescription)');
  if (!a.deadlines.length) out.push('    None computed: no dated claim yet.');
  for (const d of a.deadlines) {
    const text = `${d.label}: ${d.years} years from ${d.runsFrom} (${d.runsFromReason}) → ${d.deadline}`;
    const status = d.status === 'past' ? k.bgRed.white.bold(` ${d.message} `) : d.status === 'ok' ? k.green(d.message) : k.yellow.bold(d.message);
    out.push(`    ${text}`, `      ${status}`, `      Basis: ${d.basis.map(citeText).join('; ')}`);
  }

  h('5. Warnings');
  if (!a.warnings.length) out.push('    none');
  for (const w of a.warnings) out.push(`    ${w.kind === 'unverified_parameter' ? k.yellow('UNVERIFIED') : w.kind === 'deadline' ? k.red('DEADLINE') : k.yellow('NOTE')}  ${w.message}`);
  out.push('', k.dim('This is a draft computation for a lawyer to review, not legal advice. Amounts are exact and rounded once per line, half-up.'), '');
  return out.join('\n');
}

function renderLine(l: Line, n: number, k: InstanceType<typeof Chalk>): string[] {
  const out = [`${String(n).padStart(2)}. ${k.bold(l.label)}  ${k.dim(`[${l.id}]`)}`, `      ${k.bold(`${l.currency} ${grouped(l.amount)}`)}`, `      = ${l.formula}`];
  for (const d of l.details) out.push(`        · ${d}`);
  for (const b of l.basis) out.push(`      Basis: ${citeText(b)}`);
  for (const p of l.parameters) out.push(`      Parameter: ${p.id} = ${describeValue(p.value, '')} (from ${p.from}${p.to ? ` to ${p.to}` : ''}; ${p.source})${p.verified ? '' : k.yellow(' [UNVERIFIED]')}`);
  const opts = Object.entries(l.options);
  if (opts.length) out.push(`      Options: ${opts.map(([key, v]) => `${key}=${v}`).join(', ')}`);
  out.push(`      Rounding: ${l.rounding}`);
  return out;
}
