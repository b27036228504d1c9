import type { Rule } from '../engine/types.js';
import { GB_5_1, GB_5_2_1, mm, num, twipsToMm } from './lib/layout.js';

export interface PageSetupOptions {
  paperWidthMm: number;
  paperHeightMm: number;
  paperToleranceMm: number;
  topMm: number;
  topToleranceMm: number;
  leftMm: number;
  leftToleranceMm: number;
  textWidthMm: number;
  textHeightMm: number;
  textToleranceMm: number;
}

const DEFAULTS: PageSetupOptions = {
  paperWidthMm: 210,
  paperHeightMm: 297,
  // Word stores A4 as 11906×16838 twips (210.02×297.04 mm); other programs round differently.
  paperToleranceMm: 1,
  topMm: 37,
  topToleranceMm: 1,
  leftMm: 28,
  leftToleranceMm: 1,
  textWidthMm: 156,
  textHeightMm: 225,
  // The standard gives no tolerance for the 版心; margins rounded to whole twips move it by a fraction of a mm.
  textToleranceMm: 1,
};

const mmNumber = { type: 'number', exclusiveMinimum: 0 };
const tolerance = { type: 'number', minimum: 0 };

export const pageSetup: Rule = {
  meta: {
    id: 'page-setup',
    description: {
      zh: '页面设置符合 GB/T 9704：A4 纸（210×297 mm），天头 37±1 mm，订口 28±1 mm，版心 156×225 mm',
      en: 'Page setup per GB/T 9704: A4 paper (210×297 mm), top margin 37±1 mm, binding (left) margin 28±1 mm, text area 156×225 mm',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    appliesTo: ['docx'],
    cites: [GB_5_1, GB_5_2_1],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        paperWidthMm: { ...mmNumber, description: '纸张宽度（mm）' },
        paperHeightMm: { ...mmNumber, description: '纸张高度（mm）' },
        paperToleranceMm: { ...tolerance, description: '纸张尺寸允许误差（mm）' },
        topMm: { ...mmNumber, description: '天头（上边距，mm）' },
        topToleranceMm: { ...tolerance, description: '天头允许误差（mm）' },
        leftMm: { ...mmNumber, description: '订口（左边距，含装订线，mm）' },
        leftToleranceMm: { ...tolerance, description: '订口允许误差（mm）' },
        textWidthMm: { ...mmNumber, description: '版心宽（mm）' },
        textHeightMm: { ...mmNumber, description: '版心高（mm）' },
        textToleranceMm: { ...tolerance, description: '版心尺寸允许误差（mm）' },
      },
    },
    defaultOptions: { ...DEFAULTS },
    messages: {
      paper: {
        zh: '纸张 {{width}}×{{height}} mm，应为 A4（{{wantWidth}}×{{wantHeight}} mm）（布局→纸张大小）',
        en: 'Paper is {{width}}×{{height}} mm; it should be A4 ({{wantWidth}}×{{wantHeight}} mm)',
      },
      top: {
        zh: '天头（上边距）{{found}} mm，应为 {{want}}±{{tol}} mm（布局→页边距）',
        en: 'Top margin is {{found}} mm; it should be {{want}}±{{tol}} mm',
      },
      left: {
        zh: '订口（左边距{{gutter}}）{{found}} mm，应为 {{want}}±{{tol}} mm（布局→页边距）',
        en: 'Binding (left) margin{{gutter}} is {{found}} mm; it should be {{want}}±{{tol}} mm',
      },
      textArea: {
        zh: '版心 {{width}}×{{height}} mm，应为 {{wantWidth}}×{{wantHeight}} mm：按当前天头和订口，右边距应为 {{right}} mm、下边距应为 {{bottom}} mm（布局→页边距）',
        en: 'Text area is {{width}}×{{height}} mm; it should be {{wantWidth}}×{{wantHeight}} mm (with these top and left margins: right margin {{right}} mm, bottom {{bottom}} mm)',
      },
    },
    docs: {
      rationale: {
        zh: '版心和页边决定每面行数、字数和装订位置；页面设置不对，整份公文都会走样。',
        en: 'The margins fix the lines per page, the characters per line and the binding edge; a wrong page setup shifts the whole document.',
      },
      examples: {
        invalid: [{ kind: 'docx', code: '页面设置：A4 纸，上边距 2.54 cm，下边距 2.54 cm，左边距 3.17 cm，右边距 3.17 cm（Word 默认）' }],
        valid: [{ kind: 'docx', code: '页面设置：A4 纸（21×29.7 cm），上边距 3.7 cm，下边距 3.5 cm，左边距 2.8 cm，右边距 2.6 cm' }],
      },
    },
  },
  create(context) {
    const o = context.options as PageSetupOptions;
    return {
      document(doc) {
        const p = doc.data.page;
        if (!p) return;
        const w = p.widthTwips !== undefined ? twipsToMm(p.widthTwips) : undefined;
        const h = p.heightTwips !== undefined ? twipsToMm(p.heightTwips) : undefined;
        if (w !== undefined && h !== undefined && (Math.abs(w - o.paperWidthMm) > o.paperToleranceMm || Math.abs(h - o.paperHeightMm) > o.paperToleranceMm)) {
          context.report({ messageId: 'paper', data: { width: num(w, 0), height: num(h, 0), wantWidth: num(o.paperWidthMm), wantHeight: num(o.paperHeightMm) } });
        }
        const top = p.marginTopTwips !== undefined ? twipsToMm(Math.abs(p.marginTopTwips)) : undefined;
        if (top !== undefined && Math.abs(top - o.topMm) > o.topToleranceMm) {
          context.report({ messageId: 'top', data: { found: mm(top), want: num(o.topMm), tol: num(o.topToleranceMm) } });
        }
        // The gutter is added to the binding edge (left, unless the gutter is at the top — rare in 公文).
        const gutter = p.gutterTwips ? twipsToMm(p.gutterTwips) : 0;
        const left = p.marginLeftTwips !== undefined ? twipsToMm(p.marginLeftTwips) + gutter : undefined;
        if (left !== undefined && Math.abs(left - o.leftMm) > o.leftToleranceMm) {
          context.report({
            messageId: 'left',
            data: { found: mm(left), want: num(o.leftMm), tol: num(o.leftToleranceMm), gutter: gutter ? `，含装订线 ${mm(gutter)} mm` : '' },
          });
        }
        const right = p.marginRightTwips !== undefined ? twipsToMm(p.marginRightTwips) : undefined;
        const bottom = p.marginBottomTwips !== undefined ? twipsToMm(Math.abs(p.marginBottomTwips)) : undefined;
        if (w === undefined || h === undefined || top === undefined || left === undefined || right === undefined || bottom === undefined) return;
        const tw = w - left - right;
        const th = h - top - bottom;
        if (Math.abs(tw - o.textWidthMm) > o.textToleranceMm || Math.abs(th - o.textHeightMm) > o.textToleranceMm) {
          context.report({
            messageId: 'textArea',
            data: {
              width: mm(tw),
              height: mm(th),
              wantWidth: num(o.textWidthMm),
              wantHeight: num(o.textHeightMm),
              right: mm(w - left - o.textWidthMm),
              bottom: mm(h - top - o.textHeightMm),
            },
          });
        }
      },
    };
  },
};
