import { describe, expect, it } from 'vitest';
import { lint } from '../helpers.js';
import { Linter } from '../../src/engine/api.js';

const linter = new Linter({ noConfig: true });

/** The source text a message points at. */
function spanOf(source: string, m: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = source.split('\n');
  if (m.line !== m.endLine) throw new Error('multi-line span');
  return lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1);
}

const HEAD = '# 关于工作情况的报告\n\n区政府：\n\n';

describe('positions map back through Markdown markup and normalisation', () => {
  it('keeps exact places through emphasis, links and inline code', async () => {
    const src = `${HEAD}今年**完成**了[任务](http://x.cn)。恳请区政府拨付经费。\n`;
    const r = await lint(src);
    const m = r.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    expect(spanOf(src, m)).toBe('恳请区政府拨付经费');
  });

  it('maps a span that starts inside emphasis to the source characters', async () => {
    const src = `${HEAD}今年完成了任务。**恳请**区政府拨付经费。\n`;
    const r = await lint(src);
    const m = r.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    // The span runs from 恳 (inside **…**) to 费; the closing ** in between is part of the source span.
    expect(spanOf(src, m)).toBe('恳请**区政府拨付经费');
  });

  it('keeps places after escapes and entities', async () => {
    const src = `${HEAD}收入\\*支出&amp;结余。恳请区政府拨付经费。\n`;
    const r = await lint(src);
    const m = r.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    expect(spanOf(src, m)).toBe('恳请区政府拨付经费');
  });

  it('points into traditional characters and full-width digits as written', async () => {
    const src = `${HEAD}今年完成任務。懇請區政府撥付經費３００萬元。\n`;
    const r = await lint(src);
    const m = r.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    expect(spanOf(src, m)).toBe('懇請區政府撥付經費３００萬元');
    const doc = await linter.parse(src, 'a.md');
    const body = doc.children.find((b) => b.data.text.includes('懇請'))!;
    expect(body.data.norm).toBe('今年完成任务。恳请区政府拨付经费300万元。');
    expect(body.data.norm.length).toBe(body.data.text.length);
  });

  it('splits Markdown paragraphs at line breaks into blocks with their own lines', async () => {
    const doc = await linter.parse('# 关于某事的通知\n各单位：\n特此通知。\n某局\n2024年1月2日\n', 'a.md');
    expect(doc.children.map((b) => [b.data.role, b.position.start.line])).toEqual([
      ['标题', 1],
      ['主送机关', 2],
      ['正文', 3],
      ['发文机关署名', 4],
      ['成文日期', 5],
    ]);
  });

  it('gives unist positions on the root, blocks and text runs', async () => {
    const src = '区政府：\n\n今年**完成**任务。\n';
    const doc = await linter.parse(src, 'a.md');
    const para = doc.children[1]!;
    expect(para.children.map((c) => [c.value, c.position!.start.column, c.position!.end.column])).toEqual([
      ['今年', 1, 3],
      ['完成', 5, 7],
      ['任务。', 9, 12],
    ]);
    expect(doc.position.end.offset).toBe(src.length);
  });

  it('counts lines and columns in CRLF text files', async () => {
    const src = '关于工作情况的报告\r\n区政府：\r\n恳请区政府拨付经费。\r\n';
    const r = await lint(src, 'a.txt');
    const m = r.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    expect([m.line, m.column, m.endColumn]).toEqual([3, 1, 10]);
  });

  it('reads GFM tables as table-cell blocks with their own places', async () => {
    const src = '# 关于某事的通知\n\n各单位：\n\n| 项目 | 金额 |\n| --- | --- |\n| 设备 | 3万元 |\n\n特此通知。\n';
    const doc = await linter.parse(src, 'a.md');
    const cells = doc.children.filter((b) => b.type === 'tableCell');
    expect(cells.map((b) => [b.data.text, b.position.start.line, b.position.start.column])).toEqual([
      ['项目', 5, 3],
      ['金额', 5, 8],
      ['设备', 7, 3],
      ['3万元', 7, 8],
    ]);
  });
});
