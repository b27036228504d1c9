// The bundled language server the extension starts: the same server as `gwlint --lsp`.
import { runStdio } from '../../src/lsp/stdio.js';

runStdio();
