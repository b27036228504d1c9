import { RuleTester } from '../../src/engine/rule-tester.js';
import { titleForm } from '../../src/rules/title-form.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();

tester.run('title-form', titleForm, {
  valid: [
    '# 区城管局关于购置执法车辆的请示\n\n市政府：\n\n恳请批准。\n\n妥否，请批示。',
    { name: '书名号, quotation marks, brackets, dashes', code: '# 关于印发《区“十四五”城市更新规划（2021—2025年）》的通知\n\n各街道：\n\n现印发给你们。' },
    { name: 'enumeration comma between issuers', code: '# 国务院、中央军委关于同意武警总部迁址新建的批复\n\n武警总部：\n\n同意迁址新建。' },
    { name: 'letter-spaced two-line title in text', filename: 'draft.txt', code: '国务院关于授权实施管辖的\n土 地 使 用 期 限 的 批 复\n广东省人民政府：\n同意。' },
    { name: 'a 提案答复 has no 关于', filename: 'draft.txt', code: '国务院办公厅对全国政协十届三次会议\n第2741号提案的答复\n邓乃扬委员：\n现答复如下。' },
    { name: 'a statute text', code: '# 区机关公文处理办法\n\n第一条　为规范公文处理，制定本办法。' },
    { name: 'a trailing note in brackets', code: '# 关于规范公文格式的通知（征求意见稿）\n\n各部门：\n\n请遵照执行。' },
    { name: 'traditional', code: '# 區城管局關於購置執法車輛的請示\n\n區政府：\n\n懇請批准。' },
    { name: 'not a 公文 title (an English README heading)', code: '# The regulations this linter enforces\n\nFive published 工作规则.' },
  ],
  invalid: [
    {
      name: '请示报告 with no request in the body',
      code: '# 关于2024年防汛工作的请示报告\n\n市政府：\n\n今年汛期排查隐患点42处，已全部整改到位。\n\n特此报告。',
      errors: [{ messageId: 'notDocType', message: '“请示报告”不是法定文种：请示和报告是两个文种。本文没有请求事项，应以“报告”行文（关于……的报告）', line: 1, column: 15, endLine: 1, endColumn: 19 }],
    },
    {
      name: 'traditional 請示報告 that asks',
      code: '# 關於舉辦運河文化節的請示報告\n\n區政府：\n\n懇請區政府批准舉辦運河文化節。\n\n妥否，請批示。',
      errors: [{ message: '“請示報告”不是法定文种：请示和报告是两个文种。本文提出了请求事项，应以“请示”行文（关于……的请示）', line: 1, column: 13, endColumn: 17 }],
    },
    {
      name: 'text input: a comma in the title',
      filename: 'draft.txt',
      code: '关于购置执法车辆，更新执法装备的请示\n市政府：\n恳请批准。\n妥否，请批示。',
      errors: [{ messageId: 'punctuation', message: '标题中不用“，”：标题除书名号、引号、括号和连接号外一般不用标点符号', line: 1, column: 9, endColumn: 10 }],
    },
    {
      name: 'text input: two-line title without 的',
      filename: 'draft.txt',
      code: '区发改委关于2025年重点项目\n计划安排请示\n区政府：\n恳请批准。\n妥否，请批示。',
      errors: [{ messageId: 'missingDe', message: '标题“关于……请示”缺少“的”：应为“关于……的请示”', line: 2, column: 5, endColumn: 7 }],
    },
    { name: '工作总结', code: '# 区档案馆2024年工作总结\n\n区政府：\n\n今年接收档案1.2万卷。', errors: [{ message: '“工作总结”不是法定文种：向上级机关汇报工作、反映情况应以“报告”行文（关于……的报告）', column: 12, endColumn: 16 }] },
    { name: '工作要点', code: '# 区司法局2024年工作要点\n\n局属各单位：\n\n今年要推进法治政府建设。', errors: [{ message: /以“通知”印发/, column: 12 }] },
    { name: '申请报告', code: '# 关于修缮区体育馆的申请报告\n\n区政府：\n\n恳请批准修缮区体育馆。', errors: [{ message: /应以“请示”行文/, column: 12, endColumn: 16 }] },
    { name: 'no 文种', code: '# 关于2024年防汛工作情况\n\n区政府：\n\n今年汛期平稳。\n\n特此报告。', errors: [{ messageId: 'noDocType', line: 1, column: 15, endColumn: 16 }] },
    { name: 'a question mark', code: '# 关于是否延长暑假托管服务时间的请示？\n\n区政府：\n\n恳请批准。', errors: [{ messageId: 'punctuation', column: 20, endColumn: 21 }] },
    { name: 'enumeration comma when not allowed', options: { allowEnumerationComma: false }, code: '# 国务院、中央军委关于同意武警总部迁址新建的批复\n\n武警总部：\n\n同意迁址新建。', errors: [{ message: /不用“、”/, column: 6 }] },
    { name: 'issuer required', options: { requireIssuer: true }, code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准。', errors: [{ messageId: 'noIssuer', column: 3, endColumn: 5 }] },
  ],
});

checkExamples(titleForm);
