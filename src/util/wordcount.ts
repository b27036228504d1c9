/**
 * 字数 as Microsoft Word and LibreOffice count Chinese text: every CJK character and every full-width mark or
 * symbol is one; every run of other non-space characters (a Latin word, a number) is one.
 */

function isCountedAlone(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0x20000 && cp <= 0x3134f) || // Extensions B–H
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs
    (cp >= 0x3000 && cp <= 0x303f && cp !== 0x3000) || // CJK symbols and punctuation (not the ideographic space)
    (cp >= 0xff01 && cp <= 0xff60) || // Full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x3040 && cp <= 0x30ff) || // Kana
    (cp >= 0xac00 && cp <= 0xd7af) || // Hangul
    (cp >= 0x2010 && cp <= 0x2027) || // “ ” ‘ ’ — … as used in Chinese text
    (cp >= 0x2e80 && cp <= 0x2fdf) || // Radicals
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    cp === 0x00b7 // middle dot · in names
  );
}

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isCountedAlone(cp)) {
      count++;
      inWord = false;
    } else if (/\s/.test(ch) || cp === 0x3000) {
      inWord = false;
    } else if (!inWord) {
      count++;
      inWord = true;
    }
  }
  return count;
}
