import { describe, expect, it } from 'vitest';
import { clearPartCaches, readDocx } from '../../src/parsers/docx/index.js';
import type { GwDocument } from '../../src/model/types.js';
import { buildDocx, p, stylesXml } from './build.js';

/**
 * Parts that repeat from file to file (styles, theme, numbering, settings, relationships) are read once per
 * distinct content (src/parsers/docx/part-cache.ts). Sharing must never leak one file's formatting into
 * another's, and must not change what the limits count.
 */

const styles = (font: string): string =>
  stylesXml('', `<w:rPrDefault><w:rPr><w:rFonts w:eastAsia="${font}"/><w:sz w:val="32"/></w:rPr></w:rPrDefault>`);
const doc = (font: string, text = '各单位：现将有关事项通知如下。'): Uint8Array => buildDocx({ body: p(text), styles: styles(font) });
const firstRun = (d: GwDocument) => d.children[0]!.children[0]!.format;

describe('part cache', () => {
  it('shares the reading of identical styles between files (same resolved format object)', () => {
    clearPartCaches();
    const a = readDocx(doc('仿宋_GB2312', '第一份'), 'a.docx');
    const b = readDocx(doc('仿宋_GB2312', '第二份'), 'b.docx');
    expect(firstRun(a)).toMatchObject({ fontEastAsia: '仿宋_GB2312', sizeHalfPoints: 32 });
    expect(firstRun(b)).toBe(firstRun(a));
  });

  it('never gives a file the styles of another whose styles differ by one character', () => {
    clearPartCaches();
    const a = readDocx(doc('仿宋_GB2312'), 'a.docx');
    const b = readDocx(doc('仿宋_GB2313'), 'b.docx');
    const c = readDocx(doc('仿宋_GB2312'), 'c.docx');
    expect(firstRun(a)?.fontEastAsia).toBe('仿宋_GB2312');
    expect(firstRun(b)?.fontEastAsia).toBe('仿宋_GB2313');
    expect(firstRun(c)?.fontEastAsia).toBe('仿宋_GB2312');
  });

  it('keeps the list counters of each file its own (numbering is shared, counting is not)', () => {
    clearPartCaches();
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const item = (t: string): string => p(t, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    const bytes = buildDocx({ body: item('总体要求') + item('主要任务'), numbering });
    for (const name of ['a.docx', 'b.docx']) {
      const d = readDocx(bytes, name);
      expect(d.children.map((b) => b.data.text)).toEqual(['一、总体要求', '二、主要任务']);
    }
  });

  it('charges a reused part to the file’s inflation budget as if it had been inflated', () => {
    clearPartCaches();
    const bytes = doc('仿宋_GB2312');
    readDocx(bytes, 'a.docx');
    // The same file again, with a budget smaller than its parts: refused although most parts come from the cache.
    expect(() => readDocx(bytes, 'b.docx', { limits: { maxTotalBytes: 600 } })).toThrow(/解压后的内容超过上限/);
  });
});
