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

/** Code points counted one each, as CJK characters are: inclusive ranges. */
const COUNTED_ALONE: [number, number][] = [
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0x2e80, 0x2fff], // radicals … CJK punctuation, kana, bopomofo, enclosed CJK, CJK compatibility (not U+3000)
  [0x3001, 0x33ff],
  [0x3400, 0x4dbf], // Extension A
  [0xff00, 0xffef], // Half-width and full-width forms
  [0x20000, 0x3ffff], // Extensions B and later, compatibility supplement
  [0xf900, 0xfaff], // Compatibility Ideographs
  [0xfe30, 0xfe4f], // CJK compatibility forms (vertical punctuation)
  [0xe000, 0xf8ff], // Private use (symbol-font glyphs)
  [0x2460, 0x249b], // ① … ⒛ (circled, parenthesised, full-stop numbers)
  [0x24ea, 0x24ff], // ⓪ ⓫ … ⓿
  [0x2776, 0x2793], // ❶ … ➓
  [0xac00, 0xd7ff], // Hangul syllables, jamo extended B
  [0x1100, 0x11ff], // Hangul jamo
  [0xa960, 0xa97f], // Hangul jamo extended A
  [0xa000, 0xa4cf], // Yi
  [0x00b2, 0x00b3], // ² ³
  [0x00b9, 0x00b9], // ¹
  [0x00bc, 0x00be], // ¼ ½ ¾
  [0x2070, 0x2070], // superscript digits
  [0x2074, 0x2079],
  [0x2080, 0x2089], // subscript digits
  [0x2150, 0x215f], // vulgar fractions
  [0x2189, 0x2189],
];

/** Code points that separate words and are not counted: inclusive ranges. */
const SEPARATORS: [number, number][] = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2013, 0x2014], // en dash, em dash
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];

const inRanges = (ranges: [number, number][], cp: number): boolean => ranges.some(([a, b]) => cp >= a && cp <= b);

/** What a UTF-16 code unit is to the count. */
const WORD = 0;
const ALONE = 1;
const SEPARATOR = 2;
const IGNORED = 3; // U+200B: neither counts nor separates
const HIGH_SURROGATE = 4; // the class of the code point it starts, when a low surrogate follows

// One table lookup per character instead of a chain of range tests (this runs over every body character, for
// the 字数 of every result and for length-cap). Filled range by range: building it costs nothing at start-up.
const CLASS = new Uint8Array(0x10000);
for (const [a, b] of SEPARATORS) CLASS.fill(SEPARATOR, a, b + 1);
for (const [a, b] of COUNTED_ALONE) if (a < 0x10000) CLASS.fill(ALONE, a, Math.min(b, 0xffff) + 1);
CLASS[0x200b] = IGNORED;
CLASS.fill(HIGH_SURROGATE, 0xd800, 0xdc00);

export function countWords(text: string): number {
  let count = 0;
  let inWord = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let k = CLASS[text.charCodeAt(i)]!;
    if (k === HIGH_SURROGATE) {
      // A lone high surrogate is a character of a word, as the code point itself would be.
      k = WORD;
      if (i + 1 < n) {
        const lo = text.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo <= 0xdfff) {
          const cp = 0x10000 + ((text.charCodeAt(i) - 0xd800) << 10) + (lo - 0xdc00);
          i++;
          // No separator lies beyond the BMP.
          k = inRanges(COUNTED_ALONE, cp) ? ALONE : WORD;
        }
      }
    }
    if (k === ALONE) {
      count++;
      inWord = false;
    } else if (k === SEPARATOR) {
      inWord = false;
    } else if (k === WORD && !inWord) {
      count++;
      inWord = true;
    }
  }
  return count;
}
