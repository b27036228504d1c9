import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { GB_7_3_3, blockSizeHalfPoints, bodySizeHalfPoints, isProse, leadingSpaceChars, num } from './lib/layout.js';

export interface ParagraphIndentOptions {
  /** First-line indent in characters. */
  indentChars: number;
  tolerance: number;
  /** Whether 正文 headings (一、 （一） 1. （1）) are checked too: they are paragraphs of the 正文 as well. */
  headings: boolean;
  /** Wrapped lines start at the margin (回行顶格): the left indent is checked on paragraphs longer than a line. */
  charsPerLine: number;
}

const DEFAULTS: ParagraphIndentOptions = { indentChars: 2, tolerance: 0.25, headings: true, charsPerLine: 28 };

function sizeOf(block: GwBlock, fallback: number): number {
  return blockSizeHalfPoints(block) ?? fallback;
}

export const paragraphIndent: Rule = {
  meta: {
    id: 'paragraph-indent',
    description: {
      zh: '正文每个自然段左空二字（首行缩进 2 字符），回行顶格',
      en: 'Each paragraph of the body starts two characters in (first-line indent of 2 characters); wrapped lines start at the margin',
    },
    severity: 'warning',
    recommended: true,
    fixable: false,
    appliesTo: ['docx'],
    cites: [GB_7_3_3],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        indentChars: { type: 'number', minimum: 0, description: '首行缩进（字）' },
        tolerance: { type: 'number', minimum: 0, description: '允许误差（字）' },
        headings: { type: 'boolean', description: '是否也检查层次标题段落（一、（一）1.（1））' },
        charsPerLine: { type: 'integer', minimum: 1, description: '每行字数：超过一行的段落才检查“回行顶格”' },
      },
    },
    defaultOptions: { ...DEFAULTS },
    messages: {
      firstLine: {
        zh: '正文段落首行缩进 {{found}} 字，应为 {{want}} 字（段落→特殊格式→首行缩进 {{want}} 字符）',
        en: 'The paragraph starts {{found}} characters in; it should start {{want}} (Paragraph → Special → First line, {{want}} characters)',
      },
      wrap: {
        zh: '正文段落左缩进 {{found}} 字，回行应顶格（段落→缩进→左侧 0）',
        en: 'The paragraph has a left indent of {{found}} characters; wrapped lines should start at the margin (Paragraph → Indentation → Left 0)',
      },
    },
    docs: {
      rationale: {
        zh: '“每个自然段左空二字，回行顶格”是正文最基本的版式；用空格凑出的缩进在换机器、改字号后会错位。',
        en: 'Indenting each paragraph by two characters is the basic shape of the body text.',
      },
      examples: {
        invalid: [{ kind: 'docx', code: '正文段落“我局现有执法执勤车辆3辆……”：首行缩进 0' }],
        valid: [{ kind: 'docx', code: '正文段落“我局现有执法执勤车辆3辆……”：特殊格式“首行缩进”2 字符，左缩进 0' }],
      },
    },
  },
  create(context) {
    const o = context.options as ParagraphIndentOptions;
    let bodySize: number | undefined;
    return {
      document(doc) {
        bodySize = bodySizeHalfPoints(doc);
      },
      'role:正文'(block) {
        // Centred or right-aligned lines (a caption, a 版头 part the structure pass took for 正文), tables, text
        // boxes and template placeholders are not paragraphs of prose.
        if (!isProse(block)) return;
        if (block.data.headingLevel && !o.headings) return;
        const f = block.data.format ?? {};
        const charTwips = sizeOf(block, bodySize ?? 32) * 10;
        // Word lets the character-unit value win over the twips one when both are present.
        const firstLine = f.indentFirstLineChars !== undefined ? f.indentFirstLineChars / 100 : (f.indentFirstLineTwips ?? 0) / charTwips;
        const left = (f.indentLeftTwips ?? 0) / charTwips;
        const lead = leadingSpaceChars(context.doc, block);
        const total = left + firstLine + lead;
        if (Math.abs(total - o.indentChars) > o.tolerance) {
          context.report({ messageId: 'firstLine', block, data: { found: num(total), want: num(o.indentChars) } });
        } else if (Math.abs(left) > o.tolerance && block.data.text.length > o.charsPerLine - o.indentChars) {
          context.report({ messageId: 'wrap', block, data: { found: num(left) } });
        }
      },
    };
  },
};
