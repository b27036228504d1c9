import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { builtinRules } from '../../src/rules/index.js';

/** Only `rule` on: the fixed text must lint clean for that rule (lint → fix → re-lint). */
function only(rule: string): Record<string, 'off' | 'warn'> {
  return Object.fromEntries(builtinRules.map((r) => [r.meta.id, r.meta.id === rule ? 'warn' : 'off']));
}

async function roundTrip(rule: string, code: string, filename: string): Promise<{ before: number; output: string; after: string[] }> {
  const fixer = new Linter({ noConfig: true, fix: true, cliRules: only(rule) });
  const first = await new Linter({ noConfig: true, cliRules: only(rule) }).lintText(code, filename);
  const fixed = await fixer.lintText(code, filename);
  const output = fixed.output ?? code;
  const again = await new Linter({ noConfig: true, cliRules: only(rule) }).lintText(output, filename);
  return { before: first.messages.filter((m) => m.ruleId === rule).length, output, after: again.messages.filter((m) => m.ruleId === rule).map((m) => `${m.line}:${m.column} ${m.message}`) };
}

/** Drafts with only fixable faults of one rule, in both scripts and both input kinds, and what --fix makes of them. */
const CASES: { rule: string; name: string; filename: string; code: string; fixed: string }[] = [
  {
    rule: 'doc-number',
    name: 'brackets, 第 and a leading zero together (several passes)',
    filename: 'a.md',
    code: '区财政局文件\n\n区财发[2024]第03号\n\n# 关于做好预算编制工作的通知\n\n各科室：\n\n根据（国办发（2019）12号）要求，请按时报送预算。',
    fixed: '区财政局文件\n\n区财发〔2024〕3号\n\n# 关于做好预算编制工作的通知\n\n各科室：\n\n根据（国办发〔2019〕12号）要求，请按时报送预算。',
  },
  {
    rule: 'doc-number',
    name: 'traditional text',
    filename: 'a.txt',
    code: '區財發【2024】第3號\n關於做好預算編制工作的通知',
    fixed: '區財發〔2024〕3號\n關於做好預算編制工作的通知',
  },
  {
    rule: 'date-format',
    name: 'Chinese numerals and leading zeros',
    filename: 'a.txt',
    code: '关于做好防汛工作的通知\n各街道：\n请做好防汛工作。\n区防汛办\n二〇二四年三月一日\n抄送：区委办公室。\n区防汛办　　2024年03月05日印发',
    fixed: '关于做好防汛工作的通知\n各街道：\n请做好防汛工作。\n区防汛办\n2024年3月1日\n抄送：区委办公室。\n区防汛办　　2024年3月5日印发',
  },
  {
    rule: 'date-format',
    name: 'traditional Markdown',
    filename: 'a.md',
    code: '# 關於做好防汛工作的通知\n\n各街道：\n\n請做好防汛工作。\n\n區防汛辦\n\n二〇一九年五月八日\n',
    fixed: '# 關於做好防汛工作的通知\n\n各街道：\n\n請做好防汛工作。\n\n區防汛辦\n\n2019年5月8日\n',
  },
  {
    rule: 'heading-sequence',
    name: 'every wrong mark',
    filename: 'a.md',
    code: '# 关于做好防汛工作的通知\n\n各街道：\n\n一.总体要求\n\n(一)提高认识。\n\n1、加强学习。\n\n(1)学文件。\n\n（二）、落实责任。\n',
    fixed: '# 关于做好防汛工作的通知\n\n各街道：\n\n一、总体要求\n\n（一）提高认识。\n\n1.加强学习。\n\n（1）学文件。\n\n（二）落实责任。\n',
  },
  {
    rule: 'heading-sequence',
    name: 'traditional text',
    filename: 'a.txt',
    code: '關於做好防汛工作的通知\n各街道：\n一、總體要求\n(一)堅持黨的領導。\n(二)堅持執政為民。',
    fixed: '關於做好防汛工作的通知\n各街道：\n一、總體要求\n（一）堅持黨的領導。\n（二）堅持執政為民。',
  },
  {
    rule: 'attachment-note',
    name: 'colon, marks and trailing punctuation',
    filename: 'a.txt',
    code: '关于开展安全检查的通知\n各科室：\n请按检查表开展自查。\n附件:1、安全检查表。\n2、整改台账；\n区应急局\n2024年3月1日\n附件1：\n安全检查表\n附件2\n整改台账',
    fixed: '关于开展安全检查的通知\n各科室：\n请按检查表开展自查。\n附件：1.安全检查表\n2.整改台账\n区应急局\n2024年3月1日\n附件1\n安全检查表\n附件2\n整改台账',
  },
  {
    rule: 'attachment-note',
    name: 'traditional Markdown, 附件1.×× form',
    filename: 'a.md',
    code: '# 關於開展安全檢查的通知\n\n各科室：\n\n請按檢查表開展自查。\n\n附件1.安全檢查表\n2.整改臺賬\n\n區應急局\n\n2024年3月1日\n',
    fixed: '# 關於開展安全檢查的通知\n\n各科室：\n\n請按檢查表開展自查。\n\n附件：1.安全檢查表\n2.整改臺賬\n\n區應急局\n\n2024年3月1日\n',
  },
  {
    rule: 'punctuation',
    name: 'half-width marks, brackets, quotes, ellipsis, dash',
    filename: 'a.txt',
    code: '各街道:\n请于本周内完成自查,并报送结果(含照片)...\n实行"先入区、后检测"的做法--特别是汛期。。',
    fixed: '各街道：\n请于本周内完成自查，并报送结果（含照片）……\n实行“先入区、后检测”的做法——特别是汛期。',
  },
  {
    rule: 'punctuation',
    name: 'traditional Markdown',
    filename: 'a.md',
    code: '# 區政府工作規則\n\n區政府全體會議主要任務是:傳達學習重要指示,討論決定重大事項(含人事任免).\n',
    fixed: '# 區政府工作規則\n\n區政府全體會議主要任務是：傳達學習重要指示，討論決定重大事項（含人事任免）。\n',
  },
  {
    rule: 'terminology',
    name: 'the default list',
    filename: 'a.md',
    code: '# 关于做好统计工作的通知\n\n截止2023年底，部份单位已建立台帐，其它单位要抓紧。区政府已做出决定。\n\n区统计局\n\n2024年3月1日\n',
    fixed: '# 关于做好统计工作的通知\n\n截至2023年底，部分单位已建立台账，其他单位要抓紧。区政府已作出决定。\n\n区统计局\n\n2024年3月1日\n',
  },
  {
    rule: 'terminology',
    name: 'traditional text',
    filename: 'a.txt',
    code: '(六)其它不符合區人民政府常務會議議事範圍的問題。\n截止目前已完成。',
    fixed: '(六)其他不符合區人民政府常務會議議事範圍的問題。\n截至目前已完成。',
  },
];

describe('autofix: lint → fix → re-lint', () => {
  for (const c of CASES) {
    it(`${c.rule}: ${c.name} (${c.filename})`, async () => {
      const { before, output, after } = await roundTrip(c.rule, c.code, c.filename);
      expect(before).toBeGreaterThan(0);
      expect(output).toBe(c.fixed);
      expect(after, 'the fixed text lints clean for the rule').toEqual([]);
    });
  }

  it('covers every fixable rule of the element set in both input kinds', () => {
    const fixable = builtinRules.filter((r) => r.meta.fixable && ['doc-number', 'date-format', 'heading-sequence', 'attachment-note', 'punctuation', 'terminology'].includes(r.meta.id));
    expect(fixable).toHaveLength(6);
    for (const r of fixable) {
      const kinds = new Set(CASES.filter((c) => c.rule === r.meta.id).map((c) => c.filename.slice(-3)));
      expect([...kinds].sort(), r.meta.id).toEqual(['.md', 'txt']);
    }
  });

  it('fixes that change nothing are not made, and meaning-bearing faults are left alone', async () => {
    const code = '关于做好预算编制工作的通知\n区财发〔24〕3号\n各科室：\n请于2023年2月29日前报送（见附件3）。\n一、甲\n三、乙\n区财政局\n2024年3月1日';
    const r = await new Linter({ noConfig: true, fix: true }).lintText(code, 'a.txt');
    expect(r.output ?? code).toBe(code);
    const ids = new Set(r.messages.map((m) => m.ruleId));
    for (const id of ['doc-number', 'heading-sequence', 'attachment-note']) expect(ids.has(id), id).toBe(true);
  });

  it('all rules together: a messy draft comes out clean for every fixable finding', async () => {
    const code =
      '区财政局文件\n区财发[2024]第03号\n关于做好预算编制工作的通知\n各科室:\n一.总体要求\n(一)提高认识,截止2023年底其它单位已完成.\n附件:1、预算表。\n区财政局\n二〇二四年三月一日';
    const r = await new Linter({ noConfig: true, fix: true }).lintText(code, 'a.txt');
    expect(r.output).toBe(
      '区财政局文件\n区财发〔2024〕3号\n关于做好预算编制工作的通知\n各科室：\n一、总体要求\n（一）提高认识，截至2023年底其他单位已完成。\n附件：1.预算表\n区财政局\n2024年3月1日',
    );
    expect(r.messages.filter((m) => m.fix).map((m) => m.ruleId)).toEqual([]);
  });
});
