import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock, Role } from '../model/types.js';
import { SIGNER } from '../structure/patterns.js';
import { FONT_ALIASES_SCHEMA, FONT_FAMILIES, FontMatcher, sizeLabel, type FontFamily } from './lib/fonts.js';
import { GB_5_2_2, GB_7_2_6, GB_7_3_1, GB_7_3_3, GB_7_4_2, GB_7_4_3, hasEastAsian, inBody, isPlaceholderLine, isProse, runSpans } from './lib/layout.js';

/** The parts whose font GB/T 9704 fixes, by the name a profile uses to change them. */
export const FONT_PARTS = {
  title: { label: '标题', font: '小标宋', size: 44, cite: GB_7_3_1 },
  recipient: { label: '主送机关', font: '仿宋', size: 32, cite: GB_5_2_2 },
  body: { label: '正文', font: '仿宋', size: 32, cite: GB_7_3_3 },
  heading1: { label: '一级标题', font: '黑体', size: 32, cite: GB_7_3_3 },
  heading2: { label: '二级标题', font: '楷体', size: 32, cite: GB_7_3_3 },
  heading3: { label: '三级标题', font: '仿宋', size: 32, cite: GB_7_3_3 },
  heading4: { label: '四级标题', font: '仿宋', size: 32, cite: GB_7_3_3 },
  docNumber: { label: '发文字号', font: '仿宋', size: 32, cite: GB_5_2_2 },
  signerLabel: { label: '“签发人”', font: '仿宋', size: 32, cite: GB_7_2_6 },
  signerName: { label: '签发人姓名', font: '楷体', size: 32, cite: GB_7_2_6 },
  attachmentNote: { label: '附件说明', font: '仿宋', size: 32, cite: GB_5_2_2 },
  signature: { label: '发文机关署名', font: '仿宋', size: 32, cite: GB_5_2_2 },
  date: { label: '成文日期', font: '仿宋', size: 32, cite: GB_5_2_2 },
  note: { label: '附注', font: '仿宋', size: 32, cite: GB_5_2_2 },
  cc: { label: '抄送', font: '仿宋', size: 28, cite: GB_7_4_2 },
  printed: { label: '印发机关和印发日期', font: '仿宋', size: 28, cite: GB_7_4_3 },
} as const satisfies Record<string, { label: string; font: FontFamily; size: number; cite: Cite }>;
export type FontPart = keyof typeof FONT_PARTS;

const ROLE_PART: Partial<Record<Role, FontPart>> = {
  标题: 'title',
  主送机关: 'recipient',
  正文: 'body',
  发文字号: 'docNumber',
  附件说明: 'attachmentNote',
  发文机关署名: 'signature',
  成文日期: 'date',
  附注: 'note',
  抄送: 'cc',
  印发机关和印发日期: 'printed',
};
/** How the standard writes each family: “3号仿宋体字”, “黑体字”. */
const FAMILY_LABEL: Record<FontFamily, string> = { 仿宋: '仿宋体', 小标宋: '小标宋体', 黑体: '黑体', 楷体: '楷体', 宋体: '宋体' };
const HEADING_PART = { 1: 'heading1', 2: 'heading2', 3: 'heading3', 4: 'heading4' } as const;

export interface FontsOptions {
  fontAliases: Partial<Record<FontFamily, string[]>>;
  /** Half-points a size may differ by (0: exactly). */
  sizeTolerance: number;
  /** Per part: another font or size, or false to leave the part alone. */
  parts: Partial<Record<FontPart, false | { font?: FontFamily; size?: number }>>;
}

interface Expectation {
  part: FontPart;
  label: string;
  font: FontFamily;
  size: number;
  /** The clause that fixes this part, named in the message and cited alone (the rule cites six). */
  clause: string;
  cite: Cite;
  start: number;
  end: number;
}

/**
 * Where a run-in heading ends: “（一）加强组织领导。各单位要……” sets only “（一）加强组织领导。” in 楷体; the rest
 * of the paragraph is 正文.
 */
function headingEnd(text: string): number {
  const m = /[。！？]/.exec(text);
  if (!m) return text.length;
  const end = m.index + 1;
  return text.slice(end).trim() ? end : text.length;
}

export const fonts: Rule = {
  meta: {
    id: 'fonts',
    description: {
      zh: '各要素字体字号符合 GB/T 9704：标题 2 号小标宋，正文 3 号仿宋，层次标题黑体/楷体/仿宋，签发人姓名楷体，版记 4 号仿宋',
      en: 'Fonts and sizes per GB/T 9704: title 2号 小标宋, body 3号 仿宋, heading levels 黑体/楷体/仿宋, signer name 楷体, 抄送/印发 4号 仿宋',
    },
    severity: 'warning',
    recommended: true,
    fixable: false,
    appliesTo: ['docx'],
    cites: [GB_5_2_2, GB_7_3_1, GB_7_3_3, GB_7_2_6, GB_7_4_2, GB_7_4_3],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fontAliases: { ...FONT_ALIASES_SCHEMA, description: '字体别名表的补充：每种字体另外认可的字体名，如 {"小标宋": ["华文中宋"]}' },
        sizeTolerance: { type: 'number', minimum: 0, description: '字号允许误差（半磅：1 = 0.5 磅）' },
        parts: {
          type: 'object',
          description:
            '按要素改字体字号（font、size 为半磅值）或设为 false 不查：title、recipient、body、heading1–heading4、docNumber、signerLabel、signerName、attachmentNote、signature、date、note、cc、printed',
          additionalProperties: false,
          properties: Object.fromEntries(
            Object.keys(FONT_PARTS).map((k) => [
              k,
              {
                anyOf: [
                  { const: false },
                  {
                    type: 'object',
                    additionalProperties: false,
                    properties: { font: { enum: [...FONT_FAMILIES] }, size: { type: 'integer', minimum: 1 } },
                  },
                ],
              },
            ]),
          ),
        },
      },
    },
    defaultOptions: { fontAliases: {}, sizeTolerance: 0, parts: {} },
    messages: {
      font: {
        zh: '{{part}}字体为“{{found}}”，应为{{want}}（{{clause}}）',
        en: '{{part}} is set in “{{found}}”; it should be {{want}} ({{clause}})',
      },
      size: {
        zh: '{{part}}字号为{{found}}，应为{{want}}（{{clause}}）',
        en: '{{part}} is set in {{found}}; it should be {{want}} ({{clause}})',
      },
    },
    docs: {
      rationale: {
        zh: '字体字号是公文格式最显眼的部分；同一字体在不同电脑上名称不同（仿宋_GB2312、仿宋、方正仿宋_GBK……），按别名表比对。',
        en: 'Fonts are the most visible part of the format; the same face has different names on different machines, so names are matched through an alias table.',
      },
      examples: {
        invalid: [{ kind: 'docx', code: '标题“关于购置执法车辆的请示”：宋体 小二\n正文：宋体 五号\n“一、购置理由”：仿宋_GB2312 三号' }],
        valid: [
          {
            kind: 'docx',
            code: '标题：方正小标宋简体 二号\n正文：仿宋_GB2312 三号\n“一、购置理由”：黑体 三号\n“（一）现有车辆老化。”：楷体_GB2312 三号，其后正文仿宋\n“签发人：”仿宋，姓名“王建华”楷体_GB2312\n抄送、印发：仿宋_GB2312 四号',
          },
        ],
      },
    },
  },
  create(context) {
    const o = context.options as FontsOptions;
    const matcher = FontMatcher.for(o.fontAliases);
    let bodySeen = false;

    const expect = (part: FontPart, start: number, end: number): Expectation | undefined => {
      const over = o.parts?.[part];
      if (over === false) return undefined;
      const base = FONT_PARTS[part];
      return { part, label: base.label, font: over?.font ?? base.font, size: over?.size ?? base.size, clause: base.cite.short!, cite: base.cite, start, end };
    };

    function expectations(block: GwBlock): Expectation[] {
      const text = block.data.norm;
      const out: (Expectation | undefined)[] = [];
      const role = block.data.role;
      // The 签发人 sits on the 发文字号 line of an upward document, or on its own line, in the 版头; a template's
      // 版头 may have confused the structure pass, so any line before the 主送机关 and 正文 text counts.
      const signer = !bodySeen && role !== '标题' && role !== '附件' ? SIGNER.exec(text) : null;
      if (signer) {
        const nameStart = text.length - signer[1]!.length;
        if (signer.index > 0) out.push(expect('docNumber', 0, signer.index));
        out.push(expect('signerLabel', signer.index, nameStart), expect('signerName', nameStart, text.length));
        return out.filter((e): e is Expectation => !!e);
      }
      // Running text only: a centred line or a text box the structure pass filed under 正文 is a 版头 part or a
      // caption whose role the text alone could not tell.
      if (role === '正文' && !isProse(block)) return [];
      // The 标题 is never in a text box; 版头 marks such as “××人民政府公告” are, and end like titles.
      if (role === '标题' && (block.data.container === 'textbox' || isPlaceholderLine(text))) return [];
      if (block.data.container === 'textbox' && role !== '抄送' && role !== '印发机关和印发日期') return [];
      if (role === '正文' && block.data.headingLevel) {
        const end = headingEnd(text);
        out.push(expect(HEADING_PART[block.data.headingLevel], 0, end));
        if (end < text.length) out.push(expect('body', end, text.length));
        return out.filter((e): e is Expectation => !!e);
      }
      // 令号 and the 纪要's number (GB/T 9704 10.2, 10.3) and a 电报's number in its form table have no font of
      // their own in the standard: 7.2.4 is the 通用格式 only.
      if (role === '发文字号' && (context.docType === '命令' || context.docType === '纪要' || block.data.container === 'table')) return [];
      const part = role ? ROLE_PART[role] : undefined;
      if (part) out.push(expect(part, 0, text.length));
      return out.filter((e): e is Expectation => !!e);
    }

    return {
      block(block) {
        if ((block.data.role === '正文' && isProse(block)) || block.data.role === '主送机关') bodySeen = true;
        if (!inBody(block)) return;
        const wanted = expectations(block);
        if (wanted.length === 0) return;
        const runs = runSpans(block);
        for (const e of wanted) {
          const badFonts: { start: number; end: number; name: string }[] = [];
          const badSizes: { start: number; end: number; size: number }[] = [];
          for (const r of runs) {
            const a = Math.max(r.start, e.start);
            const b = Math.min(r.end, e.end);
            if (b <= a) continue;
            // The run's format first: most runs are set right, and need no look at their text.
            const f = r.format;
            const fontOff = !!f?.fontEastAsia && matcher.familyOf(f.fontEastAsia) !== e.font;
            const sizeOff = f?.sizeHalfPoints !== undefined && Math.abs(f.sizeHalfPoints - e.size) > o.sizeTolerance;
            if (!fontOff && !sizeOff) continue;
            const piece = r.text.slice(a - r.start, b - r.start);
            if (!piece.trim()) continue;
            // Leave out the white space at the edges of the piece, so the span points at characters.
            const lead = piece.length - piece.trimStart().length;
            const trail = piece.length - piece.trimEnd().length;
            const span = { start: a + lead, end: b - trail };
            // Latin letters and digits take the ASCII font, which the standard does not fix.
            if (fontOff && hasEastAsian(piece)) badFonts.push({ ...span, name: f.fontEastAsia! });
            if (sizeOff) badSizes.push({ ...span, size: f.sizeHalfPoints! });
          }
          if (badFonts.length) {
            context.report({
              messageId: 'font',
              cites: [e.cite],
              block,
              start: badFonts[0]!.start,
              end: badFonts[badFonts.length - 1]!.end,
              data: { part: e.label, found: [...new Set(badFonts.map((x) => x.name))].join('、'), want: FAMILY_LABEL[e.font], clause: e.clause },
            });
          }
          if (badSizes.length) {
            context.report({
              messageId: 'size',
              cites: [e.cite],
              block,
              start: badSizes[0]!.start,
              end: badSizes[badSizes.length - 1]!.end,
              data: { part: e.label, found: [...new Set(badSizes.map((x) => sizeLabel(x.size)))].join('、'), want: sizeLabel(e.size), clause: e.clause },
            });
          }
        }
      },
    };
  },
};
