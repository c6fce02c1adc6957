import type { CheckboxQuestion, ConfirmQuestion, Prompter, SelectQuestion, TextQuestion } from './prompter.js';
import { PromptInterrupted } from './prompter.js';
import { wrap } from '../render/wrap.js';

type Inquirer = typeof import('@inquirer/prompts');

const HELP_HINT = '(? for why)';

/**
 * The Prompter on a real terminal, through @inquirer/prompts. Loaded only by interactive commands.
 * Ctrl-C inside inquirer becomes PromptInterrupted, so the command can save and say how to resume.
 */
export async function inquirerPrompter(out: NodeJS.WritableStream = process.stdout): Promise<Prompter> {
  const inquirer: Inquirer = await import('@inquirer/prompts');
  const guard = async <T>(name: string, ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (e) {
      if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new PromptInterrupted(name);
      throw e;
    }
  };
  // Help is read aloud from the screen: wrapped at word boundaries to the terminal, never mid-word.
  const width = Math.min(100, ((out as NodeJS.WriteStream).columns ?? 100) - 2);
  const showHelp = (help: string) => out.write(`\n${help.split('\n').map((l) => wrap(`    ${l}`, width, '    ')).join('\n')}\n\n`);

  return {
    async text(q: TextQuestion) {
      for (;;) {
        const answer = await guard(q.name, () =>
          inquirer.input({
            message: q.help ? `${q.message} ${HELP_HINT}` : q.message,
            ...(q.default === undefined ? {} : { default: q.default }),
            validate: (raw: string) => (q.help && raw.trim() === '?' ? true : (q.validate?.(raw) ?? true)),
          }),
        );
        if (q.help && answer.trim() === '?') {
          showHelp(q.help);
          continue;
        }
        return answer;
      }
    },
    async confirm(q: ConfirmQuestion) {
      if (!q.help) return guard(q.name, () => inquirer.confirm({ message: q.message, ...(q.default === undefined ? {} : { default: q.default }) }));
      // A yes/no prompt has no room for "?": offer the explanation as a third answer.
      for (;;) {
        const v = await guard(q.name, () =>
          inquirer.select({
            message: q.message,
            choices: [
              { value: 'yes', name: 'Yes' },
              { value: 'no', name: 'No' },
              { value: '?', name: 'Why is this asked?' },
            ],
            ...(q.default === undefined ? {} : { default: q.default ? 'yes' : 'no' }),
          }),
        );
        if (v === '?') {
          showHelp(q.help);
          continue;
        }
        return v === 'yes';
      }
    },
    async select(q: SelectQuestion) {
      for (;;) {
        const choices = q.choices.map((c) => ({ value: c.value, name: c.label, ...(c.hint ? { description: c.hint } : {}) }));
        const v = await guard(q.name, () =>
          inquirer.select({
            message: q.message,
            choices: q.help ? [...choices, { value: '\u0000help', name: 'Why is this asked?' }] : choices,
            ...(q.default === undefined ? {} : { default: q.default }),
            pageSize: 12,
          }),
        );
        if (v === '\u0000help' && q.help) {
          showHelp(q.help);
          continue;
        }
        return v;
      }
    },
    async checkbox(q: CheckboxQuestion) {
      // A list of boxes has no room for "?": its help is shown before it.
      if (q.help) showHelp(q.help);
      return guard(q.name, () =>
        inquirer.checkbox({
          message: q.message,
          choices: q.choices.map((c) => ({ value: c.value, name: c.label, ...(c.hint ? { description: c.hint } : {}), ...(c.checked ? { checked: true } : {}) })),
          pageSize: 14,
          ...(q.validate ? { validate: (items: readonly { value: string }[]) => q.validate!(items.map((i) => i.value)) } : {}),
        }),
      );
    },
    say(text: string) {
      out.write(`${text}\n`);
    },
  };
}
