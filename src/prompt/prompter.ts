/**
 * What an interactive command needs from a terminal, and nothing more. The interview (issue 4) and
 * the trainer's exercises (issue 7) ask through this interface; `inquirer-prompter.ts` puts it on a
 * real terminal and `scripted-prompter.ts` answers from a map keyed by question name, for tests and
 * for `--answers` files.
 *
 * Choice values are strings so that a scripted answer file (YAML) can name them.
 */
export interface Question {
  /** Stable key: the answers file and the saved progress use it. */
  name: string;
  message: string;
  /** Plain-words explanation a paralegal can read aloud; shown on request. */
  help?: string;
}

export interface TextQuestion extends Question {
  default?: string;
  /** true when the text is acceptable, else a message saying what to type. */
  validate?: (raw: string) => true | string;
}

export interface ConfirmQuestion extends Question {
  default?: boolean;
}

export interface Choice {
  value: string;
  label: string;
  /** A short line shown beside or under the choice. */
  hint?: string;
  checked?: boolean;
}

export interface SelectQuestion extends Question {
  choices: readonly Choice[];
  default?: string;
}

export interface CheckboxQuestion extends Question {
  choices: readonly Choice[];
  validate?: (values: readonly string[]) => true | string;
}

export interface Prompter {
  text(q: TextQuestion): Promise<string>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  select(q: SelectQuestion): Promise<string>;
  checkbox(q: CheckboxQuestion): Promise<string[]>;
  /** Prints a line of prose (a story, an explanation, a summary) to the person at the terminal. */
  say(text: string): void;
}

/** The person pressed Ctrl-C (or closed the terminal) at a question. */
export class PromptInterrupted extends Error {
  override name = 'PromptInterrupted';
  constructor(readonly question: string) {
    super(`interrupted at ${question}`);
  }
}
