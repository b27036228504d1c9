#!/usr/bin/env node
// Thin launcher so that `npm install` from git works and the CLI starts from compiled JS (cold start matters).
import('../dist/src/cli/main.js')
  .then((m) => m.main(process.argv))
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`gwlint: 内部错误 (internal error): ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  });
