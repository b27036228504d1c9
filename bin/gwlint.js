#!/usr/bin/env node
// Thin launcher so that `npm install` from git works and the CLI starts from compiled JS (cold start matters).

// `gwlint … | head` closes the pipe early: that is the reader's choice, not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
import('../dist/src/cli/main.js')
  .then((m) => m.main(process.argv))
  .then((code) => { process.exitCode = code; })
  .catch((err) => {
    process.stderr.write(`gwlint: 内部错误 (internal error): ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  });
