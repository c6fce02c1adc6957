import type { Prompter } from '../prompt/prompter.js';
import { checkAnswer, applicable, firstUnanswered, liveAnswers } from './progress.js';
import type { Answer, Answers, Q, Topic } from './question.js';
import { TOPICS } from './topics.js';

/**
 * Asking, through any Prompter: the questions in order, a topic reopened, the summary. No files,
 * no clock: `save` is called after every answer, and the shell decides what saving means.
 */
export type Save = (a: Answers) => Promise<void>;

const helpFor = (topic: Topic, q: Q) => `Why we ask about ${topic.title.toLowerCase()}:\n${topic.why}${q.help ? `\n\n${q.help}` : ''}`;

/** Asks one question; `current` (an earlier answer) is offered as the default. */
export async function ask(p: Prompter, topic: Topic, q: Q, a: Answers, current?: Answer): Promise<Answer> {
  const base = { name: q.name, message: q.message, help: helpFor(topic, q) };
  switch (q.kind) {
    case 'text': {
      const dflt = typeof current === 'string' ? current : q.default?.(a);
      const raw = await p.text({ ...base, ...(dflt === undefined ? {} : { default: dflt }), validate: (s) => { const r = q.parse(s); return r.ok ? true : r.message; } });
      const r = q.parse(raw);
      if (!r.ok) throw new Error(`the prompter returned an answer its own check refuses: ${q.name}`);
      return r.value;
    }
    case 'confirm': {
      const dflt = typeof current === 'boolean' ? current : q.default;
      return p.confirm({ ...base, ...(dflt === undefined ? {} : { default: dflt }) });
    }
    case 'select': {
      const dflt = typeof current === 'string' ? current : q.default;
      return p.select({ ...base, choices: q.choices, ...(dflt === undefined ? {} : { default: dflt }) });
    }
    case 'checkbox': {
      const now = Array.isArray(current) ? current : [];
      const values = await p.checkbox({ ...base, choices: q.choices.map((c) => ({ ...c, ...(now.includes(c.value) ? { checked: true } : {}) })) });
      const r = checkAnswer(q, values);
      return r.ok ? r.value : values;
    }
  }
}

const header = (topic: Topic) => {
  const n = TOPICS.indexOf(topic) + 1;
  return `\n── ${n} of ${TOPICS.length} · ${topic.title} ${'─'.repeat(Math.max(3, 70 - topic.title.length))}`;
};

/** Asks every question still unanswered, in order, saving after each. */
export async function askUntilDone(p: Prompter, start: Answers, save: Save): Promise<Answers> {
  let a: Answers = start;
  let shown: Topic | undefined;
  if (firstUnanswered(a)) p.say('Type ? at a question, or choose "Why is this asked?", to hear why it is asked. Ctrl-C pauses: every answer is saved.');
  for (;;) {
    const next = firstUnanswered(a);
    if (!next) return a;
    if (next.topic !== shown) {
      p.say(header(next.topic));
      shown = next.topic;
    }
    a = { ...a, [next.question.name]: await ask(p, next.topic, next.question, a) };
    await save(a);
  }
}

/** Goes through one topic again, every answer offered as the default; then anything newly opened is asked. */
export async function reopen(p: Prompter, topic: Topic, start: Answers, save: Save, only?: readonly string[]): Promise<Answers> {
  let a: Answers = start;
  const done = new Set<string>();
  p.say(header(topic));
  for (;;) {
    const q = applicable(topic, a).find((x) => !done.has(x.name) && (!only || only.includes(x.name)));
    if (!q) break;
    done.add(q.name);
    a = { ...a, [q.name]: await ask(p, topic, q, a, a[q.name]) };
    await save(a);
  }
  return askUntilDone(p, a, save);
}

/** The answers that count, topic by topic, as a paralegal reads them back to the worker; skipped questions on one line. */
export function summary(a: Answers): string {
  const live = liveAnswers(a);
  const out: string[] = [];
  TOPICS.forEach((topic, i) => {
    out.push('', `${i + 1}. ${topic.title}`);
    const skipped: string[] = [];
    for (const q of applicable(topic, a)) {
      const v = live[q.name];
      const words = q.message.replace(/ \((Enter|space)[^)]*\)$/, '').replace(/\?$/, '');
      if (v === '') skipped.push(words);
      else out.push(`   ${words}: ${show(q, v)}`);
    }
    if (skipped.length) out.push(`   Not given: ${skipped.join('; ')}`);
  });
  return out.join('\n');
}

function show(q: Q, v: Answer | undefined): string {
  if (v === undefined) return '(not answered)';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length ? v.map((x) => label(q, x)).join(', ') : 'none';
  return q.kind === 'select' ? label(q, v) : v;
}

const label = (q: Q, value: string) => (q.kind === 'select' || q.kind === 'checkbox' ? (q.choices.find((c) => c.value === value)?.label ?? value) : value);

export const FINISH = 'finish';

/** The review: read the summary, reopen topics until it is right. Returns the final answers. */
export async function review(p: Prompter, start: Answers, save: Save): Promise<Answers> {
  let a = start;
  for (;;) {
    p.say(`\n══ Review ══${summary(a)}\n`);
    const choice = await p.select({
      name: 'review',
      message: 'Is everything right?',
      help: 'Read the answers back to the worker. Choose a topic to change its answers; every answer is kept until you change it.',
      choices: [{ value: FINISH, label: 'Yes: finish and show the assessment' }, ...TOPICS.map((t, i) => ({ value: t.id, label: `Change ${i + 1}. ${t.title}` }))],
      default: FINISH,
    });
    const topic = TOPICS.find((t) => t.id === choice);
    if (!topic) return a;
    a = await reopen(p, topic, a, save);
  }
}

/** The questions, applying now, that would answer the missing facts the assessment lists. */
export function questionsForFields(fields: readonly string[], a: Answers): { topic: Topic; names: string[] }[] {
  const out: { topic: Topic; names: string[] }[] = [];
  for (const topic of TOPICS) {
    const names = applicable(topic, a)
      .map((q) => q.name)
      .filter((name) => fields.some((f) => FACT_QUESTIONS[f]?.some((pattern) => matches(pattern, name)) ?? matches(f, name)));
    if (names.length) out.push({ topic, names });
  }
  return out;
}

/**
 * The assessment names a missing fact by its case-file field; most questions bear that name. These
 * are the ones that do not, or that are answered by another question ("[]" stands for any index).
 */
export const FACT_QUESTIONS: Readonly<Record<string, readonly string[]>> = {
  'employment.months': ['work.months'],
  'harm.expenses': ['harm.expenses.count'],
  'prayer.moralDamages': ['prayer.moralDamages.amount'],
  'prayer.exemplaryDamages': ['prayer.exemplaryDamages.amount'],
  'separation.repatriation.cost': ['separation.repatriation.cost.amount'],
  'substitutedContract.changes': ['substitutedContract.changes'],
  'contract.start.date': ['contract.start.date'],
  // An exchange rate on the day a fee was paid is not a fact the interview asks: the lawyer supplies it.
  'fees[].currency': [],
};

function matches(pattern: string, name: string): boolean {
  if (!pattern.includes('[]')) return pattern === name;
  const re = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/\[\]/g, '\\[\\d+\\]')}$`);
  return re.test(name);
}

/** Asks just the named questions again (the missing facts), then anything they open. */
export async function askThese(p: Prompter, groups: { topic: Topic; names: string[] }[], start: Answers, save: Save): Promise<Answers> {
  let a = start;
  for (const g of groups) a = await reopen(p, g.topic, a, save, g.names);
  return a;
}

