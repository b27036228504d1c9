import type { Rule } from '../engine/types.js';
import type { GwBlock, PageSetup } from '../model/types.js';
import { sizeLabel } from './lib/fonts.js';
import { GB_5_2_3, Tally, blockSizeHalfPoints, bodySizeHalfPoints, isProse, mm, num, twipsToMm } from './lib/layout.js';

export interface LineGridOptions {
  linesPerPage: number;
  charsPerLine: number;
  linesTolerance: number;
  charsTolerance: number;
}

const DEFAULTS: LineGridOptions = { linesPerPage: 22, charsPerLine: 28, linesTolerance: 1, charsTolerance: 1 };

/**
 * Height of one line of single-spaced CJK text relative to its size. 仿宋_GB2312, 宋体 and 黑体 all draw a
 * single line at about 1.3 times the font size; only used when the spacing is “multiple” rather than exact.
 */
const SINGLE_LINE_RATIO = 1.3;

const GRID_LINES = new Set(['lines', 'linesAndChars', 'snapToChars']);
const GRID_CHARS = new Set(['linesAndChars', 'snapToChars']);

interface Pitch {
  twips: number;
  /** How the pitch was found, for the message: only asked of the pitch the page is measured by. */
  basis(): string;
}

function pt(twips: number): string {
  return num(twips / 20);
}

/** Line pitch of a paragraph, in twips, as Word lays it out. */
function linePitch(block: GwBlock, page: PageSetup, sizeHalfPoints: number): Pitch {
  const f = block.data.format ?? {};
  const rule = f.lineRule ?? 'auto';
  const grid = page.docGridType && GRID_LINES.has(page.docGridType) && page.docGridLinePitch ? page.docGridLinePitch : undefined;
  const natural = sizeHalfPoints * 10 * SINGLE_LINE_RATIO;
  // With a line grid, a line takes as many whole grid lines as its text needs.
  const single = grid ? Math.max(1, Math.ceil(natural / grid - 0.01)) * grid : natural;
  const spacing = f.lineSpacing;
  if (rule === 'exact' && spacing) return { twips: spacing, basis: () => `正文行距固定值 ${pt(spacing)} 磅` };
  if (rule === 'atLeast' && spacing) {
    return spacing >= single
      ? { twips: spacing, basis: () => `正文行距最小值 ${pt(spacing)} 磅` }
      : { twips: single, basis: () => `正文行距最小值 ${pt(spacing)} 磅，实际约 ${pt(single)} 磅` };
  }
  const multiple = (spacing ?? 240) / 240;
  const twips = single * multiple;
  return {
    twips,
    basis: () => {
      const what = multiple === 1 ? '单倍行距' : `${num(multiple, 2)} 倍行距`;
      return grid ? `正文${what}，按文档网格每行 ${pt(twips)} 磅` : `正文${what}，约 ${pt(twips)} 磅`;
    },
  };
}

export const lineGrid: Rule = {
  meta: {
    id: 'line-grid',
    description: {
      zh: '版心每面排 22 行、每行排 28 个字（由文档网格或行距、字符跨度算出，允许误差）',
      en: 'The text area holds 22 lines of 28 characters (from the document grid or the line and character spacing, within a tolerance)',
    },
    severity: 'warning',
    recommended: true,
    fixable: false,
    appliesTo: ['docx'],
    cites: [GB_5_2_3],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        linesPerPage: { type: 'integer', minimum: 1, description: '每面行数' },
        charsPerLine: { type: 'integer', minimum: 1, description: '每行字数' },
        linesTolerance: { type: 'number', minimum: 0, description: '行数允许误差' },
        charsTolerance: { type: 'number', minimum: 0, description: '字数允许误差' },
      },
    },
    defaultOptions: { ...DEFAULTS },
    messages: {
      lines: {
        zh: '每面约 {{found}} 行（{{basis}}），应为 {{want}} 行：版心高 {{height}} mm，行距宜为固定值 {{suggest}} 磅',
        en: 'About {{found}} lines per page ({{basis}}); it should be {{want}}: the text area is {{height}} mm high, so an exact spacing of {{suggest}} pt',
      },
      chars: {
        zh: '每行约 {{found}} 字（{{basis}}），应为 {{want}} 字：版心宽 {{width}} mm，可在“页面设置→文档网格”中指定每行 {{want}} 字',
        en: 'About {{found}} characters per line ({{basis}}); it should be {{want}}: the text area is {{width}} mm wide; set {{want}} characters per line in Page Setup → Document Grid',
      },
    },
    docs: {
      rationale: {
        zh: '22 行 × 28 字的版面使公文疏密一致，页数可比；行距或字符网格不对，同样的字数会排出不同的页数。',
        en: 'A 22 × 28 grid makes documents equally dense and their page counts comparable.',
      },
      examples: {
        invalid: [{ kind: 'docx', code: '版心 156×225 mm；正文三号，单倍行距，文档网格“只指定行网格”，行距 15.6 磅（Word 默认）' }],
        valid: [{ kind: 'docx', code: '版心 156×225 mm；文档网格“指定行和字符网格”：每行 28 字，每页 22 行；正文行距固定值 28.95 磅' }],
      },
    },
  },
  create(context) {
    const o = context.options as LineGridOptions;
    return {
      'document:exit'(doc) {
        const page = doc.data.page;
        if (!page || !page.widthTwips || !page.heightTwips) return;
        const bodySize = bodySizeHalfPoints(doc) ?? 21;
        const textHeight = page.heightTwips - Math.abs(page.marginTopTwips ?? 1440) - Math.abs(page.marginBottomTwips ?? 1440);
        const textWidth = page.widthTwips - (page.marginLeftTwips ?? 1800) - (page.marginRightTwips ?? 1800) - (page.gutterTwips ?? 0);
        if (textHeight <= 0 || textWidth <= 0) return;

        // The line pitch most 正文 characters are set at, tallied as we go (a long draft has a great many blocks).
        const byTwips = new Map<number, Pitch>();
        const weights = new Tally<number>();
        for (const b of doc.children) {
          if (b.data.role !== '正文' || !isProse(b)) continue;
          const p = linePitch(b, page, blockSizeHalfPoints(b) ?? bodySize);
          const key = Math.round(p.twips);
          byTwips.set(key, p);
          weights.add(key, b.data.text.length);
        }
        const common = weights.best();
        if (common === undefined) return;
        const pitch = byTwips.get(common)!;
        const lines = textHeight / pitch.twips;
        if (Math.abs(lines - o.linesPerPage) > o.linesTolerance) {
          context.report({
            messageId: 'lines',
            data: { found: num(lines), basis: pitch.basis(), want: o.linesPerPage, height: mm(twipsToMm(textHeight)), suggest: num(textHeight / o.linesPerPage / 20, 2) },
          });
        }

        let charPitch: number;
        let basis: string;
        if (page.docGridType && GRID_CHARS.has(page.docGridType) && page.docGridCharSpace !== undefined) {
          // Word sizes the character grid from the Normal style's font, plus charSpace in 1/4096 pt.
          const base = page.normalSizeHalfPoints ?? bodySize;
          charPitch = base * 10 + (page.docGridCharSpace / 4096) * 20;
          basis = `文档网格字符跨度 ${pt(charPitch)} 磅`;
        } else {
          charPitch = bodySize * 10;
          basis = `正文${sizeLabel(bodySize)}，未指定字符网格`;
        }
        if (charPitch <= 0) return;
        const chars = textWidth / charPitch;
        if (Math.abs(chars - o.charsPerLine) > o.charsTolerance) {
          context.report({ messageId: 'chars', data: { found: num(chars), basis, want: o.charsPerLine, width: mm(twipsToMm(textWidth)) } });
        }
      },
    };
  },
};
