import { RuleTester } from '../../src/engine/rule-tester.js';
import { dissentListed } from '../../src/rules/dissent-listed.js';

const tester = new RuleTester();

const md = (body: string): string => `# 关于老旧小区改造资金来源的请示\n\n区政府：\n\n${body}\n\n妥否，请批示。\n\n区住房建设委\n\n2024年3月1日`;
const txt = (body: string): string => `关于老旧小区改造资金来源的请示\n区政府：\n${body}\n妥否，请批示。\n区住房建设委\n2024年3月1日`;
const trad = (body: string): string => `# 關於老舊小區改造資金來源的請示\n\n區政府：\n\n${body}\n\n妥否，請批示。\n\n區住房建設委\n\n2024年3月1日`;
const BASIS = '静海 第五十五条、洪山 五十二、通州 五十六';

const FULL =
  '我局与区财政局就改造资金来源意见不一致。我局认为应由区级财政全额安排，理由是该项目列入区政府民生实事，依据《区政府2024年民生实事项目清单》。区财政局认为应由街道自筹30%，理由是区级财力紧张，依据《区级财政资金管理办法》第十二条。我局建议由区级财政全额安排。';
const FULL_TRAD =
  '我局與區財政局就改造資金來源意見不一致。我局認為應由區級財政全額安排，理由是該項目列入區政府民生實事，依據《區政府2024年民生實事項目清單》。區財政局認為應由街道自籌30%，理由是區級財力緊張，依據《區級財政資金管理辦法》第十二條。我局建議由區級財政全額安排。';

tester.run('dissent-listed', dissentListed, {
  valid: [
    { name: 'both sides with reasons and basis, and a proposal', code: md(FULL) },
    { name: 'no disagreement reported', code: md('经与区财政局协商，双方已达成一致意见。恳请批准。') },
    { name: '不存在分歧 is not a disagreement', code: md('经征求意见，各部门不存在分歧。恳请批准。') },
    { name: 'a 报告 is not checked', code: '# 关于改造工作的报告\n\n区政府：\n\n我局与区财政局意见不一致。\n\n特此报告。' },
    { name: 'reasons alone suffice when basis is not required', code: md('我局与区财政局意见不一致。我局认为应全额安排，理由是列入民生实事。区财政局认为应由街道自筹，原因是财力紧张。我局建议全额安排。'), options: { requireBasis: false } },
    { name: 'text input', filename: 'draft.txt', code: txt(FULL) },
    { name: 'traditional script', code: trad(FULL_TRAD) },
  ],
  invalid: [
    {
      name: 'disagreement without sides or proposal',
      code: md('我局与区财政局就改造资金来源意见不一致，请区政府协调。'),
      errors: [
        {
          messageId: 'oneSide',
          message: `请示反映意见分歧（“意见不一致”），但未列明各方意见：应写明各方（如“甲局认为……理由是……依据……”“乙局认为……”）的理由和依据（依据 ${BASIS}）`,
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 20,
        },
        { messageId: 'noProposal', message: `请示反映意见分歧（“意见不一致”），但未提出办理建议：应在文中提出倾向性意见或办理建议（依据 ${BASIS}）`, line: 5, column: 15, endColumn: 20 },
      ],
    },
    {
      name: 'one side without basis, the other without reasons',
      code: md('我局与区财政局意见不一致。我局认为应由区级财政全额安排，理由是该项目列入民生实事。区财政局认为应由街道自筹，依据《区级财政资金管理办法》。我局建议全额安排。'),
      errors: [
        { messageId: 'sideLacks', message: `我局的意见未写明依据：意见分歧应列明各方理由和依据（依据 ${BASIS}）`, line: 5, column: 14, endColumn: 18 },
        { messageId: 'sideLacks', message: `区财政局的意见未写明理由：意见分歧应列明各方理由和依据（依据 ${BASIS}）`, line: 5, column: 42, endColumn: 48 },
      ],
    },
    {
      name: 'a side’s own 建议 is not the lead department’s proposal',
      code: md('我局与区财政局意见不一致。我局认为应全额安排，理由是列入民生实事，依据民生实事清单。区财政局认为应由街道自筹，理由是财力紧张，依据资金管理办法。'),
      errors: [{ messageId: 'noProposal', line: 5, column: 8, endColumn: 13 }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt('我局与区财政局就改造资金来源存在分歧，请区政府协调。'),
      errors: [
        { messageId: 'oneSide', line: 3, column: 15, endColumn: 19 },
        { messageId: 'noProposal', line: 3, column: 15, endColumn: 19 },
      ],
    },
    {
      name: 'traditional script quotes the original',
      code: trad('我局與區財政局就改造資金來源意見不一致，請區政府協調。'),
      errors: [
        { messageId: 'oneSide', message: `请示反映意见分歧（“意見不一致”），但未列明各方意见：应写明各方（如“甲局认为……理由是……依据……”“乙局认为……”）的理由和依据（依据 ${BASIS}）`, line: 5, column: 15, endColumn: 20 },
        { messageId: 'noProposal', line: 5, column: 15, endColumn: 20 },
      ],
    },
  ],
});
