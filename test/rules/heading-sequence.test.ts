import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { headingSequence } from '../../src/rules/heading-sequence.js';
import { markerOf } from '../../src/rules/lib/headings.js';
import { headingLevelOf } from '../../src/structure/patterns.js';

const tester = new RuleTester();
const HEAD = '# 关于做好防汛工作的通知\n\n各街道：\n\n现就有关事项通知如下。\n\n';
const THEAD = '关于做好防汛工作的通知\n各街道：\n现就有关事项通知如下。\n';

tester.run('heading-sequence', headingSequence, {
  valid: [
    { name: 'four levels in order (Markdown)', code: `${HEAD}一、总体要求\n\n（一）提高认识。\n\n1.加强学习。\n\n（1）学文件。\n\n（2）写体会。\n\n2.落实责任。\n\n（二）明确分工。\n\n二、工作措施` },
    { name: 'a level the document never uses may be left out (text)', filename: 'x.txt', code: `${THEAD}一、总体要求\n1.提高认识。\n2.落实责任。\n二、工作措施\n1.加强巡查。` },
    { name: '（一） numbered straight through the 一、 sections', filename: 'x.txt', code: `${THEAD}一、总体要求\n（一）甲。\n（二）乙。\n二、工作措施\n（三）丙。\n（四）丁。` },
    { name: 'items restart under each 条', filename: 'x.txt', code: '第一条　下列事项由区政府决定：\n（一）甲；\n（二）乙。\n第二条　下列事项由区长决定：\n（一）丙；\n（二）丁。' },
    { name: '一、 runs on across 章, or starts again', filename: 'x.txt', code: '第一章　总则\n一、甲。\n二、乙。\n第二章　职责\n三、丙。\n第三章　附则\n一、丁。' },
    { name: 'a lead-in paragraph starts a new list', filename: 'x.txt', code: `${THEAD}一、会议\n（一）甲；\n（二）乙。\n副区长专题会议的主要任务是：\n（一）丙；\n（二）丁。` },
    { name: 'Markdown ordered list', code: `${HEAD}一、工作措施\n\n1. 加强巡查。\n2. 落实责任。\n3. 及时报告。` },
    { name: 'traditional script', code: '# 關於做好防汛工作的通知\n\n各街道：\n\n一、總體要求\n\n（一）提高認識。\n\n（二）落實責任。\n\n二、工作措施' },
    { name: 'full-width point 1． and enumerations that are not markers', filename: 'x.txt', code: `${THEAD}一是提高认识，二是落实责任。\n1．加强巡查。\n2．落实责任。\n1.5倍的标准另行规定。` },
    { name: 'an excerpt without a title may start anywhere', filename: 'x.txt', code: '二、區政府工作的指導思想是：\n三、區政府工作必須遵循以下準則：\n（一）堅持黨的領導。' },
    { name: 'a 注 list under a table counts on its own', filename: 'x.txt', code: `${THEAD}一、指标\n1.甲。\n2.乙。\n注：1、坐标系统为独立坐标系统。\n2、单位均为米。` },
  ],
  invalid: [
    {
      name: 'half-width brackets (Markdown)',
      code: `${HEAD}一、总体要求\n\n(一)提高认识。\n\n（二）落实责任。`,
      errors: [{ messageId: 'marker', message: '第二层序数应写作“（一）”，而不是“(一)”', line: 9, column: 1, endLine: 9, endColumn: 4 }],
      output: `${HEAD}一、总体要求\n\n（一）提高认识。\n\n（二）落实责任。`,
    },
    {
      name: 'traditional script, half-width brackets (text)',
      filename: 'x.txt',
      code: '關於做好防汛工作的通知\n各街道：\n一、總體要求\n(一)堅持黨的領導。\n(二)堅持執政為民。',
      errors: [
        { messageId: 'marker', line: 4, column: 1, endColumn: 4 },
        { messageId: 'marker', message: '第二层序数应写作“（二）”，而不是“(二)”', line: 5, column: 1, endColumn: 4 },
      ],
      output: '關於做好防汛工作的通知\n各街道：\n一、總體要求\n（一）堅持黨的領導。\n（二）堅持執政為民。',
    },
    {
      name: 'wrong marks: 一. （一）、 1、 (1)',
      filename: 'x.txt',
      code: `${THEAD}一.总体要求\n（一）、提高认识。\n1、加强学习。\n(1)学文件。`,
      errors: [
        { messageId: 'marker', message: '第一层序数应写作“一、”，而不是“一.”', line: 4, column: 1, endColumn: 3 },
        { messageId: 'marker', message: '第二层序数应写作“（一）”，而不是“（一）、”', line: 5, column: 1, endColumn: 5 },
        { messageId: 'marker', message: '第三层序数应写作“1.”，而不是“1、”', line: 6, column: 1, endColumn: 3 },
        { messageId: 'marker', message: '第四层序数应写作“（1）”，而不是“(1)”', line: 7, column: 1, endColumn: 4 },
      ],
      output: `${THEAD}一、总体要求\n（一）提高认识。\n1.加强学习。\n（1）学文件。`,
    },
    {
      name: 'a bracket missing: reported, not guessed',
      filename: 'x.txt',
      code: `${THEAD}一、总体要求\n1.甲。\n（1）乙。\n2）丙。`,
      errors: [{ messageId: 'halfBracket', message: '序数“2）”缺少前括号：第四层应写作“（2）”（或第三层“2.”）', line: 7, column: 1, endColumn: 3 }],
      output: null,
    },
    {
      name: 'a gap and a repeat',
      code: `${HEAD}一、总体要求\n\n三、工作措施\n\n（一）甲。\n\n（一）乙。`,
      errors: [
        { messageId: 'numbering', message: '序号不连续：“三、”之前应为“二、”', line: 9, column: 1, endColumn: 3 },
        { messageId: 'numbering', message: '序号不连续：“（一）”之前应为“（二）”', line: 13, column: 1, endColumn: 4 },
      ],
      output: null,
    },
    {
      name: 'a number lost in extraction: "()" is the next one',
      filename: 'x.txt',
      code: '五十、有下列情形之一的，不提交会议讨论：\n（一）甲；\n（二）乙；\n() 丙；\n（四）其他事项。',
      errors: [{ messageId: 'empty', message: '序号缺失：“()”中应为“（三）”', line: 4, column: 1, endColumn: 3 }],
      output: null,
    },
    {
      name: 'a whole document starts at 一',
      filename: 'x.txt',
      code: `${THEAD}二、工作措施\n三、工作要求`,
      errors: [{ messageId: 'numbering', message: '序号不连续：“二、”之前应为“一、”', line: 4, column: 1 }],
    },
    {
      name: 'skipping a level the document uses elsewhere',
      filename: 'x.txt',
      code: `${THEAD}一、总体要求\n（一）提高认识。\n二、工作措施\n1.加强巡查。`,
      errors: [{ messageId: 'skipped', message: '层次越级：“1.”是第三层，但上一级第二层在这里没有出现（本文其他地方用了这一层）', line: 7, column: 1, endColumn: 3 }],
    },
    {
      name: 'Markdown ordered list with a gap',
      code: `${HEAD}一、工作措施\n\n1. 加强巡查。\n3. 落实责任。`,
      errors: [{ messageId: 'numbering', message: '序号不连续：“3.”之前应为“2.”', line: 10, column: 4 }],
    },
    {
      name: 'English messages',
      locale: 'en',
      filename: 'x.txt',
      code: `${THEAD}一、总体要求\n(一)提高认识。`,
      errors: [{ message: 'Write the level-2 heading number as “（一）”, not “(一)”' }],
    },
  ],
});

describe('markers', () => {
  it('read the same level as the structure pass for every form it accepts', () => {
    for (const t of ['一、总体要求', '十二、附则', '（一）提高认识', '(二)落实', '1.加强学习', '12．及时报告', '3、巡查', '（1）学文件', '(2)写体会']) {
      expect(markerOf(t, t)?.level, t).toBe(headingLevelOf(t));
    }
  });

  it('tell enumerations and numbers from markers', () => {
    for (const t of ['一是提高认识', '一般要求', '1.5倍', '2019年', '十分重要']) expect(markerOf(t, t), t).toBeUndefined();
  });
});
