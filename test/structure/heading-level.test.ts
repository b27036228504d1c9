import { describe, expect, it } from 'vitest';
import { HEADING_MARKERS, headingLevelOf } from '../../src/structure/patterns.js';
import { buildLineStarts } from '../../src/model/positions.js';

describe('headingLevelOf', () => {
  it('gives the level of the first marker that matches, whatever the first character', () => {
    const byList = (t: string) => HEADING_MARKERS.find((m) => m.re.test(t))?.level;
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`${ch}、总则`, `${ch}1）`, `（${ch}）`, `${ch}.`, ch]) if (headingLevelOf(t) !== byList(t)) wrong.push(t);
    }
    expect(wrong).toEqual([]);
    expect(['一、总则', '（二）范围', '(三)', '3．要求', '（4）细则', '12.5%', '十一、', ''].map(headingLevelOf)).toEqual([1, 2, 2, 3, 4, undefined, 1, undefined]);
  });
});

describe('buildLineStarts', () => {
  it('starts a line after every LF, and only there', () => {
    expect(buildLineStarts('')).toEqual([0]);
    expect(buildLineStarts('a\nbc\r\n\n')).toEqual([0, 2, 6, 7]);
    expect(buildLineStarts('\n')).toEqual([0, 1]);
  });
});
