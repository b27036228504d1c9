import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/engine/types.js';
import { FIXTURES, runCli } from '../helpers.js';

/** The same 3,500-字 专项 draft under two bodies' rules: 通州 caps 专项文件 at 3000 字, 静海 at 4000. */
const DRAFT = join(FIXTURES, 'profiles', 'shared', '专项-3500字.md');

function lintJson(args: string[], cwd?: string): LintResult {
  const r = runCli(['--format', 'json', ...args], cwd ? { cwd } : {});
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as LintResult[])[0]!;
}

describe('gwlint --profile: 通州 and 静海 disagree as their rules do', () => {
  it('通州: over the 3000 cap, and asks for the disclosure attribute', () => {
    const r = runCli(['--no-config-lookup', '--profile', 'tongzhou', '--format', 'json', DRAFT]);
    expect(r.code).toBe(1);
    const result = (JSON.parse(r.stdout) as LintResult[])[0]!;
    expect(result.category).toBe('专项');
    expect(result.charCount).toBe(3500);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['disclosure-attribute', 'length-cap']);
    const cap = result.messages[1]!;
    expect(cap.message).toBe('正文 3,500 字，超过专项篇幅上限 3,000 字（多 500 字；元数据声明类别为“专项”；依据 通州 五十五、通州 七十八）。自此处起超出');
    expect(cap.cites.map((c) => `${c.article} ${c.clause}`)).toEqual([
      '五十五 并严格控制篇幅,原则上综合性文件不超过5000字,专项文件不超过3000',
      '七十八 原则上政策性文件不超过10页。',
    ]);
    const disclosure = result.messages[0]!;
    expect(disclosure.cites[0]!.clause).toBe('区政府各部门拟制公文时,要明确主动公开、依申请公开、不予公开等属性,拟不公开的,要依法依规说明理由。');
  });

  it('静海: under the 4000 cap, and no disclosure attribute asked', () => {
    const r = runCli(['--no-config-lookup', '--profile', 'jinghai', '--format', 'json', DRAFT]);
    expect(r.code).toBe(0);
    const result = (JSON.parse(r.stdout) as LintResult[])[0]!;
    expect(result.charCount).toBe(3500);
    expect(result.messages).toEqual([]);
  });

  it('the stylish output names the profile’s clause', () => {
    const r = runCli(['--no-config-lookup', '--profile', 'tongzhou', DRAFT]);
    expect(r.stdout).toContain('超过专项篇幅上限 3,000 字');
    expect(r.stdout).toContain('依据：通州 五十五；通州 七十八');
  });

  it('an unknown profile is a usage error naming the choices', () => {
    const r = runCli(['--no-config-lookup', '--profile', 'haidian', DRAFT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('未知的规则配置“haidian”');
    expect(r.stderr).toContain('tongzhou');
  });
});

describe('a profile chosen in the config file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwlint-profile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(DRAFT, join(dir, 'draft.md'));

  it('"extends": ["gwlint:tongzhou"] applies 通州', () => {
    writeFileSync(join(dir, 'gwlint.config.json'), JSON.stringify({ extends: ['gwlint:recommended', 'gwlint:tongzhou'] }));
    const result = lintJson(['draft.md'], dir);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['disclosure-attribute', 'length-cap']);
  });

  it('"profile": "jinghai" applies 静海, and --profile overrides it', () => {
    writeFileSync(join(dir, 'gwlint.config.json'), JSON.stringify({ profile: 'jinghai' }));
    expect(lintJson(['draft.md'], dir).messages).toEqual([]);
    expect(lintJson(['--profile', 'tongzhou', 'draft.md'], dir).messages.map((m) => m.ruleId)).toEqual(['disclosure-attribute', 'length-cap']);
  });

  it('a config can still change a profile’s number', () => {
    writeFileSync(join(dir, 'gwlint.config.json'), JSON.stringify({ profile: 'jinghai', rules: { 'length-cap': ['warn', { caps: { 专项: 3200 } }] } }));
    const result = lintJson(['draft.md'], dir);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['length-cap']);
    expect(result.messages[0]!.message).toContain('超过专项篇幅上限 3,200 字');
  });
});

describe('gwlint --print-config', () => {
  it('shows the resolved rules with the options they run with and their clauses', () => {
    const r = runCli(['--no-config-lookup', '--profile', 'tongzhou', '--print-config', DRAFT]);
    expect(r.code).toBe(0);
    const cfg = JSON.parse(r.stdout) as {
      profile: string;
      rules: Record<string, { severity: string; options: Record<string, unknown>; cites: { article: string; clause: string; short?: string }[]; source: string }>;
    };
    expect(cfg.profile).toBe('tongzhou');
    const cap = cfg.rules['length-cap']!;
    expect(cap.severity).toBe('warning');
    expect(cap.options.caps).toEqual({ 文件稿: 5000, 综合: 5000, 专项: 3000, 简报: null, 研究报告: null });
    expect(cap.options.linesPerPage).toBe(22);
    expect(cap.cites.map((c) => c.short)).toEqual(['通州 五十五', '通州 七十八']);
    expect(cap.source).toBe('profile tongzhou');
    // Inherited from national, and the 通州-only rules with their clauses.
    expect(cfg.rules['date-validity']!.source).toBe('profile national');
    expect(cfg.rules['disclosure-attribute']!.cites[0]!.article).toBe('二十三');
    expect(cfg.rules['meeting-request']!.options.checks).toEqual([
      { kind: 'topic', meetings: ['常务会议', '区长专题会议'], lead: { days: 3, working: false }, article: '四十八' },
      { kind: 'invitation', foreign: true, lead: { days: 7, working: true }, article: '六十五' },
    ]);
  });

  it('hongshan turns length-cap off and says which clause governs', () => {
    const r = runCli(['--no-config-lookup', '--profile', 'hongshan', '--print-config', DRAFT]);
    const cfg = JSON.parse(r.stdout) as { rules: Record<string, { severity: string; cites: { clause: string }[] }> };
    expect(cfg.rules['length-cap']!.severity).toBe('off');
    expect(cfg.rules['length-cap']!.cites[0]!.clause).toBe('加強發文統籌,從嚴控制發文數量、發文規格和檔案篇幅。');
  });
});
