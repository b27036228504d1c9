import type { Rule } from '../engine/types.js';
import { ccOf, findInTree, ORGANISATION_SCHEMA, recipientsOf, SENDER_SCHEMA, senderOf, superiorsOf, type OrgTree } from './lib/organisation.js';
import { TIAOLI_14, TIAOLI_15_1, TIAOLI_15_6, ZHIFU_53 } from './lib/routing-cites.js';

/**
 * 上行文原则上主送一个上级机关 (条例 第十五条（一）), and — when the organisation tree is configured — that one is the
 * direct superior: 越级行文 only with the skipped body in 抄送 (第十四条).
 */
export const singleMainRecipient: Rule = {
  meta: {
    id: 'single-main-recipient',
    description: {
      zh: '上行文原则上只主送一个上级机关（直接上级，不越级）；其他需要知晓的机关列入抄送',
      en: 'An upward document is addressed to one superior (the direct one, no skipping levels); others go to 抄送',
    },
    // 原则上 ("as a rule"): there are exceptions the text cannot show.
    severity: 'warning',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_1, TIAOLI_15_6, TIAOLI_14, ZHIFU_53],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { organisation: ORGANISATION_SCHEMA, sender: SENDER_SCHEMA },
    },
    messages: {
      several: {
        zh: '上行文原则上主送一个上级机关，此处主送了 {{count}} 个（{{names}}）：只主送负责办理的上级机关，其他机关列入抄送',
        en: 'An upward document goes to one superior, not {{count}} ({{names}}): address the one that handles it and copy the others',
      },
      skipLevel: {
        zh: '越级行文：{{sender}}的直接上级是{{parent}}，此文直接主送{{recipient}}。一般不得越级行文；特殊情况越级的，应同时抄送被越过的{{skipped}}',
        en: 'Skips a level: the direct superior of {{sender}} is {{parent}}, but this goes to {{recipient}}. If it must, copy {{skipped}}',
      },
    },
    docs: {
      rationale: {
        zh: '多头主送使责任不清、重复办理，各地工作规则都要求“不得多头报文”；受双重领导的机关也只向一个上级机关行文，必要时抄送另一个。配置了机关隶属关系（organisation 选项：机关 → 直接上级）时，还检查是否越级，越级而抄送了被越过的机关不报。',
        en: 'Several main recipients blur who must act. With the organisation option (body → direct superior) the rule also flags skipping a level, unless the skipped body is copied.',
      },
      examples: {
        invalid: [
          { code: '# 关于购置执法车辆的请示\n\n市政府、市财政局：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' },
          {
            code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区城管局\n\n2024年3月1日',
            options: { organisation: { 区城管局: '区政府', 区政府: '市政府' } },
          },
        ],
        valid: [
          { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n抄送：市财政局。' },
          {
            code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区城管局\n\n2024年3月1日',
            options: { organisation: { 区城管局: '区政府', 区政府: '市政府' } },
          },
        ],
      },
    },
  },
  create(context) {
    if (context.direction !== '上行') return {};
    return {
      'document:exit'(doc) {
        const block = doc.children.find((b) => b.data.role === '主送机关');
        if (!block) return;
        const bodies = recipientsOf(block);
        if (bodies.length > 1) {
          const second = bodies[1]!;
          context.report({
            messageId: 'several',
            block,
            start: second.start,
            end: bodies[bodies.length - 1]!.end,
            data: { count: bodies.length, names: bodies.map((b) => block.data.text.slice(b.start, b.end)).join('、') },
          });
          return;
        }
        const tree = context.options.organisation as OrgTree | undefined;
        if (!tree || bodies.length !== 1) return;
        const sender = senderOf(doc, context.options.sender as string | undefined);
        if (!sender) return;
        const chain = superiorsOf(tree, sender);
        const recipient = findInTree(tree, bodies[0]!.name);
        if (!recipient || chain.length === 0) return;
        const at = chain.indexOf(recipient);
        if (at <= 0) return;
        const skipped = chain.slice(0, at);
        const copied = doc.children.filter((b) => b.data.role === '抄送').flatMap((b) => ccOf(b).map((x) => findInTree(tree, x.name)));
        const missing = skipped.filter((s) => !copied.includes(s));
        if (missing.length === 0) return;
        context.report({
          messageId: 'skipLevel',
          block,
          start: bodies[0]!.start,
          end: bodies[0]!.end,
          data: { sender, parent: chain[0]!, recipient: block.data.text.slice(bodies[0]!.start, bodies[0]!.end), skipped: missing.join('、') },
        });
      },
    };
  },
};
