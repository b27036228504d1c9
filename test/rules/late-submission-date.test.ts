import { RuleTester } from '../../src/engine/rule-tester.js';
import { lateSubmissionDate } from '../../src/rules/late-submission-date.js';

const tester = new RuleTester();

const md = (body: string): string => `# 关于申请缓报2024年统计年报的请示\n\n区政府：\n\n${body}\n\n妥否，请批示。\n\n区统计局\n\n2024年3月1日`;
const txt = (body: string): string => `关于申请缓报2024年统计年报的请示\n区政府：\n${body}\n妥否，请批示。\n区统计局\n2024年3月1日`;
const trad = (body: string): string => `# 關於申請緩報2024年統計年報的請示\n\n區政府：\n\n${body}\n\n妥否，請批示。\n\n區統計局\n\n2024年3月1日`;

tester.run('late-submission-date', lateSubmissionDate, {
  valid: [
    { name: 'a concrete date', code: md('因基础数据尚未汇总完毕，我局申请缓报2024年统计年报，于2024年3月15日前报送。') },
    { name: 'month and day, year from the 成文日期', code: md('我局申请延期报送2024年统计年报，拟于3月15日前报送。') },
    { name: 'the date in the next sentence of the paragraph', code: md('我局申请缓报2024年统计年报。我局将于2024年3月20日前报送。') },
    { name: 'a month’s end is a concrete day', code: md('我局申请缓报2024年统计年报，于3月底前报送。') },
    { name: 'no deferral at all', code: md('现将2024年统计年报报送区政府。') },
    { name: 'a 报告 is not checked', code: '# 关于2024年统计工作的报告\n\n区政府：\n\n我局已申请缓报年报，将尽快报送。\n\n特此报告。' },
    { name: 'text input', filename: 'draft.txt', code: txt('我局申请缓报2024年统计年报，于2024年3月15日前报送。') },
    { name: 'traditional script', code: trad('因基礎數據尚未彙總完畢，我局申請緩報2024年統計年報，於2024年3月15日前報送。') },
  ],
  invalid: [
    {
      name: 'a promise without a date',
      code: md('因基础数据尚未汇总完毕，我局申请缓报2024年统计年报，将尽快报送。'),
      errors: [
        {
          messageId: 'noDate',
          message: '申请缓报但未写明具体上报时间（“尽快”不是具体时间）：应在请示中明确上报日期（如“于2024年6月28日前报送”；依据 静海 第五十六条）',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'no time at all',
      code: md('我局申请推迟上报2024年统计年报。'),
      errors: [{ messageId: 'noDate', message: '申请缓报但未写明具体上报时间：应在请示中明确上报日期（如“于2024年6月28日前报送”；依据 静海 第五十六条）', line: 5, column: 5, endColumn: 9 }],
    },
    {
      name: 'the deferred date is not after the draft’s own date',
      code: md('我局申请缓报2024年统计年报，于2024年2月28日前报送。'),
      errors: [
        {
          messageId: 'notAfter',
          message: '缓报后的上报时间2024年2月28日不晚于成文日期2024年3月1日：请核对日期（依据 静海 第五十六条）',
          line: 5,
          column: 18,
          endColumn: 28,
        },
      ],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: txt('我局申请缓报2024年统计年报，另行报送。'),
      errors: [{ messageId: 'noDate', line: 3, column: 5, endColumn: 7 }],
    },
    {
      name: 'traditional script',
      code: trad('因基礎數據尚未彙總完畢，我局申請緩報2024年統計年報，將盡快報送。'),
      errors: [{ messageId: 'noDate', message: '申请缓报但未写明具体上报时间（“尽快”不是具体时间）：应在请示中明确上报日期（如“于2024年6月28日前报送”；依据 静海 第五十六条）', line: 5, column: 17, endColumn: 19 }],
    },
  ],
});
