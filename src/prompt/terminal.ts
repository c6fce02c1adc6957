/**
 * Whether a person can answer questions here: stdin and stdout are a terminal and this is not CI.
 * Interactive commands check it before loading the prompt library, so a pipe or a CI job gets a
 * clear refusal instead of prompts that read an empty stdin.
 */
export function isInteractiveTerminal(): boolean {
  const ci = process.env.CI;
  return process.stdin.isTTY === true && process.stdout.isTTY === true && (ci === undefined || ci === '' || ci === '0' || ci === 'false');
}
