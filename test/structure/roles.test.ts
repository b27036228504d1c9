import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import type { GwDocument } from '../../src/model/types.js';

const linter = new Linter({ noConfig: true });
const parse = (text: string, file = 'draft.txt', declared = {}): Promise<GwDocument> => linter.parse(text, file, declared);
/** "role" or "roleHn", with the block's text, so a failure shows which line went wrong. */
const rolesOf = (doc: GwDocument): string[] => doc.children.map((b) => `${b.data.role}${b.data.headingLevel ? `H${b.data.headingLevel}` : ''}:${b.data.text}`);
const withText = (roles: string[], text: string): string[] => text.split('\n').filter((l) => l.trim()).map((l, i) => `${roles[i]}:${l}`);

const FULL = [
  '000001',
  '机密★1年',
  '特急',
  '某某市人民政府文件',
  '某政发〔2024〕5号',
  '签发人：张明',
  '某某市人民政府关于加强',
  '安全生产工作的通知',
  '各区人民政府，市政府各委、办、局：',
  '为加强安全生产工作，现通知如下。',
  '一、提高认识',
  '（一）压实责任。各单位要落实责任。',
  '1.明确分工。',
  '（1）主要负责人负总责。',
  '附件：1.安全生产责任清单',
  '2.检查表',
  '某某市人民政府',
  '2024年1月2日',
  '（此件公开发布）',
  '附件1',
  '安全生产责任清单',
  '抄送：市委办公室，市人大常委会办公室。',
  '某某市人民政府办公室　　　2024年1月2日印发',
].join('\n');

describe('structure pass: roles', () => {
  it('gives every part of a full 公文 its role (GB/T 9704-2012 第7章)', async () => {
    const doc = await parse(FULL);
    const roles = '份号,密级和保密期限,紧急程度,发文机关标志,发文字号,签发人,标题,标题,主送机关,正文,正文H1,正文H2,正文H3,正文H4,附件说明,附件说明,发文机关署名,成文日期,附注,附件,附件,抄送,印发机关和印发日期';
    expect(rolesOf(doc)).toEqual(withText(roles.split(','), FULL));
    expect(doc.data.docType.value).toBe('通知');
    expect(doc.data.direction.value).toBe('下行');
  });

  it('reads the same parts from Markdown, title from a level-1 heading', async () => {
    const md = '某某区财政局文件\n\n某财发〔2024〕15号　　签发人：王建华\n\n# 某某区财政局关于购置车辆的请示\n\n区人民政府：\n\n恳请批准购置车辆2辆。\n\n妥否，请批示。\n\n某某区财政局\n\n2024年3月18日\n';
    const doc = await parse(md, 'draft.md');
    expect(rolesOf(doc)).toEqual(
      withText('发文机关标志,发文字号,标题,主送机关,正文,正文,发文机关署名,成文日期'.split(','), md.replace(/^# /m, '')),
    );
    expect(doc.data.docType).toMatchObject({ value: '请示', confidence: 0.95 });
    expect(doc.data.direction.value).toBe('上行');
  });

  it('reads traditional-script drafts through the simplified view', async () => {
    const doc = await parse('某某區財政局關於購置車輛的請示\n區人民政府：\n懇請批准購置車輛2輛。\n妥否，請批示。\n某某區財政局\n2024年3月18日');
    expect(doc.children.map((b) => b.data.role)).toEqual(['标题', '主送机关', '正文', '正文', '发文机关署名', '成文日期']);
    expect(doc.data.docType.value).toBe('请示');
    // The text keeps its script; the normalised view is simplified and as long.
    expect(doc.children[0]!.data.text).toBe('某某區財政局關於購置車輛的請示');
    expect(doc.children[0]!.data.norm).toBe('某某区财政局关于购置车辆的请示');
  });

  it('handles web extractions: split t', async () => {
    const doc = await parse('# 发文字号: 国函〔1996〕95号\n\n国务院、中央军委关于同意武警总部\n后勤部机关等迁址新建的批复\n国函〔1996〕95号\n武警总部：\n你部请示收悉。同意迁址。\n国务院　中央军委\n一九九六年十一月五日');
    expect(doc.children.map((b) => b.data.role)).toEqual(['标题', '标题', '发文字号', '主送机关', '正文', '发文机关署名', '成文日期']);
    expect(doc.data.docType.value).toBe('批复');
    expect(doc.data.declared['发文字号']).toBe('国函〔1996〕95号');
  });

  it('reads a 令: 版头 "…令"', async () => {
    const doc = await parse('中华人民共和国国务院令\n第706号\n《专利代理条例》已经国务院常务会议修订通过，现予公布。\n总理　　李克强\n2018年11月6日\n专利代理条例\n第一条　为了规范专利代理行为，制定本条例。');
    expect(doc.children.map((b) => b.data.role)).toEqual(['发文机关标志', '发文字号', '正文', '发文机关署名', '成文日期', '附件', '附件']);
    expect(doc.data.docType.value).toBe('命令');
  });

  it('takes the first closing date when attachments carry dates of their own', async () => {
    const doc = await parse('关于有关问题的复函\n湖北省人民政府：\n同意。\n附件：1.专家组意见\n国务院办公厅\n二〇〇四年十一月四日\n附件1\n专家组意见\n专家组\n二〇〇四年九月二十三日');
    expect(doc.children.map((b) => b.data.role)).toEqual(['标题', '主送机关', '正文', '附件说明', '发文机关署名', '成文日期', '附件', '附件', '附件', '附件']);
  });

  it('uses body closings when there is no title, and says how sure it is', async () => {
    const doc = await parse('市政府：\n我局拟购置车辆。\n妥否，请批示。');
    expect(doc.data.docType).toMatchObject({ value: '请示', confidence: 0.7 });
    expect(doc.data.docType.reason).toContain('妥否，请批示');
    const none = await parse('今天天气很好。');
    expect(none.data.docType).toMatchObject({ value: null, confidence: 0 });
  });

  it('lets front matter and declared settings state 文种, 类别 and direction', async () => {
    const doc = await parse('---\n文种: 报告\n类别: 专项\n行文方向: 平行\n---\n\n# 情况说明\n\n正文。', 'draft.md');
    expect(doc.data.docType).toMatchObject({ value: '报告', confidence: 1 });
    expect(doc.data.category).toMatchObject({ value: '专项', confidence: 1 });
    expect(doc.data.direction).toMatchObject({ value: '平行', confidence: 1 });
    const viaCli = await parse('# 情况说明\n\n正文。', 'draft.md', { docType: '请示' });
    expect(viaCli.data.docType.value).toBe('请示');
  });

  it('detects 文种 from title endings, with aliases', async () => {
    const cases: [string, string | null][] = [
      ['国务院办公厅关于科技节水建议的复函', '函'],
      ['国务院办公厅对十届全国人大四次会议第7240号建议的答复', '函'],
      ['关于2024年工作情况的报告', '报告'],
      ['某区政府常务会议纪要', '纪要'],
      ['关于开展调研的研究报告', '研究报告'],
      ['关于表彰先进集体的决定', '决定'],
      ['国务院关于河北雄安新区总体规划（2018—2035年）的批复', '批复'],
      ['中华人民共和国个人所得税法实施条例', null],
    ];
    for (const [title, type] of cases) {
      const doc = await parse(`${title}\n各单位：\n正文。`);
      expect(doc.data.docType.value, title).toBe(type);
    }
  });

  it('marks the four 正文 heading levels, and not look-alikes', async () => {
    const doc = await parse('关于某事的通知\n各单位：\n一、总体要求\n（一）指导思想\n1.基本原则\n（1）坚持统筹\n(二)半角括号也算二级\n3.5万元已拨付。\n2024年是关键一年。');
    const levels = doc.children.filter((b) => b.data.role === '正文').map((b) => b.data.headingLevel ?? 0);
    expect(levels).toEqual([1, 2, 3, 4, 2, 0, 0]);
  });

  it('keeps a forwarded document (转发) out of the 通知 even when it ends with its own date', async () => {
    const doc = await parse('国务院办公厅转发某部关于某事请示的通知\n各省人民政府：\n某部《关于某事的请示》已经国务院同意，现转发给你们。\n国务院办公厅\n2019年1月2日\n关于某事的请示\n国务院：\n妥否，请批示。\n某部\n2018年12月1日');
    expect(doc.children.map((b) => b.data.role)).toEqual(['标题', '主送机关', '正文', '发文机关署名', '成文日期', '附件', '附件', '附件', '附件', '附件']);
  });

  it('skips web residue between the title and the 主送机关', async () => {
    const doc = await parse('(通政发〔2022〕1号)北京市通州区人民政府关于印发工作规则的通知\n分享:\n字号:\n(通政发〔2022〕1号)\n各街道办事处,区政府各委、办、局:\n现将规则印发给你们。');
    expect(doc.children.map((b) => b.data.role)).toEqual(['标题', '其他', '其他', '发文字号', '主送机关', '正文']);
  });

  it('reads templates: placeholders stand for the parts they hold the place of', async () => {
    const doc = await parse('★\nXXXX人民政府文件\nXX发〔20XX〕XX号\n[此处输入文件标题]\n[此处输入主送机关]：\n[此处输入正文内容]\nXXXX人民政府\n20XX年XX月XX日');
    expect(doc.children.map((b) => b.data.role)).toEqual(['其他', '发文机关标志', '发文字号', '标题', '主送机关', '正文', '发文机关署名', '成文日期']);
    // The stand-ins hold their places but are not text to check yet.
    expect(doc.children.filter((b) => b.data.placeholder).map((b) => b.data.role)).toEqual(['标题', '主送机关', '正文']);
  });
});
