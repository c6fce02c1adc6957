import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FORBIDDEN_IMPORT = /from\s+['"](node:)?(fs|fs\/promises|path|os|child_process|worker_threads|readline|chalk|commander|inquirer|@inquirer\/[a-z-]+|zlib|pdfkit|handlebars|yaml)['"]/;
const CLOCK = /new Date\(\s*\)|Date\.now\(|Math\.random\(|process\.(exit|stdout|stderr|env|argv)/;
const FLOAT_MONEY = /parseFloat\(|toFixed\(|Number\(\s*\w*(amount|Amount|salary|Salary)/;

describe('the core stays pure', () => {
  // The interview's and the exercises' cores too: questions, answers→case file, keys, grading (their Prompter is injected);
  // the batch's: sheet rows → case files, summaries, the consolidated files as text;
  // and the documents' views: a case, an assessment or a group's summaries in, words out.
  const views = files('src/documents').filter((f) => /(view|facts|words)\.ts$/.test(f));
  const pure = [...files('src/law'), ...files('src/core'), ...files('src/interview'), ...files('src/exercises'), ...files('src/batch'), ...views];

  it('has files to check', () => {
    expect(pure.length).toBeGreaterThan(10);
    expect(views.map((f) => f.split(/[\\/]/).pop()).sort()).toEqual(['facts.ts', 'group-facts.ts', 'group-view.ts', 'view.ts', 'words.ts']);
  });

  it.each(pure)('%s does no I/O, reads no clock, shows no colours', (file) => {
    const text = readFileSync(file, 'utf8');
    expect(text).not.toMatch(FORBIDDEN_IMPORT);
    expect(text).not.toMatch(CLOCK);
    expect(text).not.toMatch(FLOAT_MONEY);
  });

  it('only the CLI shell reads the clock', () => {
    const readers = files('src').filter((f) => /new Date\(\s*\)/.test(readFileSync(f, 'utf8')));
    expect(readers).toEqual([join('src', 'cli', 'options.ts')]);
  });
});
