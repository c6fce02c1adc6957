import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { DataError, MissingFileError } from '../core/errors.js';
import { MarkupError, escapeMarkup, parseMarkup } from './markup.js';
import type { DocumentModel } from './model.js';

/**
 * Runs the Handlebars templates that turn a draft's view into the document model.
 *
 * - Strict mode: a field the view does not have is an error naming the template file, its line and
 *   the field, never an empty gap in a sworn statement.
 * - Case-file text never acts as syntax: Handlebars never re-parses data as a template, and every
 *   string of the view is escaped for the line markup (escapeMarkup) before the template sees it,
 *   so a name such as "{{name}} | # Ñoño" prints as written. Templates therefore run with
 *   noEscape (HTML escaping means nothing here).
 * - Files named `_name.hbs` are partials, used as {{> name}}. A folder given with --templates
 *   overrides any template or partial by file name; the others come from the shipped folder.
 */
export interface TemplateSet {
  /** Template name (file name without .hbs) → where it was read from and its text. Never changed once loaded: its compiled form is kept. */
  readonly files: ReadonlyMap<string, { file: string; text: string }>;
}

export async function loadTemplates(shippedDir: string, overrideDir?: string): Promise<TemplateSet> {
  const files = new Map<string, { file: string; text: string }>();
  for (const dir of overrideDir ? [shippedDir, overrideDir] : [shippedDir]) {
    let names: string[];
    try {
      names = (await readdir(dir)).filter((f) => f.endsWith('.hbs')).sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new MissingFileError(`${dir}: no such templates folder`);
      throw e;
    }
    for (const name of names) {
      const file = join(dir, name);
      files.set(name.slice(0, -4), { file, text: await readFile(file, 'utf8') });
    }
  }
  return { files };
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type Compiled = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

/** A template error that already names its file, passed up through partials unchanged. */
class TemplateFailure extends Error {
  constructor(readonly problem: DataError) {
    super(problem.message);
  }
}

/** Renders one template of the set with the view, and parses its output into the document model. */
export function renderTemplate(set: TemplateSet, name: string, view: object): DocumentModel {
  try {
    return renderUnwrapped(set, name, view);
  } catch (e) {
    throw e instanceof TemplateFailure ? e.problem : e;
  }
}

function renderUnwrapped(set: TemplateSet, name: string, view: object): DocumentModel {
  const main = set.files.get(name);
  if (!main) throw new MissingFileError(`no template named ${name}.hbs (the shipped templates folder is incomplete)`);
  const output = run(compiledSet(set).template(name, main), main.file, escapedView(view));
  try {
    return parseMarkup(output, name);
  } catch (e) {
    if (e instanceof MarkupError) throw new DataError([{ file: main.file, path: '', message: `the template's output, ${e.message}` }]);
    throw e;
  }
}

/**
 * A template set compiled once, however many drafts it renders: one Handlebars environment (the
 * helpers, the partials) and each template compiled on first use and kept. A batch renders the same
 * templates for every worker; compiling them for each document was a tenth of its time.
 */
interface CompiledSet {
  template(name: string, src: { file: string; text: string }): Compiled;
}

const compiledSets = new WeakMap<TemplateSet, CompiledSet>();

function compiledSet(set: TemplateSet): CompiledSet {
  let compiled = compiledSets.get(set);
  if (compiled) return compiled;
  const hb = Handlebars.create();
  registerHelpers(hb);
  for (const [partial, src] of set.files) {
    if (!partial.startsWith('_')) continue;
    const template = compile(hb, src.file, src.text);
    hb.registerPartial(partial.slice(1), ((context: unknown, options?: Handlebars.RuntimeOptions) => run(template, src.file, context, options)) as unknown as Handlebars.Template);
  }
  const templates = new Map<string, Compiled>();
  compiled = {
    template(name, src) {
      let t = templates.get(name);
      if (!t) templates.set(name, (t = compile(hb, src.file, src.text)));
      return t;
    },
  };
  compiledSets.set(set, compiled);
  return compiled;
}

function compile(hb: typeof Handlebars, file: string, text: string): Compiled {
  try {
    // Compiling eagerly surfaces syntax errors here, with the file they are in.
    const options = { strict: true, noEscape: true, preventIndent: true, trackIds: true } as CompileOptions;
    const template = hb.compile(text, options);
    return template as Compiled;
  } catch (e) {
    throw templateError(file, e);
  }
}

function run(template: Compiled, file: string, context: unknown, options?: Handlebars.RuntimeOptions): string {
  try {
    return template(context, options);
  } catch (e) {
    if (e instanceof TemplateFailure) throw e;
    throw templateError(file, e);
  }
}

/**
 * Handlebars says `"foo" not defined in [object Object] - 12:4` or `Parse error on line 3: …`;
 * the user needs the template file, the line and the field.
 */
function templateError(file: string, e: unknown): TemplateFailure {
  const err = e as Error & { lineNumber?: number; column?: number };
  const msg = String(err?.message ?? e);
  const missing = /^"([^"]+)" not defined in/.exec(msg);
  const parse = /Parse error on line (\d+)/.exec(msg);
  const line = err.lineNumber ?? (parse ? Number(parse[1]) : undefined);
  const problem = missing
    ? { file, path: missing[1]!, ...(line ? { line } : {}), message: `no field "${missing[1]}" in the data given to the template${err.column !== undefined ? ` (column ${err.column + 1})` : ''}; the fields are listed in the README under "Drafts"` }
    : { file, path: '', ...(line ? { line } : {}), message: `template error: ${msg.split('\n')[0]!.replace(/ - \d+:\d+$/, '')}` };
  return new TemplateFailure(new DataError([problem]));
}

/**
 * Strict mode checks {{field}} but not the arguments of block helpers: {{#each fatcs}} would be
 * an empty section. The view never holds undefined (an absent fact is null or []), so an undefined
 * argument is a misspelt field, reported like any other (trackIds gives the names written).
 */
function guardArguments(hb: typeof Handlebars, name: string, helper: Handlebars.HelperDelegate): void {
  hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { ids?: unknown[]; loc?: unknown };
    // A plain loop: this runs for every {{#if}} and {{#each}} of every draft.
    for (let i = 0; i < args.length - 1; i++) {
      if (args[i] === undefined) throw new hb.Exception(`"${String(options.ids?.[i] ?? `argument ${i + 1}`)}" not defined in the arguments of {{${name}}}`, { loc: options.loc } as never);
    }
    return (helper as (...a: unknown[]) => unknown).apply(this, args);
  });
}

function registerHelpers(hb: typeof Handlebars): void {
  for (const name of ['if', 'unless', 'each', 'with']) guardArguments(hb, name, hb.helpers[name]!);
  // {{join list "; "}}: the items of a list of strings, joined.
  guardArguments(hb, 'join', (items: unknown, sep: unknown) => (Array.isArray(items) ? items.join(typeof sep === 'string' ? sep : ', ') : ''));
  // {{#if (eq a b)}}
  guardArguments(hb, 'eq', (a: unknown, b: unknown) => a === b);
}

/** Views escaped already: a worker's drafts are several templates fed one view, escaped once. */
const escaped = new WeakMap<object, unknown>();
function escapedView(view: object): unknown {
  let e = escaped.get(view);
  if (e === undefined) escaped.set(view, (e = escapeView(view)));
  return e;
}

/** Every string of the view escaped for the markup; numbers become (escaped) strings. */
export function escapeView(value: unknown): unknown {
  if (typeof value === 'string') return escapedText(value);
  if (typeof value === 'number') return escapedText(String(value));
  if (Array.isArray(value)) return value.map(escapeView);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value)) out[k] = escapeView((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/**
 * Texts escaped already, kept for the process. A batch's views repeat most of their text from
 * worker to worker (the legal bases, the labels, the group's facts), and looking a text up costs
 * about a seventh of escaping it again (one view's 364 strings: 16 µs against 115). Emptied when full.
 */
const ESCAPED_LIMIT = 20_000;
const escapedTexts = new Map<string, string>();
function escapedText(text: string): string {
  let e = escapedTexts.get(text);
  if (e === undefined) {
    if (escapedTexts.size >= ESCAPED_LIMIT) escapedTexts.clear();
    escapedTexts.set(text, (e = escapeMarkup(text)));
  }
  return e;
}
