import type { Rule, RuleContext } from '../engine/types.js';
import type { DocxHeaderFooter, GwBlock } from '../model/types.js';
import { FONT_ALIASES_SCHEMA, FontMatcher, sizeLabel, type FontFamily } from './lib/fonts.js';
import { GB_7_5, num, runSpans } from './lib/layout.js';

export interface PageNumberOptions {
  sizeHalfPoints: number;
  font: FontFamily;
  fontAliases: Partial<Record<FontFamily, string[]>>;
  /** How far (in characters) the page number may sit from “one character in” from the edge. */
  indentTolerance: number;
  /** Odd pages right, even pages left; false accepts one footer for all pages. */
  oddEven: boolean;
}

const DEFAULTS: PageNumberOptions = { sizeHalfPoints: 28, font: '宋体', fontAliases: {}, indentTolerance: 0.5, oddEven: true };

/** “— 1 —”: an em dash (一字线) on each side of the number; the number itself comes from the PAGE field. */
const DASH = '[—―]';
const FORM = new RegExp(`^${DASH}[\\s\\u3000]*[0-9０-９]*[\\s\\u3000]*${DASH}$`);

type Side = 'right' | 'left';

/** The paragraph of a footer that holds the page number. */
function numberBlock(f: DocxHeaderFooter): GwBlock | undefined {
  const withText = f.blocks.filter((b) => b.data.text.trim());
  return withText.find((b) => /[—―\-－–~～0-9０-９]/.test(b.data.text)) ?? withText[0];
}

export const pageNumber: Rule = {
  meta: {
    id: 'page-number',
    description: {
      zh: '页码为 4 号半角宋体阿拉伯数字，左右各一条一字线（“— 1 —”），单页码居右空一字、双页码居左空一字',
      en: 'Page numbers: 4号 half-width 宋体 Arabic digits between em dashes (“— 1 —”), odd pages right and even pages left, one character in',
    },
    severity: 'warning',
    recommended: true,
    fixable: false,
    appliesTo: ['docx'],
    cites: [GB_7_5],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sizeHalfPoints: { type: 'integer', minimum: 1, description: '页码字号（半磅：28 = 四号）' },
        font: { enum: ['仿宋', '小标宋', '黑体', '楷体', '宋体'], description: '页码数字字体' },
        fontAliases: { ...FONT_ALIASES_SCHEMA, description: '字体别名表的补充' },
        indentTolerance: { type: 'number', minimum: 0, description: '“空一字”允许误差（字）' },
        oddEven: { type: 'boolean', description: '是否要求单页码居右、双页码居左（奇偶页不同）' },
      },
    },
    defaultOptions: { ...DEFAULTS },
    messages: {
      missing: {
        zh: '页脚中没有页码，应插入“— 1 —”式页码（插入→页码）',
        en: 'The footer has no page number; insert one as “— 1 —”',
      },
      sameOnAllPages: {
        zh: '单双页用同一页脚，页码{{where}}：应设“奇偶页不同”，单页码居右、双页码居左（页眉和页脚→奇偶页不同）',
        en: 'One footer serves odd and even pages (page number {{where}}); set different odd and even footers: odd pages right, even pages left',
      },
      oddMissing: {
        zh: '{{pages}}页脚没有页码，应插入“— 1 —”式页码（页眉和页脚→插入页码）',
        en: 'A footer has no page number ({{pages}}); insert one as “— 1 —”',
      },
      evenMissing: {
        zh: '已设“奇偶页不同”，但偶数页页脚没有页码：双页码应居左空一字（页眉和页脚→偶数页页脚→插入页码）',
        en: 'Odd and even footers differ, but the even footer has no page number: put one on the left, one character in',
      },
      form: {
        zh: '{{part}}为“{{found}}”，应为“— {{page}} —”：数字左右各放一条一字线（页脚）',
        en: '{{part}} reads “{{found}}”; it should read “— {{page}} —” with an em dash on each side (footer)',
      },
      digits: {
        zh: '{{part}}“{{found}}”用了全角数字，应为半角阿拉伯数字（页脚）',
        en: '{{part}} “{{found}}” uses full-width digits; use half-width Arabic digits (footer)',
      },
      position: {
        zh: '{{part}}{{found}}，应{{want}}（页脚段落→对齐方式和缩进）',
        en: '{{part}} is {{found}}; it should be {{want}} (footer paragraph alignment and indent)',
      },
      size: {
        zh: '{{part}}字号为{{found}}，应为{{want}}（页脚）',
        en: '{{part}} is set in {{found}}; it should be {{want}} (footer)',
      },
      font: {
        zh: '{{part}}数字字体为“{{found}}”，应为{{want}}（页脚）',
        en: 'The digits of the {{part}} are set in “{{found}}”; they should be {{want}} (footer)',
      },
    },
    docs: {
      rationale: {
        zh: '公文双面印刷装订，单页码在右、双页码在左，翻阅时页码总在外侧。',
        en: '公文 are printed on both sides and bound: odd numbers right and even numbers left keep them on the outer edge.',
      },
      examples: {
        invalid: [{ kind: 'docx', code: '页脚：所有页共用一个页脚，页码“1”居中，五号' }],
        valid: [{ kind: 'docx', code: '页眉和页脚：奇偶页不同\n奇数页页脚：“— 1 —”，宋体四号，右对齐，右缩进 1 字符\n偶数页页脚：“— 2 —”，宋体四号，左对齐，左缩进 1 字符' }],
      },
    },
  },
  create(context) {
    const o = context.options as PageNumberOptions;
    const matcher = FontMatcher.for(o.fontAliases);
    return {
      document(doc) {
        const info = doc.data.docx;
        if (!info) return;
        const numbered = info.footers.filter((f) => f.hasPageField);
        if (numbered.length === 0) {
          context.report({ messageId: 'missing' });
          return;
        }
        const odd = numbered.find((f) => f.type === 'default');
        const even = info.evenAndOddHeaders ? numbered.find((f) => f.type === 'even') : undefined;
        if (info.evenAndOddHeaders && !even && o.oddEven) context.report({ messageId: 'evenMissing' });
        if (!odd) context.report({ messageId: 'oddMissing', data: { pages: info.evenAndOddHeaders ? '奇数页' : '' } });
        if (odd) {
          // With different odd and even pages, the default footer is the odd pages'.
          const split = info.evenAndOddHeaders;
          if (!info.evenAndOddHeaders && o.oddEven) {
            const b = numberBlock(odd);
            context.report({ messageId: 'sameOnAllPages', data: { where: b ? describeSide(b, o.sizeHalfPoints) : '无文字' } });
          }
          // Without separate even pages there is no side to check: the odd/even finding above says what to do.
          checkFooter(context, o, matcher, odd, split ? '单页页码' : '页码', split ? 'right' : undefined);
        }
        if (even) checkFooter(context, o, matcher, even, '双页页码', 'left');
        const first = numbered.find((f) => f.type === 'first');
        if (first) checkFooter(context, o, matcher, first, '首页页码', undefined);
      },
    };
  },
};

function indentChars(b: GwBlock, side: Side, charTwips: number): number {
  const f = b.data.format ?? {};
  if (side === 'right') return (f.indentRightTwips ?? 0) / charTwips;
  const firstLine = f.indentFirstLineChars !== undefined ? f.indentFirstLineChars / 100 : (f.indentFirstLineTwips ?? 0) / charTwips;
  return (f.indentLeftTwips ?? 0) / charTwips + firstLine;
}

function alignmentOf(b: GwBlock): 'left' | 'center' | 'right' {
  const a = b.data.format?.alignment;
  if (a === 'center') return 'center';
  if (a === 'right' || a === 'end') return 'right';
  return 'left';
}

const SIDE_ZH = { left: '居左', center: '居中', right: '居右' } as const;

function describeSide(b: GwBlock, sizeHalfPoints: number): string {
  const a = alignmentOf(b);
  if (a === 'center') return '居中';
  const ind = indentChars(b, a, sizeHalfPoints * 10);
  return `${SIDE_ZH[a]}${Math.abs(ind) < 0.25 ? '不空字' : `空 ${num(ind)} 字`}`;
}

function checkFooter(context: RuleContext, o: PageNumberOptions, matcher: FontMatcher, f: DocxHeaderFooter, part: string, side: Side | undefined): void {
  const b = numberBlock(f);
  // The PAGE field's digits are often not cached in the file: collapse the gap they leave.
  const shown = b ? b.data.text.trim().replace(/[ \t]{2,}/g, ' ') : '';
  const compact = shown.replace(/[\s\u3000]+/g, '');
  if (!FORM.test(compact)) {
    // The number as the footer shows it (odd pages 1, even pages 2 when no result is cached), in the form wanted.
    const page = /\d+/.exec(compact.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)))?.[0] ?? '1';
    context.report({ messageId: 'form', data: { part, found: shown || '（只有页码数字）', page } });
  } else if (/[０-９]/.test(compact)) {
    context.report({ messageId: 'digits', data: { part, found: shown } });
  }
  if (!b) return;
  const runs = runSpans(b).filter((r) => r.text.trim());
  const sizes = [...new Set(runs.map((r) => r.format?.sizeHalfPoints).filter((s): s is number => s !== undefined && s !== o.sizeHalfPoints))];
  if (sizes.length) context.report({ messageId: 'size', data: { part, found: sizes.map(sizeLabel).join('、'), want: sizeLabel(o.sizeHalfPoints) } });
  // The digits come from the PAGE field; when the file caches no result, the runs around the field (the dashes)
  // carry the formatting the digits get.
  const withDigits = runs.filter((r) => /[0-9]/.test(r.text));
  const digitFonts = [
    ...new Set(
      (withDigits.length ? withDigits : runs)
        .map((r) => r.format?.fontAscii)
        .filter((n): n is string => !!n && matcher.familyOf(n) !== o.font),
    ),
  ];
  if (digitFonts.length) context.report({ messageId: 'font', data: { part, found: digitFonts.join('、'), want: o.font === '宋体' ? '宋体' : `${o.font}体` } });
  if (!side) return;
  const charTwips = (runs.find((r) => r.format?.sizeHalfPoints)?.format?.sizeHalfPoints ?? o.sizeHalfPoints) * 10;
  const a = alignmentOf(b);
  const ind = a === 'center' ? 0 : indentChars(b, a, charTwips);
  if (a !== side || Math.abs(ind - 1) > o.indentTolerance) {
    const found = a === 'center' ? '居中' : `${SIDE_ZH[a]}${Math.abs(ind) < 0.25 ? '不空字' : `空 ${num(ind)} 字`}`;
    context.report({ messageId: 'position', data: { part, found, want: `${SIDE_ZH[side]}空一字` } });
  }
}
