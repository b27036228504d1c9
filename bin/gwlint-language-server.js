#!/usr/bin/env node
// The gwlint language server over stdio, for any LSP client (Neovim, Helix, Emacs, VS Code …).
import('../dist/src/lsp/stdio.js')
  .then((m) => m.runStdio())
  .catch((err) => {
    process.stderr.write(`gwlint-language-server: 内部错误 (internal error): ${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  });
