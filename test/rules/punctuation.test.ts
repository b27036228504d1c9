import { RuleTester } from '../../src/engine/rule-tester.js';
import { punctuation } from '../../src/rules/punctuation.js';

const tester = new RuleTester();

tester.run('punctuation', punctuation, {
  valid: [
    { name: 'numbers, times, thousands, percentages', filename: 'x.txt', code: '会议定于10:30召开，预算增长3.5%，共计1,000元，比例为3:2。' },
    { name: 'web and e-mail addresses', filename: 'x.txt', code: '详见http://www.gov.cn/zhengce/a,b.htm，或发送至ban@gov.cn，网址www.gov.cn。' },
    { name: 'English text with Chinese words', code: 'The 静海 rules (see 第六十条) cap a 文件稿 at 5000 字. Cite articles, e.g. "第五十五条".' },
    { name: 'ellipsis, dash, ranges and doubled question marks', filename: 'x.txt', code: '各地……要抓紧——特别是汛期。规划期为2018—2035年。难道不是吗？？' },
    { name: 'a multi-paragraph quotation opens each paragraph', filename: 'x.txt', code: '通知指出：\n“第一，要提高认识。\n“第二，要落实责任。”' },
    { name: 'a title broken over two lines inside 《》', filename: 'x.txt', code: '关于《全面推行\n行政执法公示制度》的意见' },
    { name: 'heading markers are heading-sequence’s', filename: 'x.txt', code: '(一)提高认识。\n(1)学文件。' },
    { name: 'Latin-only brackets', code: '函数f(x)的取值。' },
    { name: 'traditional script, full-width', code: '區政府全體會議主要任務是：\n\n（一）討論決定區政府工作中的重大事項；' },
    { name: 'web residue entities', filename: 'x.txt', code: '国务院办公厅         &sp;' },
  ],
  invalid: [
    {
      name: 'half-width comma, colon and semicolon (text)',
      filename: 'x.txt',
      code: '各乡镇人民政府、街道办事处,各委、办、局:\n请抓紧落实;',
      errors: [
        { messageId: 'halfWidth', message: '中文中应使用全角标点：“,”应为“，”', line: 1, column: 14, endColumn: 15 },
        { messageId: 'halfWidth', message: '中文中应使用全角标点：“:”应为“：”', line: 1, column: 21, endColumn: 22 },
        { messageId: 'halfWidth', message: '中文中应使用全角标点：“;”应为“；”', line: 2, column: 6, endColumn: 7 },
      ],
      output: '各乡镇人民政府、街道办事处，各委、办、局：\n请抓紧落实；',
    },
    {
      name: 'a comma typed with a space after it, a full stop typed as ".", ?! (Markdown)',
      code: '请各单位抓紧, 按时报送.\n\n真的吗?!',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 7, endColumn: 9 },
        { messageId: 'halfWidth', message: '中文中应使用全角标点：“.”应为“。”', line: 1, column: 13, endColumn: 14 },
        { messageId: 'halfWidth', message: '中文中应使用全角标点：“?!”应为“？！”', line: 3, column: 4, endColumn: 6 },
      ],
      output: '请各单位抓紧，按时报送。\n\n真的吗？！',
    },
    {
      name: 'half-width brackets, and a pair of mixed widths',
      filename: 'x.txt',
      code: '有关部门(单位)负责，高中阶段教育（普通高中、技工教育)、国家级(Ⅰ级)应急响应。',
      errors: [
        { messageId: 'halfBracket', message: '中文中的括号应使用全角“（）”', line: 1, column: 5, endColumn: 9 },
        { messageId: 'halfBracket', line: 1, column: 18, endColumn: 29 },
        { messageId: 'halfBracket', line: 1, column: 33, endColumn: 37 },
      ],
      output: '有关部门（单位）负责，高中阶段教育（普通高中、技工教育）、国家级（Ⅰ级）应急响应。',
    },
    {
      name: 'traditional script: half-width marks map back to their places',
      code: '# 區政府工作規則\n\n區政府全體會議主要任務是:傳達學習黨中央、國務院的重要指示,討論決定重大事項。',
      errors: [
        { messageId: 'halfWidth', message: '中文中应使用全角标点：“:”应为“：”', line: 3, column: 13, endColumn: 14 },
        { messageId: 'halfWidth', line: 3, column: 30, endColumn: 31 },
      ],
      output: '# 區政府工作規則\n\n區政府全體會議主要任務是：傳達學習黨中央、國務院的重要指示，討論決定重大事項。',
    },
    {
      name: 'straight quotes in pairs are fixed, an odd one is only reported',
      filename: 'x.txt',
      code: '实行"先入区、后检测"的做法。\n他说"好。',
      errors: [
        { messageId: 'straightQuote', message: '中文中的引号应使用“”，而不是直引号"', line: 1, column: 3, endColumn: 12 },
        { messageId: 'straightQuote', line: 2, column: 3, endColumn: 4 },
      ],
      output: '实行“先入区、后检测”的做法。\n他说"好。',
    },
    {
      name: 'pairs left open or closed without opening',
      filename: 'x.txt',
      code: '认真学习《条例，抓好落实。\n这是重点”。\n全力推进（重点工作。',
      errors: [
        { messageId: 'unpairedOpen', message: '“《”没有对应的“》”', line: 1, column: 5, endColumn: 6 },
        { messageId: 'unpairedClose', message: '“””前面没有对应的““”', line: 2, column: 5, endColumn: 6 },
        { messageId: 'unpairedOpen', message: '“（”没有对应的“）”', line: 3, column: 5, endColumn: 6 },
      ],
      output: null,
    },
    {
      name: 'ellipsis and dash forms, doubled marks',
      filename: 'x.txt',
      code: '各地要抓紧...特别是汛期。。。\n单独…省略，，重复\n抓紧落实--特别是汛期。',
      errors: [
        { messageId: 'ellipsis', message: '省略号应写作“……”（两个“…”），而不是“...”', line: 1, column: 6, endColumn: 9 },
        { messageId: 'ellipsis', message: '省略号应写作“……”（两个“…”），而不是“。。。”', line: 1, column: 14, endColumn: 17 },
        { messageId: 'ellipsis', message: '省略号应写作“……”（两个“…”），而不是“…”', line: 2, column: 3, endColumn: 4 },
        { messageId: 'doubled', message: '标点“，，”重复', line: 2, column: 6, endColumn: 8 },
        { messageId: 'dash', message: '破折号应写作“——”，而不是“--”', line: 3, column: 5, endColumn: 7 },
      ],
      output: '各地要抓紧……特别是汛期……\n单独……省略，重复\n抓紧落实——特别是汛期。',
    },
    {
      name: 'English messages',
      locale: 'en',
      filename: 'x.txt',
      code: '请抓紧落实;',
      errors: [{ message: 'Use the full-width mark in Chinese text: “;” should be “；”' }],
    },
  ],
});
