import { RuleTester } from '../../src/engine/rule-tester.js';
import { consultationEvidence } from '../../src/rules/consultation-evidence.js';

const tester = new RuleTester();

const md = (body: string, tail = ''): string => `# 关于建设城东停车场的请示\n\n区政府：\n\n${body}\n\n妥否，请批示。${tail}\n\n区城市管理委\n\n2024年3月1日`;
const txt = (body: string): string => `关于建设城东停车场的请示\n区政府：\n${body}\n妥否，请批示。\n区城市管理委\n2024年3月1日`;
const trad = (body: string): string => `# 關於建設城東停車場的請示\n\n區政府：\n\n${body}\n\n妥否，請批示。\n\n區城市管理委\n\n2024年3月1日`;
const TOUCH = '项目用地涉及区规划和自然资源局职责，建设资金需区财政局安排。';
const BASIS = '条例 第十九条（六）、静海 第五十五条';

tester.run('consultation-evidence', consultationEvidence, {
  valid: [
    { name: 'both departments replied in writing', code: md(`${TOUCH}已书面征求区规划和自然资源局、区财政局意见，两部门均书面回复同意。`) },
    { name: 'a generic statement covers every department', code: md(`${TOUCH}已征求相关部门意见，相关部门均无异议。`) },
    { name: '会签 covers every department', code: md(`${TOUCH}本请示已经相关部门会签。`) },
    { name: 'a reply listed in the 附件说明', code: md(TOUCH, '\n\n附件：1.区规划和自然资源局复函\n2.区财政局复函') },
    { name: 'consulted though they disagree (dissent-listed’s business)', code: md('建设资金需区财政局安排。经与区财政局协商，未能达成一致。') },
    { name: 'the recipient and superior bodies are not other departments', code: md('恳请区政府批准建设，由区政府办公室统筹安排。') },
    { name: 'a department merely named, not given a part', code: md('根据区财政局2023年印发的通知精神，我委拟建设城东停车场。') },
    { name: 'a 报告 is not checked by default', code: '# 关于停车场建设情况的报告\n\n区政府：\n\n建设资金由区财政局安排。\n\n特此报告。' },
    { name: 'text input', filename: 'draft.txt', code: txt(`${TOUCH}已书面征求区规划和自然资源局、区财政局意见，两部门均书面回复同意。`) },
    {
      name: 'traditional script',
      code: trad('項目用地涉及區規劃和自然資源局職責，建設資金需區財政局安排。已書面徵求區規劃和自然資源局、區財政局意見，兩部門均書面回覆同意。'),
    },
    {
      name: 'traditional 復函 in the 附件说明 (覆函 once simplified)',
      code: trad('項目用地涉及區規劃和自然資源局職責，建設資金需區財政局安排。').replace('\n\n區城市管理委', '\n\n附件：1.區規劃和自然資源局復函\n2.區財政局復函\n\n區城市管理委'),
    },
  ],
  invalid: [
    {
      name: 'two departments, no opinion shown',
      code: md(TOUCH),
      errors: [
        {
          messageId: 'noOpinion',
          message: `请示涉及区规划和自然资源局的职权（“项目用地涉及区规划和自然资源局职责，建设资金需区财政局安排”），但未见其书面意见或会签：应事先书面征求意见，并写明其回复或会签情况（依据 ${BASIS}）`,
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 16,
        },
        { messageId: 'noOpinion', line: 5, column: 24, endColumn: 28 },
      ],
    },
    {
      name: 'one consulted, the other not',
      code: md(`${TOUCH}已书面征求区财政局意见，区财政局书面回复同意。`),
      errors: [{ messageId: 'noOpinion', line: 5, column: 7, endColumn: 16 }],
    },
    {
      name: '未征求 is not evidence',
      code: md('建设资金需区财政局安排，因时间紧未征求区财政局意见。'),
      errors: [{ messageId: 'noOpinion', line: 5, column: 6, endColumn: 10 }],
    },
    {
      name: 'a 处室 inside a bureau, for all 文种',
      code: '# 关于调整办公用房的报告\n\n局领导：\n\n调整方案涉及资产管理处职责，所需经费由财务管理处安排。\n\n特此报告。\n\n综合处\n\n2024年3月1日',
      options: { docTypes: ['报告'] },
      errors: [
        { messageId: 'noOpinion', message: /^报告涉及资产管理处的职权/, line: 5, column: 7, endColumn: 12 },
        { messageId: 'noOpinion', line: 5, column: 20, endColumn: 25 },
      ],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt(TOUCH),
      errors: [
        { messageId: 'noOpinion', line: 3, column: 7, endColumn: 16 },
        { messageId: 'noOpinion', line: 3, column: 24, endColumn: 28 },
      ],
    },
    {
      name: 'traditional script quotes the original',
      code: trad('項目用地涉及區規劃和自然資源局職責，建設資金需區財政局安排。'),
      errors: [
        { messageId: 'noOpinion', message: /^请示涉及區規劃和自然資源局的职权（“項目用地涉及區規劃和自然資源局職責，建設資金需區財政局安排”）/, line: 5, column: 7, endColumn: 16 },
        { messageId: 'noOpinion', line: 5, column: 24, endColumn: 28 },
      ],
    },
  ],
});
