/**
 * 字数 as LibreOffice Writer counts it (and, for Chinese prose, as Microsoft Word does): every CJK character and
 * every full-width mark is one; every run of other non-space characters (a Latin word, a number) is one.
 *
 * The character classes were measured, not guessed: LibreOffice 7.4's own WordCount (through UNO) over every
 * Basic Multilingual Plane code point alone and between two letters ("a?b" gives 3 for a character counted on
 * its own, 1 for one that joins a word, 2 for a separator). test/docx/libreoffice-count.test.ts checks the
 * corpus .docx files against it. Where this differs from the obvious guess:
 *   - the em dash — and en dash – separate words and are not counted ("——" is 0, "a—b" is 2);
 *   - curly quotes “ ” ‘ ’, the ellipsis …, the middle dot · and hyphens join the letters around them like
 *     ASCII punctuation ("a“b" is 1), while between Chinese characters they count as a word of their own;
 *   - circled and parenthesised numbers (① ⑴ ⒈ ❶), enclosed CJK (㈠ ㊀), CJK compatibility units (㎡),
 *     superscript and subscript digits (² ₂), vulgar fractions (½), private-use symbols (Wingdings glyphs that
 *     Word's w:sym puts there) and half-width katakana count one each, as CJK characters do;
 *   - U+200B ZERO WIDTH SPACE neither counts nor separates; U+FEFF joins like a letter.
 * Thai, Lao and other scripts that LibreOffice segments with dictionaries are outside what this counts exactly.
 */

function isCountedAlone(cp: number): boolean {
  if (cp < 0x00b2) return false;
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK Unified Ideographs
    (cp >= 0x2e80 && cp <= 0x33ff && cp !== 0x3000) || // radicals … CJK punctuation, kana, bopomofo, enclosed CJK, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
    (cp >= 0xff00 && cp <= 0xffef) || // Half-width and full-width forms
    (cp >= 0x20000 && cp <= 0x3ffff) || // Extensions B and later, compatibility supplement
    (cp >= 0xf900 && cp <= 0xfaff) || // Compatibility Ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms (vertical punctuation)
    (cp >= 0xe000 && cp <= 0xf8ff) || // Private use (symbol-font glyphs)
    (cp >= 0x2460 && cp <= 0x249b) || // ① … ⒛ (circled, parenthesised, full-stop numbers)
    (cp >= 0x24ea && cp <= 0x24ff) || // ⓪ ⓫ … ⓿
    (cp >= 0x2776 && cp <= 0x2793) || // ❶ … ➓
    (cp >= 0xac00 && cp <= 0xd7ff) || // Hangul syllables, jamo extended B
    (cp >= 0x1100 && cp <= 0x11ff) || // Hangul jamo
    (cp >= 0xa960 && cp <= 0xa97f) || // Hangul jamo extended A
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    cp === 0x00b2 ||
    cp === 0x00b3 ||
    cp === 0x00b9 || // ² ³ ¹
    (cp >= 0x00bc && cp <= 0x00be) || // ¼ ½ ¾
    cp === 0x2070 ||
    (cp >= 0x2074 && cp <= 0x2079) || // superscript digits
    (cp >= 0x2080 && cp <= 0x2089) || // subscript digits
    (cp >= 0x2150 && cp <= 0x215f) || // vulgar fractions
    cp === 0x2189
  );
}

function isSeparator(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2013 ||
    cp === 0x2014 ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0x85
  );
}

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp === 0x200b) continue;
    if (isCountedAlone(cp)) {
      count++;
      inWord = false;
    } else if (isSeparator(cp)) {
      inWord = false;
    } else if (!inWord) {
      count++;
      inWord = true;
    }
  }
  return count;
}
