import { RuleTester } from '../../src/engine/rule-tester.js';
import { docNumber } from '../../src/rules/doc-number.js';

const tester = new RuleTester();
const NOTICE = '\n\n# 关于做好预算编制工作的通知\n\n各科室：\n\n请按时报送预算。\n\n区财政局\n\n2024年3月1日';

tester.run('doc-number', docNumber, {
  valid: [
    { name: 'header number', code: `区财政局文件\n\n区财发〔2024〕3号${NOTICE}` },
    { name: 'with signer on the line', filename: 'x.txt', code: '区财发〔2024〕3号　　签发人：王明\n关于购置车辆的请示\n市政府：\n妥否，请批示。' },
    { name: 'traditional', code: `區財政局文件\n\n區財發〔2024〕3號\n\n# 關於做好預算編制工作的通知\n\n各科室：\n\n請按時報送預算。` },
    { name: 'full-width digits are the same number', filename: 'x.txt', code: '区财发〔２０２４〕３号\n关于做好预算编制工作的通知' },
    { name: 'cited in the text', filename: 'x.txt', code: '根据《国务院办公厅关于加强管理的通知》（国办发〔2019〕12号）要求，现通知如下。' },
    { name: 'not document numbers', filename: 'x.txt', code: '按照《河北雄安新区总体规划（2018—2035年）》，依照国务院令第706号，（2019）年度计划另行下达。' },
    { name: 'a year in brackets without 号 in running text', code: '规划(2018)12项任务已完成。' },
  ],
  invalid: [
    {
      name: 'square brackets in the header (Markdown)',
      code: `区财政局文件\n\n区财发[2024]3号${NOTICE}`,
      errors: [{ messageId: 'brackets', message: '发文字号的年份应用六角括号“〔〕”括入：“[2024]3号”应写作“〔2024〕3号”', line: 3, column: 4, endLine: 3, endColumn: 10 }],
      output: `区财政局文件\n\n区财发〔2024〕3号${NOTICE}`,
    },
    {
      name: 'round brackets and 第 (text)',
      filename: 'x.txt',
      code: '区财政局文件\n区财发（2024）第3号\n关于做好预算编制工作的通知',
      errors: [
        { messageId: 'brackets', message: '发文字号的年份应用六角括号“〔〕”括入：“（2024）第3号”应写作“〔2024〕3号”', line: 2, column: 4, endColumn: 10 },
        { messageId: 'ordinal', message: '发文字号的顺序号不加“第”字：“（2024）第3号”应写作“〔2024〕3号”', line: 2, column: 10, endColumn: 11 },
      ],
      output: '区财政局文件\n区财发〔2024〕3号\n关于做好预算编制工作的通知',
    },
    {
      name: 'traditional: 【】 and a leading zero, 號 kept',
      code: '區財政局文件\n\n區財發【2024】03號\n\n# 關於做好預算編制工作的通知',
      errors: [
        { messageId: 'brackets', message: '发文字号的年份应用六角括号“〔〕”括入：“【2024】03號”应写作“〔2024〕3號”', line: 3, column: 4, endColumn: 10 },
        { messageId: 'leadingZero', message: '发文字号的顺序号不编虚位（1不编为01）：“【2024】03號”应写作“〔2024〕3號”', line: 3, column: 10, endColumn: 12 },
      ],
      output: '區財政局文件\n\n區財發〔2024〕3號\n\n# 關於做好預算編制工作的通知',
    },
    {
      name: 'a cited number in the text (text input)',
      filename: 'x.txt',
      code: '根据《关于加强管理的通知》（国办发[2019]12号）要求，现通知如下。',
      errors: [{ messageId: 'brackets', line: 1, column: 18, endColumn: 24 }],
      output: '根据《关于加强管理的通知》（国办发〔2019〕12号）要求，现通知如下。',
    },
    {
      name: 'a 2-digit year is reported, not guessed',
      code: `区财发〔24〕3号${NOTICE}`,
      errors: [{ messageId: 'shortYear', message: '发文字号的年份应标全称（4位数字）：“〔24〕3号”', line: 1, column: 5, endColumn: 7 }],
      output: null,
    },
    {
      name: 'missing 号 on the header line',
      filename: 'x.txt',
      code: '区财政局文件\n区财发〔2024〕3\n关于做好预算编制工作的通知',
      errors: [{ messageId: 'missingHao', message: '发文字号的顺序号后应加“号”字：“〔2024〕3”应写作“〔2024〕3号”', line: 2, column: 10, endColumn: 11 }],
      output: '区财政局文件\n区财发〔2024〕3号\n关于做好预算编制工作的通知',
    },
    {
      name: 'spaces inside tortoise-shell brackets are not a bracket fault, 第 is',
      code: `区财发〔 2024 〕第 3号${NOTICE}`,
      errors: [{ messageId: 'ordinal', line: 1, column: 12, endColumn: 14 }],
      output: `区财发〔 2024 〕3号${NOTICE}`,
    },
    {
      name: 'English messages',
      locale: 'en',
      filename: 'x.txt',
      code: '区财发[2024]3号\n关于做好预算编制工作的通知',
      errors: [{ message: 'The year of a document number goes in tortoise-shell brackets 〔〕: “[2024]3号” should be “〔2024〕3号”' }],
    },
  ],
});
