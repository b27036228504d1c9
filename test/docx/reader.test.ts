import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/parsers/docx/index.js';
import { Linter } from '../../src/engine/api.js';
import type { GwDocument } from '../../src/model/types.js';
import { ROOT } from '../helpers.js';
import { buildDocx, p, r, stylesXml } from './build.js';

const read = (parts: Parameters<typeof buildDocx>[0]): GwDocument => readDocx(buildDocx(parts), 'x.docx');
const texts = (d: GwDocument): string[] => d.children.map((b) => b.data.text);

const STYLES = stylesXml(
  `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr>
     <w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/></w:rPr></w:style>
   <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/></w:pPr>
     <w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style>
   <w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>
     <w:rPr><w:rFonts w:eastAsiaTheme="majorEastAsia"/><w:b/></w:rPr></w:style>
   <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文缩进"/><w:basedOn w:val="a"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:style>
   <w:style w:type="character" w:styleId="Kai"><w:name w:val="楷体字"/><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>`,
  `<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>`,
);

const THEME = `<?xml version="1.0" encoding="UTF-8"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="t"><a:themeElements><a:fontScheme name="f">
  <a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="黑体"/><a:font script="Hant" typeface="新細明體"/></a:majorFont>
  <a:minorFont><a:latin typeface="Calibri"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>
</a:fontScheme></a:themeElements></a:theme>`;

describe('docx reader: text and positions', () => {
  it('gives one plain-text line per paragraph, empty ones included, and maps blocks onto them', () => {
    const d = read({ body: p('关于某事的请示') + '<w:p/>' + p('  市政府：') + p('现将有关情况报告如下。') });
    expect(d.data.kind).toBe('docx');
    expect(d.data.source).toBe('关于某事的请示\n\n  市政府：\n现将有关情况报告如下。');
    expect(texts(d)).toEqual(['关于某事的请示', '市政府：', '现将有关情况报告如下。']);
    const b = d.children[1]!;
    expect(b.position.start).toEqual({ line: 3, column: 3, offset: 11 });
    expect(b.data.paragraph).toBe(2);
    expect(b.data.container).toBe('body');
  });

  it('joins runs, keeps tabs, splits at manual line and page breaks (\\v, \\f in the source)', () => {
    const d = read({
      body: `<w:p>${r('抄送：')}${r('市委办公室，')}<w:r><w:tab/><w:t>市人大</w:t><w:br/><w:t>办公室。</w:t></w:r><w:r><w:br w:type="page"/></w:r>${r('附件')}</w:p>`,
    });
    expect(d.data.source).toBe('抄送：市委办公室，\t市人大\v办公室。\f附件');
    expect(texts(d)).toEqual(['抄送：市委办公室，\t市人大', '办公室。', '附件']);
    expect(d.children.map((b) => b.data.paragraph)).toEqual([0, 0, 0]);
    expect(d.children[1]!.position.start.column).toBe(15);
  });

  it('reads the accepted view of tracked changes and warns that changes remain', () => {
    const d = read({
      body:
        `<w:p>${r('现将')}<w:ins w:id="1" w:author="a"><w:r><w:t>有关</w:t></w:r></w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>全部</w:delText></w:r></w:del>${r('情况报告如下。')}</w:p>` +
        // A deleted paragraph mark joins this paragraph with the next.
        `<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="a"/></w:rPr></w:pPr>${r('第一段')}</w:p>${p('接续')}` +
        `<w:p><w:r><w:rPr><w:b/><w:rPrChange w:id="4" w:author="a"><w:rPr><w:sz w:val="99"/></w:rPr></w:rPrChange></w:rPr><w:t>格式改了</w:t></w:r></w:p>`,
    });
    expect(texts(d)).toEqual(['现将有关情况报告如下。', '第一段接续', '格式改了']);
    expect(d.data.docx!.trackedChanges).toBe(4);
    expect(d.children[2]!.children[0]!.format).toMatchObject({ bold: true, sizeHalfPoints: 20 });
    expect(d.data.notices).toEqual([expect.objectContaining({ id: 'tracked-changes', severity: 'warning' })]);
    expect(d.data.notices[0]!.message).toContain('4 处修订');
  });

  it('leaves hidden text out of the text and counts it', () => {
    const d = read({ body: `<w:p>${r('正文')}${r('隐藏的批注', '<w:vanish/>')}${r('继续')}</w:p>` });
    expect(texts(d)).toEqual(['正文继续']);
    expect(d.data.docx!.hiddenChars).toBe(5);
  });

  it('shows field results, not field codes; finds PAGE fields in footers', () => {
    const d = read({
      body: `<w:p>${r('见第')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('3')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r('页')}</w:p>
        <w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:footerReference w:type="even" r:id="rIdF2"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`,
      footers: [
        `<w:p><w:pPr><w:jc w:val="right"/></w:pPr>${r('— ')}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE   \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r('1')}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r(' —')}</w:p>`,
        `<w:p><w:fldSimple w:instr=" NUMPAGES ">${r('9')}</w:fldSimple></w:p>`,
      ],
      settings: '<w:evenAndOddHeaders/>',
    });
    expect(texts(d)).toEqual(['见第3页']);
    const f = d.data.docx!.footers;
    expect(f.map((x) => [x.type, x.hasPageField, x.blocks.map((b) => b.data.text).join('|')])).toEqual([
      ['default', true, '— 1 —'],
      ['even', false, '9'],
    ]);
    expect(f[0]!.blocks[0]!.data.container).toBe('footer');
    expect(f[0]!.blocks[0]!.data.format?.alignment).toBe('right');
    expect(d.data.docx!.evenAndOddHeaders).toBe(true);
  });
});

describe('docx reader: formatting through the style chain', () => {
  const body =
    p('关于某事的请示', '<w:pStyle w:val="Title"/>') +
    p('一、总体要求', '<w:pStyle w:val="H1"/>') +
    `<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr>${r('正文')}${r('楷体', '<w:rStyle w:val="Kai"/>')}${r('直接', '<w:rFonts w:eastAsia="黑体" w:ascii="Arial"/><w:sz w:val="28"/><w:color w:val="FF0000"/>')}</w:p>` +
    `<w:p><w:pPr><w:ind w:hanging="420" w:left="840"/><w:jc w:val="start"/></w:pPr>${r('悬挂')}</w:p>`;

  it('resolves docDefaults → paragraph style chain → run style → direct formatting, with theme fonts', () => {
    const d = read({ body, styles: STYLES, theme: THEME });
    const [title, h1, text, hang] = d.children;
    expect(title!.children[0]!.format).toEqual({ fontEastAsia: '方正小标宋简体', fontAscii: 'Times New Roman', sizeHalfPoints: 44, bold: false });
    expect(title!.data.format).toMatchObject({ alignment: 'center', styleId: 'Title', styleName: 'Title' });
    expect(h1!.type).toBe('heading');
    expect(h1!.children[0]!.format).toMatchObject({ fontEastAsia: '黑体', sizeHalfPoints: 32, bold: true });
    expect(h1!.data.format?.outlineLevel).toBe(0);
    expect(text!.children.map((c) => [c.value, c.format?.fontEastAsia, c.format?.sizeHalfPoints])).toEqual([
      ['正文', '仿宋_GB2312', 32],
      ['楷体', '楷体_GB2312', 32],
      ['直接', '黑体', 28],
    ]);
    expect(text!.children[2]!.format).toMatchObject({ fontAscii: 'Arial', color: 'FF0000' });
    expect(text!.data.format).toMatchObject({ alignment: 'both', indentFirstLineChars: 200, indentFirstLineTwips: 640, lineSpacing: 560, lineRule: 'exact' });
    expect(hang!.data.format).toMatchObject({ indentFirstLineTwips: -420, indentLeftTwips: 840, alignment: 'left' });
    expect(d.data.docx!.themeFonts).toMatchObject({ majorEastAsia: '黑体', minorEastAsia: '等线', majorAscii: 'Calibri Light' });
  });

  it('picks the traditional-script theme font when the document language says so', () => {
    const d = read({ body: p('標題', '<w:pStyle w:val="H1"/>'), styles: STYLES, theme: THEME, settings: '<w:themeFontLang w:val="en-US" w:eastAsia="zh-TW"/>' });
    expect(d.children[0]!.children[0]!.format?.fontEastAsia).toBe('新細明體');
  });

  it('falls back to 10 pt and no font names without styles.xml', () => {
    const d = read({ body: p('无样式') });
    expect(d.children[0]!.children[0]!.format).toEqual({ sizeHalfPoints: 20, bold: false });
    expect(d.data.page).toBeUndefined();
  });
});

describe('docx reader: numbering', () => {
  const NUMBERING = `
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pPr><w:ind w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
      <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="●"/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>`;
  const np = (text: string, ilvl: number, numId = 1): string => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

  it('puts automatic list labels into the text, counted as Word counts, without characters in the source', () => {
    const d = read({
      numbering: NUMBERING,
      styles: STYLES,
      body:
        np('总体要求', 0) + np('指导思想', 1) + np('基本原则', 1) + np('坚持', 2) + np('细目', 3) + np('细目', 3) + np('主要任务', 0) + np('重点', 1) +
        np('要点', 0, 2) + np('重新编号', 0, 3) + p('不编号', '<w:numPr><w:numId w:val="0"/></w:numPr>'),
    });
    expect(texts(d)).toEqual([
      '一、总体要求',
      '（一）指导思想',
      '（二）基本原则',
      '1. 坚持',
      '（1）\t细目',
      '（2）\t细目',
      '二、主要任务',
      '（一）重点',
      '●\t要点',
      '十、重新编号',
      '不编号',
    ]);
    const first = d.children[0]!;
    expect(first.type).toBe('listItem');
    expect(first.data.segments[0]).toMatchObject({ textStart: 0, length: 2, sourceStart: 0, sourceLength: 0, linear: false });
    expect(first.children[0]!.format?.fontEastAsia).toBe('黑体');
    expect(first.children[1]!.format?.fontEastAsia).toBe('仿宋_GB2312');
    expect(first.data.format?.indentFirstLineTwips).toBe(640);
    expect(d.data.source.split('\n')[0]).toBe('总体要求');
    // Structure pass sees the label: the block is a level-1 heading.
    expect(first.position.start).toEqual({ line: 1, column: 1, offset: 0 });
  });

  it('formats the Chinese counting styles Word offers', async () => {
    const { formatNumber } = await import('../../src/parsers/docx/numbering.js');
    expect([1, 10, 11, 19, 20, 21, 100, 101, 110].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '十', '十一', '十九', '二十', '二十一', '一百', '一百零一', '一百一十']);
    expect(formatNumber(3, 'ideographTraditional')).toBe('丙');
    expect(formatNumber(2020, 'ideographDigital')).toBe('二〇二〇');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
  });
});

describe('docx reader: tables, text boxes, sections', () => {
  it('reads nested tables cell by cell as tableCell blocks, in reading order', () => {
    const cell = (inner: string): string => `<w:tc><w:tcPr><w:tcW w:w="100"/></w:tcPr>${inner}</w:tc>`;
    const d = read({
      body:
        p('前') +
        `<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>
          <w:tr>${cell(p('甲') + p('甲二'))}${cell(`<w:tbl><w:tr>${cell(p('内'))}</w:tr></w:tbl>` + p(''))}</w:tr>
          <w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>${cell(p('已删除的行'))}</w:tr>
        </w:tbl>` +
        p('后'),
    });
    expect(d.children.map((b) => [b.data.text, b.type, b.data.container])).toEqual([
      ['前', 'paragraph', 'body'],
      ['甲', 'tableCell', 'table'],
      ['甲二', 'tableCell', 'table'],
      ['内', 'tableCell', 'table'],
      ['后', 'paragraph', 'body'],
    ]);
    expect(d.data.docx!.trackedChanges).toBe(1);
  });

  it('reads text boxes once (mc:Choice, not the VML fallback), before the paragraph that anchors them', () => {
    const box = (t: string): string => `<w:txbxContent>${p(t, '<w:jc w:val="center"/>', '<w:color w:val="FF0000"/><w:sz w:val="100"/>')}</w:txbxContent>`;
    const d = read({
      body:
        `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box('XX市人民政府文件')}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box('XX市人民政府文件')}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>${r('份号000001')}</w:p>` +
        `<w:p><w:r><w:pict><v:shape><v:textpath string="艺术字标志"/></v:shape></w:pict></w:r></w:p>` +
        p('正文'),
    });
    expect(d.children.map((b) => [b.data.text, b.data.container])).toEqual([
      ['XX市人民政府文件', 'textbox'],
      ['份号000001', 'body'],
      ['艺术字标志', 'textbox'],
      ['正文', 'body'],
    ]);
    expect(d.children[0]!.children[0]!.format).toMatchObject({ sizeHalfPoints: 100, color: 'FF0000' });
    expect(d.data.source.split('\n')).toEqual(['XX市人民政府文件', '份号000001', '艺术字标志', '', '正文']);
  });

  it('takes the page setup (with docGrid) of the section holding most of the body, and every header/footer', () => {
    const sect = (w: number, h: number, extra = ''): string =>
      `<w:sectPr>${extra}<w:pgSz w:w="${w}" w:h="${h}"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/><w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="1058"/></w:sectPr>`;
    const d = read({
      body: p('一') + p('二') + `<w:p><w:pPr>${sect(11906, 16838, '<w:headerReference w:type="default" r:id="rIdH1"/>')}</w:pPr>${r('三')}</w:p>` + p('横向附表') + sect(16838, 11906, '<w:headerReference w:type="first" r:id="rIdH2"/><w:titlePg/>'),
      headers: [p('页眉'), p('首页页眉')],
    });
    expect(d.data.page).toEqual({
      widthTwips: 11906,
      heightTwips: 16838,
      marginTopTwips: 2098,
      marginRightTwips: 1474,
      marginBottomTwips: 1984,
      marginLeftTwips: 1587,
      headerTwips: 851,
      footerTwips: 992,
      gutterTwips: 0,
      docGridType: 'linesAndChars',
      docGridLinePitch: 579,
      docGridCharSpace: 1058,
      normalSizeHalfPoints: 20,
    });
    expect(d.data.docx!.headers.map((h) => [h.type, h.blocks[0]!.data.text, h.blocks[0]!.data.container])).toEqual([
      ['default', '页眉', 'header'],
      ['first', '首页页眉', 'header'],
    ]);
  });

  it('counts footnotes and comments; ignores separators', () => {
    const d = read({
      body: p('正文'),
      footnotes: `<w:footnote w:type="separator" w:id="-1"><w:p/></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p/></w:footnote><w:footnote w:id="1">${p('注一')}</w:footnote><w:footnote w:id="2">${p('注二')}</w:footnote>`,
      comments: `<w:comment w:id="0" w:author="a">${p('意见')}</w:comment>`,
    });
    expect(d.data.docx).toMatchObject({ footnotes: 2, comments: 1, trackedChanges: 0, hiddenChars: 0, evenAndOddHeaders: false });
  });

  it('reads documents whose producer binds WordprocessingML to another prefix', () => {
    const d = read({ body: p('前缀不同', '<w:jc w:val="center"/>', '<w:b/>'), prefix: 'ns0' });
    expect(texts(d)).toEqual(['前缀不同']);
    expect(d.children[0]!.data.format?.alignment).toBe('center');
    expect(d.children[0]!.children[0]!.format?.bold).toBe(true);
  });

  it('reads through content controls, hyperlinks, smart tags and custom XML; not their properties', () => {
    const d = read({
      body:
        `<w:sdt><w:sdtPr><w:rPr><w:sz w:val="99"/></w:rPr><w:placeholder><w:docPart w:val="x"/></w:placeholder><w:text/></w:sdtPr><w:sdtContent>${p('控件中的段落')}</w:sdtContent></w:sdt>` +
        `<w:p><w:sdt><w:sdtPr><w:alias w:val="发文字号"/></w:sdtPr><w:sdtContent>${r('某发〔2024〕1号')}</w:sdtContent></w:sdt>` +
        `<w:hyperlink r:id="rId9">${r('链接')}</w:hyperlink><w:smartTag w:uri="u" w:element="e">${r('标签')}</w:smartTag><w:customXml w:element="c">${r('自定义')}</w:customXml></w:p>`,
    });
    expect(texts(d)).toEqual(['控件中的段落', '某发〔2024〕1号链接标签自定义']);
    expect(d.children[0]!.children[0]!.format?.sizeHalfPoints).toBe(20);
  });

  it('keeps Word symbol characters and non-breaking hyphens', () => {
    const d = read({ body: `<w:p>${r('A')}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:noBreakHyphen/><w:softHyphen/></w:r>${r('B')}</w:p>` });
    expect(texts(d)).toEqual(['A\uf0fc-B']);
  });
});

describe('docx through the engine', () => {
  it('lints a .docx like the same draft in Markdown: the same text findings on the same words; line = paragraph', async () => {
    const paras = ['某县人民政府关于申请资金和批准项目的请示', '', '市人民政府：', '为推进工作，特申请资金100万元。另外，请批准新建办公楼项目。', '妥否，请批示。', '某县人民政府', '2024年3月1日'];
    const bytes = buildDocx({
      styles: STYLES,
      body: paras.map((t, i) => (t ? p(t, i === 0 ? '<w:pStyle w:val="Title"/>' : '<w:pStyle w:val="Body"/>') : '<w:p/>')).join(''),
    });
    const linter = new Linter({ noConfig: true });
    const docx = await linter.lintText(bytes, 'draft.docx');
    const mdSource = `# ${paras[0]}\n\n${paras.slice(2).join('\n\n')}\n`;
    const md = await linter.lintText(mdSource, 'draft.md');
    expect(docx.docType).toBe(md.docType);
    expect(docx.charCount).toBe(md.charCount);
    expect(docx.charCount).toBe(29 + 7);

    const docxLines = paras;
    const mdLines = mdSource.split('\n');
    const span = (lines: string[], m: { line: number; column: number; endLine: number; endColumn: number }): string =>
      m.line === m.endLine ? lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1) : `${m.line}-${m.endLine}`;
    const textFindings = md.messages.filter((m) => m.ruleId && !m.ruleId.startsWith('input/'));
    expect(textFindings.length).toBeGreaterThan(0);
    // Messages may name a line ("与第 5 行…"), which differs between the two views: match on rule, message id
    // and the words the finding covers.
    for (const m of textFindings) {
      const d = docx.messages.find((x) => x.ruleId === m.ruleId && x.messageId === m.messageId && span(docxLines, x) === span(mdLines, m));
      expect(d, `${m.ruleId}: ${m.message}`).toBeDefined();
    }
    const signer = docx.messages.find((m) => m.ruleId === 'signer-required');
    // The CLI reads a .docx from standard input as bytes.
    const cli = spawnSync(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), '--no-config-lookup', '--format', 'json', '--stdin', '--stdin-filename', 'draft.docx'], { input: Buffer.from(bytes), encoding: 'utf8' });
    const viaStdin = (JSON.parse(cli.stdout) as { docType: string; messages: { ruleId: string; line: number }[] }[])[0]!;
    expect(viaStdin.docType).toBe('请示');
    expect(viaStdin.messages.find((m) => m.ruleId === 'signer-required')?.line).toBe(1);
    expect(signer).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 21, context: '某县人民政府关于申请资金和批准项目的请示' });
  });
});
