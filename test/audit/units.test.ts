import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/audit/export.js';
import { extractMeta, parseDocDate, parseDocNumber } from '../../src/audit/meta.js';
import { formatDuration } from '../../src/audit/progress.js';
import { rssNow } from '../../src/audit/rss.js';
import { runAudit } from '../../src/audit/run.js';
import { parseShard, shardOf } from '../../src/audit/shard.js';
import { Linter } from '../../src/engine/api.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeDrafts } from './archive.js';

describe('shards', () => {
  it('parses K/N counted from 0 and refuses K = N with the 0-based range in the message', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
    expect(() => parseShard('4/4')).toThrow('0/4 … 3/4');
    expect(() => parseShard('1/0')).toThrow('1 到 100000');
    expect(() => parseShard('a/b')).toThrow('K/N');
  });

  it('puts every path in exactly one shard, the same way every time, roughly evenly', () => {
    const paths = Array.from({ length: 4000 }, (_, i) => `${2000 + (i % 20)}年/第${i}号/关于事项${i}的通知.docx`);
    const n = 4;
    const counts = new Array<number>(n).fill(0);
    for (const p of paths) {
      const s = shardOf(p, n);
      expect(s).toBe(shardOf(p, n));
      counts[s]!++;
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(paths.length);
    for (const c of counts) expect(c).toBeGreaterThan(900);
    expect(shardOf('a.md', 1)).toBe(0);
  });

  it('hashes composed and decomposed forms of a name alike (macOS writes NFD)', () => {
    expect(shardOf('caf\u00e9.md', 7)).toBe(shardOf('cafe\u0301.md', 7));
  });
});

describe('meta', () => {
  it('reads 成文日期 in Arabic and Chinese numerals', () => {
    expect(parseDocDate('2019年1月24日')).toEqual({ date: '2019-01-24', year: 2019 });
    expect(parseDocDate('二〇一八年十一月二十八日')).toEqual({ date: '2018-11-28', year: 2018 });
    expect(parseDocDate('一九九七年三月九日')).toEqual({ date: '1997-03-09', year: 1997 });
    expect(parseDocDate('2019年13月1日')).toEqual({ date: '2019', year: 2019 });
    expect(parseDocDate('明天')).toBeNull();
  });

  it('splits a 发文字号 into 机关代字 and year', () => {
    expect(parseDocNumber('国办发〔2018〕109号')).toEqual({ code: '国办发', year: 2018, text: '国办发〔2018〕109号' });
    expect(parseDocNumber('津静政发[2023]19号')?.code).toBe('津静政发');
    expect(parseDocNumber('京政〔23〕5号')?.year).toBeNull();
    expect(parseDocNumber('没有文号')).toBeNull();
  });

  it('extracts title, 发文字号, office and date from a structured draft', async () => {
    const text = ['XX市人民政府文件', '静政发〔2021〕7号', '关于加强档案管理工作的通知', '各区县人民政府：', '现将有关事项通知如下。', 'XX市人民政府', '2021年3月5日'].join('\n');
    const doc = await new Linter({ noConfig: true }).parse(text, 'draft.txt');
    expect(extractMeta(doc)).toEqual({
      title: '关于加强档案管理工作的通知',
      docNumber: '静政发〔2021〕7号',
      officeCode: '静政发',
      officeName: 'XX市人民政府',
      date: '2021-03-05',
      year: 2021,
    });
  });

  it('prefers declared metadata for the office and falls back to the 发文字号 year', async () => {
    const text = ['# 发文字号: 国办发〔2018〕109号', '# 发文机关: 国务院办公厅', '', '国务院办公厅关于调整', '国家教材委员会组成人员的通知', '各省、自治区、直辖市人民政府：', '现通知如下。'].join('\n');
    const doc = await new Linter({ noConfig: true }).parse(text, 'x.txt');
    const m = extractMeta(doc);
    expect(m.officeName).toBe('国务院办公厅');
    expect(m.officeCode).toBe('国办发');
    expect(m.year).toBe(2018);
    expect(m.date).toBeNull();
  });
});

describe('csv and progress helpers', () => {
  it('quotes CSV fields and defuses spreadsheet formulas from document text', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('他说"好"')).toBe('"他说""好"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(null)).toBe('');
    expect(csvField(12)).toBe('12');
  });

  it('formats durations for the ETA', () => {
    expect(formatDuration(5)).toBe('0:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(Number.NaN)).toBe('--:--');
  });
});

describe('rssNow', () => {
  it('reads the same resident set size as Node does, and follows it when memory grows', () => {
    const near = (a: number, b: number): void => expect(Math.abs(a - b) / b).toBeLessThan(0.05);
    near(rssNow(), process.memoryUsage.rss());
    // Touch 64 MB so the pages are resident, then read again: a stale or mis-scaled reading would lag behind.
    const before = rssNow();
    const big = Buffer.alloc(64 * 1048576, 1);
    near(rssNow(), process.memoryUsage.rss());
    expect(rssNow() - before).toBeGreaterThan(48 * 1048576);
    expect(big[big.length - 1]).toBe(1);
  });
});

describe('runAudit as a library', () => {
  it('tells the running count after each file it records, once per file, counting to the total', async () => {
    const dir = tempDir();
    try {
      writeDrafts(join(dir, 'a'), 7);
      const seen: number[] = [];
      const s = await runAudit({
        roots: [join(dir, 'a')],
        db: join(dir, 'audit.sqlite'),
        jobs: 2,
        timeoutMs: 60_000,
        memoryMb: 256,
        shard: null,
        soffice: null,
        force: false,
        retryFailed: false,
        useIgnore: false,
        linter: { cwd: dir, noConfig: true },
        cwd: dir,
        argv: ['audit'],
        progress: null,
        previewMax: 10_000,
        onRecorded: (n) => seen.push(n),
      });
      expect(s.audited).toBe(7);
      expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
