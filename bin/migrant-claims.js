#!/usr/bin/env node
// Runs the built CLI; `npm install` builds it (the prepare script).
import('../dist/bundle/main.js').then(
  (cli) => cli.main(process.argv),
  (err) => {
    if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist')) {
      process.stderr.write('migrant-claims is not built yet: run `npm install` (or `npm run build`) in its folder.\n');
      process.exitCode = 70;
    } else throw err;
  },
);
