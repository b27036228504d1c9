import type { Rule } from '../engine/types.js';
import type { Category, GwBlock, GwDocument } from '../model/types.js';
import { bodyCharCount, COUNTED_ROLES } from '../engine/linter.js';
import { countWords } from '../util/wordcount.js';
import { thousands } from '../util/template.js';
import { JINGHAI_60, citeShort } from './lib/cites.js';

export interface LengthCapOptions {
  /** 字数 cap per 类别; null: no cap for that 类别 (a profile whose regulation sets none). */
  caps: Partial<Record<Category, number | null>>;
  pages: Partial<Record<Category, number | null>>;
  linesPerPage: number;
  charsPerLine: number;
}

/** 静海 第六十条. 综合 (全局性、综合性 work) has no cap there; profiles that cap it (通州) say so. */
export const DEFAULT_CAPS: Partial<Record<Category, number>> = { 文件稿: 5000, 专项: 4000, 简报: 2000, 研究报告: 4000 };
const CATEGORY_KEYS: Category[] = ['文件稿', '综合', '专项', '简报', '研究报告'];

/** The cap that applies to a document of this 类别, if any. */
export function capFor(category: Category | null, options: Partial<LengthCapOptions> | undefined): number | undefined {
  const caps = { ...DEFAULT_CAPS, ...(options?.caps ?? {}) };
  return category ? caps[category] ?? undefined : undefined;
}

/**
 * Lines a block takes on the GB/T 9704 grid (5.2.3: 22 lines × 28 characters): a full-width character fills
 * one cell, a half-width one half a cell.
 */
function gridLines(text: string, charsPerLine: number): number {
  let cells = 0;
  for (const ch of text) cells += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return Math.max(1, Math.ceil(cells / charsPerLine));
}

export function pageCount(doc: GwDocument, linesPerPage = 22, charsPerLine = 28): number {
  let lines = 0;
  for (const b of doc.children) {
    if (b.data.role === '附件') continue;
    lines += gridLines(b.data.text, charsPerLine);
  }
  return Math.ceil(lines / linesPerPage);
}

/** Where the count crosses the cap: the block and the offset of the first character over it. */
function crossing(blocks: GwBlock[], cap: number): { block: GwBlock; offset: number } | undefined {
  let n = 0;
  for (const b of blocks) {
    const here = countWords(b.data.text);
    if (n + here > cap) {
      // The shortest prefix of the block that goes over: a longer prefix never counts fewer words, so the
      // range is halved (counting every prefix in turn was quadratic in the paragraph's length).
      const t = b.data.text;
      let lo = 1;
      let hi = t.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (n + countWords(t.slice(0, mid)) > cap) hi = mid;
        else lo = mid + 1;
      }
      return { block: b, offset: lo - 1 };
    }
    n += here;
  }
  return undefined;
}

export const lengthCap: Rule = {
  meta: {
    id: 'length-cap',
    description: {
      zh: '公文篇幅不超过所属类别的字数上限（文件稿 5000、专项 4000、简报 2000、研究报告 4000 字；部署全局性、综合性工作的“综合”类不设上限，通州等规定另有上限），可选页数上限',
      en: 'Keep a draft within the word cap of its category (文件稿 5000, 专项 4000, 简报 2000, 研究报告 4000), and optionally a page cap',
    },
    // The clause says 一般不超过 ("as a rule, not over"): a warning unless a profile makes it binding.
    severity: 'warning',
    recommended: true,
    fixable: false,
    cites: [JINGHAI_60],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        caps: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(CATEGORY_KEYS.map((k) => [k, { anyOf: [{ type: 'integer', minimum: 1 }, { type: 'null' }] }])),
        },
        pages: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(CATEGORY_KEYS.map((k) => [k, { type: 'integer', minimum: 1 }])),
        },
        linesPerPage: { type: 'integer', minimum: 1 },
        charsPerLine: { type: 'integer', minimum: 1 },
      },
    },
    defaultOptions: { caps: DEFAULT_CAPS, pages: {}, linesPerPage: 22, charsPerLine: 28 },
    messages: {
      overCap: {
        zh: '正文 {{count}} 字，超过{{category}}篇幅上限 {{cap}} 字（多 {{over}} 字；{{why}}；依据 {{basis}}）。自此处起超出',
        en: 'The body has {{count}} characters, over the {{category}} cap of {{cap}} (by {{over}}; {{why}}; per {{basis}}). The excess starts here',
      },
      overPages: {
        zh: '按 22 行×28 字版心估算约 {{pages}} 页，超过{{category}}上限 {{cap}} 页（依据 {{basis}}）',
        en: 'About {{pages}} pages on the 22×28 grid, over the {{category}} cap of {{cap}} pages (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '各地工作规则普遍限定文件篇幅。字数按 Word / LibreOffice 的中文计数方式：每个汉字和全角标点计 1，连续的其他非空白字符（英文单词、数字）计 1。只计正文（含各级标题），不计版头、标题、署名、版记和附件。',
        en: 'Work rules cap document length. Counting follows Word and LibreOffice for Chinese: each CJK character or full-width mark is one, each run of other non-space characters is one. Only the body (with its headings) counts.',
      },
    },
  },
  create(context) {
    const o = context.options as LengthCapOptions;
    return {
      'document:exit'(doc) {
        const category = context.category;
        const basis = context.cites.map(citeShort).join('、');
        const cap = capFor(category, o);
        if (cap && category) {
          const count = bodyCharCount(doc);
          if (count > cap) {
            // Only a draft over its cap needs the body's blocks: to point at where it crosses the cap.
            const body = doc.children.filter((b) => b.data.role && COUNTED_ROLES.includes(b.data.role));
            const at = crossing(body, cap)!;
            context.report({
              messageId: 'overCap',
              block: at.block,
              start: at.offset,
              end: at.block.data.text.length,
              data: { count: thousands(count), cap: thousands(cap), over: thousands(count - cap), category, why: doc.data.category.reason, basis },
            });
          }
        }
        const pageCap = category ? o.pages?.[category] ?? undefined : undefined;
        if (pageCap) {
          const pages = pageCount(doc, o.linesPerPage, o.charsPerLine);
          if (pages > pageCap) {
            context.report({ messageId: 'overPages', position: { start: doc.position.start, end: doc.position.start }, data: { pages, cap: pageCap, category: category!, basis } });
          }
        }
      },
    };
  },
};
