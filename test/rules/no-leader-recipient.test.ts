import { RuleTester } from '../../src/engine/rule-tester.js';
import { noLeaderRecipient } from '../../src/rules/no-leader-recipient.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();
const Q = (to: string, sign = '区交通局'): string => `# 关于调整公交线路的请示\n\n${to}\n\n恳请批准调整公交线路4条。\n\n妥否，请批示。\n\n${sign}\n\n2024年5月10日`;

tester.run('no-leader-recipient', noLeaderRecipient, {
  valid: [
    Q('区政府：'),
    { name: 'the general office', code: Q('区政府办公室：') },
    { name: 'a committee is not a 委员', code: Q('区人大常委会：') },
    { name: 'a leading group is not a leader', code: Q('区防汛抗旱指挥部：') },
    { name: 'a 通知 to leaders is not upward', code: '# 关于参加培训的通知\n\n各位领导：\n\n请按时参加培训。' },
    { name: 'text input', filename: 'draft.txt', code: '关于调整公交线路的请示\n区政府：\n恳请批准。\n妥否，请批示。\n区交通局\n2024年5月10日' },
  ],
  invalid: [
    {
      name: 'a district head by name',
      code: Q('张区长：'),
      errors: [{ messageId: 'toLeader', message: '主送机关“张区长”是领导者个人：上行文应主送上级机关（如“区政府”），不得主送领导者个人（上级机关负责人直接交办的事项除外）', line: 3, column: 1, endLine: 3, endColumn: 4 }],
    },
    {
      name: 'text input: the leaders of a body',
      filename: 'draft.txt',
      code: '关于城市管理工作情况的报告\n区政府主要领导：\n今年以来工作平稳有序。\n特此报告。',
      errors: [{ message: '主送机关“区政府主要领导”是领导者个人：上行文应主送上级机关（如“区政府”），不得主送领导者个人（上级机关负责人直接交办的事项除外）', line: 2, column: 1, endColumn: 8 }],
    },
    {
      name: 'traditional 省局領導',
      code: '# 關於稅收徵管工作情況的報告\n\n省局領導：\n\n一季度組織稅收收入18.6億元。\n\n特此報告。',
      errors: [{ message: '主送机关“省局領導”是领导者个人：上行文应主送上级机关（如“省局”），不得主送领导者个人（上级机关负责人直接交办的事项除外）', line: 3, column: 1, endColumn: 5 }],
    },
    {
      name: 'two leaders',
      code: Q('王区长、李副区长：'),
      errors: [
        { line: 3, column: 1, endColumn: 4 },
        { line: 3, column: 5, endColumn: 9 },
      ],
    },
    {
      name: 'signed by the head in person',
      code: Q('区政府：', '局长　王明'),
      errors: [{ messageId: 'personalSender', message: '以负责人个人名义“局长　王明”报送：上行文以机关名义行文，署名应为发文机关全称或规范化简称', line: 9, column: 1, endColumn: 6 }],
    },
  ],
});

checkExamples(noLeaderRecipient);
