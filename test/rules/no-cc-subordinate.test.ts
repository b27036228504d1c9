import { RuleTester } from '../../src/engine/rule-tester.js';
import { noCcSubordinate } from '../../src/rules/no-cc-subordinate.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();
const Q = (cc: string, from = '区城管局'): string => `# 关于购置执法车辆的请示\n\n区政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n\n${from}\n\n2024年3月1日\n\n${cc}`;

tester.run('no-cc-subordinate', noCcSubordinate, {
  valid: [
    Q('抄送：区财政局。'),
    { name: 'upper and peer bodies', code: Q('抄送：市城管委，区财政局。') },
    { name: 'a 通知 may copy lower bodies', code: '# 关于做好防暑降温工作的通知\n\n区政府各部门：\n\n请做好防护。\n\n区政府办公室\n\n2024年6月1日\n\n抄送：各街道办事处。' },
    { name: 'a body the names cannot place', code: Q('抄送：区第一中学。') },
    { name: 'text input', filename: 'draft.txt', code: '关于购置执法车辆的请示\n区政府：\n恳请批准。\n妥否，请批示。\n区城管局\n2024年3月1日\n抄送：区财政局。' },
  ],
  invalid: [
    {
      name: 'all the streets',
      code: Q('抄送：区财政局，各街道办事处。'),
      errors: [{ messageId: 'lower', message: '上行文抄送了下级机关“各街道办事处”（下属单位的统称）：向上级机关行文不抄送下级机关，需要下级执行的事项待上级批准后另行发文', line: 13, column: 9, endLine: 13, endColumn: 15 }],
    },
    {
      name: 'text input: the bureau’s own units',
      filename: 'draft.txt',
      code: '关于第二中学扩建的请示\n区政府：\n恳请批准第二中学扩建工程立项。\n妥否，请批示。\n区教育局\n2024年3月5日\n抄送：区发改委，局属各单位。',
      errors: [{ line: 7, column: 9, endColumn: 14 }],
    },
    {
      name: 'a named body of a lower level',
      code: Q('抄送：东城街道办事处。'),
      errors: [{ message: '上行文抄送了下级机关“东城街道办事处”（街道乡镇级机关，低于发文机关区城管局（区县级））：向上级机关行文不抄送下级机关，需要下级执行的事项待上级批准后另行发文' }],
    },
    {
      name: 'the organisation tree',
      options: { organisation: { 区第一中学: '区教育局', 区教育局: '区政府' } },
      code: Q('抄送：区财政局，区第一中学。', '区教育局'),
      errors: [{ message: /按机关隶属关系是区教育局的下级/, column: 9 }],
    },
    {
      name: 'traditional',
      code: Q('抄送：區財政局，委屬各單位。', '區衛健委'),
      errors: [{ message: /“委屬各單位”/, line: 13, column: 9, endColumn: 14 }],
    },
  ],
});

checkExamples(noCcSubordinate);
