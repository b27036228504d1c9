import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers.js';

const REPORT_WITH_ASK = '# 关于工作情况的报告\n\n区政府：\n\n今年完成各项任务。恳请区政府拨付经费。\n\n特此报告。\n';
const CLEAN_NOTICE = '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n特此通知。\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gwlint-cli-'));
  writeFileSync(join(dir, 'report.md'), REPORT_WITH_ASK);
  writeFileSync(join(dir, 'notice.md'), CLEAN_NOTICE);
});

describe('gwlint CLI', () => {
  it('exits 0 on a clean draft and says so in Chinese', () => {
    const r = runCli([join(dir, 'notice.md')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✔ 未发现问题');
  });

  it('exits 1 with a readable Chinese report when there are errors', () => {
    const r = runCli(['report.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('report.md');
    expect(r.stdout).toContain('5:10');
    expect(r.stdout).toContain('报告中夹带请示事项：“恳请区政府拨付经费”');
    expect(r.stdout).toContain('依据：条例 第十五条（四）');
    expect(r.stdout).toMatch(/✖ 2 个问题（2 个错误，0 个警告）/);
  });

  it('follows the JSON contract', () => {
    const r = runCli([join(dir, 'report.md'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    const f = out[0]!;
    expect(Object.keys(f).sort()).toEqual(['category', 'charCount', 'direction', 'docType', 'errorCount', 'filePath', 'fixableCount', 'messages', 'warningCount']);
    expect(f).toMatchObject({ filePath: join(dir, 'report.md'), docType: '报告', direction: '上行', category: '文件稿', charCount: 24, errorCount: 2, warningCount: 0 });
    const msgs = f.messages as Record<string, unknown>[];
    expect(msgs[1]).toEqual({
      ruleId: 'no-request-in-report',
      severity: 'error',
      message: expect.stringContaining('报告中夹带请示事项：“恳请区政府拨付经费”') as unknown,
      line: 5,
      column: 10,
      endLine: 5,
      endColumn: 19,
      cites: [{ regulation: '党政机关公文处理工作条例', article: '第十五条（四）', clause: '请示应当一文一事。不得在报告等非请示性公文中夹带请示事项。' }],
    });
  });

  it('reports a file it cannot read as a fatal message and goes on with the others', () => {
    const d = mkdtempSync(join(tmpdir(), 'gwlint-bad-'));
    writeFileSync(join(d, 'empty.md'), '');
    writeFileSync(join(d, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
    writeFileSync(join(d, 'really-a-zip.md'), Buffer.from('PK\u0003\u0004rest-of-zip'));
    writeFileSync(join(d, 'legacy.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    writeFileSync(join(d, 'ok.md'), CLEAN_NOTICE);
    const r = runCli([d, join(d, 'legacy.doc'), '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; ruleId: null | string; message: string }[] }[];
    const byName = Object.fromEntries(out.map((f) => [f.filePath.split('/').pop(), f.messages]));
    expect(byName['ok.md']).toEqual([]);
    for (const name of ['empty.md', 'binary.txt', 'really-a-zip.md', 'legacy.doc']) {
      expect(byName[name], name).toHaveLength(1);
      expect(byName[name]![0]).toMatchObject({ fatal: true, ruleId: null });
    }
    expect(byName['empty.md']![0]!.message).toContain('文件是空的');
    expect(byName['really-a-zip.md']![0]!.message).toContain('扩展名改为 .docx');
    expect(byName['legacy.doc']![0]!.message).toContain('另存为 .docx');
    expect(r.stderr).toBe('');
  });

  it('reads GB18030-encoded text drafts', () => {
    const d = mkdtempSync(join(tmpdir(), 'gwlint-gbk-'));
    // "关于工作的报告\n区政府：\n恳请拨付经费。" in GB18030, as older Windows tools save it.
    const gbk = Buffer.from('b9d8d3dab9a4d7f7b5c4b1a8b8e60ac7f8d5feb8aea3ba0abfd2c7ebb2a6b8b6beadb7d1a1a3', 'hex');
    writeFileSync(join(d, 'gbk.txt'), gbk);
    const r = runCli([join(d, 'gbk.txt'), '-f', 'json']);
    const out = JSON.parse(r.stdout) as { docType: string; messages: { fatal?: boolean }[] }[];
    expect(out[0]!.docType).toBe('报告');
    expect(out[0]!.messages.some((m) => m.fatal)).toBe(false);
  });

  it('lints stdin with --stdin-filename deciding format and config', () => {
    const r = runCli(['--stdin', '--stdin-filename', 'x.txt', '-f', 'json'], { input: '关于工作情况的报告\n区政府：\n恳请区政府拨付经费。\n特此报告。' });
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(out[0]!.filePath.endsWith('x.txt')).toBe(true);
    expect(out[0]!.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toContain('no-request-in-report@3:1');
  });

  it('gives English messages with --locale en', () => {
    const r = runCli([join(dir, 'report.md'), '--locale', 'en']);
    expect(r.stdout).toContain('A 报告 carries a request: “恳请区政府拨付经费”');
    expect(r.stdout).toMatch(/2 problems/);
  });

  it('honours --rule, --quiet and --max-warnings with ESLint exit codes', () => {
    expect(runCli([join(dir, 'report.md'), '--rule', 'no-request-in-report: off', '--rule', 'signer-required: off']).code).toBe(0);
    const warn = runCli([join(dir, 'report.md'), '--rule', 'no-request-in-report: warn', '--rule', 'signer-required: warn', '--max-warnings', '1']);
    expect(warn.code).toBe(1);
    expect(warn.stdout).toContain('超过 --max-warnings');
    expect(runCli([join(dir, 'report.md'), '--rule', 'no-request-in-report: warn', '--rule', 'signer-required: warn']).code).toBe(0);
    const quiet = runCli([join(dir, 'report.md'), '--rule', 'signer-required: warn', '--quiet', '-f', 'json']);
    const msgs = (JSON.parse(quiet.stdout) as { messages: { ruleId: string }[] }[])[0]!.messages;
    expect(msgs.every((m) => m.ruleId === 'no-request-in-report')).toBe(true);
  });

  it('exits 2 with a clear message on usage errors', () => {
    const noFiles = runCli([]);
    expect(noFiles.code).toBe(2);
    expect(noFiles.stderr).toContain('请给出要检查的文件');
    const badFormat = runCli([join(dir, 'notice.md'), '-f', 'xml']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('未知的输出格式“xml”');
    const missing = runCli(['no-such-dir/**/*.md'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('没有找到与“no-such-dir/**/*.md”匹配的文件');
    const badRule = runCli([join(dir, 'notice.md'), '--rule', 'no-such-rule: error']);
    expect(badRule.code).toBe(2);
    expect(badRule.stderr).toContain('未知规则“no-such-rule”');
    expect(badRule.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('names the file, key path and expectation for a bad config', () => {
    const d = mkdtempSync(join(tmpdir(), 'gwlint-cfg-'));
    writeFileSync(join(d, 'gwlint.config.json'), JSON.stringify({ rules: { 'length-cap': ['error', { caps: { 专项: -1 } }] } }));
    writeFileSync(join(d, 'a.md'), CLEAN_NOTICE);
    const r = runCli(['a.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(d, 'gwlint.config.json'));
    expect(r.stderr).toContain('rules.length-cap[1].caps.专项');
    expect(r.stderr).toContain('应不小于 1');

    writeFileSync(join(d, 'gwlint.config.json'), '{ "rules": { "signer-required": "loud" } }');
    const r2 = runCli(['a.md'], { cwd: d });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('rules.signer-required');
    expect(r2.stderr).toContain('"off"');

    writeFileSync(join(d, 'gwlint.config.json'), '{ "rules": ');
    const r3 = runCli(['a.md'], { cwd: d });
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('不是有效的 JSON');
  });

  it('applies config files: YAML, overrides by glob, settings and ignore files', () => {
    const d = mkdtempSync(join(tmpdir(), 'gwlint-cfg2-'));
    mkdirSync(join(d, '简报'));
    mkdirSync(join(d, '归档'));
    writeFileSync(join(d, '.gwlintrc.yaml'), 'rules:\n  signer-required: warn\noverrides:\n  - files: ["简报/**"]\n    settings:\n      类别: 简报\n    rules:\n      length-cap: [error, {caps: {简报: 10}}]\n');
    writeFileSync(join(d, '简报', 'a.md'), '# 工作简报\n\n本周完成了大量的工作任务。\n');
    writeFileSync(join(d, 'b.md'), '# 工作简报\n\n本周完成了大量的工作任务。\n');
    writeFileSync(join(d, '归档', 'c.md'), REPORT_WITH_ASK);
    writeFileSync(join(d, '.gwlintignore'), '归档/\n');
    const r = runCli(['.', '-f', 'json'], { cwd: d });
    const out = JSON.parse(r.stdout) as { filePath: string; category: string; messages: { ruleId: string; severity: string }[] }[];
    expect(out.map((f) => f.filePath.slice(d.length + 1)).sort()).toEqual(['b.md', '简报/a.md']);
    const a = out.find((f) => f.filePath.endsWith('简报/a.md'))!;
    expect(a.category).toBe('简报');
    expect(a.messages).toEqual([expect.objectContaining({ ruleId: 'length-cap', severity: 'error' })]);
    expect(out.find((f) => f.filePath.endsWith('b.md'))!.messages).toEqual([]);
    const printed = JSON.parse(runCli(['--print-config', '简报/a.md'], { cwd: d }).stdout) as { rules: Record<string, { severity: string; options: { caps: Record<string, number> }; cites: unknown[] }> };
    expect(printed.rules['length-cap']!.options.caps['简报']).toBe(10);
    expect(printed.rules['signer-required']!.severity).toBe('warning');
    expect(printed.rules['signer-required']!.cites.length).toBeGreaterThan(0);
  });

  it('respects inline directives in Markdown', () => {
    const d = mkdtempSync(join(tmpdir(), 'gwlint-dir-'));
    writeFileSync(join(d, 'a.md'), '<!-- gwlint-disable signer-required -->\n# 关于工作情况的报告\n\n区政府：\n\n<!-- gwlint-disable-next-line no-request-in-report -->\n恳请区政府拨付经费。\n\n恳请区政府增加编制。\n');
    const out = JSON.parse(runCli([join(d, 'a.md'), '-f', 'json']).stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(out[0]!.messages.map((m) => `${m.ruleId}@${m.line}`)).toEqual(['no-request-in-report@9']);
  });

  it('lists rules with their citations', () => {
    const r = runCli(['--list-rules']);
    expect(r.code).toBe(0);
    for (const id of ['length-cap', 'no-request-in-report', 'one-request-per-doc', 'signer-required']) expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('静海 第六十条');
  });

  it('lints the bundled fixtures as the README demo does', () => {
    const r = runCli(['fixtures/drafts', 'fixtures/traditional']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('报告中夹带请示事项');
    expect(r.stdout).toContain('請示-缺簽發人.md');
    expect(FIXTURES).toBeTruthy();
  });
});
