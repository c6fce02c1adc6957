import { basename, extname } from 'node:path';
import { DataError, type InputProblem, MissingFileError, UsageError } from '../../core/errors.js';
import { readAnswers } from '../../exercises/answers.js';
import { checkStory } from '../../exercises/check.js';
import { type TraineeResult, gradeAnswers, percent } from '../../exercises/grade.js';
import { type Key, makeKey } from '../../exercises/key.js';
import { type RejectedFile, scoreboardCsv, scoreboardDocument } from '../../exercises/scoreboard.js';
import { runSession } from '../../exercises/session.js';
import { loadShippedParameters } from '../../io/load-parameters.js';
import { type LoadedExercise, bankStoryFiles, loadExercise, readAnswerData, readStory } from '../../io/read-exercise.js';
import { writeOutputSet } from '../../io/write-set.js';
import { PromptInterrupted } from '../../prompt/prompter.js';
import { isInteractiveTerminal } from '../../prompt/terminal.js';
import { renderBank, renderKey } from '../../render/exercise.js';
import { renderAssessment } from '../../render/text.js';

/** `migrant-claims exercise list|start|grade|key|check`: the shell around src/exercises. */

async function keyFor(ref: string): Promise<{ loaded: LoadedExercise; key: Key }> {
  const parameters = loadShippedParameters();
  const loaded = await loadExercise(ref, parameters);
  return { loaded, key: makeKey(loaded.story, loaded.raw, loaded.outcome.assessment, parameters) };
}

export async function listCommand(): Promise<void> {
  const stories = await Promise.all(bankStoryFiles().map(async (f) => ({ story: await readStory(f) })));
  const order = { easy: 0, medium: 1, hard: 2 } as const;
  stories.sort((a, b) => order[a.story.level] - order[b.story.level] || a.story.id.localeCompare(b.story.id));
  process.stdout.write(renderBank(stories));
}

export async function startCommand(ref: string): Promise<void> {
  // The exercise is read first: a wrong id or a broken story is reported as such, terminal or not.
  const { key } = await keyFor(ref);
  if (!isInteractiveTerminal()) {
    throw new UsageError(
      `an exercise needs a terminal: the trainee answers its questions one by one. Without one, write the answers in a file keyed by question name and grade it: \`migrant-claims exercise grade ${ref} answers.yaml\` (\`migrant-claims exercise key ${ref}\` lists the questions)`,
    );
  }
  const { inquirerPrompter } = await import('../../prompt/inquirer-prompter.js');
  const prompter = await inquirerPrompter();
  try {
    await runSession(key, prompter);
  } catch (e) {
    if (!(e instanceof PromptInterrupted)) throw e;
    process.stderr.write(`\nExercise stopped at ${e.question}. Nothing was saved; run it again to start over.\n`);
  }
}

export async function keyCommand(ref: string): Promise<void> {
  const { loaded, key } = await keyFor(ref);
  process.stdout.write(renderKey(key));
  process.stdout.write(`\n\nThe worksheet the key was made from:\n\n`);
  process.stdout.write(renderAssessment(loaded.outcome.assessment, loaded.outcome.caseFile, { color: process.stdout.isTTY === true }));
}

export async function checkCommand(ref: string): Promise<void> {
  const parameters = loadShippedParameters();
  const loaded = await loadExercise(ref, parameters);
  const problems = checkStory(loaded.story, loaded.raw, loaded.outcome.assessment, parameters, loaded.storyFile);
  if (problems.length) throw new DataError(problems);
  const key = makeKey(loaded.story, loaded.raw, loaded.outcome.assessment, parameters);
  process.stdout.write(`${loaded.storyFile}: ok. ${key.questions.length} questions; the key is made by the engine from ${loaded.caseFile} as of ${key.asOf}.\n`);
}

export interface GradeOptions {
  out?: string;
  force?: boolean;
}

/**
 * Grades a class: each answer file on its own, so one malformed file is reported (file and
 * question) while the rest are graded; the scoreboard is written, then exit 65 if any file was bad.
 */
export async function gradeCommand(ref: string, files: string[], opts: GradeOptions): Promise<void> {
  const { key } = await keyFor(ref);
  const results: TraineeResult[] = [];
  const rejected: RejectedFile[] = [];
  const problems: InputProblem[] = [];
  for (const file of files) {
    try {
      const { data, name } = await readAnswerData(file);
      const { trainee, answers } = readAnswers(key, data, file, name);
      results.push(gradeAnswers(key, trainee, answers));
    } catch (e) {
      if (e instanceof DataError) {
        problems.push(...e.problems);
        rejected.push({ file: basename(file), problems: e.problems.map((p) => `${p.path ? `${p.path}: ` : ''}${p.message}`) });
      } else if (e instanceof MissingFileError) {
        problems.push({ file, path: '', message: e.message.replace(`${file}: `, '') });
        rejected.push({ file: basename(file), problems: [e.message] });
      } else throw e;
    }
  }
  if (results.length) {
    const csv = opts.out ?? `scoreboard-${key.id}.csv`;
    const pdf = `${csv.slice(0, csv.length - extname(csv).length)}.pdf`;
    const { renderPdf } = await import('../../documents/render-pdf.js');
    const outputs = [
      { file: csv, bytes: new TextEncoder().encode(scoreboardCsv(key, results)) },
      { file: pdf, bytes: await renderPdf(scoreboardDocument(key, results, rejected)) },
    ];
    await writeOutputSet(outputs, { force: opts.force === true, what: 'scoreboard file' });
    process.stdout.write(`${results.map((r) => `${r.trainee.padEnd(24)} ${String(percent(r.total)).padStart(3)}%`).join('\n')}\n`);
    process.stdout.write(`Graded ${results.length} answer file(s); wrote ${csv} and ${pdf}.\n`);
  }
  if (problems.length) throw new DataError(problems);
}
