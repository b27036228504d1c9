import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { readDocx } from '../../src/parsers/docx/index.js';
import { InputError } from '../../src/parsers/types.js';
import { FIXTURES, SHARED } from '../helpers.js';

/**
 * Untrusted input: real .docx files with their XML damaged at random (deterministically) — markup cut out,
 * stray characters, and well-formed elements with hostile values dropped between tags (code points past
 * Unicode, list levels in the millions, negative page sizes, fields that never close, runs of list text that
 * refer to levels that do not exist …). The reader must either read the file or refuse it with an InputError
 * (a clear reason for the user), and no rule may fail on what it reads.
 */

const ELEMENTS = [
  '<w:sym w:char="FFFFFFFF"/>', '<w:sym w:char="D800"/>', '<w:br w:type="page"/>', '<w:fldChar w:fldCharType="end"/>',
  '<w:fldChar w:fldCharType="begin"/>', '<w:fldChar w:fldCharType="separate"/>', '<w:instrText>PAGE</w:instrText>',
  '<w:numPr><w:ilvl w:val="99999999"/><w:numId w:val="1"/></w:numPr>', '<w:ind w:firstLine="NaN" w:hanging="-99999999999"/>',
  '<w:pgSz w:w="-5" w:h="0"/>', '<w:pgMar w:top="abc"/>', '<w:tab/>', '<w:cr/>', '<w:t>&#x10FFFF;&#1;</w:t>', '<w:p/>', '<w:r/>',
  '<w:tbl/>', '<w:tc/>', '<w:txbxContent/>', '<w:vanish/>', '<w:rFonts w:eastAsia=""/>', '<w:sz w:val="-1"/>',
  '<w:pStyle w:val="不存在"/>', '<w:del w:id="1"/>', '<w:sectPr/>', '<v:textpath string="WordArt"/>', '<w:fldSimple w:instr="PAGE"/>',
  '<w:lvlText w:val="%9%9%9"/>', '<w:numFmt w:val="chineseCounting"/>', '<w:start w:val="-100"/>', '<w:abstractNumId w:val="0"/>',
  '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="99999999999"/></w:lvlOverride>', '<w:basedOn w:val="Normal"/>',
];

function docxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? docxFiles(p) : /\.docx$/i.test(f) ? [p] : [];
  });
}

describe('damaged .docx: read or refused with a reason, never a crash', () => {
  const packages: Record<string, Uint8Array>[] = [];
  for (const f of [...docxFiles(join(SHARED, 'corpus')), ...docxFiles(join(FIXTURES, 'docx'))]) {
    try {
      packages.push(unzipSync(readFileSync(f)));
    } catch {
      // the corpus keeps a few broken files on purpose
    }
  }

  it('on 400 damaged variants of the corpus and fixture files', async () => {
    expect(packages.length).toBeGreaterThan(20);
    let seed = 4242;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const linter = new Linter({ noConfig: true });
    let read = 0;
    let refused = 0;
    for (let it = 0; it < 400; it++) {
      const files = { ...packages[Math.floor(rnd() * packages.length)]! };
      const parts = Object.keys(files).filter((n) => /^word\/(document|styles|numbering|header\d*|footer\d*)\.xml$/.test(n));
      const part = parts[Math.floor(rnd() * parts.length)]!;
      let x = strFromU8(files[part]!);
      for (let m = 1 + Math.floor(rnd() * 4); m > 0; m--) {
        const at = Math.floor(rnd() * x.length);
        const op = rnd();
        if (op < 0.5) {
          const gt = x.indexOf('>', at);
          if (gt > 0) x = x.slice(0, gt + 1) + ELEMENTS[Math.floor(rnd() * ELEMENTS.length)] + x.slice(gt + 1);
        } else if (op < 0.6) x = x.slice(0, at) + x.slice(at + 1 + Math.floor(rnd() * 20));
        else if (op < 0.8) x = x.slice(0, at) + '<>/="&; '[Math.floor(rnd() * 8)] + x.slice(at);
        else {
          const from = Math.floor(rnd() * x.length);
          x = x.slice(0, at) + x.slice(from, from + 200) + x.slice(at);
        }
      }
      files[part] = strToU8(x);
      const bytes = zipSync(files);
      try {
        readDocx(bytes, 'x.docx');
        read++;
      } catch (e) {
        expect(e, `${part} variant ${it}: ${(e as Error).stack}`).toBeInstanceOf(InputError);
        refused++;
      }
      const r = await linter.lintText(bytes, 'x.docx');
      const failed = r.messages.filter((m) => /处理此文件时出错/.test(m.message));
      expect(failed, `${part} variant ${it}`).toEqual([]);
    }
    // Both kinds occur, so both paths were exercised.
    expect(read).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  }, 60_000);
});
