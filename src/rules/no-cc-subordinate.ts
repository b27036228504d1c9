import type { Rule } from '../engine/types.js';
import { ccOf, isBelow, levelOf, ORGANISATION_SCHEMA, SENDER_SCHEMA, senderOf, type OrgTree } from './lib/organisation.js';
import { TIAOLI_15_1 } from './lib/routing-cites.js';

/** Collective names that are below (or inside) the sender whoever it is. */
const SUBORDINATE_GROUP = /^(局属|委属|办属|厅属|所属|下属|直属|本(局|委|办|厅|单位|系统|部门)(所属|下属)?|(局|委|厅|办)机关)各?|^各(科室|处室|股室|科|股|中队|所|站|基层单位|下属单位|直属单位|所属单位|二级单位)$|^各(中小学|学校|幼儿园|卫生院|社区|村|居委会|村委会)$/;

const LEVEL_NAME = ['中央', '省级', '市级', '区县级', '街道乡镇级', '社区村级'];

export const noCcSubordinate: Rule = {
  meta: {
    id: 'no-cc-subordinate',
    description: {
      zh: '请示等上行文不抄送下级机关',
      en: 'A 请示 (and any upward document) is not copied to lower bodies',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_1],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { organisation: ORGANISATION_SCHEMA, sender: SENDER_SCHEMA },
    },
    messages: {
      lower: {
        zh: '上行文抄送了下级机关“{{name}}”（{{why}}）：向上级机关行文不抄送下级机关，需要下级执行的事项待上级批准后另行发文',
        en: 'An upward document is copied to the lower body “{{name}}” ({{why}}); do not copy lower bodies — instruct them separately once approved',
      },
    },
    docs: {
      rationale: {
        zh: '请示的事项尚未批准，抄送下级机关等于提前部署未定事项，也让上级失去决定余地。只抄送相关的上级机关和同级机关。下级由名称判断（“各街道”“局属各单位”，或下级行政层级的机关，如区级机关发文抄送街道）；配置了机关隶属关系（organisation 选项）时以它为准。',
        en: 'What a 请示 asks is not decided yet: copying lower bodies announces it early. Lower bodies are recognised by name (各街道, 局属各单位, a 街道 copied by a 区 body) or, when configured, by the organisation tree.',
      },
      examples: {
        invalid: [{ code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区城管局\n\n2024年3月1日\n\n抄送：区财政局，各街道办事处。' }],
        valid: [{ code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区城管局\n\n2024年3月1日\n\n抄送：区财政局。' }],
      },
    },
  },
  create(context) {
    if (context.direction !== '上行') return {};
    return {
      'document:exit'(doc) {
        const cc = doc.children.filter((b) => b.data.role === '抄送');
        if (cc.length === 0) return;
        const tree = context.options.organisation as OrgTree | undefined;
        const sender = senderOf(doc, context.options.sender as string | undefined);
        const senderLevel = sender ? levelOf(sender) : undefined;
        for (const block of cc) {
          for (const body of ccOf(block)) {
            const name = body.name.replace(/[\s\u3000]+/g, '');
            let why: string | undefined;
            if (tree && sender && isBelow(tree, name, sender)) why = `按机关隶属关系是${sender}的下级`;
            else if (SUBORDINATE_GROUP.test(name) || /^各(街道|乡镇|镇|乡|街道办事处|镇街)/.test(name) && (senderLevel ?? 3) <= 3) why = '下属单位的统称';
            else if (senderLevel !== undefined && sender) {
              const level = /^各/.test(name) ? levelOf(name.slice(1)) : levelOf(name);
              if (level !== undefined && level > senderLevel) why = `${LEVEL_NAME[level]}机关，低于发文机关${sender}（${LEVEL_NAME[senderLevel]}）`;
            }
            if (!why) continue;
            context.report({ messageId: 'lower', block, start: body.start, end: body.end, data: { name: block.data.text.slice(body.start, body.end), why } });
          }
        }
      },
    };
  },
};
