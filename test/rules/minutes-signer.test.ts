import { RuleTester } from '../../src/engine/rule-tester.js';
import { minutesSigner } from '../../src/rules/minutes-signer.js';

const tester = new RuleTester();

const exec = (signer: string, opening = '2024年5月10日，区长王明主持召开区政府第12次常务会议，研究防汛工作。'): string =>
  `区政府常务会议纪要\n\n${signer}\n\n${opening}\n\n会议要求，各街道做好防汛准备。`;
const topical = (signer: string, opening = '2024年5月10日，副区长李强主持召开专题会议，研究城东停车场建设。'): string =>
  `区政府专题会议纪要\n\n${signer}\n\n${opening}\n\n会议议定，由区城市管理委牵头推进。`;
const BASIS = '静海 第五十一条';
const HONGSHAN = {
  signers: [
    { meeting: '全体会议', roles: ['区长'] },
    { meeting: '常务会议', roles: ['区长'] },
    { meeting: '专题会议', roles: ['副区长', '常务副区长', '区长'] },
  ],
};

tester.run('minutes-signer', minutesSigner, {
  valid: [
    { name: '常务会议 signed by 区长, office stated', code: exec('签发人：区长　王明') },
    { name: 'office stated after the name', code: exec('签发人：王明（区长）') },
    { name: 'office read from the minutes (区长王明主持)', code: exec('签发人：王明') },
    { name: '专题会议 signed by the leader who presided', code: topical('签发人：李强') },
    { name: '区长办公会议 (静海)', code: '区长办公会议纪要\n\n签发人：区长　王明\n\n2024年5月10日，区长王明主持召开区长办公会议。' },
    { name: 'no signer marked: GB/T 9704 prints none on 纪要', code: exec('（第12次）') },
    { name: 'a 请示 is not checked', code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准。' },
    { name: 'a 纪要 of a meeting the profile does not name', code: '区安全生产委员会全体会议纪要\n\n2024年5月10日召开会议。', options: { signers: [{ meeting: '常务会议', roles: ['区长'] }] } },
    { name: '洪山: 专题会议 signed by a 副区长', code: topical('签发人：副区长　李强'), options: HONGSHAN },
    { name: 'text input', filename: 'draft.txt', code: exec('签发人：区长　王明').replace(/\n\n/g, '\n') },
    { name: 'traditional script', code: '區政府常務會議紀要\n\n簽發人：區長　王明\n\n2024年5月10日，區長王明主持召開區政府第12次常務會議，研究防汛工作。' },
  ],
  invalid: [
    {
      name: '常务会议 signed by a 副区长',
      code: exec('签发人：副区长　李强'),
      errors: [
        {
          messageId: 'wrongRole',
          message: `常务会议纪要应由区长签发，签发人“副区长　李强”是副区长（依据 ${BASIS}）`,
          line: 3,
          column: 5,
          endLine: 3,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'no signer, when the profile wants it marked',
      code: exec('（第12次）'),
      options: { signers: [{ meeting: '常务会议', roles: ['区长'] }], requireSigner: true },
      errors: [{ messageId: 'missing', message: `常务会议纪要应由区长签发，但未标注签发人（依据 ${BASIS}）`, line: 1, column: 1, endColumn: 10 }],
    },
    {
      name: 'office cannot be told',
      code: exec('签发人：赵刚'),
      errors: [
        {
          messageId: 'roleUnknown',
          message: `常务会议纪要应由区长签发，无法确认签发人“赵刚”的职务：请在签发人处注明职务（如“签发人：区长 赵刚”；依据 ${BASIS}）`,
          line: 3,
          column: 5,
          endColumn: 7,
        },
      ],
    },
    {
      name: '专题会议 signed by someone else than the presider',
      code: topical('签发人：王明'),
      errors: [{ messageId: 'notPresider', message: `专题会议纪要应由主持会议的领导签发：会议由副区长李强主持，签发人为“王明”（依据 ${BASIS}）`, line: 3, column: 5, endColumn: 7 }],
    },
    {
      name: '专题会议 without a presider',
      code: topical('签发人：李强', '2024年5月10日召开专题会议，研究城东停车场建设。'),
      errors: [{ messageId: 'noPresider', line: 3, column: 5, endColumn: 7 }],
    },
    {
      name: '洪山: 专题会议 signed by a 局长',
      code: topical('签发人：局长　赵刚'),
      options: HONGSHAN,
      errors: [{ messageId: 'wrongRole', message: `专题会议纪要应由副区长或常务副区长或区长签发，签发人“局长　赵刚”是局长（依据 ${BASIS}）` }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: exec('签发人：副区长　李强').replace(/\n\n/g, '\n'),
      errors: [{ messageId: 'wrongRole', line: 2, column: 5, endColumn: 11 }],
    },
    {
      name: 'traditional script quotes the original',
      code: '區政府常務會議紀要\n\n簽發人：副區長　李強\n\n2024年5月10日，區長王明主持召開區政府第12次常務會議，研究防汛工作。',
      errors: [{ messageId: 'wrongRole', message: `常务会议纪要应由区长签发，签发人“副區長　李強”是副区长（依据 ${BASIS}）`, line: 3, column: 5, endColumn: 11 }],
    },
  ],
});
