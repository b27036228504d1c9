import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from '../src/engine/api.js';
import { FIXTURES } from './helpers.js';

/**
 * The bundled drafts (the demo) and exactly what gwlint says about each: rule@line:column. Every line here
 * was read and judged right; a change in behaviour shows up as a diff a reviewer reads.
 */
const EXPECTED: Record<string, string[]> = {
  'drafts/请示-购置执法车辆.md': [],
  'drafts/请示-缺签发人且一文多事.md': ['signer-required@1:3', 'one-request-per-doc@11:29'],
  'drafts/报告-夹带请示事项.md': ['no-request-in-report@21:24', 'no-request-in-report@21:56'],
  'drafts/报告-年度工作总结.txt': [],
  'drafts/通知-防汛工作.md': [],
  'drafts/简报-营商环境工作动态.md': ['length-cap@38:251'],
  'drafts/纪要-专题会议.md': [],
  'traditional/請示-缺簽發人.md': ['signer-required@1:3'],
  'traditional/報告-夾帶請示.txt': ['no-request-in-report@7:12'],
};

const DETECTED: Record<string, [string, string]> = {
  'drafts/请示-购置执法车辆.md': ['请示', '上行'],
  'drafts/报告-年度工作总结.txt': ['报告', '上行'],
  'drafts/通知-防汛工作.md': ['通知', '下行'],
  'drafts/简报-营商环境工作动态.md': ['简报', '下行'],
  'drafts/纪要-专题会议.md': ['纪要', '下行'],
  'traditional/請示-缺簽發人.md': ['请示', '上行'],
  'traditional/報告-夾帶請示.txt': ['报告', '上行'],
};

describe('bundled drafts', () => {
  const linter = new Linter({ noConfig: true });
  const files = ['drafts', 'traditional'].flatMap((d) => readdirSync(join(FIXTURES, d)).map((f) => join(FIXTURES, d, f)));

  it('lists every fixture draft here', () => {
    expect(files.map((f) => relative(FIXTURES, f)).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: exactly the expected findings`, async () => {
      const r = await linter.lintFile(join(FIXTURES, name));
      expect(r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(expected);
      if (DETECTED[name]) expect([r.docType, r.direction]).toEqual(DETECTED[name]);
    });
  }

  it('quotes the traditional text itself at the mapped place', async () => {
    const r = await linter.lintFile(join(FIXTURES, 'traditional/報告-夾帶請示.txt'));
    const m = r.messages[0]!;
    expect(m.message).toContain('“懇請區政府撥付堤防修復資金300萬元”');
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([7, 12, 7, 30]);
  });

  it('the demo Word drafts (built by npm run fixtures:docx): the compliant ones clean, each other one its fault', async () => {
    const expected: Record<string, string[]> = {
      '请示-合规.docx': [],
      '請示-合規-繁體.docx': [],
      '请示-天头30毫米.docx': ['page-setup@1:1'],
      '请示-正文宋体.docx': ['fonts@6:1'],
      '请示-页码居中.docx': ['page-number@1:1'],
    };
    const names = readdirSync(join(FIXTURES, 'docx')).filter((f) => f.endsWith('.docx'));
    expect(names.sort()).toEqual(Object.keys(expected).sort());
    for (const [name, want] of Object.entries(expected)) {
      const r = await linter.lintFile(join(FIXTURES, 'docx', name));
      expect(r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`), name).toEqual(want);
      expect([r.docType, r.direction], name).toEqual(['请示', '上行']);
    }
  });
});
