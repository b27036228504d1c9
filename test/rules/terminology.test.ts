import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { defaultTerms, terminology } from '../../src/rules/terminology.js';

const tester = new RuleTester();
const DATED = (body: string, date = '2024年3月1日'): string => `关于做好统计工作的通知\n各单位：\n${body}\n区统计局\n${date}`;

tester.run('terminology', terminology, {
  valid: [
    { name: 'the standard forms', filename: 'x.txt', code: '截至2023年底，其他街道均已完成，部分单位建立了台账和账户。' },
    { name: '截止 used as “stop”', filename: 'x.txt', code: '报名于5月1日截止，截止日期不再延长，截止时间为17时，截止到目前已报名100人。' },
    { name: 'words that only look alike', code: '全部份额已售出，组成份数为3份，帐篷已搭好，为发展做出贡献。' },
    { name: 'a 1997 document predates the 账/帐 norm', filename: 'x.txt', code: DATED('要有独立的财务帐号。', '一九九七年四月八日') },
    { name: 'traditional script keeps its own 帳戶', code: '# 關於開立帳戶的通知\n\n請各單位於月底前開立帳戶。' },
    { name: 'an entry turned off', filename: 'x.txt', options: { disable: ['qita'] }, code: '其它事项另行通知。' },
  ],
  invalid: [
    {
      name: '其它 (Markdown)',
      code: '# 关于做好统计工作的通知\n\n其它事项另行通知。',
      errors: [
        {
          messageId: 'term',
          message: '“其它”应写作“其他”：“其他”可指人也可指事物，“其它”只是其用于事物时的旧写法；法律、行政法规和国务院文件统一用“其他”（《现代汉语词典》（第7版）“其它”条：同“其他”（用于事物））',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
        },
      ],
      output: '# 关于做好统计工作的通知\n\n其他事项另行通知。',
    },
    {
      name: '截止 before a date (text)',
      filename: 'x.txt',
      code: '截止2023年底，全区共建成5个站点；截止目前已投入使用。',
      errors: [
        { messageId: 'term', message: /^“截止”应写作“截至”：/, line: 1, column: 1, endColumn: 3 },
        { messageId: 'term', line: 1, column: 20, endColumn: 22 },
      ],
      output: '截至2023年底，全区共建成5个站点；截至目前已投入使用。',
    },
    {
      name: '部份, 成份, 台帐, 帐户, 做出决定 in a 2024 document',
      filename: 'x.txt',
      code: DATED('部份单位的成份复杂，要建立台帐、核对帐户，区政府已做出决定。'),
      errors: [
        { message: /^“部份”应写作“部分”/, line: 3, column: 1 },
        { message: /^“成份”应写作“成分”/, line: 3, column: 6 },
        { message: /^“台帐”应写作“台账”/, line: 3, column: 14, endColumn: 16 },
        { message: /^“帐户”应写作“账户”/, line: 3, column: 19, endColumn: 21 },
        { message: /^“做出”应写作“作出”/, line: 3, column: 26 },
      ],
      output: DATED('部分单位的成分复杂，要建立台账、核对账户，区政府已作出决定。'),
    },
    {
      name: 'traditional script: words written alike in both scripts are checked',
      filename: 'x.txt',
      code: '(六)其它不符合區人民政府常務會議議事範圍的問題。',
      errors: [{ message: /^“其它”应写作“其他”/, line: 1, column: 4, endColumn: 6 }],
      output: '(六)其他不符合區人民政府常務會議議事範圍的問題。',
    },
    {
      name: 'a term of one’s own, without the defaults',
      filename: 'x.txt',
      options: { defaults: false, terms: [{ pattern: '按装', to: '安装', reason: '“安装”是规范写法', source: '本单位用语规范' }] },
      code: '其它设备按装到位。',
      errors: [{ message: '“按装”应写作“安装”：“安装”是规范写法（本单位用语规范）', line: 1, column: 5, endColumn: 7 }],
      output: '其它设备安装到位。',
    },
  ],
});

describe('terminology data', () => {
  it('every default entry has an id, a source, a reason and an example that the entry itself fixes', () => {
    const terms = defaultTerms();
    expect(terms.length).toBeGreaterThanOrEqual(6);
    for (const t of terms) {
      expect(t.id, t.pattern).toBeTruthy();
      expect(t.source, t.pattern).toBeTruthy();
      expect(t.reason.length, t.pattern).toBeGreaterThan(5);
      const re = new RegExp(t.pattern, 'g');
      expect(t.example!.wrong.replace(re, t.to), t.id).toBe(t.example!.right);
      expect(new RegExp(t.pattern).test(t.example!.right), `${t.id}: the right form must not match`).toBe(false);
    }
  });
});
