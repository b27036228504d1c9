import { chmodSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditDb, type FileRow } from '../../src/audit/db.js';
import { runCli, SHARED } from '../helpers.js';
import { GOOD_DOCX, tempDir, writeDrafts } from './archive.js';

function rows(dbFile: string): Map<string, FileRow> {
  const db = new AuditDb(dbFile, { readOnly: true });
  try {
    return new Map(db.files().map((f) => [f.rel_path!, f]));
  } finally {
    db.close();
  }
}

/**
 * A stand-in for LibreOffice with its command line: it records its arguments and "converts" by copying a real
 * .docx to <outdir>/<name>.docx — or fails the way soffice does when told to.
 */
function fakeSoffice(dir: string, mode: 'ok' | 'fail'): { bin: string; log: string } {
  const bin = join(dir, 'soffice');
  const log = join(dir, 'soffice.log');
  writeFileSync(
    bin,
    `#!/bin/sh
echo "$@" >> ${JSON.stringify(log)}
out=""; last=""
while [ $# -gt 0 ]; do
  if [ "$1" = "--outdir" ]; then out="$2"; shift; fi
  last="$1"; shift
done
${mode === 'fail' ? 'echo "Error: source file could not be loaded" >&2; exit 1' : `name=$(basename "$last"); cp ${JSON.stringify(GOOD_DOCX[0])} "$out/\${name%.*}.docx"`}
`,
  );
  chmodSync(bin, 0o755);
  return { bin, log };
}

describe('gwlint audit: legacy .doc and .wps', () => {
  const setup = (): { dir: string; archive: string } => {
    const dir = tempDir();
    const archive = join(dir, 'archive');
    writeDrafts(archive, 3);
    copyFileSync(join(SHARED, 'corpus', 'legacy-doc', '附件二：2019年度录用人民警察体能测试的通知.doc'), join(archive, '旧文件.doc'));
    copyFileSync(join(SHARED, 'corpus', 'format-pairs', '测试文本3.wps'), join(archive, '旧文件.wps'));
    return { dir, archive };
  };

  it('lists them as not checked, with what to do, unless asked to convert', () => {
    const { dir, archive } = setup();
    const db = join(dir, 'a.sqlite');
    const r = runCli(['audit', archive, '--db', db, '--no-progress', '--no-config-lookup'], { cwd: dir });
    expect(r.code).toBe(0);
    const f = rows(db);
    expect(f.get('旧文件.doc')).toMatchObject({ status: 'unreadable' });
    expect(f.get('旧文件.doc')!.reason).toMatch(/\.doc/);
    expect(f.get('旧文件.wps')).toMatchObject({ status: 'unreadable' });
  });

  it('converts them through soffice when asked, in a private profile, and audits the result as the original file', () => {
    const { dir, archive } = setup();
    const soffice = fakeSoffice(dir, 'ok');
    const db = join(dir, 'b.sqlite');
    const r = runCli(['audit', archive, '--db', db, '--no-progress', '--no-config-lookup', '--convert-legacy', '--soffice', soffice.bin], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const f = rows(db);
    for (const name of ['旧文件.doc', '旧文件.wps']) {
      expect(f.get(name), name).toMatchObject({ status: 'checked', kind: 'docx', converted_from: name.slice(-4) });
      expect(f.get(name)!.path).toBe(join(archive, name));
    }
    const calls = readFileSync(soffice.log, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(2);
    for (const c of calls) {
      expect(c).toMatch(/^-env:UserInstallation=file:\/\/\S+ --headless --norestore --nologo --convert-to docx --outdir \S+ \S+旧文件\.(doc|wps)$/);
    }
  });

  it('turns a failed conversion into a row with LibreOffice’s reason', () => {
    const { dir, archive } = setup();
    const soffice = fakeSoffice(dir, 'fail');
    const db = join(dir, 'c.sqlite');
    const r = runCli(['audit', archive, '--db', db, '--no-progress', '--no-config-lookup', '--convert-legacy', '--soffice', soffice.bin], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = rows(db).get('旧文件.doc')!;
    expect(doc.status).toBe('unreadable');
    expect(doc.reason).toContain('LibreOffice 未能把此文件转换为 .docx（Error: source file could not be loaded）');
  });

  it('says so and goes on when soffice is not there', () => {
    const { dir, archive } = setup();
    const db = join(dir, 'd.sqlite');
    const r = runCli(['audit', archive, '--db', db, '--no-progress', '--no-config-lookup', '--convert-legacy', '--soffice', join(dir, 'no-such-soffice')], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('没有找到 LibreOffice');
    expect(rows(db).get('旧文件.doc')!.status).toBe('unreadable');
  });
});
