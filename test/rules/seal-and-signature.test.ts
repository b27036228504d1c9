import { RuleTester } from '../../src/engine/rule-tester.js';
import { sealAndSignature } from '../../src/rules/seal-and-signature.js';

const tester = new RuleTester();

const HEAD = '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。';
const HEAD_TRAD = '# 關於購置執法車輛的請示\n\n區政府：\n\n懇請批准購置執法車輛2輛。\n\n妥否，請批示。';
const BASIS = '芝罘 五十四、条例 第九条（十三）、GB/T 9704 7.3.5.1';

tester.run('seal-and-signature', sealAndSignature, {
  valid: [
    { name: '请示 with 署名 and 成文日期', code: `${HEAD}\n\n区城市管理局\n\n2024年3月1日` },
    { name: '报告 with both', code: '# 关于2024年执法工作情况的报告\n\n区政府：\n\n今年完成各项执法任务。\n\n特此报告。\n\n区城市管理局\n\n2024年12月20日' },
    { name: 'a 通知 is not checked', code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。' },
    { name: 'a formal 请示 with its 发文字号', code: `区城管发〔2024〕3号　　签发人：王明\n\n${HEAD}\n\n区城市管理局\n\n2024年3月1日`, options: { requireDocNumber: true } },
    { name: 'text input', filename: 'draft.txt', code: '关于购置执法车辆的请示\n区政府：\n恳请批准购置执法车辆2辆。\n妥否，请批示。\n区城市管理局\n2024年3月1日' },
    { name: 'traditional script', code: `${HEAD_TRAD}\n\n區城市管理局\n\n2024年3月1日` },
  ],
  invalid: [
    {
      name: 'neither 署名 nor 成文日期: both reported where they belong',
      code: HEAD,
      errors: [
        { messageId: 'noSignature', message: `请示缺少发文机关署名：单位公章须端正、居中下压发文机关署名和成文日期（依据 ${BASIS}）`, line: 7, column: 1, endLine: 7, endColumn: 8 },
        { messageId: 'noDate', message: `请示缺少成文日期：单位公章须下压发文机关署名和成文日期（依据 ${BASIS}）`, line: 7, column: 1, endLine: 7, endColumn: 8 },
      ],
    },
    {
      name: 'a 署名 without 成文日期 is not a 署名: reported at the closing',
      code: `${HEAD}\n\n区城市管理局`,
      errors: [
        { messageId: 'noSignature', line: 9, column: 1, endColumn: 7 },
        { messageId: 'noDate', line: 9, column: 1, endColumn: 7 },
      ],
    },
    {
      name: '成文日期 without 署名',
      code: `${HEAD}\n\n2024年3月1日`,
      errors: [{ messageId: 'noSignature', message: `请示缺少发文机关署名：单位公章须端正、居中下压发文机关署名和成文日期（依据 ${BASIS}）`, line: 9, column: 1, endColumn: 10 }],
    },
    {
      name: 'a 报告 without either',
      code: '# 关于2024年执法工作情况的报告\n\n区政府：\n\n今年完成各项执法任务。\n\n特此报告。',
      errors: [
        { messageId: 'noSignature', message: `报告缺少发文机关署名：单位公章须端正、居中下压发文机关署名和成文日期（依据 ${BASIS}）`, line: 7, column: 1 },
        { messageId: 'noDate', line: 7, column: 1 },
      ],
    },
    {
      name: 'no 发文字号 when the formal form is required',
      code: `${HEAD}\n\n区城市管理局\n\n2024年3月1日`,
      options: { requireDocNumber: true },
      errors: [{ messageId: 'noDocNumber', message: `请示应以正式公文形式报送，但没有发文字号（依据 ${BASIS}）`, line: 1, column: 3, endColumn: 14 }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: '关于购置执法车辆的请示\n区政府：\n恳请批准购置执法车辆2辆。\n妥否，请批示。\n2024年3月1日',
      errors: [{ messageId: 'noSignature', line: 5, column: 1, endColumn: 10 }],
    },
    {
      name: 'traditional script',
      code: HEAD_TRAD,
      errors: [
        { messageId: 'noSignature', line: 7, column: 1, endColumn: 8 },
        { messageId: 'noDate', line: 7, column: 1, endColumn: 8 },
      ],
    },
  ],
});
