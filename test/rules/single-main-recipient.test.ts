import { RuleTester } from '../../src/engine/rule-tester.js';
import { singleMainRecipient } from '../../src/rules/single-main-recipient.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();
const TREE = { 区城管局: '区政府', 区政府: '市政府', 市政府: '省政府' };
const ASK = '恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区城管局\n\n2024年3月1日';

tester.run('single-main-recipient', singleMainRecipient, {
  valid: [
    `# 关于购置执法车辆的请示\n\n区政府：\n\n${ASK}\n\n抄送：区财政局。`,
    { name: 'a 通知 goes to many', code: '# 关于做好防汛工作的通知\n\n各街道办事处，区政府各部门：\n\n请做好防汛工作。' },
    { name: 'one body with commas inside brackets', filename: 'draft.txt', code: '关于防汛工作情况的报告\n省（自治区、直辖市）防汛指挥部：\n今年汛期平稳。\n特此报告。' },
    { name: 'the direct superior (tree)', options: { organisation: TREE }, code: `# 关于购置执法车辆的请示\n\n区政府：\n\n${ASK}` },
    { name: 'skipping a level with the skipped body copied', options: { organisation: TREE }, code: `# 关于购置执法车辆的请示\n\n市政府：\n\n${ASK}\n\n抄送：区政府。` },
    { name: 'traditional, one body', code: '# 關於購置執法車輛的請示\n\n區政府：\n\n懇請批准。\n\n妥否，請批示。' },
  ],
  invalid: [
    {
      name: 'two bodies',
      code: '# 关于购置执法车辆的请示\n\n市政府、市财政局：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。',
      errors: [{ messageId: 'several', message: '上行文原则上主送一个上级机关，此处主送了 2 个（市政府、市财政局）：只主送负责办理的上级机关，其他机关列入抄送', line: 3, column: 5, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'text input: party committee and government',
      filename: 'draft.txt',
      code: '关于购置执法车辆的请示\n区委、区政府：\n恳请批准购置执法车辆2辆。\n妥否，请批示。',
      errors: [{ messageId: 'several', line: 2, column: 4, endColumn: 7 }],
    },
    {
      name: 'traditional, three bodies',
      code: '# 關於建設養老服務中心的請示\n\n區政府、區發改委、區財政局：\n\n懇請批准建設。\n\n妥否，請批示。',
      errors: [{ message: '上行文原则上主送一个上级机关，此处主送了 3 个（區政府、區發改委、區財政局）：只主送负责办理的上级机关，其他机关列入抄送', line: 3, column: 5, endColumn: 14 }],
    },
    {
      name: 'skipping a level (tree)',
      options: { organisation: TREE },
      code: `# 关于购置执法车辆的请示\n\n市政府：\n\n${ASK}`,
      errors: [{ messageId: 'skipLevel', message: '越级行文：区城管局的直接上级是区政府，此文直接主送市政府。一般不得越级行文；特殊情况越级的，应同时抄送被越过的区政府', line: 3, column: 1, endColumn: 4 }],
    },
    {
      name: 'skipping two levels, one copied',
      options: { organisation: TREE },
      code: `# 关于购置执法车辆的请示\n\n省政府：\n\n${ASK}\n\n抄送：区政府。`,
      errors: [{ messageId: 'skipLevel', message: /应同时抄送被越过的市政府$/ }],
    },
  ],
});

checkExamples(singleMainRecipient);
