import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { SIGNER } from '../structure/patterns.js';
import { TIAOLI_9_6, ZHIFU_54 } from './lib/cites.js';

/** A signer's name: 2–4 Han characters (a compound surname or a minority name may be longer: up to 6). */
const NAME = /^[\u4e00-\u9fa5·]{2,6}$/;
/** Titles and placeholders people write where the name belongs. */
const NOT_A_NAME = /^(同意|待定|暂无|略|无)$|(长|主任|书记|领导|负责人|主席|经理|局|委|办)$/;

export const signerRequired: Rule = {
  meta: {
    id: 'signer-required',
    description: {
      zh: '上行文（请示，以及报送上级的报告）应标注签发人姓名',
      en: 'Upward documents (请示, and 报告 sent up) mark the signer (签发人) by name',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_9_6, ZHIFU_54],
    messages: {
      missing: {
        zh: '{{docType}}是上行文，应在版头标注“签发人：姓名”',
        en: 'This {{docType}} goes upward: mark “签发人：name” in the header',
      },
      empty: {
        zh: '“签发人：”后缺少签发人姓名',
        en: '“签发人：” has no name after it',
      },
      badName: {
        zh: '签发人“{{name}}”不是姓名：应写签发领导的姓名，而不是职务或意见',
        en: 'Signer “{{name}}” does not look like a name',
      },
    },
    docs: {
      examples: {
        invalid: [{ code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' }],
        valid: [{ code: '区财政局文件\n\n区财发〔2024〕3号　　签发人：王明\n\n# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' }],
      },
    },
  },
  create(context) {
    const upward = context.docType === '请示' || (context.docType === '报告' && context.direction === '上行');
    if (!upward) return {};
    const found: { block: GwBlock; index: number; names: string }[] = [];
    return {
      block(block) {
        // The 签发人 sits in the 版头 (often on the 发文字号 line); only look before the 正文.
        if (block.data.role === '正文' || block.data.role === '附件') return;
        const m = SIGNER.exec(block.data.norm);
        if (m) found.push({ block, index: m.index, names: m[1]! });
      },
      'document:exit'(doc) {
        if (found.length === 0) {
          const title = doc.children.find((b) => b.data.role === '标题') ?? doc.children[0];
          context.report({ messageId: 'missing', ...(title ? { block: title } : {}), data: { docType: context.docType! } });
          return;
        }
        for (const f of found) {
          const raw = f.names.trim();
          const endOfLabel = f.block.data.norm.length - f.names.length;
          if (!raw) {
            context.report({ messageId: 'empty', block: f.block, start: f.index, end: f.block.data.norm.length });
            continue;
          }
          // Several signers (联合行文) are separated by spaces.
          let pos = endOfLabel;
          for (const name of f.names.split(/([\s\u3000]+)/)) {
            if (name.trim() && (!NAME.test(name) || NOT_A_NAME.test(name)) && !/^[×XxＸ＊*□○]+$/.test(name)) {
              context.report({ messageId: 'badName', block: f.block, start: pos, end: pos + name.length, data: { name } });
            }
            pos += name.length;
          }
        }
      },
    };
  },
};
