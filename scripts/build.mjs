#!/usr/bin/env node
// The second half of `npm run build` (after tsc has type-checked and emitted dist/):
// 1. bundles the CLI into dist/bundle/, split so that each command's modules load only when it
//    runs (start-up cost is mostly module loading, and zod alone is ~230 files);
// 2. writes dist/parameters.json, a validated snapshot of parameters/ used while no YAML file
//    has changed since.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { makeSnapshot } from '../dist/io/load-parameters.js';

rmSync('dist/bundle', { recursive: true, force: true }); // no stale chunks from earlier builds
await build({
  // The batch's worker threads start from their own entry, beside main.js.
  entryPoints: { main: 'src/cli/main.ts', 'batch-thread': 'src/runner/batch-thread.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // commander is CommonJS and calls require() for Node's own modules.
  banner: { js: "import { createRequire as __mcCreateRequire } from 'node:module'; const require = __mcCreateRequire(import.meta.url);" },
  // Loaded only by the commands that need them (and pdfkit reads its own data files from disk).
  external: ['pdfkit', 'fontkit', 'handlebars', '@inquirer/prompts', 'dejavu-fonts-ttf'],
  legalComments: 'none',
  logLevel: 'warning',
});
writeFileSync('dist/parameters.json', makeSnapshot());
