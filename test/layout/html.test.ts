import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, ExternalHyperlink, LevelFormat, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import type { LintMessage } from '../../src/engine/types.js';
import { renderDocxHtml } from '../../src/html/index.js';
import { buildFixture } from '../../fixtures/docx/build.js';
import { SHARED } from '../helpers.js';

const linter = new Linter({ noConfig: true });

async function view(bytes: Uint8Array, name = 'x.docx'): Promise<{ html: string; messages: LintMessage[] }> {
  const r = await linter.lintText(bytes, name);
  return { html: await renderDocxHtml(bytes, r.messages, { title: name }), messages: r.messages };
}

/** The text inside each <mark>, in order. */
const marked = (html: string): string[] => [...html.matchAll(/<mark [^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]!);

/** Nothing in the page may load from outside it. */
function expectSelfContained(html: string): void {
  expect(html).toMatch(/^<!doctype html>/);
  expect(html).toContain(`content="default-src 'none'; img-src data:; style-src 'unsafe-inline'"`);
  expect(html).not.toMatch(/<script|<link|<iframe|\ssrc="(?!data:)|url\(/i);
}

describe('renderDocxHtml', () => {
  it('shows a clean draft with no marks', async () => {
    const { html, messages } = await view(await buildFixture('compliant'));
    expect(messages).toEqual([]);
    expectSelfContained(html);
    expect(html).toContain('未发现问题');
    expect(marked(html)).toEqual([]);
    expect(html).toContain('<p class="gw-center">江城市财政局关于购置执法执勤车辆的请示</p>');
  });

  it('marks a finding exactly at its span and links it from the list', async () => {
    const { html } = await view(await buildFixture('heading2-heiti'));
    expect(marked(html)).toEqual(['（一）维修费用上升。']);
    expect(html).toContain('<p><mark class="gw-f" id="gw-f-1" data-f="1"');
    expect(html).toContain('</mark>2023年车辆维修费用4.2万元，比上年增长35%。</p>');
    expect(html).toContain('<a href="#gw-f-1">二级标题字体为“黑体”，应为楷体（GB/T 9704 7.3.3）</a>');
    // The list quotes the clause the finding rests on, not all six the rule cites.
    expect(html).toContain('依据：GB/T 9704 7.3.3：“一般用3号仿宋体字');
    expect(html).not.toContain('GB/T 9704 7.4.2：');
  });

  it('lists document-level findings without marking text', async () => {
    const { html } = await view(await buildFixture('top-margin-30mm'));
    expect(marked(html)).toEqual([]);
    expect(html).toMatch(/\[错误\] 天头（上边距）30\.0 mm，应为 37±1 mm（布局→页边距）<span class="gw-where">全文<\/span>/);
  });

  it('marks every finding of a real unformatted draft, several findings sharing a mark', async () => {
    const bytes = readFileSync(join(SHARED, 'corpus/format-pairs/测试文本4-旧.docx'));
    const { html, messages } = await view(bytes, '测试文本4-旧.docx');
    expectSelfContained(html);
    const located = messages.filter((m) => m.context !== undefined);
    expect(located.length).toBeGreaterThan(20);
    expect(html).not.toContain('未能在预览中定位');
    // Every located finding has its anchor in the document.
    for (let i = 1; i <= messages.length; i++) {
      if (messages[i - 1]!.context !== undefined) expect(html).toContain(`id="gw-f-${i}"`);
    }
    // The font and size findings of one paragraph cover the same text: one mark carries both.
    expect(html).toMatch(/<mark class="gw-f" id="gw-f-\d+" data-f="\d+ \d+( \d+)?"/);
  });

  it('finds a paragraph whose list number mammoth leaves out', async () => {
    const doc = new Document({
      numbering: {
        config: [{ reference: 'cn', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }],
      },
      sections: [
        {
          children: [
            new Paragraph({
              numbering: { reference: 'cn', level: 0 },
              children: [new TextRun({ text: '总体要求', font: { eastAsia: '宋体' }, size: 32 })],
            }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    // The plain-text view as the reader gives it for a numbered paragraph: label, tab, text. (Passed in, so this
    // checks the matching alone.) A finding on “要求”, and one on the whole line, label included.
    const source = '一、\t总体要求';
    const on = (column: number, endColumn: number): LintMessage => ({ ruleId: 'fonts', severity: 'warning', message: 'm', line: 1, column, endLine: 1, endColumn, cites: [], context: source });
    expect(marked(await renderDocxHtml(bytes, [on(6, 8)], { source }))).toEqual(['要求']);
    expect(marked(await renderDocxHtml(bytes, [on(1, 8)], { source }))).toEqual(['总体要求']);
  });

  it('escapes document text and drops links that could run code', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('<script>alert(1)</script>正文')] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'javascript:alert(1)', children: [new TextRun('点此')] })] }),
            new Paragraph({ children: [new ExternalHyperlink({ link: 'https://www.gov.cn/', children: [new TextRun('中国政府网')] })] }),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(doc));
    const m: LintMessage = { ruleId: 'x', severity: 'error', message: '<b>', line: 1, column: 1, endLine: 1, endColumn: 9, cites: [], context: '<script>alert(1)</script>正文' };
    const html = await renderDocxHtml(bytes, [m]);
    expect(html).not.toMatch(/<script|javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('href="https://www.gov.cn/"');
    expect(html).toContain('[错误] <a href="#gw-f-1">&lt;b&gt;</a>');
  });

  it('says why it cannot show a broken file and still lists the findings', async () => {
    const m: LintMessage = { ruleId: null, fatal: true, severity: 'error', message: '无法检查此文件：不是 zip', line: 1, column: 1, endLine: 1, endColumn: 1, cites: [] };
    const html = await renderDocxHtml(new TextEncoder().encode('not a docx'), [m], { title: 'bad.docx' });
    expectSelfContained(html);
    expect(html).toContain('无法显示此文件');
    expect(html).toContain('无法检查此文件：不是 zip');
  });

  it('renders a fragment and English labels on request', async () => {
    const bytes = await buildFixture('top-margin-30mm');
    const r = await new Linter({ noConfig: true, locale: 'en' }).lintText(bytes, 'x.docx');
    const page = await renderDocxHtml(bytes, r.messages, { locale: 'en' });
    expect(page).toContain('1 problem(s) (1 error(s), 0 warning(s))');
    expect(page).toContain('Whole document');
    const fragment = await renderDocxHtml(bytes, r.messages, { fragment: true });
    expect(fragment.startsWith('<article class="gw-doc">')).toBe(true);
  });
});
