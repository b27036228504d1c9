import { RuleTester } from '../../src/engine/rule-tester.js';
import { dateFormat } from '../../src/rules/date-format.js';

const tester = new RuleTester();
const MD = (date: string, body = '请做好防汛工作。'): string => `# 关于做好防汛工作的通知\n\n各街道：\n\n${body}\n\n区防汛办\n\n${date}`;
const TXT = (date: string, body = '请做好防汛工作。'): string => `关于做好防汛工作的通知\n各街道：\n${body}\n区防汛办\n${date}`;

tester.run('date-format', dateFormat, {
  valid: [
    { name: 'Arabic date (Markdown)', code: MD('2014年9月20日') },
    { name: 'Arabic date (text)', filename: 'x.txt', code: TXT('2024年12月31日') },
    { name: 'a 1997 document rightly writes Chinese numerals (GB/T 9704-1999)', filename: 'x.txt', code: TXT('一九九七年一月二十日') },
    { name: 'the day before GB/T 9704-2012 took effect', code: MD('二〇一二年六月三十日') },
    { name: 'traditional script, Arabic date', code: '# 關於做好防汛工作的通知\n\n各街道：\n\n請做好防汛工作。\n\n區防汛辦\n\n2019年5月8日' },
    { name: 'dates in the text are not formatted by GB/T 9704', filename: 'x.txt', code: TXT('2020年3月1日', '2月4日至10日放假调休，二〇二〇年二月二十九日上班，2020年03月01日起施行。') },
    { name: 'a 成文日期 that cannot exist is date-validity’s', code: MD('二〇二四年二月三十日') },
  ],
  invalid: [
    {
      name: 'Chinese numerals after 2012-07-01 (Markdown)',
      code: MD('二〇一四年九月二十日'),
      errors: [{ messageId: 'chinese', message: '成文日期应用阿拉伯数字标注：“二〇一四年九月二十日”应写作“2014年9月20日”', line: 9, column: 1, endLine: 9, endColumn: 11 }],
      output: MD('2014年9月20日'),
    },
    {
      name: '○ typed for 〇 (text)',
      filename: 'x.txt',
      code: TXT('二○一四年十二月三十一日'),
      errors: [{ messageId: 'chinese', message: '成文日期应用阿拉伯数字标注：“二○一四年十二月三十一日”应写作“2014年12月31日”', line: 5, column: 1, endColumn: 13 }],
      output: TXT('2014年12月31日'),
    },
    {
      name: 'leading zeros',
      code: MD('2024年02月01日'),
      errors: [{ messageId: 'leadingZero', message: '成文日期中的月、日不编虚位（1不编为01）：“2024年02月01日”应写作“2024年2月1日”', line: 9, column: 1, endColumn: 12 }],
      output: MD('2024年2月1日'),
    },
    {
      name: 'traditional script, Chinese numerals',
      code: '# 關於做好防汛工作的通知\n\n各街道：\n\n請做好防汛工作。\n\n區防汛辦\n\n二〇一九年五月八日',
      errors: [{ messageId: 'chinese', line: 9, column: 1, endColumn: 10 }],
      output: '# 關於做好防汛工作的通知\n\n各街道：\n\n請做好防汛工作。\n\n區防汛辦\n\n2019年5月8日',
    },
    {
      name: '印发日期 with leading zeros',
      filename: 'x.txt',
      code: `${TXT('2024年3月1日')}\n抄送：区委办公室。\n区防汛办　　2024年03月05日印发`,
      errors: [{ messageId: 'leadingZero', message: '印发日期中的月、日不编虚位（1不编为01）：“2024年03月05日”应写作“2024年3月5日”', line: 7, column: 7, endColumn: 18 }],
      output: `${TXT('2024年3月1日')}\n抄送：区委办公室。\n区防汛办　　2024年3月5日印发`,
    },
    {
      name: 'arabicFrom moved back: a 1997 Chinese date is flagged',
      filename: 'x.txt',
      options: { arabicFrom: '1990-01-01' },
      code: TXT('一九九七年一月二十日'),
      errors: [{ messageId: 'chinese', message: '成文日期应用阿拉伯数字标注：“一九九七年一月二十日”应写作“1997年1月20日”' }],
      output: TXT('1997年1月20日'),
    },
    {
      name: 'English messages',
      locale: 'en',
      code: MD('2024年02月01日'),
      errors: [{ message: 'No leading zeros in the 成文日期: “2024年02月01日” should be “2024年2月1日”' }],
    },
  ],
});
