import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { paragraphIndent } from '../../src/rules/paragraph-indent.js';
import { buildFixture, para } from '../../fixtures/docx/build.js';
import { brief, buildWith, lineOf, lintDocxWith, textOf } from '../layout/harness.js';

// In Markdown and text the indent is not formatting: the rule does not run on them, in either script.
new RuleTester().run('paragraph-indent (text inputs)', paragraphIndent, {
  valid: [
    { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置车辆。' },
    { code: '# 關於購置執法車輛的請示\n\n市政府：\n\n懇請批准購置車輛。' },
    { filename: 'draft.txt', code: '关于购置执法车辆的请示\n市政府：\n恳请批准购置车辆。' },
    { filename: 'draft.txt', code: '關於購置執法車輛的請示\n市政府：\n懇請批准購置車輛。' },
  ],
  invalid: [],
});

const messages = async (bytes: Uint8Array, options: Record<string, unknown> = {}): Promise<string[]> =>
  (await lintDocxWith(paragraphIndent, bytes, options)).map((m) => `${m.line} ${m.message}`);

describe('paragraph-indent on .docx', () => {
  for (const script of ['simplified', 'traditional'] as const) {
    it(`passes the compliant 请示 (${script})`, async () => {
      expect(await lintDocxWith(paragraphIndent, await buildFixture('compliant', script))).toEqual([]);
    });
  }

  it('reports a paragraph without indent over the whole paragraph', async () => {
    const l = lineOf('p1');
    expect((await lintDocxWith(paragraphIndent, await buildFixture('paragraph-no-indent'))).map(brief)).toEqual([
      `paragraph-indent/firstLine@${l}:1-${l}:${textOf('p1').length + 1} 正文段落首行缩进 0 字，应为 2 字（段落→特殊格式→首行缩进 2 字符）`,
    ]);
  });

  it('reports a left indent that keeps wrapped lines off the margin', async () => {
    expect(await messages(await buildFixture('paragraph-left-indent'))).toEqual([`${lineOf('p1')} 正文段落左缩进 2 字，回行应顶格（段落→缩进→左侧 0）`]);
    // A one-line paragraph has no wrapped lines: “妥否，请批示。” may sit two characters in by its left indent.
    expect(await messages(await buildWith((s) => (para(s, 'closing').indent = { left: 640 })))).toEqual([]);
  });

  it('reads the indent in twips when no character value is given, in the paragraph’s own size', async () => {
    expect(await messages(await buildWith((s) => (para(s, 'p1').indent = { firstLine: 640 })))).toEqual([]);
    expect(await messages(await buildWith((s) => (para(s, 'p1').indent = { firstLine: 320 })))).toEqual([`${lineOf('p1')} 正文段落首行缩进 1 字，应为 2 字（段落→特殊格式→首行缩进 2 字符）`]);
    // The character value wins over the twips value, as in Word.
    expect(await messages(await buildWith((s) => (para(s, 'p1').indent = { firstLineChars: 200, firstLine: 100 })))).toEqual([]);
  });

  it('counts indentation typed as spaces: two full-width or four half-width', async () => {
    for (const lead of ['\u3000\u3000', '    ']) {
      const bytes = await buildWith((s) => {
        const p = para(s, 'p1');
        p.indent = {};
        p.runs[0]!.text = lead + p.runs[0]!.text;
      });
      expect(await messages(bytes)).toEqual([]);
    }
    const three = await buildWith((s) => {
      const p = para(s, 'p1');
      p.runs[0]!.text = '\u3000' + p.runs[0]!.text;
    });
    expect(await messages(three)).toEqual([`${lineOf('p1')} 正文段落首行缩进 3 字，应为 2 字（段落→特殊格式→首行缩进 2 字符）`]);
  });

  it('checks headings too, unless told not to', async () => {
    const bytes = await buildWith((s) => (para(s, 'h1a').indent = {}));
    expect(await messages(bytes)).toEqual([`${lineOf('h1a')} 正文段落首行缩进 0 字，应为 2 字（段落→特殊格式→首行缩进 2 字符）`]);
    expect(await messages(bytes, { headings: false })).toEqual([]);
  });

  it('leaves centred and right-aligned lines, and lines outside the 正文, alone', async () => {
    const bytes = await buildWith((s) => {
      para(s, 'p1').indent = {};
      para(s, 'p1').align = 'center';
      para(s, 'recipient').indent = { firstLineChars: 200 };
    });
    expect(await messages(bytes)).toEqual([]);
  });

  it('takes the indent and tolerance from its options', async () => {
    const v = await buildFixture('paragraph-no-indent');
    expect(await messages(v, { tolerance: 2 })).toEqual([]);
    // Asking for 2.5 characters reports all ten 正文 paragraphs of the fixture.
    expect((await messages(v, { indentChars: 2.5 })).length).toBe(10);
    expect(await messages(await buildWith((s) => (para(s, 'p1').indent = { firstLineChars: 150 })), { tolerance: 0.5 })).toEqual([]);
  });

  it('reports the same in a traditional-script draft', async () => {
    expect(await messages(await buildFixture('paragraph-no-indent', 'traditional'))).toEqual([`${lineOf('p1')} 正文段落首行缩进 0 字，应为 2 字（段落→特殊格式→首行缩进 2 字符）`]);
  });

  it('speaks English when asked', async () => {
    const m = await lintDocxWith(paragraphIndent, await buildFixture('paragraph-no-indent'), {}, 'en');
    expect(m.map((x) => x.message)).toEqual(['The paragraph starts 0 characters in; it should start 2 (Paragraph → Special → First line, 2 characters)']);
  });
});
