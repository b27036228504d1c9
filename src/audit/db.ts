import { chmodSync, existsSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import type { Database as DatabaseT, Statement } from 'node-sqlite3-wasm';
import type { FileReport, FileStatus, Preview } from './protocol.js';

type Database = DatabaseT;
let DatabaseClass: typeof DatabaseT | undefined;

/**
 * node-sqlite3-wasm, compiled on first use with V8's baseline wasm compiler only (--liftoff-only). By default V8
 * recompiles the hot SQLite functions with its optimising compiler in the background — SQLite's bytecode engine
 * among them, one very large function — which cost an audit more CPU (~0.4 s of 5 on the bench archive) than it
 * saved: the database does little per file. The flag is read when wasm is compiled (the require below), and it
 * touches only wasm, of which gwlint has no other.
 */
function sqliteDatabase(): typeof DatabaseT {
  if (!DatabaseClass) {
    setFlagsFromString('--liftoff-only');
    DatabaseClass = (createRequire(import.meta.url)('node-sqlite3-wasm') as typeof import('node-sqlite3-wasm')).Database;
  }
  return DatabaseClass;
}

/**
 * The audit database: one SQLite file anyone can query with `sqlite3`. Three tables carry everything —
 * `runs` (one row per `gwlint audit` invocation), `files` (one row per document, the latest result) and
 * `findings` (one row per message) — plus `previews` for the report and a `finding_details` view that joins
 * findings with the file facts people group by.
 *
 * The engine is node-sqlite3-wasm: SQLite compiled to WebAssembly with a VFS on node:fs, so the file is a
 * standard SQLite database, nothing is compiled at install time, and it runs wherever Node runs.
 */

export const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL,            -- running | done | interrupted | failed | merged
  gwlint_version TEXT,
  host TEXT,
  cwd TEXT,
  argv TEXT,
  roots TEXT,                      -- JSON array of the folders given
  shard TEXT,                      -- K/N (0-based K), or NULL for the whole archive
  jobs INTEGER,
  files_total INTEGER NOT NULL DEFAULT 0,
  files_audited INTEGER NOT NULL DEFAULT 0,
  files_skipped INTEGER NOT NULL DEFAULT 0,
  files_failed INTEGER NOT NULL DEFAULT 0,
  findings INTEGER NOT NULL DEFAULT 0,
  source_db TEXT                   -- for runs copied in by \`gwlint audit merge\`
);
CREATE TABLE IF NOT EXISTS files (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,       -- absolute path where it was audited
  root TEXT,                       -- the folder it was found under
  rel_path TEXT,                   -- path relative to that folder (what --shard hashes)
  ext TEXT,
  size INTEGER,
  mtime_ms REAL,
  content_hash TEXT,               -- sha256 of the bytes
  config_hash TEXT,                -- gwlint version + rules + resolved configuration
  status TEXT NOT NULL,            -- checked | unreadable | timeout | memory | crashed
  reason TEXT,                     -- why a file could not be checked, and what to do
  kind TEXT,                       -- markdown | text | docx
  converted_from TEXT,             -- .doc / .wps when LibreOffice converted it
  doc_type TEXT,                   -- 文种
  direction TEXT,
  category TEXT,
  char_count INTEGER,              -- 字数 of the body
  cap_limit INTEGER,               -- the 字数 cap that applies, if any
  cap_basis TEXT,
  title TEXT,
  doc_number TEXT,                 -- 发文字号
  office_code TEXT,                -- 机关代字 from the 发文字号
  office_name TEXT,                -- 发文机关 (署名 / 版头 / declared)
  doc_date TEXT,                   -- 成文日期 (YYYY-MM-DD)
  year INTEGER,
  error_count INTEGER NOT NULL DEFAULT 0,
  warning_count INTEGER NOT NULL DEFAULT 0,
  duration_ms REAL,
  run_id INTEGER REFERENCES runs(id),
  audited_at TEXT
);
CREATE TABLE IF NOT EXISTS findings (
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
  rule_id TEXT,
  severity TEXT NOT NULL,
  message TEXT NOT NULL,
  line INTEGER,
  col INTEGER,
  end_line INTEGER,
  end_col INTEGER,
  cites TEXT,                      -- short citations, '；'-separated
  context TEXT
);
CREATE INDEX IF NOT EXISTS findings_file ON findings(file_id);
CREATE INDEX IF NOT EXISTS findings_rule ON findings(rule_id);
CREATE TABLE IF NOT EXISTS previews (
  file_id INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE,
  kind TEXT,
  text TEXT,
  html TEXT,
  truncated INTEGER NOT NULL DEFAULT 0
);
CREATE VIEW IF NOT EXISTS finding_details AS
  SELECT f.path, f.rel_path, f.doc_type, f.category, f.office_name, f.office_code, f.year, f.doc_date,
         x.rule_id, x.severity, x.message, x.line, x.col, x.cites
  FROM findings x JOIN files f ON f.id = x.file_id;
`;

export interface FileRow {
  id: number;
  path: string;
  root: string | null;
  rel_path: string | null;
  ext: string | null;
  size: number | null;
  mtime_ms: number | null;
  content_hash: string | null;
  config_hash: string | null;
  status: FileStatus;
  reason: string | null;
  kind: string | null;
  converted_from: string | null;
  doc_type: string | null;
  direction: string | null;
  category: string | null;
  char_count: number | null;
  cap_limit: number | null;
  cap_basis: string | null;
  title: string | null;
  doc_number: string | null;
  office_code: string | null;
  office_name: string | null;
  doc_date: string | null;
  year: number | null;
  error_count: number;
  warning_count: number;
  duration_ms: number | null;
  run_id: number | null;
  audited_at: string | null;
}

export interface FindingRow {
  id: number;
  file_id: number;
  rule_id: string | null;
  severity: string;
  message: string;
  line: number | null;
  col: number | null;
  end_line: number | null;
  end_col: number | null;
  cites: string | null;
  context: string | null;
}

export interface RunRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  status: string;
  gwlint_version: string | null;
  host: string | null;
  cwd: string | null;
  argv: string | null;
  roots: string | null;
  shard: string | null;
  jobs: number | null;
  files_total: number;
  files_audited: number;
  files_skipped: number;
  files_failed: number;
  findings: number;
  source_db: string | null;
}

/** What the run knows about a file before linting it. */
export interface FileIdentity {
  path: string;
  root: string;
  relPath: string;
  ext: string;
  size: number;
  mtimeMs: number;
  /** Undefined until the worker that read the file reports it. */
  contentHash?: string;
  configHash: string;
}

export interface PriorState {
  size: number | null;
  mtimeMs: number | null;
  contentHash: string | null;
  configHash: string | null;
  status: FileStatus;
}

export class DbLockedError extends Error {}

const now = (): string => new Date().toISOString();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per database: the wasm VFS locks with a `<db>.lock` directory, which a killed process leaves
 * behind. Our own lock file records the writer's pid, so a stale lock (its process gone) is cleared, with
 * SQLite's, by the next writer or reader. Returns the live writer's pid, if any.
 */
function clearStaleLocks(file: string): number | null {
  const lock = `${file}.gwlint-lock`;
  if (existsSync(lock)) {
    let pid = NaN;
    try {
      pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
    } catch {
      /* removed meanwhile */
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && pidAlive(pid)) return pid;
    rmSync(`${file}.lock`, { recursive: true, force: true });
    rmSync(lock, { force: true });
  } else if (existsSync(`${file}.lock`)) {
    // SQLite's own lock without ours: left by a process that died (gwlint writers always hold ours).
    try {
      if (Date.now() - statSync(`${file}.lock`).mtimeMs > 60_000) rmSync(`${file}.lock`, { recursive: true, force: true });
    } catch {
      /* gone meanwhile */
    }
  }
  return null;
}

function takeLock(file: string): string {
  const pid = clearStaleLocks(file);
  if (pid !== null) throw new DbLockedError(`数据库 ${file} 正被另一个 gwlint audit 进程（pid ${pid}）使用`);
  const lock = `${file}.gwlint-lock`;
  writeFileSync(lock, `${process.pid}\n${hostname()}\n`, { flag: 'wx' });
  return lock;
}

export class AuditDb {
  readonly db: Database;
  private lock: string | null;
  private stmts = new Map<string, Statement>();

  constructor(
    readonly file: string,
    opts: { readOnly?: boolean } = {},
  ) {
    if (opts.readOnly && !existsSync(file)) throw new Error(`数据库 ${file} 不存在`);
    if (opts.readOnly && clearStaleLocks(file) !== null) throw new DbLockedError(`数据库 ${file} 正在被 gwlint audit 写入；请等它结束（或中断）后再读取`);
    this.lock = opts.readOnly ? null : takeLock(file);
    const isNew = !existsSync(file);
    try {
      this.db = new (sqliteDatabase())(file, opts.readOnly ? { readOnly: true, fileMustExist: true } : {});
      // The wasm VFS creates files owner-only; a results database is usually shared like any other file.
      if (isNew && !opts.readOnly) chmodSync(file, 0o666 & ~process.umask());
      if (!opts.readOnly) {
        // One writer (our lock file says so), so hold SQLite's lock for the whole run instead of taking the
        // wasm VFS's lock directory on every transaction; keep the journal file instead of deleting it each
        // commit. NORMAL sync: a killed process loses nothing committed, only a power cut could.
        this.db.exec('PRAGMA locking_mode = EXCLUSIVE');
        this.db.exec('PRAGMA journal_mode = TRUNCATE');
        this.db.exec('PRAGMA synchronous = NORMAL');
        this.db.exec('PRAGMA foreign_keys = ON');
        const v = Number((this.db.get('PRAGMA user_version') as { user_version: number }).user_version);
        if (v > SCHEMA_VERSION) throw new Error(`数据库 ${file} 由更新版本的 gwlint 创建（结构版本 ${v}），请升级 gwlint`);
        // One transaction: each statement on its own would be a commit, and each commit an fsync.
        this.db.exec(`BEGIN; ${SCHEMA}; PRAGMA user_version = ${SCHEMA_VERSION}; COMMIT;`);
      } else {
        const hasFiles = this.db.get("SELECT 1 AS ok FROM sqlite_master WHERE type = 'table' AND name = 'files'");
        if (!hasFiles) throw new Error(`${file} 不是 gwlint audit 的数据库（没有 files 表）`);
      }
    } catch (e) {
      if (this.lock) unlinkSync(this.lock);
      const msg = (e as Error).message;
      if (/not a database|file is not a database|malformed/i.test(msg)) throw new Error(`${file} 不是 SQLite 数据库或已损坏（${msg}）`);
      throw e;
    }
  }

  private stmt(sql: string): Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  close(): void {
    for (const s of this.stmts.values()) s.finalize();
    this.stmts.clear();
    if (this.db.isOpen && this.lock && !this.db.inTransaction) {
      // The journal is kept, emptied, between commits (TRUNCATE, above); back in DELETE mode SQLite removes it,
      // so a finished run leaves only the database beside the user's files.
      try {
        this.db.exec('PRAGMA journal_mode = DELETE');
      } catch {
        /* the file stays; SQLite ignores an empty journal */
      }
    }
    if (this.db.isOpen) this.db.close();
    if (this.lock) {
      try {
        unlinkSync(this.lock);
      } catch {
        /* already gone */
      }
      this.lock = null;
    }
  }

  transaction<T>(fn: () => T): T {
    this.begin();
    try {
      const r = fn();
      this.commit();
      return r;
    } catch (e) {
      this.rollback();
      throw e;
    }
  }

  /** For a transaction that stays open across events (an audit's results as they arrive); else transaction(). */
  begin(): void {
    this.db.exec('BEGIN');
  }

  commit(): void {
    this.db.exec('COMMIT');
  }

  rollback(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  startRun(r: { version: string; cwd: string; argv: string[]; roots: string[]; shard: string | null; jobs: number }): number {
    const res = this.stmt('INSERT INTO runs (started_at, status, gwlint_version, host, cwd, argv, roots, shard, jobs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run([
      now(),
      'running',
      r.version,
      hostname(),
      r.cwd,
      JSON.stringify(r.argv),
      JSON.stringify(r.roots),
      r.shard,
      r.jobs,
    ]);
    return Number(res.lastInsertRowid);
  }

  updateRun(id: number, c: { status?: string; total?: number; audited?: number; skipped?: number; failed?: number; findings?: number; finished?: boolean }): void {
    this.stmt(
      `UPDATE runs SET status = coalesce(?, status), files_total = coalesce(?, files_total), files_audited = coalesce(?, files_audited),
       files_skipped = coalesce(?, files_skipped), files_failed = coalesce(?, files_failed), findings = coalesce(?, findings),
       finished_at = CASE WHEN ? THEN ? ELSE finished_at END WHERE id = ?`,
    ).run([c.status ?? null, c.total ?? null, c.audited ?? null, c.skipped ?? null, c.failed ?? null, c.findings ?? null, c.finished ? 1 : 0, now(), id]);
  }

  /** Everything the run needs to decide what to skip, in one query. */
  priorStates(): Map<string, PriorState> {
    const out = new Map<string, PriorState>();
    for (const r of this.db.all('SELECT path, size, mtime_ms, content_hash, config_hash, status FROM files') as unknown as {
      path: string;
      size: number | null;
      mtime_ms: number | null;
      content_hash: string | null;
      config_hash: string | null;
      status: FileStatus;
    }[]) {
      out.set(r.path, { size: r.size, mtimeMs: r.mtime_ms, contentHash: r.content_hash, configHash: r.config_hash, status: r.status });
    }
    return out;
  }

  /** A file whose bytes did not change but whose mtime did: keep the result, note the new stat. */
  touch(path: string, size: number, mtimeMs: number): void {
    this.stmt('UPDATE files SET size = ?, mtime_ms = ? WHERE path = ?').run([size, mtimeMs, path]);
  }

  /** Stores one file's outcome, replacing what an earlier run stored for the same path. */
  saveFile(
    id: FileIdentity,
    runId: number,
    outcome: { status: FileStatus; reason: string | null; report: FileReport | null; ms: number },
  ): void {
    const report = outcome.report;
    const r = report?.result;
    const m = report?.meta ?? null;
    const errors = report?.errors ?? 0;
    const warnings = (report?.findingCount ?? 0) - errors;
    const row = this.stmt(
      `INSERT INTO files (path, root, rel_path, ext, size, mtime_ms, content_hash, config_hash, status, reason, kind, converted_from,
         doc_type, direction, category, char_count, cap_limit, cap_basis, title, doc_number, office_code, office_name, doc_date, year,
         error_count, warning_count, duration_ms, run_id, audited_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(path) DO UPDATE SET root = excluded.root, rel_path = excluded.rel_path, ext = excluded.ext, size = excluded.size,
         mtime_ms = excluded.mtime_ms, content_hash = excluded.content_hash, config_hash = excluded.config_hash, status = excluded.status,
         reason = excluded.reason, kind = excluded.kind, converted_from = excluded.converted_from, doc_type = excluded.doc_type,
         direction = excluded.direction, category = excluded.category, char_count = excluded.char_count, cap_limit = excluded.cap_limit,
         cap_basis = excluded.cap_basis, title = excluded.title, doc_number = excluded.doc_number, office_code = excluded.office_code,
         office_name = excluded.office_name, doc_date = excluded.doc_date, year = excluded.year, error_count = excluded.error_count,
         warning_count = excluded.warning_count, duration_ms = excluded.duration_ms, run_id = excluded.run_id, audited_at = excluded.audited_at
       RETURNING id`,
    ).all([
      id.path,
      id.root,
      id.relPath,
      id.ext,
      id.size,
      id.mtimeMs,
      id.contentHash ?? null,
      id.configHash,
      outcome.status,
      outcome.reason,
      outcome.report?.kind ?? null,
      outcome.report?.convertedFrom ?? null,
      r?.docType ?? null,
      r?.direction ?? null,
      r?.category ?? null,
      r?.charCount ?? null,
      r?.detection?.cap?.limit ?? null,
      r?.detection?.cap?.basis ?? null,
      m?.title ?? null,
      m?.docNumber ?? null,
      m?.officeCode ?? null,
      m?.officeName ?? null,
      m?.date ?? null,
      m?.year ?? null,
      errors,
      warnings,
      Math.round(outcome.ms * 10) / 10,
      runId,
      now(),
    ]) as { id: number }[];
    // all(), not get(): get() leaves the statement mid-step, which keeps the transaction from committing.
    const fileId = Number(row[0]!.id);
    this.stmt('DELETE FROM findings WHERE file_id = ?').run([fileId]);
    this.stmt('DELETE FROM previews WHERE file_id = ?').run([fileId]);
    // The worker sent the findings as UTF-8 JSON: SQLite unpacks them itself, so no value is bound one by one
    // (binding through the wasm boundary, string by string, was most of the main thread's work). jsonb_each
    // parses the text once and hands each row over in binary form, which `->>` reads without parsing again
    // (json_each gives each row as text, parsed anew by every `->>`: twice the time).
    if (report?.findings) {
      this.stmt(
        `INSERT INTO findings (file_id, rule_id, severity, message, line, col, end_line, end_col, cites, context)
         SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
         FROM jsonb_each(CAST(? AS TEXT)) ORDER BY key`,
      ).run([fileId, report.findings]);
    }
    const p = report?.preview;
    if (p) this.insertPreview(fileId, p);
  }

  private insertPreview(fileId: number, p: Preview): void {
    this.stmt('INSERT INTO previews (file_id, kind, text, html, truncated) VALUES (?, ?, CAST(? AS TEXT), ?, ?)').run([fileId, p.kind, p.text, p.html ?? null, p.truncated ? 1 : 0]);
  }

  files(): FileRow[] {
    return this.db.all('SELECT * FROM files ORDER BY path') as unknown as FileRow[];
  }

  findings(): FindingRow[] {
    return this.db.all('SELECT * FROM findings ORDER BY file_id, line, col, id') as unknown as FindingRow[];
  }

  runs(): RunRow[] {
    return this.db.all('SELECT * FROM runs ORDER BY id') as unknown as RunRow[];
  }

  preview(fileId: number): { kind: string; text: string | null; html: string | null; truncated: number } | null {
    // Statement.get() leaves a cached statement mid-step (it would block COMMIT); all() runs it to the end.
    return (this.stmt('SELECT kind, text, html, truncated FROM previews WHERE file_id = ?').all([fileId])[0] ?? null) as never;
  }

  /**
   * Copies another audit database in (for `gwlint audit merge`). A path present in both keeps the more
   * recently audited row; the source's runs are kept with where they came from.
   */
  mergeFrom(other: AuditDb, label: string): { files: number; replaced: number; kept: number } {
    const runMap = new Map<number, number>();
    let files = 0;
    let replaced = 0;
    let kept = 0;
    this.transaction(() => {
      for (const r of other.runs()) {
        const res = this.stmt(
          `INSERT INTO runs (started_at, finished_at, status, gwlint_version, host, cwd, argv, roots, shard, jobs, files_total, files_audited,
             files_skipped, files_failed, findings, source_db) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run([
          r.started_at,
          r.finished_at,
          r.status,
          r.gwlint_version,
          r.host,
          r.cwd,
          r.argv,
          r.roots,
          r.shard,
          r.jobs,
          r.files_total,
          r.files_audited,
          r.files_skipped,
          r.files_failed,
          r.findings,
          r.source_db ?? label,
        ]);
        runMap.set(r.id, Number(res.lastInsertRowid));
      }
      const byFile = new Map<number, FindingRow[]>();
      for (const f of other.findings()) {
        let list = byFile.get(f.file_id);
        if (!list) byFile.set(f.file_id, (list = []));
        list.push(f);
      }
      const existing = this.stmt('SELECT id, audited_at FROM files WHERE path = ?');
      for (const f of other.files()) {
        const mine = (existing.all([f.path])[0] ?? null) as { id: number; audited_at: string | null } | null;
        if (mine && (mine.audited_at ?? '') >= (f.audited_at ?? '')) {
          kept++;
          continue;
        }
        if (mine) {
          this.stmt('DELETE FROM files WHERE id = ?').run([mine.id]);
          replaced++;
        }
        const cols = Object.keys(f).filter((k) => k !== 'id');
        const values = cols.map((k) => (k === 'run_id' ? (f.run_id !== null ? runMap.get(f.run_id) ?? null : null) : (f as unknown as Record<string, unknown>)[k])) as (string | number | null)[];
        const res = this.db.run(`INSERT INTO files (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, values);
        const newId = Number(res.lastInsertRowid);
        const ins = this.stmt('INSERT INTO findings (file_id, rule_id, severity, message, line, col, end_line, end_col, cites, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        for (const x of byFile.get(f.id) ?? []) ins.run([newId, x.rule_id, x.severity, x.message, x.line, x.col, x.end_line, x.end_col, x.cites, x.context]);
        const p = other.preview(f.id);
        if (p) this.stmt('INSERT INTO previews (file_id, kind, text, html, truncated) VALUES (?, ?, ?, ?, ?)').run([newId, p.kind, p.text, p.html, p.truncated]);
        files++;
      }
    });
    return { files, replaced, kept };
  }
}
