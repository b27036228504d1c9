import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuditDb } from '../../src/audit/db.js';
import { buildModel } from '../../src/audit/report/model.js';
import { runCli } from '../helpers.js';
import { copyGoodDocx, tempDir, writeDrafts, writeHostile } from './archive.js';

function read<T>(dbFile: string, fn: (db: AuditDb) => T): T {
  const db = new AuditDb(dbFile, { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Headless Chromium, offline and with a throw-away profile. */
function chromium(args: string[], url: string, profile: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--hide-scrollbars',
      `--user-data-dir=${profile}`,
      '--virtual-time-budget=5000',
      ...args,
      url,
    ],
    { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('gwlint audit: shards, merge and the report', () => {
  let dir: string;
  let archive: string;
  let hostileNote: string;
  beforeAll(() => {
    dir = tempDir();
    archive = join(dir, 'archive');
    writeDrafts(archive, 24);
    copyGoodDocx(join(archive, 'docx'));
    writeHostile(join(archive, 'bad'));
    // Document text is untrusted: it must reach the report as text, never as markup.
    hostileNote = '关于</script><script>document.title="pwned"</script><img src=x onerror=alert(1)>的通知';
    mkdirSync(join(archive, '2024'), { recursive: true });
    writeFileSync(join(archive, '2024', 'xss.txt'), `津静政发〔2024〕99号\n${hostileNote}\n各单位：\n请于本月底前报送材料。\n静海区人民政府\n2024年5月6日\n`);
  });

  it('splits the archive into disjoint shards whose union is the whole, and merges them into one database', () => {
    const whole = join(dir, 'whole.sqlite');
    expect(runCli(['audit', archive, '--db', whole, '--no-progress', '--no-config-lookup'], { cwd: dir }).code).toBe(0);
    const all = read(whole, (d) => d.files().map((f) => f.path).sort());

    const shardDbs = [0, 1, 2].map((k) => {
      const db = join(dir, `shard-${k}.sqlite`);
      const r = runCli(['audit', archive, '--db', db, '--shard', `${k}/3`, '--jobs', '1', '--no-progress', '--no-config-lookup'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      return db;
    });
    const parts = shardDbs.map((db) => read(db, (d) => d.files().map((f) => f.path)));
    for (const p of parts) expect(p.length).toBeGreaterThan(3);
    expect(parts.flat().sort()).toEqual(all);
    expect(new Set(parts.flat()).size).toBe(all.length);
    expect(read(shardDbs[1]!, (d) => d.runs()[0]!.shard)).toBe('1/3');

    // The same shard again audits the same files (deterministic split).
    const again = join(dir, 'shard-1-again.sqlite');
    runCli(['audit', archive, '--db', again, '--shard', '1/3', '--no-progress', '--no-config-lookup'], { cwd: dir });
    expect(read(again, (d) => d.files().map((f) => f.path))).toEqual(parts[1]);

    const merged = join(dir, 'merged.sqlite');
    const report = join(dir, 'merged.html');
    const m = runCli(['audit', 'merge', ...shardDbs, '--db', merged, '--report', report, '--jsonl', join(dir, 'm.jsonl'), '--csv', join(dir, 'm.csv')], { cwd: dir });
    expect(m.code, m.stderr).toBe(0);
    expect(read(merged, (d) => d.files().map((f) => f.path).sort())).toEqual(all);
    expect(read(merged, (d) => d.runs().map((r) => r.shard))).toEqual(['0/3', '1/3', '2/3']);
    // Findings came along with their files, and the merged report counts like the whole-archive run.
    const count = (db: string) => read(db, (d) => buildModel(d).totals);
    expect(count(merged)).toEqual(count(whole));
    expect(readFileSync(join(dir, 'm.jsonl'), 'utf8').trim().split('\n')).toHaveLength(all.length);
    const csv = readFileSync(join(dir, 'm.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFpath,status,')).toBe(true);
    const t = count(merged);
    expect(csv.trim().split('\r\n')).toHaveLength(1 + t.findings + t.notChecked);
    expect(readFileSync(report, 'utf8')).toContain('0/3');

    // Merging a shard again changes nothing: its rows are not newer than what the merged database holds.
    const again2 = runCli(['audit', 'merge', shardDbs[0]!, '--db', merged], { cwd: dir });
    expect(again2.code).toBe(0);
    expect(again2.stderr).toMatch(/较旧而未采用/);
    expect(read(merged, (d) => d.files().length)).toBe(all.length);
  }, 240_000);

  it('groups findings by rule, office, year and 文种 from 发文字号 and 成文日期', () => {
    const db = join(dir, 'whole.sqlite');
    const model = read(db, (d) => buildModel(d));
    expect(model.byOffice.map((o) => o.key)).toEqual(expect.arrayContaining(['静海区人民政府', '静海区人民政府办公室', '通州区人民政府']));
    expect(model.byYear.map((y) => y.key)).toEqual(expect.arrayContaining(['2019', '2020', '2021', '2022', '2023', '2024']));
    expect(model.byDocType.map((t) => t.key)).toEqual(expect.arrayContaining(['通知', '请示']));
    expect(model.byRule.length).toBeGreaterThan(0);
    expect(model.totals.notChecked).toBe(4);
    expect(model.notChecked.map((f) => f.rel_path).sort()).toEqual(['bad/截断.docx', 'bad/改名的PDF.docx', 'bad/炸弹.docx', 'bad/空文件.docx']);
    // Every rule-by-office cell adds up to the findings of that rule.
    const r0 = model.ruleByOffice.rows[0]!;
    const rule = model.byRule.find((r) => r.key === r0)!;
    expect(model.ruleByOffice.cells[0]!.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(rule.errors + rule.warnings);
    expect(model.lengths.some((g) => g.cap !== null)).toBe(true);
  });

  it('writes one self-contained page: no network, document text escaped', () => {
    const report = join(dir, 'report.html');
    const r = runCli(['audit', 'report', '--db', join(dir, 'whole.sqlite'), '--report', report], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?https?:/i);
    expect(html).not.toContain('<script>document.title');
    expect(html).not.toContain('<img src=x');
    for (const s of ['按规则', '按发文机关', '按年份', '按文种', '字数与上限', '问题最多的文件', '无法检查的文件']) expect(html).toContain(s);
  });

  it.skipIf(!CHROMIUM && !process.env.CI)('renders in headless Chromium: the dashboard, a file page with its findings marked, untrusted text inert', () => {
    expect(CHROMIUM, 'chromium is installed by .ci/run').toBeDefined();
    const report = join(dir, 'report.html');
    if (!existsSync(report)) runCli(['audit', 'report', '--db', join(dir, 'whole.sqlite'), '--report', report], { cwd: dir });
    const url = pathToFileURL(report).href;
    const shot = join(dir, 'dashboard.png');
    const s = chromium(['--window-size=1280,2000', `--screenshot=${shot}`], url, join(dir, 'chrome-1'));
    expect(s.code, s.stderr).toBe(0);
    expect(pngSize(shot)).toEqual({ width: 1280, height: 2000 });
    // A blank or error page compresses to a few KB; charts, tables and text do not.
    expect(readFileSync(shot).length).toBeGreaterThan(60_000);

    const dom = chromium(['--dump-dom'], url, join(dir, 'chrome-2'));
    expect(dom.code).toBe(0);
    expect(dom.stdout).toContain('<svg class="chart"');

    const id = read(join(dir, 'whole.sqlite'), (d) => d.files().find((f) => f.rel_path === '2024/xss.txt')!.id);
    const page = chromium(['--dump-dom'], `${url}#file-${id}`, join(dir, 'chrome-3'));
    expect(page.code).toBe(0);
    // The client script drew the file page: its facts, its findings, and the text with marks.
    expect(page.stdout).toMatch(/<div id="file">/);
    expect(page.stdout).toContain('2024/xss.txt');
    expect(page.stdout).toContain('津静政发〔2024〕99号');
    expect(page.stdout).toMatch(/<ol class="findings">/);
    expect(page.stdout).toMatch(/<mark class="(error|warning)"|class="pin (error|warning)"/);
    // The hostile title is shown as text; its script did not run and its image is not an element.
    expect(page.stdout).toContain('&lt;/script&gt;&lt;script&gt;');
    expect(page.stdout).not.toContain('<img src="x"');
    expect(page.stdout).toMatch(/<title>gwlint 公文档案检查报告<\/title>/);

    const fileShot = join(dir, 'file.png');
    expect(chromium(['--window-size=1200,1600', `--screenshot=${fileShot}`], `${url}#file-${id}`, join(dir, 'chrome-4')).code).toBe(0);
    expect(readFileSync(fileShot).length).toBeGreaterThan(30_000);
  }, 240_000);
});
