import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { SHARED } from '../helpers.js';

/**
 * The layout rules on real Word files (../shared/corpus): exactly which layout findings each file gets, as
 * rule/messageId@line. Each entry was checked against the file's XML; a change in behaviour shows up here as
 * a diff to read.
 */
const CORPUS = join(SHARED, 'corpus');
const LAYOUT = new Set(['page-setup', 'fonts', 'line-grid', 'paragraph-indent', 'page-number']);
const linter = new Linter({ noConfig: true });

async function layout(file: string): Promise<string[]> {
  const r = await linter.lintFile(join(CORPUS, file));
  expect(r.messages.filter((m) => m.fatal)).toEqual([]);
  return r.messages.filter((m) => LAYOUT.has(m.ruleId ?? '')).map((m) => `${m.ruleId}/${m.messageId}@${m.line}`);
}

/**
 * The GB/T 9704 templates are clean apart from what really deviates in them. Placeholders (“[此处输入文件标题]”,
 * “XXXX人民政府”, “□□□”) leave the structure pass guessing, so the role-dependent checks skip them.
 */
const TEMPLATE_FINDINGS: Record<string, string[]> = {
  // Older page-setup templates: one footer for all pages, so even pages cannot have the number on the left.
  'A4_1.docx': ['page-number/sameOnAllPages@1'],
  'A4_1_m.docx': ['page-number/sameOnAllPages@1'],
  // An A5 template (149×210 mm, margins scaled down, page numbers in 小四): not the GB/T 9704 A4 layout.
  'A5_3.docx': [
    'page-number/size@1',
    'page-number/size@1',
    'page-setup/paper@1',
    'page-setup/top@1',
    'page-setup/left@1',
    'page-setup/textArea@1',
  ],
  // 明传电报: an even footer exists but settings.xml does not turn on different odd and even pages.
  'cz_1.docx': ['page-number/sameOnAllPages@1'],
  // 令: the even footer is Word's framed default (“2”, 小五, no dashes, at the margin).
  'ml_1.docx': ['page-number/form@1', 'page-number/size@1', 'page-number/position@1'],
};

describe('GB/T 9704 templates (templates-gbt9704)', () => {
  const files = readdirSync(join(CORPUS, 'templates-gbt9704')).filter((f) => f.endsWith('.docx'));
  it('has the 21 templates', () => expect(files).toHaveLength(21));
  for (const f of files) {
    it(`${f}: ${TEMPLATE_FINDINGS[f] ? 'only its real deviations' : 'no layout findings'}`, async () => {
      expect(await layout(`templates-gbt9704/${f}`)).toEqual(TEMPLATE_FINDINGS[f] ?? []);
    });
  }
});

describe('format pairs: unformatted (旧) against formatted', () => {
  it('测试文本2-旧.docx shows its layout faults, with the values found', async () => {
    expect(await layout('format-pairs/测试文本2-旧.docx')).toEqual([
      // Document level: Word's default page (25.4 / 31.7 mm margins), 五号 single spacing, no page numbers.
      'fonts/font@1',
      'fonts/size@1',
      'line-grid/lines@1',
      'line-grid/chars@1',
      'page-number/missing@1',
      'page-setup/top@1',
      'page-setup/left@1',
      'page-setup/textArea@1',
      // 正文 paragraphs in 宋体 五号 without indent.
      'fonts/font@3',
      'fonts/size@3',
      'paragraph-indent/firstLine@3',
      'fonts/font@5',
      'fonts/size@5',
      'paragraph-indent/firstLine@5',
      'fonts/font@7',
      'fonts/size@7',
      'paragraph-indent/firstLine@7',
      // 署名 (two lines, 联合行文) and 成文日期.
      'fonts/font@9',
      'fonts/size@9',
      'fonts/font@10',
      'fonts/size@10',
      'fonts/font@11',
      'fonts/size@11',
    ]);
    const r = await linter.lintFile(join(CORPUS, 'format-pairs/测试文本2-旧.docx'));
    const text = r.messages.map((m) => m.message);
    expect(text).toContain('天头（上边距）25.4 mm，应为 37±1 mm（布局→页边距）');
    expect(text).toContain('订口（左边距）31.7 mm，应为 28±1 mm（布局→页边距）');
    expect(text).toContain('标题字号为五号（10.5 磅），应为二号（22 磅）（GB/T 9704 7.3.1）');
    expect(text).toContain('每面约 44.7 行（正文单倍行距，按文档网格每行 15.6 磅），应为 22 行：版心高 246.2 mm，行距宜为固定值 31.72 磅');
  });

  it('测试文本2.docx (formatted) passes apart from its footer: one for all pages, centred, Times New Roman', async () => {
    expect(await layout('format-pairs/测试文本2.docx')).toEqual(['page-number/sameOnAllPages@1', 'page-number/font@1']);
  });

  it('测试文本4-旧.docx shows its layout faults; indents typed as spaces count', async () => {
    const found = await layout('format-pairs/测试文本4-旧.docx');
    for (const f of ['page-setup/top@1', 'page-setup/left@1', 'page-setup/textArea@1', 'line-grid/lines@1', 'line-grid/chars@1', 'page-number/missing@1'])
      expect(found).toContain(f);
    // Title, 主送机关, 正文, headings and the closing line are all 宋体 五号.
    expect(found.filter((f) => f.startsWith('fonts/font@'))).toHaveLength(13);
    // Lines 7, 10 and 11 start with four half-width spaces (two characters): their indent is right.
    expect(found.filter((f) => f.startsWith('paragraph-indent/'))).toEqual([
      'paragraph-indent/firstLine@4',
      'paragraph-indent/firstLine@6',
      'paragraph-indent/firstLine@9',
      'paragraph-indent/firstLine@13',
      'paragraph-indent/firstLine@15',
    ]);
  });

  it('测试文本4.docx (formatted) passes apart from its footer and its unindented 一级标题 style', async () => {
    // The formatter's 一级标题 style sets firstLine 0: “一、” headings are paragraphs of the 正文 and start two
    // characters in like the rest (7.3.3).
    expect(await layout('format-pairs/测试文本4.docx')).toEqual([
      'page-number/sameOnAllPages@1',
      'page-number/font@1',
      'paragraph-indent/firstLine@6',
      'paragraph-indent/firstLine@9',
    ]);
  });

  it('the formatted files have far fewer layout findings than the unformatted ones', async () => {
    for (const n of ['2', '4']) {
      const before = (await layout(`format-pairs/测试文本${n}-旧.docx`)).length;
      const after = (await layout(`format-pairs/测试文本${n}.docx`)).length;
      expect(after * 5).toBeLessThan(before);
    }
  });
});
