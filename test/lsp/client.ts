import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  ShowMessageNotification,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowMessageParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';
import { ROOT } from '../helpers.js';
import type { DraftStatus } from '../../src/lsp/protocol.js';

export const uriOf = (path: string): string => pathToFileURL(path).href;

/**
 * A real LSP client over stdio (vscode-languageserver-protocol's connection, as vscode-languageclient uses)
 * driving a server process, and remembering what the server published.
 */
export class TestClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess;
  readonly messages: ShowMessageParams[] = [];
  readonly statuses: DraftStatus[] = [];
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** How many times diagnostics were published for each uri. */
  readonly publishCount = new Map<string, number>();
  readonly configRequests: unknown[] = [];
  private waiters: { test: (p: PublishDiagnosticsParams) => boolean; done: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  constructor(command: string[] = [resolve(ROOT, 'bin/gwlint-language-server.js')]) {
    this.proc = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.set(p.uri, p);
      this.publishCount.set(p.uri, (this.publishCount.get(p.uri) ?? 0) + 1);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.done(p), false) : true));
    });
    this.conn.onNotification(ShowMessageNotification.type, (p) => this.messages.push(p));
    this.conn.onNotification('gwlint/status', (p: DraftStatus) => this.statuses.push(p));
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p: unknown) => {
      this.configRequests.push(p);
      return [null];
    });
    this.conn.listen();
  }

  async initialize(opts: { folder?: string; initializationOptions?: unknown; capabilities?: ClientCapabilities; locale?: string } = {}): Promise<void> {
    await this.conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: opts.folder ? uriOf(opts.folder) : null,
      workspaceFolders: opts.folder ? [{ uri: uriOf(opts.folder), name: 'drafts' }] : null,
      capabilities: opts.capabilities ?? {},
      initializationOptions: opts.initializationOptions ?? {},
      ...(opts.locale ? { locale: opts.locale } : {}),
    });
    await this.conn.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with the next diagnostics for `uri` (for `version`, when given). */
  diagnostics(uri: string, version?: number, timeoutMs = 20000): Promise<PublishDiagnosticsParams> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`no diagnostics for ${uri} v${version ?? '*'} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        test: (p) => p.uri === uri && (version === undefined || p.version === version),
        done: (p) => {
          clearTimeout(timer);
          done(p);
        },
      });
    });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<Diagnostic[]> {
    const wait = this.diagnostics(uri, version);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return (await wait).diagnostics;
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const wait = this.diagnostics(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return (await wait).diagnostics;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    const wait = this.diagnostics(uri);
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return (await wait).diagnostics;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const r = await this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return (r ?? []) as CodeAction[];
  }

  status(uri: string): Promise<DraftStatus | null> {
    return this.conn.sendRequest('gwlint/status', { uri });
  }

  async watchedFilesChanged(uri: string): Promise<void> {
    await this.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: 2 }] });
  }

  async shutdown(): Promise<void> {
    try {
      await this.conn.sendRequest(ShutdownRequest.type);
      await this.conn.sendNotification(ExitNotification.type);
    } catch {
      // The process may already be gone; the kill below makes sure.
    }
    await new Promise<void>((done) => {
      if (this.proc.exitCode !== null) return done();
      const t = setTimeout(() => {
        this.proc.kill();
        done();
      }, 3000);
      this.proc.on('exit', () => {
        clearTimeout(t);
        done();
      });
    });
    this.conn.dispose();
  }
}

/** The place of a diagnostic as "rule@line:col-line:col", 0-based as LSP. */
export function where(d: Diagnostic): string {
  return `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}
