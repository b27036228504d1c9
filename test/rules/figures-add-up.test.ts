import { RuleTester } from '../../src/engine/rule-tester.js';
import { figuresAddUp } from '../../src/rules/figures-add-up.js';

const tester = new RuleTester();

const md = (body: string): string => `# 关于老旧小区改造资金的请示\n\n区政府：\n\n${body}\n\n妥否，请批示。`;
const txt = (body: string): string => `关于老旧小区改造资金的请示\n区政府：\n${body}\n妥否，请批示。`;
const trad = (body: string): string => `# 關於老舊小區改造資金的請示\n\n區政府：\n\n${body}\n\n妥否，請批示。`;
const BASIS = '静海 第五十六条、条例 第二十条（四）';

tester.run('figures-add-up', figuresAddUp, {
  valid: [
    { name: 'parts that add up', code: md('改造资金共计500万元，其中区级财政300万元、街道自筹200万元。') },
    { name: '其中 names only some of the parts', code: md('改造资金共计500万元，其中区级财政300万元、市级补助100万元。') },
    { name: 'one part is not a split', code: md('改造资金共计500万元，其中区级财政300万元。') },
    { name: 'approximate totals are not checked', code: md('改造资金共计约500万元，其中区级300万元、街道250万元。') },
    { name: 'open lists are not checked', code: md('改造资金共计500万元，其中区级300万元、街道250万元等。') },
    { name: '公共 is not 共', code: md('新建公共停车场3个，其中地下停车场2个、地面停车场2个。') },
    { name: 'other units are other figures', code: md('共改造小区12个，其中区级财政投入300万元、街道投入250万元。') },
    { name: 'a count that matches its list', code: md('主要措施共4项：一是加强巡查，二是完善台账，三是强化考核，四是严格问责。') },
    { name: 'text input', filename: 'draft.txt', code: txt('改造资金共计500万元，其中区级财政300万元、街道自筹200万元。') },
    { name: 'traditional script', code: trad('改造資金共計500萬元，其中區級財政300萬元、街道自籌200萬元。') },
  ],
  invalid: [
    {
      name: 'parts exceed the total',
      code: md('改造资金共计500万元，其中区级财政300万元、街道自筹250万元。'),
      errors: [{ messageId: 'partsExceed', message: `分项之和 550万元 超过合计“共计500万元”：请核对数字（依据 ${BASIS}）`, line: 5, column: 5, endLine: 5, endColumn: 12 }],
    },
    {
      name: '分别为 must add up exactly',
      code: md('改造资金共计500万元，分别为区级300万元、街道150万元。'),
      errors: [{ messageId: 'partsMismatch', message: `“分别为”所列分项之和 450万元 与合计“共计500万元”不符：请核对数字（依据 ${BASIS}）`, line: 5, column: 5, endColumn: 12 }],
    },
    {
      name: 'people',
      code: md('专班共有工作人员12人，分别为区住建委5人、区财政局3人、街道3人。'),
      errors: [{ messageId: 'partsMismatch', message: `“分别为”所列分项之和 11人 与合计“共有工作人员12人”不符：请核对数字（依据 ${BASIS}）`, line: 5, column: 3, endColumn: 12 }],
    },
    {
      name: 'a count in Chinese numerals that its list contradicts',
      code: md('主要措施共三项：一是加强巡查；二是完善台账；三是强化考核；四是严格问责。'),
      errors: [{ messageId: 'countMismatch', message: `“共三项”与所列 4 项不符：请核对数字（依据 ${BASIS}）`, line: 5, column: 5, endColumn: 8 }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt('改造资金共计500万元，其中区级财政300万元、街道自筹250万元。'),
      errors: [{ messageId: 'partsExceed', line: 3, column: 5, endColumn: 12 }],
    },
    {
      name: 'traditional script quotes the original',
      code: trad('改造資金共計500萬元，其中區級財政300萬元、街道自籌250萬元。主要措施共三項：一是加強巡查；二是完善台賬；三是強化考核；四是嚴格問責。'),
      errors: [
        { messageId: 'partsExceed', message: `分项之和 550万元 超过合计“共計500萬元”：请核对数字（依据 ${BASIS}）`, line: 5, column: 5, endColumn: 12 },
        { messageId: 'countMismatch', message: `“共三項”与所列 4 项不符：请核对数字（依据 ${BASIS}）`, line: 5, column: 39, endColumn: 42 },
      ],
    },
  ],
});
