/** Wraps prose to a width: the text's own leading spaces start the first line, `indent` the rest. */
export function wrap(text: string, width = 96, indent = ''): string {
  const out: string[] = [];
  let line = /^\s*/.exec(text)![0];
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      out.push(line);
      line = indent + word;
    } else line = empty ? line + word : `${line} ${word}`;
    empty = false;
  }
  if (!empty) out.push(line);
  return out.join('\n');
}
