import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { readDocx } from '../../src/parsers/docx/index.js';
import { offsetToPoint } from '../../src/model/positions.js';
import type { GwBlock, GwDocument } from '../../src/model/types.js';
import { buildDocx, p, r } from '../docx/build.js';

const linter = new Linter({ noConfig: true });

/** Positions and segments as a reader that stored them eagerly would have them, from the runs' source spans. */
function expectConsistent(doc: GwDocument, block: GwBlock): void {
  const { lineStarts, source } = doc.data;
  const segs = block.data.segments;
  expect(segs).toHaveLength(block.children.length);
  let at = 0;
  block.children.forEach((run, i) => {
    const s = segs[i]!;
    expect(s.textStart).toBe(at);
    expect(s.length).toBe(run.value.length);
    if (s.linear) expect(source.slice(s.sourceStart, s.sourceStart + s.sourceLength)).toBe(run.value);
    expect(run.position).toEqual({ start: offsetToPoint(lineStarts, s.sourceStart), end: offsetToPoint(lineStarts, s.sourceStart + s.sourceLength) });
    at += run.value.length;
  });
  expect(block.data.text).toBe(block.children.map((c) => c.value).join(''));
  const last = segs[segs.length - 1]!;
  expect(block.position).toEqual({ start: offsetToPoint(lineStarts, segs[0]!.sourceStart), end: offsetToPoint(lineStarts, last.sourceStart + last.sourceLength) });
}

describe('tree nodes: positions and segments read on demand', () => {
  it('gives runs and blocks the places of their source text (Markdown markup between runs, an entity)', async () => {
    const src = '# 标题\n\n区政府：\n\n今年**完成**了任务&amp;工作。\n';
    const doc = await linter.parse(src, 'a.md');
    const body = doc.children.find((b) => b.data.text.startsWith('今年'))!;
    expect(body.children.map((c) => c.value)).toEqual(['今年', '完成', '了任务', '&', '工作。']);
    expect(body.data.segments.map((s) => [s.textStart, s.sourceStart, s.sourceLength, s.linear])).toEqual([
      [0, 12, 2, true],
      [2, 16, 2, true],
      [4, 20, 3, true],
      [7, 23, 5, false],
      [8, 28, 3, true],
    ]);
    expect(body.position.start).toEqual({ line: 5, column: 1, offset: 12 });
    expect(body.position.end).toEqual({ line: 5, column: 20, offset: 31 });
    for (const b of doc.children) expectConsistent(doc, b);
  });

  it('makes a fresh segments array on each read, and keeps what is assigned', async () => {
    const doc = await linter.parse('第一行\n第二行\n', 'a.txt');
    const b = doc.children[1]!;
    const a = b.data.segments;
    a.push({ textStart: 9, length: 1, sourceStart: 0, linear: true, sourceLength: 1 });
    expect(b.data.segments).toHaveLength(1);
    const mine = [{ textStart: 0, length: 3, sourceStart: 4, linear: true, sourceLength: 3 }];
    b.data.segments = mine;
    expect(b.data.segments).toBe(mine);
    const pos = { start: { line: 9, column: 1, offset: 0 }, end: { line: 9, column: 2, offset: 1 } };
    b.position = pos;
    expect(b.position).toBe(pos);
    b.children[0]!.position = pos;
    expect(b.children[0]!.position).toBe(pos);
    expect(doc.children[0]!.position.start.line).toBe(1);
  });

  it('serialises a tree with positions and segments, as plain objects would', async () => {
    const src = '# 关于某事的请示\n\n市政府：\n\n现将**有关**情况请示如下。\n';
    const doc = await linter.parse(src, 'a.md');
    const json = JSON.parse(JSON.stringify(doc)) as GwDocument;
    expect(json.children).toHaveLength(doc.children.length);
    doc.children.forEach((b, i) => {
      const j = json.children[i]!;
      expect(Object.keys(j).sort()).toEqual(['children', 'data', 'position', 'type']);
      expect(j.position).toEqual(b.position);
      expect(j.data.segments).toEqual(b.data.segments);
      expect(j.data.text).toBe(b.data.text);
      expect(j.data.role).toBe(b.data.role);
      j.children.forEach((c, k) => {
        expect(Object.keys(c).sort()).toEqual(['position', 'type', 'value']);
        expect(c.position).toEqual(b.children[k]!.position);
      });
    });
  });

  it('keeps unist fields as own properties: type, children, value, data', async () => {
    const doc = await linter.parse('通知\n', 'a.txt');
    const b = doc.children[0]!;
    expect(Object.keys(b)).toEqual(['type', 'children', 'data']);
    expect(Object.keys(b.children[0]!)).toEqual(['type', 'value', 'format']);
    expect(Object.keys(b.data)).toEqual(expect.arrayContaining(['index', 'text', 'norm', 'role']));
  });

  it('docx: a paragraph of several runs is one block whose text is the source line, runs at their columns', () => {
    const doc = readDocx(buildDocx({ body: p('第一段。') + `<w:p>${r('现将')}<w:r><w:rPr><w:b/></w:rPr><w:t>有关情况</w:t></w:r>${r('报告如下。')}</w:p>` }), 'x.docx');
    const b = doc.children[1]!;
    expect(b.data.text).toBe('现将有关情况报告如下。');
    expect(b.data.text).toBe(doc.data.source.split('\n')[1]);
    expect(b.children.map((c) => [c.value, c.position!.start.column, Boolean(c.format?.bold)])).toEqual([
      ['现将', 1, false],
      ['有关情况', 3, true],
      ['报告如下。', 7, false],
    ]);
    for (const x of doc.children) expectConsistent(doc, x);
  });
});
