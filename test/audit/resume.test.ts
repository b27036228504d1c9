import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditDb, type RunRow } from '../../src/audit/db.js';
import { ROOT, runCli } from '../helpers.js';
import { installHostilePlugin, tempDir, writeDrafts } from './archive.js';

function read<T>(dbFile: string, fn: (db: AuditDb) => T): T {
  const db = new AuditDb(dbFile, { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const lastRun = (dbFile: string): RunRow => read(dbFile, (db) => db.runs().at(-1)!);

/** Starts an audit, and sends `signal` once its progress says `after` files are done. */
function auditUntil(args: string[], cwd: string, after: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sentAt: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), 'audit', ...args, '--progress-interval', '0.1'], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    let sentAt = -1;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s: string) => {
      stderr += s;
      const m = [...stderr.matchAll(/进度：(\d+)\/(\d+)/g)].at(-1);
      if (sentAt < 0 && m && Number(m[1]) >= after) {
        sentAt = Number(m[1]);
        child.kill(signal);
      }
    });
    child.on('error', fail);
    child.on('close', (code, sig) => done({ code, signal: sig, stderr, sentAt }));
  });
}

function slowArchive(n: number): { dir: string; archive: string; db: string } {
  const dir = tempDir();
  const archive = join(dir, 'archive');
  writeDrafts(archive, 2);
  installHostilePlugin(archive, 120);
  for (let i = 0; i < n; i++) writeFileSync(join(archive, `慢-${String(i).padStart(2, '0')}.slow`), `关于第${i}项工作的通知\n各单位：\n请抓紧落实。\n`);
  return { dir, archive, db: join(dir, 'audit.sqlite') };
}

describe('gwlint audit: interrupted and repeated runs', () => {
  it('keeps what is done on Ctrl-C, and the next run audits only the rest', async () => {
    const { archive, db } = slowArchive(30);
    const total = 32;
    const first = await auditUntil(['.', '--db', db, '--jobs', '1'], archive, 6, 'SIGINT');
    expect(first.sentAt).toBeGreaterThanOrEqual(6);
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('已中断');
    const saved = read(db, (d) => d.files().length);
    expect(saved).toBeGreaterThanOrEqual(first.sentAt);
    expect(saved).toBeLessThan(total);
    expect(lastRun(db).status).toBe('interrupted');

    const second = runCli(['audit', '.', '--db', db, '--jobs', '2', '--no-progress'], { cwd: archive });
    expect(second.code).toBe(0);
    const run = lastRun(db);
    expect(run).toMatchObject({ status: 'done', files_total: total, files_skipped: saved, files_audited: total - saved });
    const files = read(db, (d) => d.files());
    expect(files).toHaveLength(total);
    expect(files.filter((f) => f.run_id === run.id)).toHaveLength(total - saved);
    expect(files.every((f) => f.status === 'checked')).toBe(true);
  }, 120_000);

  it('survives a kill -9 half-way: the database stays readable, the stale lock is cleared, the rest is done', async () => {
    const { archive, db } = slowArchive(30);
    const total = 32;
    const first = await auditUntil(['.', '--db', db, '--jobs', '1'], archive, 8, 'SIGKILL');
    expect(first.signal).toBe('SIGKILL');
    expect(existsSync(`${db}.gwlint-lock`)).toBe(true);
    const saved = read(db, (d) => d.files().length);
    expect(saved).toBeLessThan(total);

    const second = runCli(['audit', '.', '--db', db, '--no-progress'], { cwd: archive });
    expect(second.stderr).not.toContain('正被另一个');
    expect(second.code).toBe(0);
    expect(lastRun(db)).toMatchObject({ status: 'done', files_skipped: saved, files_audited: total - saved });
    expect(read(db, (d) => d.files().length)).toBe(total);
    expect(existsSync(`${db}.gwlint-lock`)).toBe(false);
  }, 120_000);

  it('skips files whose bytes and configuration are unchanged, and re-audits what changed', () => {
    const dir = tempDir();
    const archive = join(dir, 'archive');
    const files = writeDrafts(archive, 10);
    const db = join(dir, 'audit.sqlite');
    const audit = (...extra: string[]) => {
      const r = runCli(['audit', archive, '--db', db, '--no-progress', '--no-config-lookup', ...extra], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return lastRun(db);
    };
    expect(audit()).toMatchObject({ files_audited: 10, files_skipped: 0 });
    expect(audit()).toMatchObject({ files_audited: 0, files_skipped: 10 });
    // A finished run leaves the database and nothing else (no journal, no lock).
    expect(existsSync(`${db}-journal`)).toBe(false);
    expect(existsSync(`${db}.gwlint-lock`)).toBe(false);

    // A new mtime with the same bytes (a copy, a checkout) is still the same document.
    utimesSync(files[0]!, new Date(), new Date(Date.now() + 5000));
    expect(audit()).toMatchObject({ files_audited: 0, files_skipped: 10 });

    appendFileSync(files[1]!, '附件：补充说明\n');
    expect(audit()).toMatchObject({ files_audited: 1, files_skipped: 9 });

    // Another configuration gives other findings: everything is audited again.
    expect(audit('--rule', 'length-cap: off')).toMatchObject({ files_audited: 10, files_skipped: 0 });
    expect(audit('--rule', 'length-cap: off')).toMatchObject({ files_audited: 0, files_skipped: 10 });
    expect(audit('--rule', 'length-cap: off', '--force')).toMatchObject({ files_audited: 10 });

    // A file deleted from the archive leaves the database too, so the report describes the archive as it is.
    rmSync(files[2]!);
    audit('--rule', 'length-cap: off');
    expect(read(db, (d) => d.files().map((f) => f.path))).not.toContain(files[2]);
    expect(read(db, (d) => d.files().length)).toBe(9);
  }, 120_000);

  // The first worker starts before the folders are walked and the configuration read (run.ts): a run that
  // stops there must stop it too, or the process would never exit.
  it('stops at a broken configuration before any file, with exit 2, and does not hang on the worker it started', () => {
    const dir = tempDir();
    const archive = join(dir, 'archive');
    writeDrafts(archive, 3);
    writeFileSync(join(archive, '.gwlintrc.json'), JSON.stringify({ rules: { 'length-cap': 'sometimes' } }));
    // Killed after 20 s if it hangs (a status of null then).
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), 'audit', '.', '--db', join(dir, 'audit.sqlite'), '--no-progress'], { cwd: archive, encoding: 'utf8', timeout: 20_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('配置错误');
    expect(r.stderr).toContain('rules.length-cap');
    expect(existsSync(join(dir, 'audit.sqlite'))).toBe(false);
  }, 30_000);

  it('refuses a second writer on the same database while the first is running', async () => {
    const { archive, db } = slowArchive(40);
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), 'audit', '.', '--db', db, '--jobs', '1', '--no-progress'], { cwd: archive });
    const closed = new Promise<number | null>((r) => child.on('close', r));
    // Wait until the first run holds the database.
    for (let i = 0; i < 600 && !existsSync(`${db}.gwlint-lock`); i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(`${db}.gwlint-lock`)).toBe(true);
    const second = runCli(['audit', '.', '--db', db, '--no-progress'], { cwd: archive });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('正被另一个 gwlint audit 进程');
    expect(await closed).toBe(0);
  }, 120_000);
});
