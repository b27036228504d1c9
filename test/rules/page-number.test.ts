import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { pageNumber } from '../../src/rules/page-number.js';
import { buildFixture } from '../../fixtures/docx/build.js';
import { SHARED } from '../helpers.js';
import { brief, buildWith, lintDocxWith } from '../layout/harness.js';

// Markdown and text have no footers: the rule does not run on them, in either script.
new RuleTester().run('page-number (text inputs)', pageNumber, {
  valid: [
    { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准。\n\n— 1 —' },
    { code: '# 關於購置執法車輛的請示\n\n市政府：\n\n懇請批准。' },
    { filename: 'draft.txt', code: '关于购置执法车辆的请示\n市政府：\n恳请批准。' },
    { filename: 'draft.txt', code: '關於購置執法車輛的請示\n市政府：\n懇請批准。' },
  ],
  invalid: [],
});

const messages = async (bytes: Uint8Array, options: Record<string, unknown> = {}): Promise<string[]> => (await lintDocxWith(pageNumber, bytes, options)).map((m) => m.message);

describe('page-number on .docx', () => {
  for (const script of ['simplified', 'traditional'] as const) {
    it(`passes “— 1 —” in 四号 宋体, odd right and even left, one character in (${script})`, async () => {
      expect(await lintDocxWith(pageNumber, await buildFixture('compliant', script))).toEqual([]);
    });
  }

  it('reports footers at the start of the document, saying “页脚”', async () => {
    expect((await lintDocxWith(pageNumber, await buildFixture('page-number-centred'))).map(brief)).toEqual([
      'page-number/position@1:1-1:1 单页页码居中，应居右空一字（页脚段落→对齐方式和缩进）',
    ]);
  });

  it('reports a missing page number and one footer for all pages', async () => {
    expect(await messages(await buildFixture('page-number-missing'))).toEqual(['页脚中没有页码，应插入“— 1 —”式页码（插入→页码）']);
    expect(await messages(await buildFixture('page-number-one-footer'))).toEqual([
      '单双页用同一页脚，页码居右空 1 字：应设“奇偶页不同”，单页码居右、双页码居左（页眉和页脚→奇偶页不同）',
    ]);
    const noEven = await buildWith((s) => delete s.footers.even);
    expect(await messages(noEven)).toEqual(['已设“奇偶页不同”，但偶数页页脚没有页码：双页码应居左空一字（页眉和页脚→偶数页页脚→插入页码）']);
    const noOdd = await buildWith((s) => delete s.footers.odd);
    expect(await messages(noOdd)).toEqual(['奇数页页脚没有页码，应插入“— 1 —”式页码（页眉和页脚→插入页码）']);
    // An office that prints one side only may accept one footer.
    expect(await messages(await buildFixture('page-number-one-footer'), { oddEven: false })).toEqual([]);
  });

  it('reports the form, the size, the font and the side of each footer', async () => {
    expect(await messages(await buildFixture('page-number-hyphens'))).toEqual(['双页页码为“- 2 -”，应为“— 2 —”：数字左右各放一条一字线（页脚）']);
    expect(await messages(await buildFixture('page-number-xiaosi'))).toEqual(['单页页码字号为小四（12 磅），应为四号（14 磅）（页脚）']);
    expect(await messages(await buildFixture('page-number-times'))).toEqual(['双页页码数字字体为“Times New Roman”，应为宋体（页脚）']);
    const sides = await buildWith((s) => {
      s.footers.odd = { ...s.footers.odd!, align: 'left', indent: { left: 280 } };
      s.footers.even = { ...s.footers.even!, indent: {} };
    });
    expect(await messages(sides)).toEqual(['单页页码居左空 1 字，应居右空一字（页脚段落→对齐方式和缩进）', '双页页码居左不空字，应居左空一字（页脚段落→对齐方式和缩进）']);
  });

  it('takes size, font and the indent tolerance from its options', async () => {
    expect(await messages(await buildFixture('page-number-xiaosi'), { sizeHalfPoints: 24 })).toHaveLength(1); // now the even footer is off
    expect(await messages(await buildFixture('page-number-times'), { fontAliases: { 宋体: ['Times New Roman'] } })).toEqual([]);
    const far = await buildWith((s) => (s.footers.odd = { ...s.footers.odd!, indent: { right: 700 } }));
    expect(await messages(far)).toEqual(['单页页码居右空 2.5 字，应居右空一字（页脚段落→对齐方式和缩进）']);
    expect(await messages(far, { indentTolerance: 2 })).toEqual([]);
  });

  it('reads the cached page number of a real file', async () => {
    // ml_1: the even footer is Word's framed default, the digit “2” in 小五 without dashes.
    const bytes = readFileSync(join(SHARED, 'corpus/templates-gbt9704/ml_1.docx'));
    expect(await messages(bytes)).toEqual([
      '双页页码为“2”，应为“— 2 —”：数字左右各放一条一字线（页脚）',
      '双页页码字号为小五（9 磅），应为四号（14 磅）（页脚）',
      '双页页码居左不空字，应居左空一字（页脚段落→对齐方式和缩进）',
    ]);
  });

  it('reports the same in a traditional-script draft', async () => {
    expect(await messages(await buildFixture('page-number-centred', 'traditional'))).toEqual(['单页页码居中，应居右空一字（页脚段落→对齐方式和缩进）']);
  });

  it('speaks English when asked', async () => {
    const m = await lintDocxWith(pageNumber, await buildFixture('page-number-missing'), {}, 'en');
    expect(m.map((x) => x.message)).toEqual(['The footer has no page number; insert one as “— 1 —”']);
  });
});
