import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { DataError, type InputProblem, UsageError } from '../../core/errors.js';
import { buildCase, pathKeys } from '../../interview/build-case.js';
import { checkAnswer, firstUnanswered, knownQuestions, orderAnswers, validateAnswers } from '../../interview/progress.js';
import { type Answer, type Answers, applies } from '../../interview/question.js';
import { askThese, askUntilDone, questionsForFields, review, summary } from '../../interview/run.js';
import { loadShippedParameters } from '../../io/load-parameters.js';
import { formatPath, lineOf } from '../../io/problems.js';
import { parseCase } from '../../io/read-case.js';
import { parseData, readUserFile } from '../../io/read-data.js';
import { pathExists, writeFileAtomic } from '../../io/write-file.js';
import { assess } from '../../law/assess.js';
import { PromptInterrupted, type Prompter } from '../../prompt/prompter.js';
import { ScriptedPrompter, UnansweredQuestion } from '../../prompt/scripted-prompter.js';
import { isInteractiveTerminal } from '../../prompt/terminal.js';
import { renderAssessment } from '../../render/text.js';
import { parseAsOf } from '../options.js';

export interface InterviewOptions {
  output?: string;
  resume?: string;
  answers?: string;
  asOf?: string;
  force?: boolean;
}

/** Exit status of an interview paused by Ctrl-C (128 + SIGINT), as shells report it. */
export const PAUSED_EXIT = 130;

export async function interviewCommand(opts: InterviewOptions): Promise<void> {
  const asOf = parseAsOf(opts.asOf);
  if (opts.resume && opts.output && resolve(opts.resume) !== resolve(opts.output)) {
    throw new UsageError('--resume continues the file it names; leave out -o (the answers keep going to that file)');
  }
  const scripted = opts.answers ? await readAnswersFile(opts.answers) : undefined;
  if (!scripted && !isInteractiveTerminal()) {
    throw new UsageError(
      'the interview needs a terminal: someone must answer its questions. Without one, write the case file directly ' +
        '(`migrant-claims schema` lists its fields; fixtures/cases/demo-romania.yaml is an example), ' +
        'or give the answers in a file: `migrant-claims interview --answers answers.yaml -o case.yaml`',
    );
  }
  const file = opts.resume ?? opts.output ?? 'case.yaml';
  let answers: Answers = {};
  if (opts.resume) answers = await loadProgress(file, process.stdout);
  else if (!opts.force && (await pathExists(file))) {
    throw new UsageError(`${file} already exists: continue it with \`migrant-claims interview --resume ${file}\`, or pass --force to start it again`);
  }
  const prompter: Prompter = scripted ? new ScriptedPrompter(scripted, opts.answers) : await (await import('../../prompt/inquirer-prompter.js')).inquirerPrompter();
  const outcome = await runSession({ file, answers, prompter, interactive: !scripted, asOf, out: process.stdout, answersFile: opts.answers });
  if (outcome === 'paused') process.exitCode = PAUSED_EXIT;
}

export interface Session {
  file: string;
  answers: Answers;
  prompter: Prompter;
  /** A person at a terminal: review the answers, and offer to ask the missing facts. */
  interactive: boolean;
  asOf: string;
  out: NodeJS.WritableStream;
  /** The --answers file, named when an answer is missing from it. */
  answersFile?: string;
}

/** Runs the interview to the assessment; every answer is saved at once. 'paused' after Ctrl-C. */
export async function runSession(s: Session): Promise<'done' | 'paused'> {
  const save = (a: Answers) => saveProgress(s.file, a);
  let a = s.answers;
  try {
    await save(a);
    a = await askUntilDone(s.prompter, a, save);
    let reviewed = false;
    for (;;) {
      if (!s.interactive) s.out.write(`Answers saved in ${s.file}.\n${summary(a)}\n\n`);
      else if (!reviewed) a = await review(s.prompter, a, save);
      reviewed = false;
      const facts = checkedCase(s.file, a, s);
      if (!facts) continue; // back to the review to fix it
      const assessment = assess(facts, { asOf: s.asOf }, loadShippedParameters());
      s.out.write(renderAssessment(assessment, facts, { color: 'isTTY' in s.out && s.out.isTTY === true }));
      const fields = assessment.claims.filter((c) => c.status === 'possible').flatMap((c) => c.missingFacts.map((m) => m.field));
      const groups = questionsForFields(fields, a);
      if (!s.interactive || !groups.length) return 'done';
      s.prompter.say(`\nSome claims are only possible: ${groups.reduce((n, g) => n + g.names.length, 0)} question(s) could settle them (the lines marked ? above).`);
      const now = await s.prompter.confirm({ name: 'assessment.askMissing', message: 'Ask those questions now?', default: true });
      if (!now) return 'done';
      a = await askThese(s.prompter, groups, a, save);
      reviewed = true;
      s.prompter.say('\nThe assessment again, with the new answers:\n');
    }
  } catch (e) {
    if (e instanceof PromptInterrupted) {
      s.out.write(`\n\nPaused. Every answer so far is saved in ${s.file}.\nTo continue where you stopped:\n\n    migrant-claims interview --resume ${shellWord(resolve(s.file))}\n\n`);
      return 'paused';
    }
    if (e instanceof UnansweredQuestion) {
      throw new DataError([{ file: s.answersFile ?? 'answers', path: e.question, message: `no answer, and the interview cannot go on without it (the answers so far are saved in ${s.file})` }]);
    }
    throw e;
  }
}

/** The case file the answers make, validated as `assess` would; problems go back to the review (or fail a scripted run). */
function checkedCase(file: string, a: Answers, s: Session) {
  try {
    return parseCase(caseText(a), file);
  } catch (e) {
    if (!(e instanceof DataError) || !s.interactive) throw e;
    s.prompter.say(`\nThe case file is not complete yet:\n${e.message.replace(/^/gm, '  ')}\nChange the topic concerned at the review.`);
    return undefined;
  }
}

const HEADER = `# Case file written by \`migrant-claims interview\`. It is read by \`migrant-claims assess\` as it is.
# The answers under \`interview:\` are the interview's record: \`--resume\` continues from them. A field
# above edited by hand is checked and taken into the answers when you resume.
`;

export function caseText(a: Answers): string {
  return HEADER + stringify({ ...buildCase(a), interview: { answers: orderAnswers(a) } }, { lineWidth: 0, aliasDuplicateObjects: false });
}

export async function saveProgress(file: string, a: Answers): Promise<void> {
  await writeFileAtomic(file, caseText(a), { overwrite: true });
}

/**
 * Reads a file the interview wrote, to resume it. The answers are re-validated, and a field edited by
 * hand since is taken into the answer of the question that sets it; an edit no question can take is
 * reported (file, line, field), never dropped.
 */
export async function loadProgress(file: string, out?: NodeJS.WritableStream): Promise<Answers> {
  const { data, doc, lines } = parseData(await readUserFile(file), file);
  const record = (data as { interview?: { answers?: unknown } } | null)?.interview?.answers;
  if (!data || typeof data !== 'object' || !record || typeof record !== 'object' || Array.isArray(record)) {
    throw new DataError([{ file, path: 'interview.answers', message: 'no interview record here (this case file was not written by the interview): assess it with `migrant-claims assess`, or start a new interview with -o' }]);
  }
  const at = (path: (string | number)[]) => lineOf(doc, lines, path);
  const { answers, problems } = validateAnswers(record as Record<string, unknown>);
  if (problems.length) {
    throw new DataError(problems.map((p) => withLine({ file, path: `interview.answers.${p.path}`, message: p.message }, at(['interview', 'answers', p.path]))));
  }
  const { interview: _ignored, ...onFile } = data as Record<string, unknown>;
  const adopted: string[] = [];
  const bad: InputProblem[] = [];
  const taken: Record<string, Answer> = { ...answers };
  for (const path of differences(buildCase(answers), onFile)) {
    const line = at(pathKeys(path));
    const q = knownQuestions(taken).get(path)?.question;
    const value = valueAt(onFile, pathKeys(path));
    const r = q && applies(q, taken) ? checkAnswer(q, value === undefined ? '' : typeof value === 'number' ? String(value) : value) : undefined;
    if (r?.ok) {
      taken[path] = r.value;
      adopted.push(line === undefined ? path : `${path} (line ${line})`);
    } else {
      bad.push(withLine({ file, path, message: r ? r.message : 'edited by hand, but no interview question sets this field: make the change at the review (choose the topic), or in interview.answers' }, line));
    }
  }
  if (bad.length) throw new DataError(bad);
  const left = differences(buildCase(taken), onFile);
  if (left.length) {
    throw new DataError(left.map((path) => withLine({ file, path, message: 'edited by hand in a way the interview cannot follow: make the change at the review (choose the topic), or in interview.answers' }, at(pathKeys(path)))));
  }
  if (out) {
    if (adopted.length) out.write(`Changes made by hand, checked and kept: ${adopted.join(', ')}\n`);
    const next = firstUnanswered(taken);
    out.write(next ? `Resuming ${file} at "${next.topic.title}": ${next.question.message}\n` : `Every question in ${file} is answered: on to the review.\n`);
  }
  return taken;
}

/** Field paths ("fees[0].amount") where two case trees differ; a list of plain values counts as one field. */
export function differences(want: unknown, have: unknown, path: (string | number)[] = []): string[] {
  const plainList = (v: unknown) => Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object');
  if (want && have && typeof want === 'object' && typeof have === 'object' && !plainList(want) && !plainList(have) && Array.isArray(want) === Array.isArray(have)) {
    const keys = new Set([...Object.keys(want), ...Object.keys(have)]);
    return [...keys].flatMap((k) => {
      const key = Array.isArray(want) ? Number(k) : k;
      return differences((want as Record<string, unknown>)[k], (have as Record<string, unknown>)[k], [...path, key]);
    });
  }
  // 450 and "450" are the same amount: YAML reads a bare number, the interview writes text.
  const same = (x: unknown, y: unknown) => (typeof x === 'number' || typeof y === 'number' ? String(x) === String(y) : JSON.stringify(x) === JSON.stringify(y));
  return same(want, have) ? [] : [formatPath(path)];
}

function valueAt(data: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((cur, k) => (cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined), data);
}

const withLine = (p: InputProblem, line: number | undefined): InputProblem => (line === undefined ? p : { ...p, line });

/** An --answers file: a mapping of question name → answer, every answer checked before anything is asked. */
async function readAnswersFile(file: string): Promise<Record<string, Answer>> {
  const { data, doc, lines } = parseData(await readUserFile(file), file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new DataError([{ file, path: '', message: 'expected answers keyed by question name, like "worker.name: Maria Dela Cruz"' }]);
  }
  const { answers, problems } = validateAnswers(data as Record<string, unknown>);
  if (problems.length) throw new DataError(problems.map((p) => withLine({ ...p, file }, lineOf(doc, lines, [p.path]))));
  return answers;
}

const shellWord = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

