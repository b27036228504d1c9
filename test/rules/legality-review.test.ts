import { RuleTester } from '../../src/engine/rule-tester.js';
import { legalityReview } from '../../src/rules/legality-review.js';

const tester = new RuleTester();

const md = (body: string, attachments = ''): string =>
  `# 关于代区政府起草《招商引资奖励办法》的请示\n\n区政府：\n\n${body}\n\n妥否，请批示。${attachments ? `\n\n${attachments}` : ''}\n\n区商务局\n\n2024年3月1日`;
const txt = (body: string, attachments = ''): string =>
  `关于代区政府起草《招商引资奖励办法》的请示\n区政府：\n${body}\n妥否，请批示。${attachments ? `\n${attachments}` : ''}\n区商务局\n2024年3月1日`;
const ISSUE = '为优化营商环境，我局代拟了《招商引资奖励办法》，拟以区政府名义印发。';
const FAIR = '起草中已进行公平竞争审查，未发现排除、限制竞争的内容。';
const REVIEW_ATTACHED = '附件：1.招商引资奖励办法（代拟稿）\n2.合法性审查意见';

tester.run('legality-review', legalityReview, {
  valid: [
    { name: 'review attached, fair competition reported', code: md(ISSUE + FAIR, REVIEW_ATTACHED) },
    { name: 'the review stated in the body', code: md(`${ISSUE}代拟稿已经本局法制机构合法性审查。${FAIR}`) },
    { name: 'a 请示 on an ordinary matter', code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' },
    { name: 'fair competition not checked when off', code: md(ISSUE, REVIEW_ATTACHED), options: { fairCompetition: false } },
    { name: 'text input', filename: 'draft.txt', code: txt(ISSUE + FAIR, REVIEW_ATTACHED) },
    {
      name: 'traditional script',
      code: '# 關於代區政府起草《招商引資獎勵辦法》的請示\n\n區政府：\n\n為優化營商環境，我局代擬了《招商引資獎勵辦法》，擬以區政府名義印發。起草中已進行公平競爭審查。\n\n妥否，請批示。\n\n附件：1.招商引資獎勵辦法（代擬稿）\n2.合法性審查意見\n\n區商務局\n\n2024年3月1日',
    },
  ],
  invalid: [
    {
      name: 'neither review shown',
      code: md(ISSUE),
      errors: [
        {
          messageId: 'noLegality',
          message: '拟以区政府名义下发的文件应附具合法性审查意见，但文中未见合法性审查情况（依据 通州 十六、通州 五十一）',
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 24,
        },
        { messageId: 'noFairCompetition', message: '涉及“招商引资”等市场主体经济活动，应就公平竞争审查情况作出说明（依据 通州 十六）', line: 1, column: 12, endColumn: 16 },
      ],
    },
    {
      name: '未经合法性审查 is not a review',
      code: md(`${ISSUE}因时间紧，代拟稿未经合法性审查。${FAIR}`),
      errors: [{ messageId: 'noLegality', line: 1, column: 3 }],
    },
    {
      name: 'a request on a major matter',
      code: '# 关于城东片区改造方案的请示\n\n区政府：\n\n城东片区改造属于重大事项，恳请提请区政府常务会议研究。\n\n妥否，请批示。\n\n区住房建设委\n\n2024年3月1日',
      errors: [{ messageId: 'noLegality', message: '提请区政府决策的重大事项应附具合法性审查意见，但文中未见合法性审查情况（依据 通州 十六、通州 五十一）', line: 1, column: 3 }],
    },
    {
      name: 'a normative document',
      code: '# 关于印发《停车管理办法》的通知\n\n各街道：\n\n现将《停车管理办法》印发给你们。\n\n本办法自2024年7月1日起施行，有效期5年。\n\n区城管局\n\n2024年6月1日',
      errors: [{ messageId: 'noLegality', message: '规范性文件应附具合法性审查意见，但文中未见合法性审查情况（依据 通州 十六、通州 五十一）' }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt(ISSUE + FAIR),
      errors: [{ messageId: 'noLegality', line: 1, column: 1, endColumn: 22 }],
    },
    {
      name: 'traditional script quotes the original',
      code: '# 關於代區政府起草《招商引資獎勵辦法》的請示\n\n區政府：\n\n為優化營商環境，我局代擬了《招商引資獎勵辦法》，擬以區政府名義印發。\n\n妥否，請批示。\n\n附件：1.招商引資獎勵辦法（代擬稿）\n2.合法性審查意見\n\n區商務局\n\n2024年3月1日',
      errors: [{ messageId: 'noFairCompetition', message: '涉及“招商引資”等市场主体经济活动，应就公平竞争审查情况作出说明（依据 通州 十六）', line: 1, column: 12, endColumn: 16 }],
    },
  ],
});
