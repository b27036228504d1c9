import { RuleTester } from '../../src/engine/rule-tester.js';
import { requestClosing } from '../../src/rules/request-closing.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();

tester.run('request-closing', requestClosing, {
  valid: [
    '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。',
    '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n以上请示如无不妥，请批准。\n\n区城管局\n\n2024年3月1日',
    { name: 'a deciding ask ends it', code: '# 关于购置执法车辆的请示\n\n市政府：\n\n为保障执法，恳请市政府批准购置执法车辆2辆。' },
    { name: '特此请示', filename: 'draft.txt', code: '关于购置执法车辆的请示\n市政府：\n恳请批准购置执法车辆2辆。\n特此请示。\n区城管局\n2024年3月1日' },
    { name: 'traditional', code: '# 關於購置執法車輛的請示\n\n區政府：\n\n懇請批准購置執法車輛5輛。\n\n當否，請批復。' },
    { name: '报告 with its own closing', code: '# 关于防汛工作情况的报告\n\n市政府：\n\n今年汛期平稳。\n\n特此报告。' },
    { name: 'a 请示 that asks nothing is doc-type’s', code: '# 关于一季度经济运行情况的请示\n\n区政府：\n\n一季度经济运行平稳。' },
    {
      name: 'pre-2012 呈转性报告',
      filename: 'draft.txt',
      code: '关于防震减灾工作意见的报告\n国务院：\n一、加强监测预报。\n以上意见如无不妥，请批转各地区、各部门贯彻执行。\n国家地震局\n一九九七年一月二十日',
    },
  ],
  invalid: [
    {
      name: '请示 closing like a 报告',
      code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n特此报告。',
      errors: [{ messageId: 'wrongClosing', message: '请示以“特此报告”收尾，这是报告的结语：请示应以“妥否，请批示”“当否，请批复”等请求批示的结语收尾', line: 7, column: 1, endLine: 7, endColumn: 5 }],
    },
    {
      name: 'text input, no closing at all',
      filename: 'draft.txt',
      code: '关于实施公园提升改造的请示\n区政府：\n恳请区政府批准实施滨河公园提升改造。\n改造工程拟于今年5月开工，10月完工。\n区园林局\n2024年3月1日',
      errors: [{ messageId: 'missing', message: '请示的结尾没有请求批示的结语：应在正文末尾写明“妥否，请批示”“当否，请批复”或“以上请示如无不妥，请批准”等', line: 4, column: 1, endColumn: 20 }],
    },
    {
      name: 'traditional 报告 closing with 妥否，請批示',
      code: '# 關於防汛工作情況的報告\n\n市政府：\n\n今年汛期平穩。\n\n妥否，請批示。',
      errors: [{ messageId: 'reportClosing', message: '报告以请示的结语“妥否，請批示”收尾：报告不得请求批示，结语应为“特此报告”；需要上级批准的事项应另行请示', line: 7, column: 1, endColumn: 7 }],
    },
    {
      name: 'a modern 报告 asking to be forwarded',
      filename: 'draft.txt',
      code: '关于安全生产工作意见的报告\n区政府：\n一、压实责任。\n以上报告如无不妥，请批转各街道、各部门贯彻执行。\n区应急局\n2024年2月20日',
      errors: [{ messageId: 'reportClosing', line: 4, column: 1, endColumn: 13 }],
    },
  ],
});

checkExamples(requestClosing);
