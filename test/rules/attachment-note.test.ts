import { RuleTester } from '../../src/engine/rule-tester.js';
import { attachmentNote } from '../../src/rules/attachment-note.js';

const tester = new RuleTester();
const HEAD = '# 关于开展安全检查的通知\n\n各科室：\n\n请按检查表开展自查。\n\n';
const SIGN = '\n\n区应急局\n\n2024年3月1日';
const THEAD = '关于开展安全检查的通知\n各科室：\n请按检查表开展自查。\n';
const TSIGN = '\n区应急局\n2024年3月1日';

tester.run('attachment-note', attachmentNote, {
  valid: [
    { name: 'one attachment (Markdown)', code: `${HEAD}附件：安全检查表${SIGN}` },
    { name: 'several, numbered (text)', filename: 'x.txt', code: `${THEAD}附件：1.安全检查表\n2.整改台账${TSIGN}` },
    { name: 'agrees with the attachments and the text', filename: 'x.txt', code: `关于开展安全检查的通知\n各科室：\n请按检查表（见附件1）开展自查，详见附件2。\n附件：1.安全检查表\n2.整改台账${TSIGN}\n附件1\n安全检查表\n一、检查内容\n附件2\n整改台账` },
    { name: 'a title broken over two lines, and a name with the issuing body', filename: 'x.txt', code: `${THEAD}附件：1.国土资源部关于马鬃山村地质险情调研情况的报告\n2.专家组意见${TSIGN}\n附件1\n关于马鬃山村地质险情\n调研情况的报告\n附件2\n专家组意见` },
    { name: 'Markdown list under 附件：', code: `${HEAD}附件：\n\n1. 安全检查表\n2. 整改台账${SIGN}` },
    { name: 'traditional script', code: `# 關於開展安全檢查的通知\n\n各科室：\n\n請按檢查表開展自查。\n\n附件：1.安全檢查表\n2.整改臺賬${SIGN}` },
    { name: 'a letter’s own attachment is not a reference', filename: 'x.txt', code: '关于马鬃山村地质险情有关问题的复函\n湖北省人民政府：\n你省来函及附件收悉。现函复如下。\n国务院办公厅\n2004年11月4日' },
    { name: 'a name ending in a closing bracket', filename: 'x.txt', code: `${THEAD}附件：典型经验做法（共130项）${TSIGN}` },
  ],
  invalid: [
    {
      name: 'half-width colon, 1、 and a trailing full stop (Markdown)',
      code: `${HEAD}附件:1、安全检查表。${SIGN}`,
      errors: [
        { messageId: 'colon', message: '“附件”后应标全角冒号“：”', line: 7, column: 3, endColumn: 4 },
        { messageId: 'marker', message: '附件顺序号应写作“1.”，而不是“1、”', line: 7, column: 4, endColumn: 6 },
        { messageId: 'trailing', message: '附件名称后不加标点符号：删去“。”', line: 7, column: 11, endColumn: 12 },
      ],
      output: `${HEAD}附件：1.安全检查表${SIGN}`,
    },
    {
      name: '附件1.×× without the colon (text)',
      filename: 'x.txt',
      code: `${THEAD}附件1.安全检查表\n2.整改台账${TSIGN}`,
      errors: [{ messageId: 'form', message: '附件说明应写作“附件：1.×××”，“附件”后缺少全角冒号', line: 4, column: 1, endColumn: 3 }],
      output: `${THEAD}附件：1.安全检查表\n2.整改台账${TSIGN}`,
    },
    {
      name: 'several, the first without a number',
      filename: 'x.txt',
      code: `${THEAD}附件：安全检查表\n2.整改台账${TSIGN}`,
      errors: [{ messageId: 'unnumbered', message: '有多个附件时应使用阿拉伯数字标注附件顺序号：“安全检查表”缺少顺序号', line: 4, column: 4, endColumn: 9 }],
      output: `${THEAD}附件：1.安全检查表\n2.整改台账${TSIGN}`,
    },
    {
      name: 'numbers skip',
      filename: 'x.txt',
      code: `${THEAD}附件：1.安全检查表\n3.整改台账${TSIGN}`,
      errors: [{ messageId: 'numbering', message: '附件顺序号不连续：这里应为“2.”', line: 5, column: 1, endColumn: 3 }],
      output: null,
    },
    {
      name: 'nothing after 附件：',
      filename: 'x.txt',
      code: `${THEAD}附件：${TSIGN}`,
      errors: [{ messageId: 'empty', message: '“附件：”后缺少附件名称', line: 4, column: 1, endColumn: 4 }],
    },
    {
      name: 'the attachment label with a colon, and a title that differs',
      filename: 'x.txt',
      code: `${THEAD}附件：安全检查表${TSIGN}\n附件：\n安全自查表`,
      errors: [
        { messageId: 'headPunct', message: '附件标识应写作“附件”，后面不加标点', line: 7, column: 1, endColumn: 4 },
        { messageId: 'titleMismatch', message: '附件标题“安全自查表”与附件说明中的名称“安全检查表”不一致', line: 8, column: 1 },
      ],
      output: `${THEAD}附件：安全检查表${TSIGN}\n附件\n安全自查表`,
    },
    {
      name: 'attachments without a note',
      filename: 'x.txt',
      code: `${THEAD.trimEnd()}${TSIGN}\n附件\n安全检查表`,
      errors: [{ messageId: 'noNote', message: '公文带有附件（“附件”），但正文之后没有附件说明（“附件：×××”）', line: 6, column: 1 }],
    },
    {
      name: 'the note and the attachments disagree',
      filename: 'x.txt',
      code: `${THEAD}附件：1.安全检查表\n2.整改台账${TSIGN}\n附件1\n安全检查表\n附件3\n值班表`,
      errors: [
        { messageId: 'notAttached', message: '附件说明列出了附件2“整改台账”，但公文所附的附件中没有附件2', line: 5, column: 3 },
        { messageId: 'unlisted', message: '“附件3”没有列入附件说明（附件说明共2项）', line: 10, column: 1 },
      ],
    },
    {
      name: 'the text refers to attachments that are not there',
      filename: 'x.txt',
      code: '关于开展安全检查的通知\n各科室：\n请按检查表（见附件）开展自查。\n区应急局\n2024年3月1日',
      errors: [{ messageId: 'referenceNoNote', message: '正文提到“见附件”，但公文没有附件说明', line: 3, column: 7, endColumn: 10 }],
    },
    {
      name: 'traditional: the text refers to 附件3 of two',
      code: `# 關於開展安全檢查的通知\n\n各科室：\n\n請按值班表（詳見附件3）安排。\n\n附件：1.安全檢查表\n2.整改臺賬${SIGN}`,
      errors: [{ messageId: 'referenceMissing', message: '正文提到“詳見附件3”，但附件说明只列了2个附件', line: 5, column: 7, endColumn: 12 }],
    },
    {
      name: 'English messages',
      locale: 'en',
      filename: 'x.txt',
      code: `${THEAD}附件:安全检查表${TSIGN}`,
      errors: [{ message: '“附件” is followed by a full-width colon “：”' }],
    },
  ],
});
