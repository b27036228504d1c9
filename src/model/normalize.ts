import { createRequire } from 'node:module';

/**
 * The normalised view rules match on: traditional characters → simplified, full-width letters and digits →
 * ASCII. It always has the same length as the input, so an offset found in the normalised view is an offset
 * in the original text (the mapping back to the source is then the block's segment map).
 *
 * Chinese punctuation (，。：；“”（）) is deliberately NOT folded: whether a mark is full-width is itself
 * something rules check.
 */

type Convert = (s: string) => string;
let t2s: Convert | undefined;

function converter(): Convert {
  if (!t2s) {
    // Loaded on first use: most drafts are simplified and never need the dictionary (cold start).
    const require = createRequire(import.meta.url);
    const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    t2s = OpenCC.Converter({ from: 't', to: 'cn' });
  }
  return t2s;
}

// Characters that occur only in traditional script and are frequent in official prose. If a text has none of
// them it is treated as simplified without loading the dictionary.
const TRADITIONAL_HINT =
  /[們個來時爲為這說對會國區經發與後從過關於應當現實際內單處點機構員長書記議報請決開問務導體統權條規劃總職責產設進動業環縣鄉鎮級轉門計標準類層節項達際響辦難聽讓專認識談覽護審稱積極檔傳營價歲優質線訴營運營]/;

// A bitmap over the CJK block: one lookup per character, instead of a regex class V8 searches per character
// (this runs over every character of every document).
const HINT_BITS = (() => {
  const bits = new Uint8Array(0xa000 - 0x4e00);
  for (const ch of TRADITIONAL_HINT.source.slice(1, -1)) {
    const c = ch.charCodeAt(0);
    if (c >= 0x4e00 && c < 0xa000) bits[c - 0x4e00] = 1;
  }
  return bits;
})();

export function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 0x4e00;
    if (c >= 0 && c < HINT_BITS.length && HINT_BITS[c] === 1) return true;
  }
  return false;
}

const FULL_WIDTH_ALNUM = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g;

function foldWidth(text: string): string {
  // Most blocks have none: test before building a new string (long documents spend real time here).
  FULL_WIDTH_ALNUM.lastIndex = 0;
  if (!FULL_WIDTH_ALNUM.test(text)) return text;
  return text.replace(FULL_WIDTH_ALNUM, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Convert, keeping the length: where a phrase conversion would change it, convert character by character. */
function toSimplified(text: string): string {
  const conv = converter();
  const whole = conv(text);
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const c = conv(ch);
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

export function normalize(text: string, traditional: boolean): string {
  const simplified = traditional ? toSimplified(text) : text;
  return foldWidth(simplified);
}
