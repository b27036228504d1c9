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

  // Each field of each sample, changed or left out: both tests must then say "different".
  const cases = [
    ...Object.keys(P).map((k) => ['paragraph', k, P, sameP, pKey] as const),
    ...Object.keys(R).map((k) => ['run', k, R, sameR, rKey] as const),
  ] as [string, string, Record<string, unknown>, (a: object, b: object) => boolean, (d: object) => string][];
  it.each(cases)('%s field %s, changed or left out, makes them differ in both', (_kind, k, sample, same, key) => {
    const changed = { ...sample, [k]: other(sample[k]) };
    const without = { ...sample };
    delete without[k];
    for (const b of [changed, without]) {
      expect(same(sample, b)).toBe(false);
      expect(key(sample)).not.toBe(key(b));
    }
  });
});
