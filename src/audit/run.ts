import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { listFiles } from '../cli/files.js';
import { engineFingerprint } from '../cli/cache.js';
import { readVersion } from '../cli/version.js';
import { Linter } from '../engine/api.js';
import type { ResolvedConfig } from '../engine/config-types.js';
import { supportedExtensions } from '../parsers/registry.js';
import { AuditDb, type FileIdentity, type PriorState } from './db.js';
import { hashFile } from './hash.js';
import { Pool, type Outcome } from './pool.js';
import { Progress, type ProgressOptions } from './progress.js';
import type { FileStatus, WorkerLinterOptions } from './protocol.js';
import { formatShard, shardOf, type Shard } from './shard.js';
import { tuneForBatch } from '../util/v8-tuning.js';

export interface AuditOptions {
  /** Folders (or single files) to audit. */
  roots: string[];
  db: string;
  jobs: number;
  timeoutMs: number;
  memoryMb: number;
  shard: Shard | null;
  /** soffice binary to convert .doc/.wps with, or null. */
  soffice: string | null;
  /** Re-audit everything, even unchanged files. */
  force: boolean;
  /** Re-audit files that timed out, ran out of memory or crashed a worker last time. */
  retryFailed: boolean;
  useIgnore: boolean;
  ignorePath?: string;
  linter: WorkerLinterOptions;
  cwd: string;
  argv: string[];
  progress: ProgressOptions | null;
  previewMax: number;
  /** Aborting stops the run after saving what is finished (Ctrl-C). */
  signal?: AbortSignal;
  /** Told the running count after each file is recorded: bench:audit times the warm part of a run from it. */
  onRecorded?: (audited: number) => void;
}

export interface FailedFile {
  path: string;
  status: FileStatus;
  reason: string;
}

export interface AuditSummary {
  runId: number;
  total: number;
  audited: number;
  skipped: number;
  failed: number;
  findings: number;
  interrupted: boolean;
  /** Set when the engine refused to run (configuration error): nothing more was linted. */
  fatal: string | null;
  failedFiles: FailedFile[];
  elapsedSec: number;
  /** Largest JS heap a worker reported. */
  heapPeak: number;
  workersReplaced: number;
  pruned: number;
}

const TEXT_EXTS = ['.md', '.markdown', '.txt', '.text'];
const LEGACY_EXTS = ['.doc', '.wps'];

/** Extensions an audit walks: what the engine reads, .docx always (a missing reader is then a clear row), legacy Word. */
export function auditExtensions(): string[] {
  return [...new Set([...supportedExtensions(), ...TEXT_EXTS, '.docx', ...LEGACY_EXTS])];
}

interface Candidate {
  path: string;
  root: string;
  relPath: string;
}

/** Lists the files under each root, with the root-relative path that --shard hashes. */
export async function walk(roots: string[], opts: { cwd: string; useIgnore: boolean; ignorePath?: string; shard: Shard | null }): Promise<Candidate[]> {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const r of roots) {
    const abs = resolve(opts.cwd, r);
    const isFile = existsSync(abs) && statSync(abs).isFile();
    const root = isFile ? dirname(abs) : abs;
    const files = await listFiles([r], { cwd: opts.cwd, extensions: auditExtensions(), useIgnore: opts.useIgnore, ...(opts.ignorePath ? { ignorePath: opts.ignorePath } : {}) });
    for (const f of files) {
      if (seen.has(f)) continue;
      seen.add(f);
      const relPath = relative(root, f).split(sep).join('/') || basename(f);
      if (opts.shard && shardOf(relPath, opts.shard.count) !== opts.shard.index) continue;
      out.push({ path: f, root, relPath });
    }
  }
  return out;
}

/**
 * A fingerprint of everything that decides a file's findings besides its bytes: gwlint's version and code
 * (the same engine fingerprint `gwlint --cache` uses, so a rule edited in a checkout is never served stale),
 * the resolved configuration, the plugins it loads, and the message language.
 */
export function configHasher(linter: Linter, locale: string | undefined): (filePath: string) => Promise<string> {
  const base = `${readVersion()}|${engineFingerprint()}|${[...linter.rules.keys()].sort().join(',')}|${locale ?? ''}`;
  const byConfig = new WeakMap<ResolvedConfig, Map<string, string>>();
  const pluginPrints = new Map<string, Promise<string>>();
  return async (filePath) => {
    await linter.prepare(filePath);
    const cfg = linter.configFor(filePath);
    const configFile = linter.resolver.configFileFor(filePath);
    let plugins = pluginPrints.get(configFile ?? '');
    if (!plugins) pluginPrints.set(configFile ?? '', (plugins = linter.plugins.fingerprintFor(configFile)));
    const pluginPrint = await plugins;
    let perPlugins = byConfig.get(cfg);
    if (!perPlugins) byConfig.set(cfg, (perPlugins = new Map()));
    let h = perPlugins.get(pluginPrint);
    if (!h) {
      const rulesCfg = Object.fromEntries(Object.entries(cfg.rules).map(([id, s]) => [id, { severity: s.severity, options: s.options, cites: s.cites ?? null }]));
      h = createHash('sha1')
        .update(JSON.stringify({ base, pluginPrint, rules: rulesCfg, declared: cfg.declared, profile: cfg.profile ?? null, locale: locale ?? cfg.locale ?? 'zh' }))
        .digest('hex')
        .slice(0, 16);
      perPlugins.set(pluginPrint, h);
    }
    return h;
  };
}

const DONE_STATUSES = new Set<FileStatus>(['checked', 'unreadable']);

/**
 * Audits an archive into the database: walks the roots, skips what an earlier run already did with the same
 * bytes and config, lints the rest on the pool, and saves results in small transactions as they come, so an
 * interruption (Ctrl-C, a kill, a lost node) loses at most the files in flight.
 */
export async function runAudit(opts: AuditOptions): Promise<AuditSummary> {
  const t0 = performance.now();
  tuneForBatch();
  // One worker starts now and loads the engine while this thread walks the folders, resolves configurations and
  // opens the database (on a free core: ~0.1 s sooner to the first file); the others once the files are counted.
  const pool = new Pool({
    jobs: 1,
    timeoutMs: opts.timeoutMs,
    memoryMb: opts.memoryMb,
    init: { linter: opts.linter, previewMax: opts.previewMax, soffice: opts.soffice, sofficeTimeoutMs: Math.max(1000, opts.timeoutMs - 2000) },
  });
  try {
    return await audit(opts, pool, t0);
  } finally {
    // Also when the run stops early (a broken configuration, a locked database): a live worker would keep the
    // process from exiting.
    await pool.close();
  }
}

async function audit(opts: AuditOptions, pool: Pool, t0: number): Promise<AuditSummary> {
  const linter = new Linter(opts.linter);
  const hashConfig = configHasher(linter, opts.linter.locale);
  // A config may name plugins that bring readers: load them before folders are searched by extension.
  for (const r of opts.roots) await linter.prepare(resolve(opts.cwd, r, '__gwlint__.md'));
  const candidates = await walk(opts.roots, { cwd: opts.cwd, useIgnore: opts.useIgnore, ...(opts.ignorePath ? { ignorePath: opts.ignorePath } : {}), shard: opts.shard });
  // Resolve every file's configuration before starting: a broken config file stops the run here (exit 2),
  // not after an hour of work.
  const configHashes: string[] = [];
  for (const c of candidates) configHashes.push(await hashConfig(c.path));

  const db = new AuditDb(opts.db);
  const runId = db.startRun({ version: readVersion(), cwd: opts.cwd, argv: opts.argv, roots: opts.roots.map((r) => resolve(opts.cwd, r)), shard: opts.shard ? formatShard(opts.shard) : null, jobs: opts.jobs });
  const prior = opts.force ? new Map<string, PriorState>() : db.priorStates();

  const summary: AuditSummary = {
    runId,
    total: candidates.length,
    audited: 0,
    skipped: 0,
    failed: 0,
    findings: 0,
    interrupted: false,
    fatal: null,
    failedFiles: [],
    elapsedSec: 0,
    heapPeak: 0,
    workersReplaced: 0,
    pruned: 0,
  };
  const progress = opts.progress ? new Progress(opts.progress) : null;
  progress?.begin(candidates.length);

  // Results are written as they arrive, inside a transaction committed every second (or 256 files): each commit
  // costs an fsync, so one per file would be slow, and a kill -9 loses at most that much work. Not saved up and
  // written in one block at commit time: that kept this thread busy ~100 ms at a time, and a worker has only one
  // file sent ahead (see pool.ts), so it would wait for the next.
  let inTx = false;
  let uncommitted = 0;
  let lastCommit = performance.now();
  const write = (fn: () => void): void => {
    if (!inTx) {
      db.begin();
      inTx = true;
    }
    try {
      fn();
    } catch (e) {
      inTx = false;
      db.rollback();
      throw e;
    }
    if (++uncommitted >= 256) commit();
  };
  const commit = (): void => {
    lastCommit = performance.now();
    if (!inTx) return;
    db.updateRun(runId, { total: summary.total, audited: summary.audited, skipped: summary.skipped, failed: summary.failed, findings: summary.findings });
    inTx = false;
    uncommitted = 0;
    db.commit();
  };
  const commitTimer = setInterval(() => {
    if (performance.now() - lastCommit > 1000) commit();
  }, 250);
  commitTimer.unref();

  // No more threads than files: each one costs a start-up (the engine, the dictionary, V8 compiling it).
  pool.grow(Math.min(opts.jobs, candidates.length));

  let stop: (() => void) | null = null;
  const stopped = new Promise<void>((r) => (stop = r));
  const onAbort = (): void => {
    summary.interrupted = true;
    stop!();
  };
  if (opts.signal?.aborted) onAbort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  pool.setFatalHandler((message) => {
    summary.fatal = message;
    stop!();
  });

  const record = (id: FileIdentity, outcome: Outcome): void => {
    if (summary.interrupted || summary.fatal) return;
    summary.audited++;
    if (outcome.status === 'done') {
      // The worker hashed the bytes it linted (see produce).
      id.contentHash ??= outcome.report.contentHash;
      const fatal = outcome.report.fatal;
      if (fatal) {
        summary.failed++;
        summary.failedFiles.push({ path: id.path, status: 'unreadable', reason: fatal });
      } else summary.findings += outcome.report.findingCount;
    } else {
      // The worker died or was stopped on this file before it could say; hash it here so a rerun knows it.
      id.contentHash ??= hashFile(id.path, id.size);
      summary.failed++;
      summary.failedFiles.push({ path: id.path, status: outcome.status, reason: outcome.reason });
    }
    write(() => {
      if (outcome.status === 'done') db.saveFile(id, runId, { status: outcome.report.fatal ? 'unreadable' : 'checked', reason: outcome.report.fatal, report: outcome.report, ms: outcome.ms });
      else db.saveFile(id, runId, { status: outcome.status, reason: outcome.reason, report: null, ms: outcome.ms });
    });
    progress?.update({ audited: summary.audited, failed: summary.failed, findings: summary.findings });
    opts.onRecorded?.(summary.audited);
  };

  // Keep a few files queued per worker so none idles, but no more: queued work is lost on Ctrl-C anyway.
  const maxInFlight = opts.jobs * 3;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const inFlightDone: Promise<void>[] = [];

  const produce = async (): Promise<void> => {
    for (let i = 0; i < candidates.length; i++) {
      if (summary.interrupted || summary.fatal) return;
      const c = candidates[i]!;
      const configHash = configHashes[i]!;
      let st;
      try {
        st = statSync(c.path);
      } catch {
        st = null;
      }
      const size = st?.size ?? 0;
      const mtimeMs = st?.mtimeMs ?? 0;
      const before = prior.get(c.path);
      const reusable = before && before.configHash === configHash && (DONE_STATUSES.has(before.status) || !opts.retryFailed);
      if (reusable && st && before.size === size && before.mtimeMs === mtimeMs) {
        summary.skipped++;
        progress?.update({ skipped: summary.skipped });
        continue;
      }
      // Only a file audited before needs its hash now (to see whether it really changed); otherwise the worker
      // hashes the bytes it reads, in parallel with the others.
      let contentHash: string | undefined;
      if (!st) contentHash = 'missing';
      else if (reusable) contentHash = hashFile(c.path, size);
      if (reusable && before.contentHash === contentHash && contentHash !== 'unreadable' && contentHash !== 'missing') {
        summary.skipped++;
        write(() => db.touch(c.path, size, mtimeMs));
        progress?.update({ skipped: summary.skipped });
        continue;
      }
      const id: FileIdentity = { path: c.path, root: c.root, relPath: c.relPath, ext: extname(c.path).toLowerCase(), size, mtimeMs, contentHash, configHash };
      while (inFlight >= maxInFlight && !summary.interrupted && !summary.fatal) await new Promise<void>((r) => (wake = r));
      if (summary.interrupted || summary.fatal) return;
      inFlight++;
      inFlightDone.push(
        pool.lint(c.path).then((o) => {
          inFlight--;
          record(id, o);
          const w = wake;
          wake = null;
          w?.();
        }),
      );
    }
    // Everything is dispatched: wait for the last files (or an interruption).
    await Promise.all(inFlightDone);
  };

  const stopWaiting = stopped.then(() => {
    const w = wake;
    wake = null;
    w?.();
  });
  await Promise.race([produce(), stopWaiting]);
  opts.signal?.removeEventListener('abort', onAbort);
  clearInterval(commitTimer);
  summary.heapPeak = pool.heapPeak;
  summary.workersReplaced = pool.replaced;
  await pool.close();
  commit();

  if (!summary.interrupted && !summary.fatal) {
    // Files that were audited under these roots before but are gone from disk now: drop them, so the
    // report describes the archive as it is. Other shards' files are still on disk and stay.
    const roots = opts.roots.map((r) => resolve(opts.cwd, r));
    const seen = new Set(candidates.map((c) => c.path));
    const gone = [...prior.keys()].filter((p) => !seen.has(p) && roots.some((r) => p === r || p.startsWith(r + sep)) && !existsSync(p));
    if (gone.length) {
      db.transaction(() => {
        for (const p of gone) db.db.run('DELETE FROM files WHERE path = ?', [p]);
      });
      summary.pruned = gone.length;
    }
  }
  progress?.end();
  summary.elapsedSec = (performance.now() - t0) / 1000;
  db.updateRun(runId, {
    status: summary.fatal ? 'failed' : summary.interrupted ? 'interrupted' : 'done',
    total: summary.total,
    audited: summary.audited,
    skipped: summary.skipped,
    failed: summary.failed,
    findings: summary.findings,
    finished: true,
  });
  db.close();
  return summary;
}
