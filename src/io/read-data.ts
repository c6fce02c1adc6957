import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { type Document, LineCounter, isScalar, parseDocument, visit } from 'yaml';
import { DataError, MissingFileError } from '../core/errors.js';

export interface ParsedData {
  data: unknown;
  doc: Document;
  lines: LineCounter;
}

/** Reads a file the user named; a missing one is exit 66 with its name, nothing more. */
export async function readUserFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new MissingFileError(`${file}: no such file`);
    if (code === 'EISDIR') throw new MissingFileError(`${file}: is a folder, not a file`);
    if (code === 'EACCES') throw new MissingFileError(`${file}: permission denied`);
    throw e;
  }
}

/**
 * Parses YAML or JSON, keeping line numbers for error messages. Decimal numbers keep the text that
 * was typed ("2500.50"), so no amount ever passes through a binary float.
 */
export function parseData(text: string, file: string): ParsedData {
  if (extname(file).toLowerCase() === '.json') {
    try {
      JSON.parse(text);
    } catch (e) {
      throw new DataError([{ file, path: '', ...jsonErrorLine(text, (e as Error).message), message: `not valid JSON: ${jsonErrorText((e as Error).message)}` }]);
    }
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new DataError(
      doc.errors.map((err) => ({ file, path: '', line: lines.linePos(err.pos[0]).line, message: `not valid YAML: ${err.message.split('\n')[0]}` })),
    );
  }
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'number' && isScalar(node) && node.source && !Number.isInteger(node.value)) node.value = node.source;
      if (typeof node.value === 'number' && node.source && /[.eE]/.test(node.source)) node.value = node.source;
    },
  });
  return { data: doc.toJS({ maxAliasCount: 100 }), doc, lines };
}

/** Node 20's JSON errors give a position, or only a snippet of the text around the fault: find the line from either. */
function jsonErrorLine(text: string, message: string): { line?: number } {
  const pos = /position (\d+)/.exec(message);
  let offset = pos ? Number(pos[1]) : undefined;
  const snippet = /Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message);
  if (offset === undefined && snippet) {
    const at = text.indexOf(snippet[2]!);
    if (at >= 0) offset = at + snippet[2]!.indexOf(snippet[1]!);
  }
  if (offset === undefined && /end of JSON input/.test(message)) offset = text.length;
  return offset === undefined ? {} : { line: text.slice(0, offset).split('\n').length };
}

function jsonErrorText(message: string): string {
  return message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '');
}
