import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinRules } from '../../src/rules/index.js';
import { runCli } from '../helpers.js';

const MINE = ['doc-number', 'date-format', 'heading-sequence', 'attachment-note', 'punctuation', 'terminology'];

const DRAFT = '关于做好防汛工作的通知\n各街道:\n一、总体要求\n(一)提高认识,落实责任。\n其它事项另行通知。\n区防汛办\n二〇二四年三月一日\n';
const FIXED = '关于做好防汛工作的通知\n各街道：\n一、总体要求\n（一）提高认识，落实责任。\n其他事项另行通知。\n区防汛办\n2024年3月1日\n';

/** A folder whose config turns on only the element rules, so that other rules’ findings do not count here. */
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'gwlint-fix-'));
  const rules = Object.fromEntries(builtinRules.map((r) => [r.meta.id, MINE.includes(r.meta.id) ? 'warn' : 'off']));
  writeFileSync(join(d, 'gwlint.config.json'), JSON.stringify({ root: true, rules }));
  return d;
}

describe('gwlint --fix and --fix-dry-run', () => {
  it('--fix-dry-run prints the diff and writes nothing', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), DRAFT);
    const r = runCli(['--fix-dry-run', 'a.txt'], { cwd: d });
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(DRAFT);
    expect(r.stdout).toContain('--- a.txt\n+++ a.txt（修正后）\n-2: 各街道:\n+2: 各街道：\n');
    expect(r.stdout).toContain('-7: 二〇二四年三月一日\n+7: 2024年3月1日\n');
    expect(r.stdout).toContain('+4: （一）提高认识，落实责任。');
    // The report is about the text as it would be after fixing: nothing is left.
    expect(r.stdout).toContain('✔ 未发现问题');
    expect(r.code).toBe(0);
  });

  it('without --fix the same draft has findings marked fixable', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), DRAFT);
    const r = runCli(['a.txt', '--format', 'json'], { cwd: d });
    const [res] = JSON.parse(r.stdout) as { fixableCount: number; messages: { ruleId: string }[] }[];
    expect(res!.fixableCount).toBe(5);
    expect(new Set(res!.messages.map((m) => m.ruleId))).toEqual(new Set(['punctuation', 'heading-sequence', 'terminology', 'date-format']));
    expect(r.code).toBe(0);
  });

  it('--fix writes the fixed text, and the file then lints clean for those rules', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), DRAFT);
    writeFileSync(join(d, 'b.md'), '# 关于做好防汛工作的通知\n\n各街道:\n\n其它事项另行通知。\n');
    const r = runCli(['--fix', '.'], { cwd: d });
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(FIXED);
    expect(readFileSync(join(d, 'b.md'), 'utf8')).toBe('# 关于做好防汛工作的通知\n\n各街道：\n\n其他事项另行通知。\n');
    const again = runCli(['.', '--format', 'json'], { cwd: d });
    for (const f of JSON.parse(again.stdout) as { fixableCount: number }[]) expect(f.fixableCount).toBe(0);
  });

  it('keeps a byte-order mark and Windows line ends', () => {
    const d = tmp();
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    writeFileSync(join(d, 'a.txt'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf)]));
    runCli(['--fix', 'a.txt'], { cwd: d });
    const out = readFileSync(join(d, 'a.txt'));
    expect([...out.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(out.subarray(3).toString('utf8')).toBe(FIXED.replace(/\n/g, '\r\n'));
  });

  it('leaves a GB18030 draft alone and says why', () => {
    const d = tmp();
    // "关于做好统计工作的通知\n其它事项另行通知。\n" in GB18030.
    const bytes = Buffer.from('b9d8d3dad7f6bac3cdb3bcc6b9a4d7f7b5c4cda8d6aa0ac6e4cbfccac2cfeec1edd0d0cda8d6aaa1a30a', 'hex');
    writeFileSync(join(d, 'gbk.txt'), bytes);
    const r = runCli(['--fix', 'gbk.txt'], { cwd: d });
    expect(readFileSync(join(d, 'gbk.txt')).equals(bytes)).toBe(true);
    expect(r.stderr).toContain('gbk.txt：文件是 GB18030 编码，--fix 没有改写它');
  });

  it('--stdin --fix prints the fixed text', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'x.txt', '--fix'], { input: DRAFT, cwd: tmp() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(FIXED);
    expect(r.code).toBe(0);
  });
});
