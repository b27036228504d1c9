import { RuleTester } from '../../src/engine/rule-tester.js';
import { signerRequired } from '../../src/rules/signer-required.js';

const tester = new RuleTester();

const QINGSHI_BODY = '市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n区财政局\n\n2024年3月1日';

tester.run('signer-required', signerRequired, {
  valid: [
    { name: '请示 with signer on the 发文字号 line', code: `区财政局文件\n\n区财发〔2024〕3号　　签发人：王明\n\n# 关于购置执法车辆的请示\n\n${QINGSHI_BODY}` },
    { name: 'two signers (联合行文)', code: `区财发〔2024〕3号\n\n签发人：王明　李建国\n\n# 关于购置执法车辆的请示\n\n${QINGSHI_BODY}` },
    { name: '通知 needs none', code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n特此通知。' },
    { name: '报告 declared 平行 needs none', code: '# 关于工作情况的报告\n\n区档案馆：\n\n今年完成任务。\n\n特此报告。', declared: { direction: '平行' } },
    { name: 'traditional script', code: `區財發〔2024〕3號　　簽發人：王明\n\n# 關於購置執法車輛的請示\n\n市政府：\n\n懇請批准購置執法車輛2輛。\n\n妥否，請批示。` },
    { name: 'text input', filename: 'draft.txt', code: `区财发〔2024〕3号　　签发人：王明\n关于购置执法车辆的请示\n市政府：\n恳请批准购置执法车辆2辆。\n妥否，请批示。` },
  ],
  invalid: [
    {
      name: '请示 without signer',
      code: `# 关于购置执法车辆的请示\n\n${QINGSHI_BODY}`,
      errors: [{ messageId: 'missing', message: '请示是上行文，应在版头标注“签发人：姓名”', line: 1, column: 3, endLine: 1, endColumn: 14 }],
    },
    {
      name: 'empty 签发人',
      code: `区财发〔2024〕3号　　签发人：\n\n# 关于购置执法车辆的请示\n\n${QINGSHI_BODY}`,
      errors: [{ messageId: 'empty', line: 1, column: 14 }],
    },
    {
      name: 'traditional script without signer',
      code: '# 關於購置執法車輛的請示\n\n市政府：\n\n懇請批准購置執法車輛2輛。\n\n妥否，請批示。',
      errors: [{ messageId: 'missing', line: 1, column: 3 }],
    },
    {
      name: 'text input, 报告 to a higher body',
      filename: 'draft.txt',
      code: '关于2024年工作情况的报告\n市政府：\n今年完成各项任务。\n特此报告。',
      errors: [{ messageId: 'missing', line: 1, column: 1, endColumn: 15 }],
    },
    {
      name: 'not a name',
      code: `签发人：局长\n\n# 关于购置执法车辆的请示\n\n${QINGSHI_BODY}`,
      errors: [{ messageId: 'badName', line: 1, column: 5, endColumn: 7 }],
    },
  ],
});
