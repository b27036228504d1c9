import { RuleTester } from '../../src/engine/rule-tester.js';
import { disclosureAttribute } from '../../src/rules/disclosure-attribute.js';

const tester = new RuleTester();

const NOTICE = '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区水务局\n\n2024年5月6日';
const NOTICE_TXT = '关于做好防汛工作的通知\n各街道：\n请做好防汛工作。\n区水务局\n2024年5月6日';
const NOTICE_TRAD = '# 關於做好防汛工作的通知\n\n各街道：\n\n請做好防汛工作。\n\n區水務局\n\n2024年5月6日';

tester.run('disclosure-attribute', disclosureAttribute, {
  valid: [
    { name: '主动公开 in the 附注', code: `${NOTICE}\n\n（此件主动公开）` },
    { name: '公开发布 (how 通州 itself writes it)', code: `${NOTICE}\n\n（此件公开发布）` },
    { name: '依申请公开 as a labelled line', code: `${NOTICE}\n\n公开方式：依申请公开` },
    { name: '不予公开 with a reason on the line', code: `${NOTICE}\n\n（此件不予公开，理由：涉及内部人事信息）` },
    { name: '不予公开 with the reason on its own line', code: `${NOTICE}\n\n公开方式：不予公开\n\n不予公开理由：涉及国家秘密` },
    { name: 'text input', filename: 'draft.txt', code: `${NOTICE_TXT}\n（此件主动公开）` },
    { name: 'traditional script', code: `${NOTICE_TRAD}\n\n（此件主動公開）` },
    { name: 'traditional, 不予公開 with a reason', code: `${NOTICE_TRAD}\n\n公開方式：不予公開（涉及內部人事信息）` },
    { name: 'only the listed 文种 are checked', code: NOTICE, options: { docTypes: ['请示'] } },
  ],
  invalid: [
    {
      name: 'no attribute',
      code: NOTICE,
      errors: [
        {
          messageId: 'missing',
          message: '未标明公开属性：拟制公文应明确主动公开、依申请公开或不予公开（如在成文日期下一行写“（此件主动公开）”；依据 通州 二十三）',
          line: 1,
          column: 3,
          endLine: 1,
          endColumn: 14,
        },
      ],
    },
    {
      name: 'a mention in the body is not the attribute',
      code: '# 关于做好政务公开工作的通知\n\n各街道：\n\n请做好依申请公开工作，主动公开办理结果。\n\n区政府办公室\n\n2024年5月6日',
      errors: [{ messageId: 'missing', line: 1, column: 3 }],
    },
    {
      name: '不予公开 without a reason',
      code: `${NOTICE}\n\n（此件不予公开）`,
      errors: [
        {
          messageId: 'noReason',
          message: '标为“不予公开”但未说明理由：拟不公开的，应依法依规说明理由（依据 通州 二十三）',
          line: 11,
          column: 4,
          endLine: 11,
          endColumn: 8,
        },
      ],
    },
    {
      name: '不公开 counts as 不予公开',
      code: `${NOTICE}\n\n公开方式：不公开`,
      errors: [{ messageId: 'noReason', message: '标为“不公开”但未说明理由：拟不公开的，应依法依规说明理由（依据 通州 二十三）', line: 11, column: 6, endColumn: 9 }],
    },
    {
      name: 'two different attributes',
      code: `${NOTICE}\n\n（此件主动公开）\n\n公开方式：依申请公开`,
      errors: [{ messageId: 'conflict', message: '公开属性前后不一：此处为“依申请公开”，第 11 行为“主动公开”', line: 13, column: 6, endColumn: 11 }],
    },
    {
      name: 'text input without attribute',
      filename: 'draft.txt',
      code: NOTICE_TXT,
      errors: [{ messageId: 'missing', line: 1, column: 1, endLine: 1, endColumn: 12 }],
    },
    {
      name: 'traditional script without attribute',
      code: NOTICE_TRAD,
      errors: [{ messageId: 'missing', line: 1, column: 3, endColumn: 14 }],
    },
    {
      name: 'traditional 不予公開 without a reason quotes the original',
      code: `${NOTICE_TRAD}\n\n（此件不予公開）`,
      errors: [{ messageId: 'noReason', message: '标为“不予公開”但未说明理由：拟不公开的，应依法依规说明理由（依据 通州 二十三）', line: 11, column: 4, endColumn: 8 }],
    },
    {
      name: 'English locale',
      code: NOTICE,
      locale: 'en',
      errors: [{ message: 'No disclosure attribute: state 主动公开, 依申请公开 or 不予公开 (e.g. “（此件主动公开）” under the date; per 通州 二十三)' }],
    },
  ],
});
