import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { docType, relate } from '../../src/rules/doc-type.js';
import { detectDocType } from '../../src/structure/doctype.js';
import { checkExamples } from './examples.js';

const tester = new RuleTester();

tester.run('doc-type', docType, {
  valid: [
    { name: '城市管理委员会 is a department, so its 请示 to the 区政府 goes up', code: '# 静海区城市管理委员会关于增设执法车辆的请示\n\n区政府：\n\n恳请批准增设执法车辆2辆。\n\n妥否，请批示。' },
    { name: 'a 请示 to the own government', code: '# 区教育局关于第二中学扩建的请示\n\n区政府：\n\n恳请批准第二中学扩建工程立项。\n\n妥否，请批示。\n\n区教育局\n\n2024年3月5日' },
    { name: 'a 请示 to the superior department of the same system', filename: 'draft.txt', code: '区教育局关于申报市级示范学校的请示\n市教育局：\n恳请批准第二中学申报市级示范学校。\n妥否，请批示。\n区教育局\n2024年6月25日' },
    { name: 'a 函 to a peer', code: '# 区教育局关于商请调剂教师编制的函\n\n区人社局：\n\n请贵局支持调剂教师编制30名。\n\n请予函复。\n\n区教育局\n\n2024年6月20日' },
    { name: 'a 报告 that reports', code: '# 关于防汛工作情况的报告\n\n市政府：\n\n今年汛期平稳。\n\n特此报告。' },
    { name: 'the general office receives for the government', code: '# 区交通局关于公交线路调整的请示\n\n区政府办公室：\n\n恳请批准调整公交线路4条。\n\n妥否，请批示。\n\n区交通局\n\n2024年5月10日' },
    { name: 'sender unknown: no routing judgement', code: '# 关于调剂教师编制的请示\n\n区财政局：\n\n恳请同意调剂教师编制10名。\n\n妥否，请批示。' },
    {
      name: 'tree says the recipient is a superior',
      options: { organisation: { 区教育局: '区教育工委', 区教育工委: '区委' } },
      code: '# 区教育局关于调剂教师编制的请示\n\n区教育工委：\n\n恳请同意调剂教师编制10名。\n\n妥否，请批示。\n\n区教育局\n\n2024年3月1日',
    },
  ],
  invalid: [
    {
      name: '报告 whose subject is a request',
      code: '# 关于申请拨付防汛专项资金的报告\n\n市政府：\n\n部分泵站设备老化。恳请市政府拨付防汛专项资金300万元。\n\n特此报告。',
      errors: [
        {
          messageId: 'reportAsks',
          message: '文种用错：标题是报告，但本文是在请求（第 5 行“恳请市政府拨付防汛专项资金300万元”）。请求上级批准应以请示行文，标题改为“关于……的请示”',
          line: 1,
          column: 16,
          endLine: 1,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'text input: 请示 to a peer department',
      filename: 'draft.txt',
      code: '区教育局关于调剂教师编制的请示\n区财政局：\n恳请同意调剂教师编制10名。\n妥否，请批示。\n区教育局\n2024年3月1日',
      errors: [{ messageId: 'requestToPeer', message: '文种用错：主送机关“区财政局”不是发文机关“区教育局”的上级（同级部门之间不相隶属）。请示只报上级机关；向不相隶属的机关请求批准应以函行文', line: 2, column: 1, endColumn: 5 }],
    },
    {
      name: 'traditional: a 请示 that asks nothing',
      code: '# 關於一季度經濟運行情況的請示\n\n區政府：\n\n一季度，全區經濟運行總體平穩。',
      errors: [{ messageId: 'requestNoAsk', line: 1, column: 15, endColumn: 17 }],
    },
    {
      name: 'a 函 asking the own superior for approval',
      code: '# 区教育局关于建设第三中学的函\n\n区政府：\n\n恳请区政府批准第三中学建设项目立项。\n\n特此函达。\n\n区教育局\n\n2024年7月1日',
      errors: [{ messageId: 'letterToSuperior', line: 1, column: 16, endColumn: 17 }],
    },
    {
      name: 'tree says the recipient is not a superior',
      options: { organisation: { 区教育局: '区政府', 区卫健委: '区政府' } },
      code: '# 区教育局关于共建校医室的请示\n\n区卫健委：\n\n恳请同意共建校医室。\n\n妥否，请批示。\n\n区教育局\n\n2024年3月1日',
      errors: [{ messageId: 'requestToPeer', message: /按机关隶属关系不是上级/, line: 3 }],
    },
  ],
});

describe('relations read from names', () => {
  it('tells superiors, peers and other systems apart', () => {
    expect(relate('区教育局', '区政府').kind).toBe('superior');
    expect(relate('区教育局', '市教育局').kind).toBe('superior');
    expect(relate('区教育局', '区财政局').kind).toBe('unrelated');
    expect(relate('区教育局', '市财政局').kind).toBe('unrelated');
    expect(relate('甲区人民政府', '乙区人民政府').kind).toBe('unrelated');
    expect(relate('区政府', '市政府').kind).toBe('superior');
    expect(relate('教育局', '财政局').kind).toBe('unknown');
  });
});

describe('文种 detection for titles that are not 文种', () => {
  it('takes 请示报告 for what the body does', () => {
    expect(detectDocType('关于举办运河文化节的请示报告', ['恳请区政府批准举办运河文化节。', '妥否，请批示。'], {}).value).toBe('请示');
    expect(detectDocType('关于运河文化节举办情况的请示报告', ['文化节接待游客36万人次。', '特此报告。'], {}).value).toBe('报告');
  });
  it('takes 总结 and 汇报 as 报告, 申请报告 as 请示, 要点 and statutes as none', () => {
    expect(detectDocType('区档案馆2024年工作总结', [], {}).value).toBe('报告');
    expect(detectDocType('关于一季度经济运行情况的汇报', [], {}).value).toBe('报告');
    expect(detectDocType('关于修缮区体育馆的申请报告', [], {}).value).toBe('请示');
    expect(detectDocType('区司法局2024年工作要点', [], {}).value).toBeNull();
    expect(detectDocType('专利代理条例', [], {}).value).toBeNull();
    expect(detectDocType('国务院关于河北雄安新区总体规划（2018—2035年）的批复', [], {}).value).toBe('批复');
  });
});

checkExamples(docType);
