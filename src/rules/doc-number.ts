import type { Rule } from '../engine/types.js';
import { DOC_NUMBER } from '../structure/patterns.js';
import { GBT_7_2_5, TIAOLI_9_5 } from './lib/element-cites.js';

const ALL = new RegExp(DOC_NUMBER.source, 'gd');
const YEAR_IN_BRACKETS = /[〔\[［(（【﹝]\s*\d{2,4}\s*[〕\]］)）】﹞]/;

export const docNumber: Rule = {
  meta: {
    id: 'doc-number',
    description: {
      zh: '发文字号写作“机关代字〔年份〕序号号”：六角括号、4位年份、序号不加“第”、不编虚位',
      en: 'Document numbers read 机关代字〔year〕N号: tortoise-shell brackets, a 4-digit year, no 第, no leading zero',
    },
    severity: 'error',
    recommended: true,
    fixable: true,
    cites: [GBT_7_2_5, TIAOLI_9_5],
    messages: {
      brackets: {
        zh: '发文字号的年份应用六角括号“〔〕”括入：“{{found}}”应写作“{{expected}}”',
        en: 'The year of a document number goes in tortoise-shell brackets 〔〕: “{{found}}” should be “{{expected}}”',
      },
      ordinal: {
        zh: '发文字号的顺序号不加“第”字：“{{found}}”应写作“{{expected}}”',
        en: 'A document number has no 第 before its serial: “{{found}}” should be “{{expected}}”',
      },
      leadingZero: {
        zh: '发文字号的顺序号不编虚位（1不编为01）：“{{found}}”应写作“{{expected}}”',
        en: 'A document number’s serial has no leading zero: “{{found}}” should be “{{expected}}”',
      },
      shortYear: {
        zh: '发文字号的年份应标全称（4位数字）：“{{found}}”',
        en: 'The year of a document number is written in full (4 digits): “{{found}}”',
      },
      missingHao: {
        zh: '发文字号的顺序号后应加“号”字：“{{found}}”应写作“{{expected}}”',
        en: 'A document number ends with 号: “{{found}}” should be “{{expected}}”',
      },
    },
    docs: {
      rationale: {
        zh: '发文字号由机关代字、年份、发文顺序号组成，形式固定，便于引用和检索。检查版头的发文字号，也检查正文中引用的发文字号（以“号”结尾的）。方括号、圆括号、方头括号可自动改为六角括号；“第”字和虚位也可自动删去。两位年份不自动补全：无法确定世纪。',
        en: 'Checks the 发文字号 in the header and the document numbers cited in the text (those ending in 号). Other brackets, 第 and leading zeros are fixed automatically; a 2-digit year is only reported, as its century cannot be known.',
      },
      examples: {
        invalid: [
          { code: '区财政局文件\n\n区财发[2024]第03号\n\n# 关于做好预算编制工作的通知\n\n各科室：\n\n请按时报送预算。' },
          { code: '根据《关于加强管理的通知》（国办发（2019）12号）要求，现通知如下。', kind: 'text' },
        ],
        valid: [
          { code: '区财政局文件\n\n区财发〔2024〕3号\n\n# 关于做好预算编制工作的通知\n\n各科室：\n\n请按时报送预算。' },
          { code: '根据《关于加强管理的通知》（国办发〔2019〕12号）要求，现通知如下。', kind: 'text' },
        ],
      },
    },
  },
  create(context) {
    return {
      block(block) {
        const header = block.data.role === '发文字号';
        const { text, norm } = block.data;
        // The full pattern starts with a lazy agency prefix tried at every position: costly on long prose that
        // has no bracketed year at all, which is most of it.
        if (!YEAR_IN_BRACKETS.test(norm)) return;
        for (const m of norm.matchAll(ALL)) {
          const hasHao = Boolean(m[7]);
          // In running text only a number ending in 号 is surely a document number (not "规划(2018)").
          if (!header && !hasHao) continue;
          const idx = m.indices!;
          const [openS] = idx[2]!;
          const [yearS, yearE] = idx[3]!;
          const [, closeE] = idx[4]!;
          const [ordS] = idx[5]!;
          const [serS, serE] = idx[6]!;
          const end = hasHao ? idx[7]![1] : serE;
          const year = text.slice(yearS, yearE);
          const serial = m[6]!;
          const found = text.slice(openS, end);
          // The number as it should read, built from the draft's own characters (keeps 號 in traditional text).
          const good = (): string =>
            `〔${year}〕${String(Number(serial)) === '0' ? serial : serial.replace(/^0+/, '')}${hasHao ? text.slice(idx[7]![0], end) : '号'}`;
          // Spaces inside the brackets are layout, not the bracket form.
          const bracketsOk = m[2]!.trim() === '〔' && m[4]!.trim() === '〕';
          if (!bracketsOk) {
            context.report({
              messageId: 'brackets',
              block,
              start: openS,
              end: closeE,
              data: { found, expected: good() },
              fix: { text: `〔${year}〕` },
            });
          }
          if (year.length !== 4) {
            context.report({ messageId: 'shortYear', block, start: yearS, end: yearE, data: { found } });
          }
          if (m[5]) {
            // Remove 第 and the spaces around it.
            context.report({ messageId: 'ordinal', block, start: ordS, end: serS, data: { found, expected: good() }, fix: { text: '' } });
          }
          if (/^0\d/.test(serial) && Number(serial) > 0) {
            context.report({
              messageId: 'leadingZero',
              block,
              start: serS,
              end: serE,
              data: { found, expected: good() },
              fix: { text: serial.replace(/^0+/, '') },
            });
          }
          if (!hasHao) {
            context.report({ messageId: 'missingHao', block, start: serS, end: serE, data: { found, expected: good() }, fix: { text: `${text.slice(serS, serE)}号` } });
          }
        }
      },
    };
  },
};
