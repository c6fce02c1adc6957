import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseData } from '../../src/io/read-data.js';
import type { Answers } from '../../src/interview/question.js';
import { askUntilDone } from '../../src/interview/run.js';
import { type CheckboxQuestion, type ConfirmQuestion, type Prompter, PromptInterrupted, type SelectQuestion, type TextQuestion } from '../../src/prompt/prompter.js';
import { ScriptedPrompter } from '../../src/prompt/scripted-prompter.js';

export const answersFile = (name: string): string => fileURLToPath(new URL(`./answers/${name}`, import.meta.url));

/** An answers file as the CLI reads it (decimals keep the digits typed). */
export function readAnswers(name: string): Record<string, unknown> {
  const file = answersFile(name);
  return parseData(readFileSync(file, 'utf8'), file).data as Record<string, unknown>;
}

/** Runs the whole question sequence from a script; returns the answers and what was asked. */
export async function interview(script: Record<string, unknown>): Promise<{ answers: Answers; asked: string[]; saves: number }> {
  const p = new ScriptedPrompter(script);
  let saves = 0;
  const answers = await askUntilDone(p, {}, async () => {
    saves++;
  });
  return { answers, asked: p.asked, saves };
}

/** A scripted prompter that presses Ctrl-C at its n-th question (counting from 1). */
export class InterruptingPrompter implements Prompter {
  private n = 0;
  constructor(private readonly inner: Prompter, private readonly at: number) {}
  private tick(name: string) {
    if (++this.n === this.at) throw new PromptInterrupted(name);
  }
  async text(q: TextQuestion) { this.tick(q.name); return this.inner.text(q); }
  async confirm(q: ConfirmQuestion) { this.tick(q.name); return this.inner.confirm(q); }
  async select(q: SelectQuestion) { this.tick(q.name); return this.inner.select(q); }
  async checkbox(q: CheckboxQuestion) { this.tick(q.name); return this.inner.checkbox(q); }
  say(text: string) { this.inner.say(text); }
}

/** A person who answers the same question differently the second time: answers are queues per name. */
export class SequencePrompter implements Prompter {
  readonly asked: string[] = [];
  readonly said: string[] = [];
  private readonly queues: Map<string, unknown[]>;
  constructor(script: Record<string, unknown[]>, private readonly fallback: Prompter) {
    this.queues = new Map(Object.entries(script).map(([k, v]) => [k, [...v]]));
  }
  private next(name: string): { hit: boolean; value?: unknown } {
    this.asked.push(name);
    const q = this.queues.get(name);
    return q && q.length ? { hit: true, value: q.shift() } : { hit: false };
  }
  async text(q: TextQuestion) { const n = this.next(q.name); return n.hit ? String(n.value) : this.fallback.text(q); }
  async confirm(q: ConfirmQuestion) { const n = this.next(q.name); return n.hit ? Boolean(n.value) : this.fallback.confirm(q); }
  async select(q: SelectQuestion) { const n = this.next(q.name); return n.hit ? String(n.value) : this.fallback.select(q); }
  async checkbox(q: CheckboxQuestion) { const n = this.next(q.name); return n.hit ? (n.value as string[]) : this.fallback.checkbox(q); }
  say(text: string) { this.said.push(text); }
}
