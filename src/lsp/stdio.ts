import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node.js';
import { startServer, type ServerOptions } from './server.js';

/**
 * Runs the language server on stdin/stdout (`gwlint --lsp`, `gwlint-language-server`, the VS Code extension).
 * stdout carries the protocol, so anything that would print there goes to stderr instead.
 */
export function runStdio(options: ServerOptions = {}): void {
  const toErr = (...args: unknown[]): void => void process.stderr.write(args.map(String).join(' ') + '\n');
  console.log = toErr;
  console.info = toErr;
  console.debug = toErr;
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startServer(connection, options);
}
