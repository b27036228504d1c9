import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { lineGrid } from '../../src/rules/line-grid.js';
import { buildFixture } from '../../fixtures/docx/build.js';
import { brief, buildWith, lintDocxWith } from '../layout/harness.js';

// Markdown and text have no line spacing or grid: the rule does not run on them, in either script.
new RuleTester().run('line-grid (text inputs)', lineGrid, {
  valid: [
    { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准。' },
    { code: '# 關於購置執法車輛的請示\n\n市政府：\n\n懇請批准。' },
    { filename: 'draft.txt', code: '关于购置执法车辆的请示\n市政府：\n恳请批准。' },
    { filename: 'draft.txt', code: '關於購置執法車輛的請示\n市政府：\n懇請批准。' },
  ],
  invalid: [],
});

const messages = async (bytes: Uint8Array, options: Record<string, unknown> = {}): Promise<string[]> => (await lintDocxWith(lineGrid, bytes, options)).map((m) => m.message);

describe('line-grid on .docx', () => {
  for (const script of ['simplified', 'traditional'] as const) {
    it(`passes the compliant 请示: exact 28.95 pt lines and a 28-character grid (${script})`, async () => {
      expect(await lintDocxWith(lineGrid, await buildFixture('compliant', script))).toEqual([]);
    });
  }

  it('counts lines from an exact line spacing', async () => {
    expect((await lintDocxWith(lineGrid, await buildFixture('line-spacing-25pt'))).map(brief)).toEqual([
      'line-grid/lines@1:1-1:1 每面约 25.5 行（正文行距固定值 25 磅），应为 22 行：版心高 225.0 mm，行距宜为固定值 28.99 磅',
    ]);
    // 28 pt, as many offices use, gives 22.8 lines: within the tolerance.
    expect(await messages(await buildWith((s) => (s.line.value = 560)))).toEqual([]);
  });

  it('counts lines from single spacing on Word’s default line grid (三号 needs two grid lines)', async () => {
    const bytes = await buildWith((s) => {
      s.line = { value: 240, rule: 'auto' };
      s.grid = { type: 'lines', linePitch: 312 };
    });
    expect(await messages(bytes)).toEqual(['每面约 20.4 行（正文单倍行距，按文档网格每行 31.2 磅），应为 22 行：版心高 225.0 mm，行距宜为固定值 28.99 磅']);
  });

  it('counts lines from multiple spacing without a grid, and from an “at least” spacing', async () => {
    const multiple = await buildWith((s) => {
      s.line = { value: 360, rule: 'auto' };
      delete s.grid;
    });
    expect(await messages(multiple)).toEqual(['每面约 20.4 行（正文1.5 倍行距，约 31.2 磅），应为 22 行：版心高 225.0 mm，行距宜为固定值 28.99 磅']);
    const atLeast = await buildWith((s) => {
      s.line = { value: 300, rule: 'atLeast' };
      delete s.grid;
    });
    expect(await messages(atLeast)).toEqual(['每面约 30.7 行（正文行距最小值 15 磅，实际约 20.8 磅），应为 22 行：版心高 225.0 mm，行距宜为固定值 28.99 磅']);
  });

  it('counts characters from the character grid, relative to the default font size', async () => {
    expect((await lintDocxWith(lineGrid, await buildFixture('grid-30-chars'))).map(brief)).toEqual([
      'line-grid/chars@1:1-1:1 每行约 30 字（文档网格字符跨度 14.7 磅），应为 28 字：版心宽 156.0 mm，可在“页面设置→文档网格”中指定每行 28 字',
    ]);
    // The same charSpace on a 五号 default font gives a 10.3 pt pitch: 43 characters.
    const small = await buildWith((s) => (s.defaultSize = 21));
    expect(await messages(small)).toEqual(['每行约 43 字（文档网格字符跨度 10.3 磅），应为 28 字：版心宽 156.0 mm，可在“页面设置→文档网格”中指定每行 28 字']);
  });

  it('counts characters from the 正文 size when there is no character grid', async () => {
    // 156 mm of 三号 (16 pt) characters: 27.6, within the tolerance.
    expect(await messages(await buildWith((s) => (s.grid = { type: 'lines', linePitch: 579 })))).toEqual([]);
  });

  it('takes the lines, characters and tolerances from its options', async () => {
    expect(await messages(await buildFixture('line-spacing-25pt'), { linesTolerance: 4 })).toEqual([]);
    expect(await messages(await buildFixture('grid-30-chars'), { charsPerLine: 30 })).toEqual([]);
    expect(await messages(await buildFixture('compliant'), { linesPerPage: 25 })).toHaveLength(1);
  });

  it('reports the same in a traditional-script draft', async () => {
    expect(await messages(await buildFixture('line-spacing-25pt', 'traditional'))).toHaveLength(1);
  });

  it('speaks English when asked', async () => {
    const m = await lintDocxWith(lineGrid, await buildFixture('line-spacing-25pt'), {}, 'en');
    expect(m.map((x) => x.message)).toEqual(['About 25.5 lines per page (正文行距固定值 25 磅); it should be 22: the text area is 225.0 mm high, so an exact spacing of 28.99 pt']);
  });
});
