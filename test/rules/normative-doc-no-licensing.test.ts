import { RuleTester } from '../../src/engine/rule-tester.js';
import { normativeDocNoLicensing } from '../../src/rules/normative-doc-no-licensing.js';

const tester = new RuleTester();

const md = (body: string): string =>
  `# 关于印发《停车管理办法》的通知\n\n各街道：\n\n${body}\n\n本办法自2024年7月1日起施行，有效期5年。\n\n区城管局\n\n2024年6月1日`;
const txt = (body: string): string => `关于印发《停车管理办法》的通知\n各街道：\n${body}\n本办法自2024年7月1日起施行，有效期5年。\n区城管局\n2024年6月1日`;
const trad = (body: string): string =>
  `# 關於印發《停車管理辦法》的通知\n\n各街道：\n\n${body}\n\n本辦法自2024年7月1日起施行，有效期5年。\n\n區城管局\n\n2024年6月1日`;
const BASIS = '洪山 二十、通州 十七、天津机关事务局 第十条';
const msg = (kind: string, phrase: string): string =>
  `规范性文件不得设定行政${kind}：“${phrase}”。确需的，应写明所依据的法律、法规、规章（如“依照《……》第×条予以处罚”；依据 ${BASIS}）`;

tester.run('normative-doc-no-licensing', normativeDocNoLicensing, {
  valid: [
    { name: 'a penalty by reference to the law', code: md('违反本办法规定的，由区城管局依照《中华人民共和国道路交通安全法》有关规定予以处罚。') },
    { name: '依法 points at the law', code: md('对违法停车行为，由公安交通管理部门依法予以处罚。') },
    { name: 'a sentence that forbids setting one', code: md('各部门制定的规范性文件不得设定行政许可、行政处罚、行政强制等事项。') },
    { name: 'quoted text is not the draft’s own', code: md('上位法规定“未经批准不得占用道路”，本办法据此细化管理措施。') },
    { name: 'not a normative document', code: '# 关于开展停车秩序整治的通知\n\n各街道：\n\n对违法停车的，处以罚款。' },
    { name: 'text input', filename: 'draft.txt', code: txt('对违法停车行为，由公安交通管理部门依法予以处罚。') },
    { name: 'traditional script', code: trad('違反本辦法規定的，由區城管局依照《中華人民共和國道路交通安全法》有關規定予以處罰。') },
  ],
  invalid: [
    {
      name: 'a licence, a penalty and a coercive measure',
      code: md('在道路两侧设置停车泊位，须经区城管局批准后方可设置。违反本办法的，处以500元罚款。对拒不改正的，予以查封。'),
      errors: [
        { messageId: 'sets', message: msg('许可', '须经区城管局批准后方可'), line: 5, column: 13, endLine: 5, endColumn: 24 },
        { messageId: 'sets', message: msg('处罚', '处以500元罚款'), line: 5, column: 34, endColumn: 42 },
        { messageId: 'sets', message: msg('强制', '查封'), line: 5, column: 52, endColumn: 54 },
      ],
    },
    {
      name: '未经批准不得',
      code: md('未经区城管局批准，不得在人行道上设置停车泊位。'),
      errors: [{ messageId: 'sets', message: msg('许可', '未经区城管局批准，不得'), line: 5, column: 1, endColumn: 12 }],
    },
    {
      name: '吊销 and 强制拆除',
      code: md('情节严重的，吊销其经营许可证，并强制拆除违规设施。'),
      errors: [
        { messageId: 'sets', message: msg('处罚', '吊销其经营许可证'), line: 5, column: 7, endColumn: 15 },
        { messageId: 'sets', message: msg('强制', '强制拆除'), line: 5, column: 17, endColumn: 21 },
      ],
    },
    {
      name: 'declared normative',
      code: '---\n规范性文件: 是\n---\n\n# 关于加强停车管理的通知\n\n各街道：\n\n对违法停车的，处200元罚款。',
      errors: [{ messageId: 'sets', message: msg('处罚', '处200元罚款'), line: 9, column: 8, endColumn: 15 }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt('违反本办法的，处以500元罚款。'),
      errors: [{ messageId: 'sets', line: 3, column: 8, endColumn: 16 }],
    },
    {
      name: 'traditional script quotes the original',
      code: trad('在道路兩側設置停車泊位，須經區城管局批准後方可設置。違反本辦法的，處以500元罰款。'),
      errors: [
        { messageId: 'sets', message: msg('许可', '須經區城管局批准後方可'), line: 5, column: 13, endColumn: 24 },
        { messageId: 'sets', message: msg('处罚', '處以500元罰款'), line: 5, column: 34, endColumn: 42 },
      ],
    },
  ],
});
