import { describe, expect, it } from 'vitest';
import { pKey, rKey, sameP, sameR, type PProps, type RProps } from '../../src/parsers/docx/props.js';

// sameP / sameR stand in for comparing pKey / rKey (the reader reuses the resolution of the paragraph or run
// before when they say "same"): every field must count in both, or a changed field would be missed. The samples
// below list every field; a field added to a key and not here fails the first test.
const P: Required<PProps> = { pStyle: 'a', jc: 'both', firstLine: 640, firstLineChars: 200, left: 1, leftChars: 2, right: 3, line: 560, lineRule: 'exact', numId: '4', ilvl: 1, outlineLvl: 0 };
const R: Required<RProps> = { ascii: 'Times', eastAsia: '仿宋_GB2312', asciiTheme: 'minorHAnsi', eastAsiaTheme: 'minorEastAsia', sz: 32, b: false, i: false, color: '000000', vanish: false, rStyle: 'c' };

function other(v: unknown): unknown {
  return typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}x`;
}

describe('sameP / sameR agree with pKey / rKey', () => {
  it('the samples have every field the keys are made of', () => {
    expect(pKey(P).split('\u0001')).toHaveLength(Object.keys(P).length);
    expect(rKey(R).split('\u0001')).toHaveLength(Object.keys(R).length);
  });

  it('equal objects, and empty ones, are the same and have one key', () => {
    expect(sameP({ ...P }, { ...P })).toBe(true);
    expect(sameR({ ...R }, { ...R })).toBe(true);
    expect(sameP({}, {})).toBe(true);
    expect(sameR({}, {})).toBe(true);
  });

  it.each(Object.keys(P))('paragraph field %s, changed or left out, makes them differ in both', (k) => {
    const changed = { ...P, [k]: other(P[k as keyof PProps]) } as PProps;
    const without = { ...P } as PProps;
    delete without[k as keyof PProps];
    for (const b of [changed, without]) {
      expect(sameP(P, b)).toBe(false);
      expect(pKey(P)).not.toBe(pKey(b));
    }
  });

  it.each(Object.keys(R))('run field %s, changed or left out, makes them differ in both', (k) => {
    const changed = { ...R, [k]: other(R[k as keyof RProps]) } as RProps;
    const without = { ...R } as RProps;
    delete without[k as keyof RProps];
    for (const b of [changed, without]) {
      expect(sameR(R, b)).toBe(false);
      expect(rKey(R)).not.toBe(rKey(b));
    }
  });
});
