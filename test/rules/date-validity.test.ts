import { RuleTester } from '../../src/engine/rule-tester.js';
import { dateValidity } from '../../src/rules/date-validity.js';

const tester = new RuleTester();

const md = (body: string, date = '2024年1月15日'): string => `# 关于召开防汛工作会议的通知\n\n各街道：\n\n${body}\n\n区水务局\n\n${date}`;
const txt = (body: string, date = '2024年1月15日'): string => `关于召开防汛工作会议的通知\n各街道：\n${body}\n区水务局\n${date}`;
const BASIS = '条例 第二十条（四）';

tester.run('date-validity', dateValidity, {
  valid: [
    { name: 'a leap day in a leap year', code: md('定于2024年2月29日召开防汛工作会议。') },
    { name: 'a weekday that matches', code: md('定于2024年5月20日（星期一）召开会议，5月21日（周二）报到。') },
    { name: 'a range whose end exists', code: md('会议于2024年5月20日至22日举行。') },
    { name: 'Chinese numerals', code: md('定于二〇二四年五月二十日召开会议。', '二〇二四年一月十五日') },
    { name: 'numeric form', code: md('报名截止2024-05-20。') },
    { name: '2月29日 without a year is allowed', code: md('每年2月29日前报送。') },
    { name: 'an assumed year: a weekday that fits the next year is not reported', code: md('定于1月13日（星期一）召开会议。', '2024年12月20日') },
    { name: 'durations are not dates', code: md('自公布之日起30日内报送，3个月内完成。') },
    { name: 'text input', filename: 'draft.txt', code: txt('定于2024年5月20日（星期一）召开会议。') },
    { name: 'traditional script', code: md('定於2024年5月20日（星期一）召開會議。') },
  ],
  invalid: [
    {
      name: 'a day February does not have, and a weekday that disagrees',
      code: md('定于2024年2月30日召开防汛工作会议，5月20日（星期二）前报送名单。'),
      errors: [
        { messageId: 'noSuchDay', message: `日期“2024年2月30日”不存在：2月只有29天（依据 ${BASIS}）`, line: 5, column: 3, endLine: 5, endColumn: 13 },
        { messageId: 'weekday', message: `“5月20日（星期二）”星期不符：2024年5月20日是星期一（依据 ${BASIS}）`, line: 5, column: 22, endColumn: 32 },
      ],
    },
    {
      name: '29 February in a common year',
      code: md('定于2023年2月29日召开会议。'),
      errors: [{ messageId: 'noSuchDay', message: `日期“2023年2月29日”不存在：2023年不是闰年，2月只有28天（依据 ${BASIS}）`, line: 5, column: 3, endColumn: 13 }],
    },
    {
      name: '31 April, in Chinese numerals',
      code: md('定于二〇二四年四月三十一日召开会议。'),
      errors: [{ messageId: 'noSuchDay', message: `日期“二〇二四年四月三十一日”不存在：4月只有30天（依据 ${BASIS}）`, line: 5, column: 3, endColumn: 14 }],
    },
    {
      name: 'the end of a range',
      code: md('会议于2024年6月29日至31日举行。'),
      errors: [{ messageId: 'noSuchDay', message: `日期“31日”不存在：6月只有30天（依据 ${BASIS}）`, line: 5, column: 15, endColumn: 18 }],
    },
    {
      name: 'a month that does not exist',
      code: md('定于2024年13月5日召开会议。'),
      errors: [{ messageId: 'noSuchMonth', message: `日期“2024年13月5日”不存在：没有13月（依据 ${BASIS}）`, line: 5, column: 3, endColumn: 13 }],
    },
    {
      name: 'numeric form',
      code: md('报名截止2024-02-30。'),
      errors: [{ messageId: 'noSuchDay', line: 5, column: 5, endColumn: 15 }],
    },
    {
      name: 'the weekday of the 成文日期’s year',
      code: md('定于5月21日（周一）召开会议。'),
      errors: [{ messageId: 'weekday', message: `“5月21日（周一）”星期不符：2024年5月21日是星期二（按成文日期推定为2024年）（依据 ${BASIS}）`, line: 5, column: 3, endColumn: 12 }],
    },
    {
      name: 'the 成文日期 itself',
      code: md('请做好防汛工作。', '2024年2月30日'),
      errors: [{ messageId: 'noSuchDay', line: 9, column: 1, endColumn: 11 }],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt('定于2024年2月30日召开防汛工作会议。'),
      errors: [{ messageId: 'noSuchDay', line: 3, column: 3, endColumn: 13 }],
    },
    {
      name: 'traditional script quotes the original',
      code: md('定於2024年2月30日召開防汛工作會議，5月20日（星期二）前報送名單。'),
      errors: [
        { messageId: 'noSuchDay', line: 5, column: 3, endColumn: 13 },
        { messageId: 'weekday', message: `“5月20日（星期二）”星期不符：2024年5月20日是星期一（依据 ${BASIS}）`, line: 5, column: 22, endColumn: 32 },
      ],
    },
    {
      name: 'English locale',
      code: md('定于2023年2月29日召开会议。'),
      locale: 'en',
      errors: [{ message: 'The date “2023年2月29日” does not exist: 2023 is not a leap year, February has 28 days (per 条例 第二十条（四）)' }],
    },
  ],
});
