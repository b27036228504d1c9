import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { lengthCap } from '../../src/rules/length-cap.js';
import { countWords } from '../../src/util/wordcount.js';

const tester = new RuleTester();

/** A body paragraph of exactly n 字 (CJK characters and full-width marks). */
const para = (n: number, ch = '字'): string => ch.repeat(n - 1) + '。';

tester.run('length-cap', lengthCap, {
  valid: [
    { name: '文件稿 at exactly 5000', code: `# 关于某事的通知\n\n各单位：\n\n${para(2500)}\n\n${para(2500)}` },
    { name: '简报 under 2000', code: `---\n类别: 简报\n---\n\n# 工作简报\n\n${para(1999)}` },
    { name: '专项 under a profile cap', code: `# 关于某事的通知\n\n各单位：\n\n${para(2900)}`, declared: { category: '专项' }, options: { caps: { 专项: 3000 } } },
    { name: '综合 (全局性、综合性 work) is exempt under 静海', code: `---\n类别: 综合\n---\n\n# 关于某事的意见\n\n各单位：\n\n${para(7000)}` },
    { name: 'traditional 文件稿 under cap', code: `# 關於某事的通知\n\n各單位：\n\n${para(4000, '與')}` },
    { name: 'text input under cap', filename: 'a.txt', code: `关于某事的通知\n各单位：\n${para(100)}` },
    { name: 'headers, title and 版记 do not count', filename: 'a.txt', code: `${'某'.repeat(30)}文件\n关于某事的通知\n各单位：\n${para(4990)}\n某局\n2024年1月2日\n抄送：${'某'.repeat(40)}。` },
  ],
  invalid: [
    {
      name: '文件稿 over 5000: reported where the 5001st 字 is',
      code: `# 关于某事的通知\n\n各单位：\n\n${para(3000)}\n\n${para(2010)}`,
      errors: [
        {
          messageId: 'overCap',
          message: '正文 5,010 字，超过文件稿篇幅上限 5,000 字（多 10 字；未声明类别，按文件稿计；部署全局性、综合性工作的文件可声明“类别: 综合”；依据 静海 第六十条）。自此处起超出',
          line: 7,
          column: 2001,
          endLine: 7,
          endColumn: 2011,
        },
      ],
    },
    {
      name: '专项 over 通州 3000 with the profile number',
      code: `---\n类别: 专项\n---\n\n# 关于某事的通知\n\n各单位：\n\n${para(3500)}`,
      options: { caps: { 专项: 3000 } },
      errors: [{ messageId: 'overCap', message: /正文 3,500 字，超过专项篇幅上限 3,000 字（多 500 字；元数据声明类别为“专项”/, line: 9, column: 3001 }],
    },
    {
      name: '综合 capped where a profile caps it (通州 五十五: 综合性文件 ≤ 5000)',
      code: `---\n类别: 综合性文件\n---\n\n# 关于某事的意见\n\n各单位：\n\n${para(5200)}`,
      options: { caps: { 综合: 5000 } },
      errors: [{ messageId: 'overCap', message: /超过综合篇幅上限 5,000 字/, line: 9, column: 5001 }],
    },
    {
      name: '简报 over 2000',
      code: `# 工作简报\n\n${para(2001)}`,
      errors: [{ messageId: 'overCap', line: 3, column: 2001, endColumn: 2002 }],
    },
    {
      name: 'traditional script, positions in the original characters',
      code: `# 關於某事的通知\n\n各單位：\n\n${para(5001, '與')}`,
      errors: [{ messageId: 'overCap', line: 5, column: 5001, endColumn: 5002 }],
    },
    {
      name: 'text input',
      filename: 'a.txt',
      code: `关于某事的通知\n各单位：\n${para(5003)}`,
      errors: [{ messageId: 'overCap', line: 3, column: 5001, endColumn: 5004 }],
    },
    {
      name: 'page cap on the 22×28 grid',
      filename: 'a.txt',
      code: `关于某事的通知\n各单位：\n${Array.from({ length: 230 }, () => '短段。').join('\n')}`,
      options: { pages: { 文件稿: 10 } },
      errors: [{ messageId: 'overPages', message: '按 22 行×28 字版心估算约 11 页，超过文件稿上限 10 页（依据 静海 第六十条）', line: 1, column: 1 }],
    },
  ],
});

describe('字数 as Word and LibreOffice count Chinese text', () => {
  it('counts each CJK character and full-width mark as one, each run of other characters as one', () => {
    expect(countWords('关于2024年工作的报告')).toBe(9);
    expect(countWords('现将“十四五”规划报送你们，请认真贯彻。')).toBe(20);
    expect(countWords('GDP增长5.2%，CPI上涨0.3%')).toBe(9);
    expect(countWords('  \u3000 ')).toBe(0);
    expect(countWords('𠀋字')).toBe(2);
    // LibreOffice 7.4 (UNO WordCount): the ellipsis is one word, em dashes separate and are not counted.
    expect(countWords('……——')).toBe(1);
    expect(countWords('你——好')).toBe(2);
  });
});
