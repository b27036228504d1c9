import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditDb, type FileRow } from '../../src/audit/db.js';
import { runCli } from '../helpers.js';
import { copyGoodDocx, installHostilePlugin, tempDir, writeDrafts, writeHostile } from './archive.js';

function rows(dbFile: string): FileRow[] {
  const db = new AuditDb(dbFile, { readOnly: true });
  try {
    return db.files();
  } finally {
    db.close();
  }
}

describe('gwlint audit: hostile files', () => {
  it('completes a folder with a zip bomb, a truncated docx, a renamed PDF and an empty file, listing those four and auditing every good file', () => {
    const dir = tempDir();
    const archive = join(dir, 'archive');
    const good = [...writeDrafts(archive, 9), ...copyGoodDocx(join(archive, 'docx'))];
    const bad = writeHostile(join(archive, 'bad'));
    const db = join(dir, 'audit.sqlite');

    const r = runCli(['audit', archive, '--db', db, '--jobs', '2', '--no-config-lookup'], { cwd: dir });
    expect(r.stderr).not.toMatch(/内部错误|internal error|at .+\.js:\d+/);
    expect(r.code).toBe(0);
    const all = rows(db);
    expect(all).toHaveLength(good.length + 4);

    const byPath = new Map(all.map((f) => [f.path, f]));
    for (const p of good) {
      const f = byPath.get(p)!;
      expect(f.status, `${p}: ${f.reason}`).toBe('checked');
      expect(f.char_count).toBeGreaterThan(0);
    }
    const reasons = Object.fromEntries(Object.entries(bad).map(([k, p]) => [k, byPath.get(p)!]));
    for (const f of Object.values(reasons)) expect(f.status).toBe('unreadable');
    expect(reasons.empty!.reason).toContain('空');
    expect(reasons.pdf!.reason).toMatch(/PDF/);
    expect(reasons.truncated!.reason).toMatch(/截断|不完整|损坏/);
    expect(reasons.bomb!.reason).toMatch(/压缩|zip|解压|炸弹|过大/i);

    // The summary names the four, with what to do about each.
    for (const p of Object.values(bad)) expect(r.stderr).toContain(p.split('/').pop()!);
    expect(r.stderr).toContain('无法检查 4 个');
  });

  // With one job every file after a bad one was already sent to the worker that the bad one brings down (the
  // pool sends the next file ahead): it must run again on the new worker, not share the verdict.
  it.each([2, 1])('turns a reader that hangs, one that exhausts its heap, one that fills memory outside it and one that kills its thread into rows, replacing the workers (--jobs %i)', (jobs) => {
    const dir = tempDir();
    const archive = join(dir, 'archive');
    const good = writeDrafts(archive, 6);
    installHostilePlugin(archive);
    writeFileSync(join(archive, 'a.hang'), '永远\n');
    writeFileSync(join(archive, 'b.oom'), '内存\n');
    writeFileSync(join(archive, 'c.crash'), '崩溃\n');
    writeFileSync(join(archive, 'd.bigbuf'), '缓冲\n');
    const db = join(dir, 'audit.sqlite');

    const r = runCli(['audit', '.', '--db', db, '--jobs', String(jobs), '--timeout', '8', '--max-memory', '96'], { cwd: archive });
    expect(r.stderr).not.toMatch(/内部错误|internal error/);
    expect(r.code).toBe(0);
    const byName = new Map(rows(db).map((f) => [f.rel_path, f]));
    expect(byName.get('a.hang')).toMatchObject({ status: 'timeout' });
    expect(byName.get('a.hang')!.reason).toContain('超时');
    expect(byName.get('b.oom')).toMatchObject({ status: 'memory' });
    expect(byName.get('b.oom')!.reason).toContain('内存');
    expect(byName.get('c.crash')).toMatchObject({ status: 'crashed' });
    expect(byName.get('c.crash')!.reason).toContain('退出码 7');
    expect(byName.get('d.bigbuf')).toMatchObject({ status: 'memory' });
    expect(byName.get('d.bigbuf')!.reason).toContain('进程占用超过');
    for (const p of good) expect(rows(db).find((f) => f.path === p)?.status).toBe('checked');
    expect(r.stderr).toContain('无法检查 4 个');
  }, 120_000);
});
