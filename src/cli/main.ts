import { Command, CommanderError, Option } from 'commander';
import { EXIT } from '../core/errors.js';
import { collect } from './options.js';

/**
 * The command table. Each action imports its command module only when it runs, so `--help` and
 * `assess` never load what they do not use.
 */
function program(): Command {
  const cli = new Command('migrant-claims')
    .description('Labour claims of returned migrant workers: classify the claims, compute every amount with its legal basis.')
    .version('0.1.0')
    .option('--debug', 'show internal details (stack traces) on errors')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  cli
    .command('assess')
    .description("assess one worker's case file: claims, worksheet, totals, deadlines")
    .argument('<case-file>', 'the case file (.yaml, .yml or .json)')
    .option('--as-of <date>', 'compute interest and deadlines to this date (default: today)')
    .option('--json', 'print the assessment as one JSON document')
    .addOption(new Option('--currency-rate <FROM:PHP=RATE@DATE>', 'a dated rate for an indicative peso figure (repeatable)').argParser(collect))
    .action(async (file: string, opts) => (await import('./commands/assess.js')).assessCommand(file, opts));

  cli
    .command('draft')
    .description("write a worker's complaint-affidavit, computation annex, evidence checklist and cover note (PDF and DOCX)")
    .argument('<case-file>', 'the case file (.yaml, .yml or .json)')
    .option('-o, --output <dir>', 'the folder to write the drafts in', 'drafts')
    .option('--format <list>', 'pdf, docx or both', 'pdf,docx')
    .option('--templates <dir>', 'a folder of .hbs templates that override the shipped ones by name')
    .option('--as-of <date>', 'compute interest and deadlines to this date (default: today)')
    .option('--force', 'replace drafts that already exist with different contents')
    .action(async (file: string, opts) => (await import('./commands/draft.js')).draftCommand(file, opts));

  cli
    .command('demo')
    .description('assess the bundled demo case (a garment worker recruited for Romania) and write its drafts')
    .option('--as-of <date>', 'compute interest and deadlines to this date (default: today)')
    .option('--json', 'print the assessment as one JSON document')
    .addOption(new Option('--currency-rate <FROM:PHP=RATE@DATE>', 'a dated rate for an indicative peso figure (repeatable)').argParser(collect))
    .option('-o, --output <dir>', 'write the demo drafts in this folder instead of demo-drafts/ (the demo\'s own, brought up to date on every run)')
    .option('--no-drafts', 'only print the assessment')
    .option('--force', 'with -o: replace drafts that exist with different contents')
    .action(async (opts) => (await import('./commands/assess.js')).demoCommand(opts));

  cli
    .command('interview')
    .description('a fact-finding interview with the worker: writes the case file, then shows the assessment')
    .option('-o, --output <case-file>', 'the case file to write (default: case.yaml)')
    .option('--resume <case-file>', 'continue an interview at its first unanswered question')
    .option('--answers <answers-file>', 'take the answers from a YAML file keyed by question name (no terminal needed)')
    .option('--as-of <date>', 'compute interest and deadlines to this date (default: today)')
    .option('--force', 'start again over an existing case file')
    .action(async (opts) => (await import('./commands/interview.js')).interviewCommand(opts));

  cli
    .command('batch')
    .description('a group case: one group file of shared facts, one worker sheet (CSV); per-worker drafts and a consolidated summary. `batch template -o DIR` writes a starter group file and sheet, every column documented')
    .argument('<group-file>', 'the group file (.yaml): the facts the workers share, and the sheet it names; or `template`')
    .option('--workers <sheet.csv>', 'the worker sheet (default: the one the group file names)')
    .option('-o, --output <dir>', 'the folder to write in (default: <group-file name>-batch; for template: group-template)')
    .option('--jobs <n>', 'worker threads (default: the number of cores)')
    .option('--no-documents', 'assess and summarise only: no PDF or DOCX')
    .option('--json', 'print the report as JSON')
    .option('--force', 'redo every row, even unchanged ones; write into a folder that holds other files')
    .option('--as-of <date>', 'compute interest and deadlines to this date (default: today)')
    .option('--templates <dir>', 'a folder of .hbs templates that override the shipped ones by name')
    // `template` is a word, not a subcommand: as a subcommand, its -o would be taken by batch's own -o.
    .action(async (file: string, opts) =>
      file === 'template'
        ? (await import('./commands/batch-template.js')).batchTemplateCommand(opts)
        : (await import('./commands/batch.js')).batchCommand(file, opts),
    );

  cli
    .command('schema')
    .description("print the case file's JSON Schema")
    .action(async () => (await import('./commands/schema.js')).schemaCommand());

  cli
    .command('rules')
    .description('list every law parameter: its value on a date, its source, whether it is verified')
    .option('--as-of <date>', 'the date to read the values on (default: today)')
    .option('--jurisdiction <code>', 'only this jurisdiction (PH or TH)')
    .option('--json', 'print as JSON')
    .action(async (opts) => (await import('./commands/rules.js')).rulesCommand(opts));

  const exercise = cli.command('exercise').description("trainers' claim exercises: practice cases, graded with explanations");
  exercise
    .command('list')
    .description('list the exercise bank: title, level, what each practises')
    .action(async () => (await import('./commands/exercise.js')).listCommand());
  exercise
    .command('start')
    .description('tell the story, ask step by step, explain each answer; a score by skill at the end')
    .argument('<id>', 'an exercise id from `exercise list`, or the path of a story file')
    .action(async (id: string) => (await import('./commands/exercise.js')).startCommand(id));
  exercise
    .command('grade')
    .description("grade a class's answer files and write a scoreboard (CSV)")
    .argument('<id>', 'an exercise id, or the path of a story file')
    .argument('<answers...>', 'answer files (YAML), one per trainee')
    .option('--out <file>', 'the scoreboard CSV (default: scoreboard-<id>.csv)')
    .option('--force', 'replace the scoreboard if it exists')
    .action(async (id: string, files: string[], opts) => (await import('./commands/exercise.js')).gradeCommand(id, files, opts));
  exercise
    .command('key')
    .description('print the answer key, made by the engine, with the worksheet')
    .argument('<id>', 'an exercise id, or the path of a story file')
    .action(async (id: string) => (await import('./commands/exercise.js')).keyCommand(id));
  exercise
    .command('check')
    .description("validate a trainer's exercise: the story file, its case file, and the story's facts against the engine")
    .argument('<story>', 'the path of a story file (or an exercise id)')
    .action(async (id: string) => (await import('./commands/exercise.js')).checkCommand(id));

  return cli;
}

/** The one error boundary: known errors become a message and an exit code; bugs become a report. */
export async function main(argv: string[]): Promise<void> {
  const debug = argv.includes('--debug');
  // Output piped into `head` or a pager that quits early: stop quietly, as other tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  try {
    await program().parseAsync(argv);
  } catch (err) {
    process.exitCode = await report(err, debug);
  }
}

async function report(err: unknown, debug: boolean): Promise<number> {
  if (err instanceof CommanderError) {
    // Commander has already printed its message; help and version are not failures.
    return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
  }
  const { default: chalk } = await import('chalk');
  const known = err instanceof Error && 'exitCode' in err && typeof (err as { exitCode: unknown }).exitCode === 'number';
  if (known) {
    const e = err as Error & { exitCode: number };
    const lines = e.message.split('\n');
    process.stderr.write(`${chalk.red('error:')} ${lines.length > 1 ? `${lines.length} problems\n${lines.map((l) => `  ${l}`).join('\n')}` : lines[0]}\n`);
    if (debug && e.stack) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  process.stderr.write(`${chalk.red('internal error:')} ${err instanceof Error ? err.message : String(err)}\nThis is a bug in migrant-claims, not in your data. Please report it with the command you ran (not the case file: it holds personal data).\n`);
  if (debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
  else process.stderr.write('Run again with --debug for details.\n');
  return EXIT.software;
}
