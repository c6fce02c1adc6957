import { DataError, type InputProblem } from '../core/errors.js';
import type { CheckboxQuestion, ConfirmQuestion, Prompter, Question, SelectQuestion, TextQuestion } from './prompter.js';

/** A question the script has no answer for. The caller decides whether that ends the run. */
export class UnansweredQuestion extends Error {
  override name = 'UnansweredQuestion';
  constructor(readonly question: string) {
    super(`no answer for question "${question}"`);
  }
}

/**
 * Answers questions from a map keyed by question name: the tests' prompter, and the engine behind
 * `--answers answers.yaml`. It validates exactly as the terminal does, so a scripted run can never
 * slip past a check a person would meet. Everything asked and said is kept in `transcript`.
 */
export class ScriptedPrompter implements Prompter {
  readonly transcript: string[] = [];
  readonly asked: string[] = [];

  constructor(
    private readonly answers: Readonly<Record<string, unknown>>,
    /** Named in error messages: the answers file, or "script" in tests. */
    private readonly source = 'script',
  ) {}

  async text(q: TextQuestion): Promise<string> {
    const raw = this.take(q);
    if (raw === undefined) {
      if (q.default !== undefined) return this.accept(q, q.default, q.validate?.(q.default));
      throw new UnansweredQuestion(q.name);
    }
    if (typeof raw !== 'string' && typeof raw !== 'number') this.fail(q, 'expected a single value (text, a number or a date)');
    const text = String(raw);
    return this.accept(q, text, q.validate?.(text));
  }

  async confirm(q: ConfirmQuestion): Promise<boolean> {
    const raw = this.take(q);
    if (raw === undefined) {
      if (q.default !== undefined) return q.default;
      throw new UnansweredQuestion(q.name);
    }
    if (typeof raw === 'boolean') return raw;
    if (typeof raw === 'string' && /^(y|yes|true)$/i.test(raw.trim())) return true;
    if (typeof raw === 'string' && /^(n|no|false)$/i.test(raw.trim())) return false;
    return this.fail(q, 'expected yes or no');
  }

  async select(q: SelectQuestion): Promise<string> {
    const raw = this.take(q);
    if (raw === undefined) {
      if (q.default !== undefined) return q.default;
      throw new UnansweredQuestion(q.name);
    }
    return this.choice(q, raw);
  }

  async checkbox(q: CheckboxQuestion): Promise<string[]> {
    const raw = this.take(q);
    // Left out of the script: what Enter at the terminal gives, the choices already ticked.
    if (raw === undefined) return q.choices.filter((c) => c.checked).map((c) => c.value);
    const list = raw === null ? [] : Array.isArray(raw) ? raw : [raw];
    const values = list.map((v) => this.choice(q, v));
    const verdict = q.validate?.(values);
    if (verdict !== undefined && verdict !== true) this.fail(q, verdict);
    return values;
  }

  say(text: string): void {
    this.transcript.push(text);
  }

  private take(q: Question): unknown {
    this.asked.push(q.name);
    this.transcript.push(`? ${q.message}`);
    return this.answers[q.name];
  }

  private accept(q: Question, text: string, verdict: true | string | undefined): string {
    if (verdict !== undefined && verdict !== true) this.fail(q, verdict);
    this.transcript.push(`> ${text}`);
    return text;
  }

  private choice(q: SelectQuestion | CheckboxQuestion, raw: unknown): string {
    const given = String(raw).trim().toLowerCase();
    const hit = q.choices.find((c) => c.value.toLowerCase() === given || c.label.toLowerCase() === given);
    if (!hit) this.fail(q, `expected one of: ${q.choices.map((c) => c.value).join(', ')}`);
    this.transcript.push(`> ${hit!.value}`);
    return hit!.value;
  }

  private fail(q: Question, message: string): never {
    const problem: InputProblem = { file: this.source, path: q.name, message };
    throw new DataError([problem]);
  }
}
