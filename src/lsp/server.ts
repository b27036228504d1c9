import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Linter, fatalResult } from '../engine/api.js';
import { CONFIG_NAMES, ConfigError, clearConfigCache } from '../engine/config.js';
import type { RuleEntry } from '../engine/config-types.js';
import type { LintMessage, LintResult, Locale, Rule } from '../engine/types.js';
import { supportedExtensions } from '../parsers/registry.js';
import { configOverrideEdit, disableFileAction, disableLineAction, fixAction, fixAllAction, FIX_ALL_KIND } from './actions.js';
import { covers, lintable, messageRange, toDiagnostic, touches } from './convert.js';
import { hoverMarkdown } from './hover.js';
import { t } from './i18n.js';
import {
  DOCX_PREVIEW_METHOD,
  LINT_WORKSPACE_METHOD,
  STATUS_METHOD,
  TRUST_METHOD,
  type DocxPreviewParams,
  type DocxPreviewResult,
  type DraftStatus,
  type GwlintSettings,
  type InitializationOptions,
  type LintWorkspaceResult,
  type StatusParams,
  type TrustParams,
} from './protocol.js';

/** What the server keeps of a draft's latest lint, for hovers, code actions and the status bar. */
interface Linted {
  version: number | null;
  kind: 'markdown' | 'text' | 'other';
  bom: number;
  messages: LintMessage[];
  status: DraftStatus;
}

/** Per-draft scheduling: lint at once after a pause, and coalesce the edits that arrive while a lint runs. */
interface Schedule {
  timer?: NodeJS.Timeout;
  running: boolean;
  dirty: boolean;
  lastEnd: number;
}

const DEFAULT_DEBOUNCE_MS = 100;
const LANGUAGE_EXT: Record<string, string> = { markdown: '.md', plaintext: '.txt', text: '.txt' };

/**
 * The gwlint language server on an LSP connection. It lints through the same `Linter` as the CLI, with the
 * config found from each draft's folder, so an editor and `gwlint` on the command line report the same
 * findings at the same places.
 */
export interface ServerOptions {
  /** Rules to add to the built-in ones, for a program that hosts the server with its own rules. */
  rules?: Rule[];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const linted = new Map<string, Linted>();
  const schedules = new Map<string, Schedule>();
  /** Files the workspace lint published findings for (they stay in the Problems panel after a close). */
  const fromWorkspace = new Set<string>();
  let folders: string[] = [];
  let initSettings: GwlintSettings = {};
  let settings: GwlintSettings = {};
  let trusted = true;
  let clientLocale: Locale = 'zh';
  let canPullConfig = false;
  let canWatch = false;
  let canCreateFiles = false;
  let linter: Linter | undefined;
  const shownErrors = new Set<string>();

  const uiLocale = (): Locale => settings.locale ?? clientLocale;
  const cwd = (): string => folders[0] ?? process.cwd();

  function getLinter(): Linter {
    if (linter) return linter;
    const base = cwd();
    linter = new Linter({
      cwd: base,
      ...(settings.locale ? { locale: settings.locale } : {}),
      ...(settings.configPath ? { configFile: resolve(base, settings.configPath) } : {}),
      ...(settings.profile ? { profile: settings.profile } : {}),
      ...(settings.rules ? { cliRules: settings.rules as Record<string, RuleEntry> } : {}),
      allowPlugins: trusted,
      ...(options.rules ? { rules: options.rules } : {}),
    });
    return linter;
  }

  /** Drops everything cached from config files and settings, then lints the open drafts again. */
  function reset(): void {
    clearConfigCache();
    linter = undefined;
    shownErrors.clear();
    for (const doc of documents.all()) schedule(doc.uri, true);
  }

  /** The path a draft is linted as: its own, or for an untitled buffer a name beside the workspace. */
  function pathFor(doc: TextDocument): string | undefined {
    const supported = supportedExtensions();
    const langExt = LANGUAGE_EXT[doc.languageId];
    if (doc.uri.startsWith('file:')) {
      let p: string;
      try {
        p = fileURLToPath(doc.uri);
      } catch {
        return undefined;
      }
      const ext = extname(p).toLowerCase();
      if (supported.includes(ext) && ext !== '.docx') return p;
      return langExt ? p + langExt : undefined;
    }
    return langExt ? join(cwd(), `untitled${langExt}`) : undefined;
  }

  function kindOf(filePath: string): Linted['kind'] {
    const ext = extname(filePath).toLowerCase();
    if (['.md', '.markdown', '.mdown', '.mkd'].includes(ext)) return 'markdown';
    if (['.txt', '.text'].includes(ext)) return 'text';
    return 'other';
  }

  function statusOf(uri: string, version: number | null, r: LintResult): DraftStatus {
    return {
      uri,
      version,
      charCount: r.charCount,
      cap: r.detection?.cap ?? null,
      docType: r.docType,
      direction: r.direction,
      category: r.category,
      reasons: r.detection
        ? { docType: r.detection.docType.reason, direction: r.detection.direction.reason, category: r.detection.category.reason }
        : {},
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      trusted,
      profile: linter ? safeProfile(linter, r.filePath) : null,
    };
  }

  function safeProfile(l: Linter, filePath: string): string | null {
    try {
      return l.configFor(filePath).profile ?? null;
    } catch {
      return null;
    }
  }

  /** Lints text (or bytes from disk), turning a config error into a finding the user can act on. */
  async function run(text: string | undefined, filePath: string): Promise<LintResult> {
    const locale = uiLocale();
    try {
      const l = getLinter();
      return text === undefined ? await l.lintFile(filePath) : await l.lintText(text, filePath);
    } catch (e) {
      if (e instanceof ConfigError) {
        const msg = t(locale, 'configError', { file: e.file, key: e.keyPath ? ` ${e.keyPath}` : '', expected: e.expected });
        if (!shownErrors.has(msg)) {
          shownErrors.add(msg);
          void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: msg });
        }
        const r = fatalResult(filePath, new Error(msg), locale);
        r.messages[0]!.message = msg;
        return r;
      }
      const why = e instanceof Error ? e.message : String(e);
      connection.console.error(`gwlint: ${filePath}: ${e instanceof Error && e.stack ? e.stack : why}`);
      return fatalResult(filePath, new Error(t(locale, 'internalError', { file: filePath, why })), locale);
    }
  }

  async function lintOpen(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    if (settings.enable === false) {
      linted.delete(uri);
      await connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const filePath = pathFor(doc);
    if (!filePath) return;
    const { text, bom } = lintable(doc.getText());
    const version = doc.version;
    const r = await run(text, filePath);
    // A newer edit arrived while linting: its lint follows, and these positions are already stale.
    if (documents.get(uri)?.version !== version) return;
    const status = statusOf(uri, version, r);
    linted.set(uri, { version, kind: kindOf(filePath), bom, messages: r.messages, status });
    await connection.sendDiagnostics({ uri, version, diagnostics: r.messages.map((m) => toDiagnostic(m, bom, settings.docsBaseUrl)) });
    await connection.sendNotification(STATUS_METHOD, status);
  }

  function schedule(uri: string, immediately = false): void {
    let s = schedules.get(uri);
    if (!s) schedules.set(uri, (s = { running: false, dirty: false, lastEnd: 0 }));
    s.dirty = true;
    if (s.running || s.timer) return;
    const gap = settings.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    const wait = immediately ? 0 : Math.max(0, s.lastEnd + gap - Date.now());
    // setImmediate even when there is no wait, so that a burst of changes already read is linted once.
    const fire = (): void => {
      s.timer = undefined;
      void drain(uri, s);
    };
    s.timer = wait > 0 ? setTimeout(fire, wait) : (setImmediate(fire) as unknown as NodeJS.Timeout);
  }

  async function drain(uri: string, s: Schedule): Promise<void> {
    if (!s.dirty) return;
    s.dirty = false;
    s.running = true;
    try {
      await lintOpen(uri);
    } catch (e) {
      connection.console.error(`gwlint: ${uri}: ${(e as Error)?.stack ?? String(e)}`);
    } finally {
      s.running = false;
      s.lastEnd = Date.now();
    }
    if (s.dirty && documents.get(uri)) {
      s.dirty = false;
      schedule(uri);
    } else if (!documents.get(uri)) schedules.delete(uri);
  }

  async function pullSettings(): Promise<void> {
    let pulled: GwlintSettings | null = null;
    if (canPullConfig) {
      try {
        pulled = (await connection.workspace.getConfiguration('gwlint')) as GwlintSettings | null;
      } catch {
        pulled = null;
      }
    }
    settings = normalizeSettings({ ...initSettings, ...(pulled && typeof pulled === 'object' ? pulled : {}) });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    initSettings = normalizeSettings((init.settings ?? {}) as Record<string, unknown>);
    settings = { ...initSettings };
    trusted = init.trusted !== false;
    clientLocale = params.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh';
    folders = (params.workspaceFolders ?? [])
      .map((f) => uriToPath(f.uri))
      .filter((p): p is string => Boolean(p));
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders = [p];
    }
    const caps = params.capabilities;
    canPullConfig = Boolean(caps.workspace?.configuration);
    canWatch = Boolean(caps.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canCreateFiles = Boolean(caps.workspace?.workspaceEdit?.documentChanges && caps.workspace.workspaceEdit.resourceOperations?.includes('create'));
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gwlint' },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfig) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gwlint' }).catch(() => undefined);
    }
    if (canWatch) {
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${[...CONFIG_NAMES, '.gwlintignore'].join(',')}}` }],
        })
        .catch(() => undefined);
    }
    await pullSettings();
    if (!trusted) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: t(uiLocale(), 'untrusted') });
    reset();
  });

  connection.onDidChangeConfiguration(async (change) => {
    const pushed = (change.settings as { gwlint?: GwlintSettings } | null)?.gwlint;
    if (pushed && typeof pushed === 'object') initSettings = { ...initSettings, ...normalizeSettings(pushed as Record<string, unknown>) };
    await pullSettings();
    reset();
  });

  connection.onDidChangeWatchedFiles(() => reset());

  connection.onNotification(TRUST_METHOD, (p: TrustParams) => {
    const next = p?.trusted !== false;
    if (next === trusted) return;
    trusted = next;
    if (!trusted) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: t(uiLocale(), 'untrusted') });
    reset();
  });

  // Registered directly: the library's helper throws when the client has no workspace folders at all.
  connection.onNotification(DidChangeWorkspaceFoldersNotification.type, ({ event: e }) => {
    const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
    folders = [...folders.filter((f) => !removed.has(f)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => Boolean(p))];
    reset();
  });

  documents.onDidOpen((e) => schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => schedule(e.document.uri));
  documents.onDidClose(async (e) => {
    const uri = e.document.uri;
    linted.delete(uri);
    const s = schedules.get(uri);
    if (s?.timer) clearTimeout(s.timer);
    schedules.delete(uri);
    if (fromWorkspace.has(uri)) {
      // The Problems panel keeps what the saved file says, as after a workspace lint.
      const p = uriToPath(uri);
      if (p) {
        const r = await run(undefined, p);
        await connection.sendDiagnostics({ uri, diagnostics: r.messages.map((m) => toDiagnostic(m, 0, settings.docsBaseUrl)) });
        return;
      }
    }
    await connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onHover((params): Hover | null => {
    const l = linted.get(params.textDocument.uri);
    // Findings of an older version would point at text that has moved; the next lint is moments away.
    if (!l || l.version !== (documents.get(params.textDocument.uri)?.version ?? null)) return null;
    const hits = l.messages.filter((m) => covers(m, l.bom, params.position));
    if (hits.length === 0) return null;
    const l10n = uiLocale();
    const rules = getLinter().rules;
    return {
      contents: { kind: 'markdown', value: hits.map((m) => hoverMarkdown(m, m.ruleId ? rules.get(m.ruleId) : undefined, l10n, settings.docsBaseUrl)).join('\n\n---\n\n') },
      range: messageRange(hits[0]!, l.bom),
    };
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    const uri = params.textDocument.uri;
    const l = linted.get(uri);
    const doc = documents.get(uri);
    if (!l || !doc || l.version !== doc.version) return [];
    const l10n = uiLocale();
    const only = params.context.only;
    const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const out: CodeAction[] = [];
    const titles = new Set<string>();
    const push = (a: CodeAction | undefined): void => {
      if (a && wants(a.kind ?? '') && !titles.has(a.title)) {
        titles.add(a.title);
        out.push(a);
      }
    };
    const diagFor = (m: LintMessage): Diagnostic | undefined => {
      const r = messageRange(m, l.bom);
      return params.context.diagnostics.find(
        (d) => d.code === m.ruleId && d.range.start.line === r.start.line && d.range.start.character === r.start.character && d.range.end.line === r.end.line && d.range.end.character === r.end.character,
      );
    };
    const here = l.messages.filter((m) => m.ruleId && !m.fatal && !m.ruleId.startsWith('input/') && touches(messageRange(m, l.bom), params.range));
    for (const m of here) push(fixAction(m, doc, l.bom, diagFor(m), l10n));
    for (const m of here) {
      const d = diagFor(m);
      if (l.kind === 'markdown') {
        push(disableLineAction(m, doc, d, l10n));
        push(disableFileAction(m, doc, d, l10n));
      } else if (l.kind === 'text') {
        const filePath = pathFor(doc);
        if (!filePath || !doc.uri.startsWith('file:')) continue;
        let configFile: string | undefined;
        try {
          configFile = getLinter().resolver.configFileFor(filePath);
        } catch {
          continue;
        }
        const edit = configOverrideEdit(filePath, m.ruleId!, configFile, folderOf(filePath) ?? dirname(filePath), canCreateFiles);
        if (edit) {
          push({ title: t(l10n, 'disableFileConfig', { rule: m.ruleId!, config: edit.config }), kind: CodeActionKind.QuickFix, ...(d ? { diagnostics: [d] } : {}), edit: edit.edit });
        }
      }
    }
    if (only?.some((k) => FIX_ALL_KIND.startsWith(k))) push(fixAllAction(l.messages, doc, l.bom, l10n));
    return out;
  });

  function folderOf(filePath: string): string | undefined {
    return folders.filter((f) => filePath.startsWith(f.endsWith(sep) ? f : `${f}${sep}`)).sort((a, b) => b.length - a.length)[0];
  }

  connection.onRequest(STATUS_METHOD, async (p: StatusParams): Promise<DraftStatus | null> => {
    const s = schedules.get(p.uri);
    if (s && (s.dirty || s.running || s.timer)) {
      // A lint is on its way: answer with what it finds rather than with stale numbers.
      await new Promise<void>((done) => {
        const check = (): void => (s.dirty || s.running || s.timer ? void setTimeout(check, 5) : done());
        check();
      });
    }
    return linted.get(p.uri)?.status ?? null;
  });

  connection.onRequest(LINT_WORKSPACE_METHOD, async (): Promise<LintWorkspaceResult> => {
    const { listFiles, NoFilesError } = await import('../cli/files.js');
    const l = getLinter();
    const result: LintWorkspaceResult = { files: 0, errors: 0, warnings: 0, unreadable: 0 };
    const seen = new Set<string>();
    for (const folder of folders.length ? folders : [cwd()]) {
      let files: string[];
      try {
        files = await listFiles([folder], { cwd: folder, extensions: [...supportedExtensions(), '.doc', '.wps'], useIgnore: true });
      } catch (e) {
        if (e instanceof NoFilesError) continue;
        throw e;
      }
      for (const f of files) {
        let ig: { base: string; patterns: string[] } | undefined;
        try {
          ig = l.resolver.ignorePatternsFor(f);
        } catch {
          ig = undefined;
        }
        if (ig && (await ignoredByConfig(f, ig))) continue;
        const uri = pathToFileURL(f).href;
        const open = documents.all().find((d) => safePath(d.uri) === f);
        let r: LintResult;
        let bom = 0;
        if (open && open.uri !== uri) continue;
        if (open) {
          const x = lintable(open.getText());
          bom = x.bom;
          r = await run(x.text, f);
        } else {
          r = await run(undefined, f);
        }
        result.files++;
        result.errors += r.errorCount;
        result.warnings += r.warningCount;
        if (r.messages.some((m) => m.fatal)) result.unreadable++;
        seen.add(open?.uri ?? uri);
        fromWorkspace.add(open?.uri ?? uri);
        await connection.sendDiagnostics({ uri: open?.uri ?? uri, diagnostics: r.messages.map((m) => toDiagnostic(m, bom, settings.docsBaseUrl)) });
      }
    }
    // Files that had findings from an earlier run and are gone or ignored now.
    for (const uri of [...fromWorkspace]) {
      if (seen.has(uri)) continue;
      fromWorkspace.delete(uri);
      if (!documents.get(uri)) await connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    return result;
  });

  connection.onRequest(DOCX_PREVIEW_METHOD, async (p: DocxPreviewParams): Promise<DocxPreviewResult> => {
    const filePath = uriToPath(p.uri);
    const l10n = uiLocale();
    if (!filePath) return { html: null, error: l10n === 'en' ? 'Only files on disk can be previewed.' : '只能预览磁盘上的文件。', status: null };
    const { docxPreview } = await import('./docx-preview.js');
    const out = await docxPreview(filePath, (text, path) => run(text, path), l10n);
    if (out.result) {
      fromWorkspace.add(p.uri);
      await connection.sendDiagnostics({ uri: p.uri, diagnostics: out.result.messages.map((m) => toDiagnostic(m, 0, settings.docsBaseUrl)) });
    }
    return { html: out.html, ...(out.error ? { error: out.error } : {}), status: out.result ? statusOf(p.uri, null, out.result) : null };
  });

  documents.listen(connection);
  connection.listen();
}

/**
 * Settings as typed: clients send a section with empty strings for "unset" (VS Code's defaults) and may send
 * anything at all; what is not of the right type is left out rather than passed to the engine.
 */
export function normalizeSettings(raw: Record<string, unknown>): GwlintSettings {
  const out: GwlintSettings = {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  if (typeof raw.enable === 'boolean') out.enable = raw.enable;
  const profile = str(raw.profile);
  if (profile) out.profile = profile;
  const configPath = str(raw.configPath);
  if (configPath) out.configPath = configPath;
  if (raw.rules && typeof raw.rules === 'object' && !Array.isArray(raw.rules) && Object.keys(raw.rules).length) out.rules = raw.rules as Record<string, unknown>;
  if (raw.locale === 'zh' || raw.locale === 'en') out.locale = raw.locale;
  const docs = str(raw.docsBaseUrl);
  if (docs) out.docsBaseUrl = docs;
  if (typeof raw.debounceMs === 'number' && Number.isFinite(raw.debounceMs) && raw.debounceMs >= 0) out.debounceMs = Math.min(raw.debounceMs, 5000);
  return out;
}

function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function safePath(uri: string): string | undefined {
  return uriToPath(uri);
}

async function ignoredByConfig(file: string, ig: { base: string; patterns: string[] }): Promise<boolean> {
  const { default: picomatch } = await import('picomatch');
  const { relative } = await import('node:path');
  const rel = relative(ig.base, file).split(sep).join('/');
  return picomatch(ig.patterns, { dot: true })(rel) || picomatch(ig.patterns.map((p) => `${p.replace(/\/$/, '')}/**`), { dot: true })(rel);
}
