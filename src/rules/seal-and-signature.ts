import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { GBT9704, TIAOLI } from './lib/cites.js';
import { citeShort } from './lib/cites.js';

export const ZHIFU_54_SEAL: Cite = {
  regulation: '烟台市芝罘区人民政府工作规则（烟芝政发〔2022〕2号）',
  article: '五十四',
  clause: '报送区政府的请示、报告性公文,应当以正式公文形式报送,必须标注签发人并加盖单位公章。',
  short: '芝罘 五十四',
};

export const TIAOLI_9_13: Cite = {
  regulation: TIAOLI,
  article: '第九条（十三）',
  clause: '印章。公文中有发文机关署名的，应当加盖发文机关印章，并与署名机关相符。有特定发文机关标志的普发性公文和电报可以不加盖印章。',
  short: '条例 第九条（十三）',
};

export const GBT9704_7351: Cite = {
  regulation: GBT9704,
  article: '7.3.5.1',
  clause:
    '单一机关行文时，一般在成文日期之上、以成文日期为准居中编排发文机关署名，印章端正、居中下压发文机关署名和成文日期，使发文机关署名和成文日期居印章中心偏下位置，印章顶端应当上距正文（或附件说明）一行之内。',
  short: 'GB/T 9704 7.3.5.1',
};

/**
 * The seal itself is put on paper after signing; what a draft can show is the place it goes: the 发文机关署名
 * with the 成文日期 under it (GB/T 9704 7.3.5.1 — the seal presses on both). A 请示 or 报告 without them has
 * nowhere to carry the unit's seal.
 */
export const sealAndSignature: Rule = {
  meta: {
    id: 'seal-and-signature',
    description: {
      zh: '请示、报告应有发文机关署名和成文日期（加盖单位公章的位置）',
      en: 'A 请示 or 报告 carries the issuing body’s name (署名) and the date (成文日期): where the unit’s seal goes',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [ZHIFU_54_SEAL, TIAOLI_9_13, GBT9704_7351],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        docTypes: { type: 'array', items: { type: 'string' }, minItems: 1, description: '要求署名和成文日期的文种' },
        requireDocNumber: { type: 'boolean', description: '“以正式公文形式报送”：同时要求发文字号' },
      },
    },
    defaultOptions: { docTypes: ['请示', '报告'], requireDocNumber: false },
    messages: {
      noSignature: {
        zh: '{{docType}}缺少发文机关署名：单位公章须端正、居中下压发文机关署名和成文日期（依据 {{basis}}）',
        en: 'This {{docType}} has no issuing body’s name (署名): the unit’s seal presses on the name and the date (per {{basis}})',
      },
      noDate: {
        zh: '{{docType}}缺少成文日期：单位公章须下压发文机关署名和成文日期（依据 {{basis}}）',
        en: 'This {{docType}} has no date (成文日期): the unit’s seal presses on the name and the date (per {{basis}})',
      },
      noDocNumber: {
        zh: '{{docType}}应以正式公文形式报送，但没有发文字号（依据 {{basis}}）',
        en: 'This {{docType}} must go as a formal document, but it has no document number (发文字号) (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '芝罘区要求报送区政府的请示、报告加盖单位公章。草稿里看得到的是公章的位置：正文之后的发文机关署名和成文日期（GB/T 9704 7.3.5.1）。缺了它们，印章无处可盖，也就无法证明公文出自该单位。',
        en: 'Zhifu requires the unit’s seal on every 请示 and 报告. What a draft shows is where the seal goes: the issuing body’s name and the date after the body (GB/T 9704 7.3.5.1).',
      },
      examples: {
        invalid: [{ code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' }],
        valid: [{ code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区城市管理局\n\n2024年3月1日' }],
      },
    },
  },
  create(context) {
    const types = (context.options.docTypes as string[] | undefined) ?? ['请示', '报告'];
    if (!context.docType || !types.includes(context.docType)) return {};
    const basis = context.cites.map(citeShort).join('、');
    const docType = context.docType;
    return {
      'document:exit'(doc) {
        const blocks = doc.children;
        const signature = blocks.find((b) => b.data.role === '发文机关署名');
        const date = blocks.find((b) => b.data.role === '成文日期');
        // Where the missing part belongs: next to the part that is there, else after the last body paragraph.
        const lastBody = [...blocks].reverse().find((b) => b.data.role === '正文' || b.data.role === '附件说明');
        const at = (b: GwBlock | undefined): { block?: GwBlock; start?: number; end?: number } =>
          b ? { block: b, start: 0, end: b.data.text.length } : {};
        if (!signature) context.report({ messageId: 'noSignature', ...at(date ?? lastBody), data: { docType, basis } });
        if (!date) context.report({ messageId: 'noDate', ...at(signature ?? lastBody), data: { docType, basis } });
        if (context.options.requireDocNumber && !blocks.some((b) => b.data.role === '发文字号')) {
          const title = blocks.find((b) => b.data.role === '标题') ?? blocks[0];
          context.report({ messageId: 'noDocNumber', ...at(title), data: { docType, basis } });
        }
      },
    };
  },
};
