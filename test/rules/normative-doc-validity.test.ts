import { RuleTester } from '../../src/engine/rule-tester.js';
import { normativeDocValidity } from '../../src/rules/normative-doc-validity.js';

const tester = new RuleTester();

const md = (tail: string): string =>
  `# 关于印发《洪山区停车管理办法》的通知\n\n各街道：\n\n现将《洪山区停车管理办法》印发给你们，请认真执行。\n\n${tail}\n\n区城管局\n\n2024年6月1日`;
const trad = (tail: string): string =>
  `# 關於印發《洪山區停車管理辦法》的通知\n\n各街道：\n\n現將《洪山區停車管理辦法》印發給你們，請認真執行。\n\n${tail}\n\n區城管局\n\n2024年6月1日`;
const txt = (tail: string): string => `关于印发《洪山区停车管理办法》的通知\n各街道：\n现将《洪山区停车管理办法》印发给你们，请认真执行。\n${tail}\n区城管局\n2024年6月1日`;
const HONGSHAN = { maxYears: 5, exemptImplementing: true };
const ZHIFU = { requireRegistration: true };
const WHY = '标题“关于印发《洪山区停车管理办法》的通知”印发规章制度文本';

tester.run('normative-doc-validity', normativeDocValidity, {
  valid: [
    { name: '有效期5年', code: md('本办法自2024年7月1日起施行，有效期5年。'), options: HONGSHAN },
    { name: '有效期三年 in Chinese numerals', code: md('本办法自2024年7月1日起施行，有效期三年。'), options: HONGSHAN },
    { name: '有效期至 a date within five years of taking effect', code: md('本办法自2024年7月1日起施行，有效期至2029年6月30日。'), options: HONGSHAN },
    { name: 'an organ’s own working rules are not a normative document', code: '# 关于印发《洪山区人民政府工作规则》的通知\n\n各街道：\n\n现将《洪山区人民政府工作规则》印发给你们。本规则自印发之日起施行。\n\n区政府\n\n2024年6月1日', options: HONGSHAN },
    { name: 'not a normative document', code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。', options: HONGSHAN },
    { name: 'declared not normative', code: `---\n规范性文件: 否\n---\n\n${md('本办法自2024年7月1日起施行。')}`, options: HONGSHAN },
    {
      name: 'implementing a law is exempt in 洪山',
      code: '# 关于印发《〈中华人民共和国消防法〉实施办法》的通知\n\n各街道：\n\n为实施《中华人民共和国消防法》，制定本办法。本办法自2024年7月1日起施行。\n\n区消防救援大队\n\n2024年6月1日',
      options: HONGSHAN,
    },
    { name: '芝罘: 有效期 and 登记号', code: `统一登记号：ZFDR-2024-0010001\n\n${md('本办法自2024年7月1日起施行，有效期5年。')}`, options: ZHIFU },
    { name: 'text input', filename: 'draft.txt', code: txt('本办法自2024年7月1日起施行，有效期5年。'), options: HONGSHAN },
    { name: 'traditional script', code: trad('本辦法自2024年7月1日起施行，有效期5年。'), options: HONGSHAN },
  ],
  invalid: [
    {
      name: 'no 有效期',
      code: md('本办法自2024年7月1日起施行。'),
      options: HONGSHAN,
      errors: [
        {
          messageId: 'noValidity',
          message: `规范性文件未写明有效期（${WHY}）：应明确有效期，最长不超过 5 年（依据 洪山 二十、芝罘 十九）`,
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 21,
        },
      ],
    },
    {
      name: 'ten years is too long',
      code: md('本办法自2024年7月1日起施行，有效期10年。'),
      options: HONGSHAN,
      errors: [{ messageId: 'tooLong', message: '有效期“有效期10年”超过 5 年：规范性文件有效期最长不得超过 5 年（依据 洪山 二十、芝罘 十九）', line: 7, column: 18, endColumn: 24 }],
    },
    {
      name: 'an end date more than five years after taking effect',
      code: md('本办法自2024年7月1日起施行，有效期至2030年6月30日。'),
      options: HONGSHAN,
      errors: [
        {
          messageId: 'tooLong',
          message: '有效期“有效期至2030年6月30日，自2024年7月1日起”超过 5 年：规范性文件有效期最长不得超过 5 年（依据 洪山 二十、芝罘 十九）',
          line: 7,
          column: 18,
          endColumn: 32,
        },
      ],
    },
    {
      name: '长期有效',
      code: md('本办法自2024年7月1日起施行，长期有效。'),
      options: HONGSHAN,
      errors: [{ messageId: 'tooLong', line: 7, column: 18, endColumn: 22 }],
    },
    {
      name: 'the effective-date clause alone makes it normative',
      code: '# 关于加强停车管理的通知\n\n各街道：\n\n本通知自2024年7月1日起施行。\n\n区城管局\n\n2024年6月1日',
      options: HONGSHAN,
      errors: [{ messageId: 'noValidity', message: '规范性文件未写明有效期（正文有施行条款“本通知自2024年7月1日起施行”）：应明确有效期，最长不超过 5 年（依据 洪山 二十、芝罘 十九）' }],
    },
    {
      name: '芝罘: no 登记号',
      code: md('本办法自2024年7月1日起施行，有效期5年。'),
      options: ZHIFU,
      errors: [{ messageId: 'noRegistration', message: `规范性文件未标注统一登记号（${WHY}）：应实行统一登记、统一编制登记号、统一公布（依据 洪山 二十、芝罘 十九）`, line: 1, column: 3 }],
    },
    {
      name: 'implementing a law is not exempt without the option',
      code: '# 关于印发《〈中华人民共和国消防法〉实施办法》的通知\n\n各街道：\n\n为实施《中华人民共和国消防法》，制定本办法。本办法自2024年7月1日起施行。\n\n区消防救援大队\n\n2024年6月1日',
      options: { maxYears: 5 },
      errors: [{ messageId: 'noValidity', line: 1, column: 3 }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt('本办法自2024年7月1日起施行，有效期10年。'),
      options: HONGSHAN,
      errors: [{ messageId: 'tooLong', line: 4, column: 18, endColumn: 24 }],
    },
    {
      name: 'traditional script',
      code: trad('本辦法自2024年7月1日起施行。'),
      options: HONGSHAN,
      errors: [
        {
          messageId: 'noValidity',
          message: '规范性文件未写明有效期（标题“关于印发《洪山区停车管理办法》的通知”印发规章制度文本）：应明确有效期，最长不超过 5 年（依据 洪山 二十、芝罘 十九）',
          line: 1,
          column: 3,
          endColumn: 21,
        },
      ],
    },
  ],
});
