/**
 * The few error kinds the CLI's one boundary knows how to show. Each carries what the user needs
 * to fix the input, and an exit code from sysexits(3).
 */
export const EXIT = { ok: 0, usage: 64, data: 65, noInput: 66, software: 70, ioError: 74 } as const;

/** One problem in an input: where (file, field path, line) and what was expected. */
export interface InputProblem {
  file?: string;
  path: string;
  line?: number;
  message: string;
}

/** Bad data in a file the user gave: all its problems, reported at once. */
export class DataError extends Error {
  readonly exitCode = EXIT.data;
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DataError';
  }
}

export class UsageError extends Error {
  readonly exitCode = EXIT.usage;
  override name = 'UsageError';
}

export class MissingFileError extends Error {
  readonly exitCode = EXIT.noInput;
  override name = 'MissingFileError';
}

/** A law parameter asked for on a date none of its values covers. */
export class ParameterNotCoveredError extends Error {
  readonly exitCode = EXIT.data;
  override name = 'ParameterNotCoveredError';
  constructor(readonly parameter: string, readonly date: string, readonly requestedBy: string) {
    super(`law parameter ${parameter} has no value on ${date} (needed for ${requestedBy}); the case's dates fall outside the periods its data file covers`);
  }
}

export function formatProblem(p: InputProblem): string {
  const where = [p.file, p.line === undefined ? undefined : `line ${p.line}`].filter(Boolean).join(':');
  const path = p.path ? ` ${p.path}:` : '';
  return `${where ? `${where}:` : ''}${path} ${p.message}`.trim();
}
