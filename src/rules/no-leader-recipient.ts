import type { Rule } from '../engine/types.js';
import { recipientsOf } from './lib/organisation.js';
import { TIAOLI_15_5, ZHIFU_53 } from './lib/routing-cites.js';

/** Posts of the people a draft must not be addressed to. */
const POST = '(?:常务副|副)?(?:总理|省长|市长|区长|县长|州长|镇长|乡长|主席|书记|局长|厅长|部长|处长|科长|主任|院长|署长|秘书长|司长|总经理|董事长|行长|校长|馆长|站长|所长|队长|社长|经理|委员)';
/** "张区长", "王局长", "尊敬的李书记", "省局领导", "各位领导", "区政府主要领导同志", "分管副区长". */
const PERSON = new RegExp(
  `^(?:尊敬的|敬爱的)?(?:各位|分管|主管)?[\\u4e00-\\u9fa5]{0,16}?(?:${POST}|领导(?:同志)?|负责同志|主要负责人|负责人)(?:同志)?$`,
);
/** Bodies whose names end like a post: 区委员会 is not 委员, 领导小组 is not 领导. */
const NOT_A_PERSON = /(委员会|小组|办公室|会议|办公会|热线|信箱|工作室)$/;
/** A 署名 that is a person: "局长　张明", "区城管局局长王明", "张明（局长）". */
const PERSONAL_SIGNATURE = new RegExp(`^(?:[\\u4e00-\\u9fa5]{0,16}?${POST})[\\s：:]*[\\u4e00-\\u9fa5·]{2,4}$|^[\\u4e00-\\u9fa5·]{2,4}[（(]${POST}[）)]$`);

export const noLeaderRecipient: Rule = {
  meta: {
    id: 'no-leader-recipient',
    description: {
      zh: '上行文主送上级机关，不主送领导者个人，也不以本机关负责人个人名义报送',
      en: 'An upward document is addressed to the superior body, not to a leader in person, and not sent in a leader’s own name',
    },
    // The clause has an exception the text cannot show (负责人直接交办的事项).
    severity: 'warning',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_5, ZHIFU_53],
    messages: {
      toLeader: {
        zh: '主送机关“{{name}}”是领导者个人：上行文应主送上级机关（如“{{body}}”），不得主送领导者个人（上级机关负责人直接交办的事项除外）',
        en: '“{{name}}” is a leader in person: address the superior body (e.g. “{{body}}”), unless the leader assigned the matter directly',
      },
      personalSender: {
        zh: '以负责人个人名义“{{name}}”报送：上行文以机关名义行文，署名应为发文机关全称或规范化简称',
        en: 'Sent in a leader’s own name (“{{name}}”): an upward document is signed by the body',
      },
    },
    docs: {
      rationale: {
        zh: '公文是机关之间的行文。直接送领导个人的公文绕开了收文办理程序，各地工作规则都要求统一送办公室按程序办理；只有上级机关负责人直接交办的事项可以直接报送（此时可在文中写明，或用 gwlint-disable 注释关闭本条）。',
        en: 'Documents go between bodies; one sent to a leader in person skips the registry. Matters the leader assigned directly are the exception (say so, or disable the rule for the line).',
      },
      examples: {
        invalid: [{ code: '# 关于购置执法车辆的请示\n\n张区长：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' }],
        valid: [{ code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' }],
      },
    },
  },
  create(context) {
    if (context.direction !== '上行') return {};
    return {
      'role:主送机关'(block) {
        for (const body of recipientsOf(block)) {
          const name = body.name.replace(/[\s\u3000]+/g, '');
          if (!PERSON.test(name) || NOT_A_PERSON.test(name)) continue;
          context.report({ messageId: 'toLeader', block, start: body.start, end: body.end, data: { name: block.data.text.slice(body.start, body.end), body: bodyFor(name, block.data.text.slice(body.start, body.end).replace(/[\s\u3000]+/g, '')) } });
        }
      },
      'role:发文机关署名'(block) {
        const name = block.data.norm.replace(/&\w+;/g, '').trim();
        if (!PERSONAL_SIGNATURE.test(name.replace(/[\s\u3000]+/g, ' ')) || NOT_A_PERSON.test(name)) return;
        const start = block.data.norm.indexOf(name);
        context.report({ messageId: 'personalSender', block, start, end: start + name.length, data: { name: block.data.text.slice(start, start + name.length) } });
      },
    };
  },
};

/**
 * The body a leader belongs to, as a suggestion in the draft's own script: 张区长 → 区政府, 省局领导 → 省局,
 * 市发改委领导 → 市发改委. `name` is the simplified view, `written` the same text as written (same length).
 */
function bodyFor(name: string, written: string): string {
  const lead = /^(尊敬的|敬爱的|各位|分管|主管)/.exec(name)?.[0].length ?? 0;
  const rest = name.slice(lead).replace(/(主要)?(领导同志|领导|负责同志|主要负责人|负责人)(同志)?$/, '');
  if (rest.length < name.length - lead && rest.length >= 2 && /(政府|委|局|厅|部|办|院|中心|室)$/.test(rest)) return written.slice(lead, lead + rest.length);
  const gov = /(省|市|区|县|镇|乡)长$/.exec(name);
  if (gov) return `${written[gov.index]}政府`;
  return '上级机关';
}
