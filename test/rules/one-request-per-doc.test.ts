import { RuleTester } from '../../src/engine/rule-tester.js';
import { oneRequestPerDoc } from '../../src/rules/one-request-per-doc.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();

tester.run('one-request-per-doc', oneRequestPerDoc, {
  valid: [
    { name: 'approve and fund the same thing', code: '# 关于建设区档案馆新馆的请示\n\n区政府：\n\n恳请区政府批准建设区档案馆新馆。\n\n新馆建设资金缺口800万元，恳请区政府给予资金支持。\n\n妥否，请批示。' },
    { name: 'money for what was just described', code: '# 关于提高城乡低保标准的请示\n\n区政府：\n\n恳请区政府同意提高城乡低保标准。\n\n提标所需资金，恳请区财政予以保障。\n\n以上请示如无不妥，请批准。' },
    { name: 'a general title, one matter asked three ways', code: '# 关于东湖公园建设有关问题的请示\n\n区政府：\n\n一、恳请批准东湖公园建设方案。\n\n二、恳请将东湖公园建设资金纳入2025年区级预算。\n\n三、恳请区政府协调区规划局加快东湖公园建设工程规划许可办理。\n\n妥否，请批示。' },
    { name: 'a suggestion is not a matter', filename: 'draft.txt', code: '关于开通城乡公交新线路的请示\n区政府：\n恳请区政府批准开通城乡公交新线路3条。\n建议同步优化沿线公交站点设置。\n妥否，请批示。' },
    { name: 'traditional, one matter', code: '# 關於購置執法車輛的請示\n\n區政府：\n\n懇請區政府批准購置執法車輛5輛，並給予購置資金支持。\n\n妥否，請批示。' },
    { name: 'two matters allowed by option', options: { maxMatters: 2 }, code: '# 关于建设档案馆和增加编制的请示\n\n市政府：\n\n一、关于建设档案馆新馆\n\n恳请批准建设区档案馆新馆。\n\n二、关于增加事业编制\n\n恳请增加事业编制5名。\n\n妥否，请批示。' },
    { name: 'a 报告 is not this rule’s', code: '# 关于工作情况的报告\n\n市政府：\n\n恳请批准建设新馆。恳请增加编制。\n\n特此报告。' },
  ],
  invalid: [
    {
      name: 'matters under their own 关于 headings',
      code: '# 关于建设档案馆和增加编制的请示\n\n市政府：\n\n一、关于建设档案馆新馆\n\n恳请批准建设区档案馆新馆。\n\n二、关于增加事业编制\n\n恳请增加事业编制5名。\n\n妥否，请批示。',
      errors: [
        {
          messageId: 'another',
          message: '请示应当一文一事：此处另提请求“恳请增加事业编制5名”，与第 7 行的“恳请批准建设区档案馆新馆”是不同事项，应分别行文',
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 11,
        },
      ],
    },
    {
      name: 'text input, three items about different things',
      filename: 'draft.txt',
      code: '关于民生实事有关事项的请示\n区政府：\n一、恳请批准实施老旧小区加装电梯项目。\n二、恳请同意新建社区老年食堂10处。\n三、恳请区政府同意招聘社区工作者30名。\n妥否，请批示。',
      errors: [
        { line: 4, column: 3, endColumn: 18 },
        { line: 5, column: 3, endColumn: 20 },
      ],
    },
    {
      name: 'traditional: another matter in the same paragraph after 另外',
      code: '# 關於舉辦文化旅遊節有關事項的請示\n\n區政府：\n\n懇請區政府批准舉辦首屆運河文化旅遊節。另外，區博物館陳列已使用十年，懇請區政府同意對區博物館基本陳列進行改陳。\n\n妥否，請批示。',
      errors: [{ message: '请示应当一文一事：此处另提请求“懇請區政府同意對區博物館基本陳列進行改陳”，与第 5 行的“懇請區政府批准舉辦首屆運河文化旅遊節”是不同事项，应分别行文', line: 5 }],
    },
    {
      name: 'a hidden second matter under a specific title',
      code: '# 关于购置执法车辆的请示\n\n区政府：\n\n恳请区政府批准购置执法车辆5辆。\n\n另外，我局执法人员编制紧张，恳请增加行政编制3名。\n\n妥否，请批示。',
      errors: [{ line: 7, column: 15, endColumn: 25 }],
    },
    {
      name: 'maxMatters 2, three matters',
      options: { maxMatters: 2 },
      code: '# 关于调整编制和建设新馆的请示\n\n市政府：\n\n一、恳请增加事业编制5名。\n\n二、恳请批准建设新馆。\n\n三、恳请批准购置车辆。\n\n妥否，请批示。',
      errors: [{ line: 9, column: 3, endColumn: 11 }],
    },
  ],
});

checkExamples(oneRequestPerDoc);
