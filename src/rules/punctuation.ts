import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { PUNCT_5_1_1, PUNCT_5_1_2, PUNCT_5_1_3, PUNCT_5_1_4, PUNCT_5_1_5 } from './lib/element-cites.js';
import { markerOf } from './lib/headings.js';

const HAN = /\p{Script=Han}/u;
/**
 * Called for every character of every paragraph: a code-unit range test first (the BMP ideograph blocks), and
 * the Unicode property only for the rare rest (surrogates of Extension B+, radicals, 〇) — 10× faster on prose.
 */
const isHan = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const u = c.charCodeAt(0);
  if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf)) return true;
  if (u < 0x2e80) return false;
  return HAN.test(c);
};
const isLatin = (c: string): boolean => {
  const u = c.charCodeAt(0) | 0x20;
  return u >= 0x61 && u <= 0x7a;
};
/** Chinese (full-width) punctuation; the normalised view folds only letters and digits, so these stay. */
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·';
const isCjk = (c: string | undefined): boolean => c !== undefined && (isHan(c) || CJK_PUNCT.includes(c));
const CJK_CLOSE = '”’）》〉】〕」』';
const CJK_OPEN = '“‘（《〈【〔「『';

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };

/** Pairs that must close within a paragraph (or the next line, when a web extraction broke it). */
const PAIRS: [string, string][] = [
  ['“', '”'],
  ['‘', '’'],
  ['《', '》'],
  ['〈', '〉'],
  ['【', '】'],
  ['〔', '〕'],
  ['「', '」'],
  ['『', '』'],
];

/** Spans that are not Chinese prose: web addresses, e-mail addresses, HTML entities left by extraction. */
const NOT_PROSE = /(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”‘’]+|www\.[A-Za-z0-9.-]+[^\s\u3000-\u303f\uff00-\uffef“”‘’]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|&#?\w+;/g;

/** Each paired mark → [index in PAIRS, whether it opens]. */
const PAIR_CODE = new Map<number, [number, boolean]>(PAIRS.flatMap(([o, c], p): [number, [number, boolean]][] => [[o.charCodeAt(0), [p, true]], [c.charCodeAt(0), [p, false]]]));
let ZEROS = new Uint8Array(4096);
/** A read-only all-zero mask of at least n entries. */
function zeros(n: number): Uint8Array {
  if (ZEROS.length < n) ZEROS = new Uint8Array(Math.max(n, ZEROS.length * 2));
  return ZEROS;
}
/** NOT_PROSE cannot match a text without any of these. */
const MAYBE_NOT_PROSE = /[:@&]|www\./;

/**
 * What each check looks at, by character code. The pass that counts Han and Latin characters notes which kinds
 * a paragraph has and where its marks are, so each check visits only those marks, and a check (or its regex
 * scan) whose characters are absent is skipped: most paragraphs have a few “，。” and nothing else of interest.
 */
const HALF = 1; // , . : ; ? !
const ROUND = 2; // ( ) （ ）
const PAIRED = 4; // “ ” 《 》 …
const STRAIGHT = 8; // "
const ELLIPSIS = 16; // … . ．
const DASH = 32; // - －
/** ，、；：。 — of interest only doubled (“，，”, “。。。”). */
const REPEATED = 64;
/** The kinds whose positions are listed for the checks that walk the paragraph. */
const LISTED = HALF | ROUND | PAIRED | STRAIGHT;
const KIND = new Uint8Array(0x10000);
const kind = (chars: string, k: number): void => {
  for (const c of chars) KIND[c.charCodeAt(0)]! |= k;
};
kind(',.:;?!', HALF);
kind('()（）', ROUND);
for (const u of PAIR_CODE.keys()) KIND[u]! |= PAIRED;
kind('"', STRAIGHT);
kind('….．', ELLIPSIS);
kind('-－', DASH);
kind('，、；：。', REPEATED);
let MARKS = new Int32Array(1024);

interface Unpaired {
  block: GwBlock;
  pos: number;
  ch: string;
  open: boolean;
  /** Index in PAIRS; -1 for round brackets (either width). */
  pair: number;
  /** Excused: the pair is completed on the neighbouring line. */
  done?: boolean;
}

type Report = (messageId: string, start: number, end: number, data: Record<string, string>, fix?: string) => void;

/** A paragraph of Chinese prose, as the checks read it. */
interface Para {
  block: GwBlock;
  text: string;
  norm: string;
  /** 1 where the text is an address or entity (not prose); shared and read-only when there is none. */
  mask: Uint8Array;
  /** Positions of the LISTED marks, in order (the first `nMarks` entries of a shared buffer). */
  marks: Int32Array;
  nMarks: number;
  /** The kinds of marks the paragraph has. */
  seen: number;
  /** Length of the heading marker the paragraph opens with ("(一)", "一."): heading-sequence's to report and fix. */
  markerEnd: number;
  /** Unpaired marks, for the pairing across lines at the end. */
  found: Unpaired[];
}

/**
 * Reads a paragraph in one pass; undefined when it is not Chinese prose (no Han, or mostly Latin). Blocks come
 * in several shapes: the caller reads their text, so that a new shape does not throw this loop's compiled code away.
 */
function scan(block: GwBlock, text: string, norm: string, found: Unpaired[]): Para | undefined {
  if (!HAN.test(norm)) return undefined;
  const n = norm.length;
  // Most paragraphs have no address or entity in them: they share one zero-filled mask.
  let mask = zeros(n);
  if (MAYBE_NOT_PROSE.test(norm)) {
    for (const m of norm.matchAll(NOT_PROSE)) {
      if (mask === ZEROS) mask = new Uint8Array(n);
      mask.fill(1, m.index!, m.index! + m[0].length);
    }
  }
  // A line of English with Chinese words in it (a bilingual note) follows English punctuation.
  let han = 0;
  let latin = 0;
  let seen = 0;
  if (MARKS.length < n) MARKS = new Int32Array(Math.max(n, MARKS.length * 2));
  const marks = MARKS;
  let nMarks = 0;
  // Character codes, not one-character strings: V8 allocates a new string for every CJK character read
  // as norm[i], which made this rule the slowest part of linting long drafts.
  for (let i = 0; i < n; i++) {
    const u = norm.charCodeAt(i);
    const k = KIND[u]!;
    if (k !== 0) {
      // Listed whether masked or not: the paired marks are matched inside addresses too.
      if (k & LISTED) marks[nMarks++] = i;
      if (k !== REPEATED || norm.charCodeAt(i - 1) === u) seen |= k;
    }
    if (mask[i]) continue;
    const l = u | 0x20;
    if (l >= 0x61 && l <= 0x7a) latin++;
    else if ((u >= 0x4e00 && u <= 0x9fff) || (u >= 0x3400 && u <= 0x4dbf) || (u >= 0x2e80 && isHan(norm[i]))) han++;
  }
  if (latin > han) return undefined;
  const marker = seen & (HALF | ROUND) ? markerOf(text, norm) : undefined;
  return { block, text, norm, mask, marks, nMarks, seen, markerEnd: marker ? marker.length : 0, found };
}

/** Half-width , ; : ? ! . after a Chinese character. */
function halfWidth(p: Para, report: Report): void {
  const { norm, mask, marks, nMarks, markerEnd } = p;
  const n = norm.length;
  for (let x = 0; x < nMarks; x++) {
    const i = marks[x]!;
    if (i < markerEnd || !(KIND[norm.charCodeAt(i)]! & HALF) || mask[i]) continue;
    const c = norm[i]!;
    // "附件:" opening the attachment note is attachment-note's to report and fix.
    if (c === ':' && i <= 3 && /^附\s*件\s*$/.test(norm.slice(0, i))) continue;
    const prev = norm[i - 1];
    if (!(isHan(prev) || (prev !== undefined && CJK_CLOSE.includes(prev)))) continue;
    // "??" and "?!" are typed together; they stand or fall together.
    let k = i + 1;
    if (c === '?' || c === '!') while (k < n && (norm[k] === '?' || norm[k] === '!')) k++;
    let j = k;
    while (j < n && norm[j] === ' ') j++;
    const next = norm[j];
    if (c === '.') {
      // A full stop typed as ".": at the end, or before Chinese; never "..." (see the ellipsis check).
      if (norm[i + 1] === '.' || next === '.') continue;
      if (!(next === undefined || isHan(next) || CJK_CLOSE.includes(next))) continue;
      if (p.block.data.role === '附件说明' && next === undefined) continue; // attachment-note removes it
    } else if (!(next === undefined || isHan(next) || /\d/.test(next) || CJK_OPEN.includes(next))) {
      continue;
    }
    const run = norm.slice(i, k);
    const expected = [...run].map((x) => FULL[x]!).join('');
    report('halfWidth', i, j, { found: run, expected }, expected);
    // The run of ? and ! is reported as one.
    while (x + 1 < nMarks && marks[x + 1]! < k) x++;
  }
}

/** Round brackets of either width, paired. */
function roundBrackets(p: Para, report: Report): void {
  const { block, text, norm, mask, marks, nMarks, markerEnd, found } = p;
  const stack: number[] = [];
  for (let x = 0; x < nMarks; x++) {
    const i = marks[x]!;
    if (!(KIND[norm.charCodeAt(i)]! & ROUND) || mask[i]) continue;
    const c = norm[i]!;
    if (c === '(' || c === '（') stack.push(i);
    else if (c === ')' || c === '）') {
      const o = stack.pop();
      if (o === undefined) {
        if (c === '）' || isHan(norm[i - 1]) || isHan(norm[i + 1])) {
          if (i >= markerEnd) found.push({ block, pos: i, ch: c, open: false, pair: -1 });
        }
        continue;
      }
      const half = norm[o] === '(' || c === ')';
      if (!half || o < markerEnd) continue;
      const content = norm.slice(o + 1, i);
      // f(x), p.3(2): brackets that belong to a Latin or numeric token stay half-width.
      const latinToken = /[A-Za-z0-9]/.test(norm[o - 1] ?? '');
      const chinese = HAN.test(content) || (!latinToken && (isHan(norm[o - 1]) || isHan(norm[i + 1]))) || norm[o] === '（' || c === '）';
      if (!chinese) continue;
      const fix = `${text[o] === '(' ? '（' : text[o]}${text.slice(o + 1, i)}${text[i] === ')' ? '）' : text[i]}`;
      report('halfBracket', o, i + 1, {}, fix);
    }
  }
  for (const o of stack) {
    if (o < markerEnd) continue;
    if (norm[o] === '（' || isHan(norm[o - 1]) || isHan(norm[o + 1])) found.push({ block, pos: o, ch: norm[o]!, open: true, pair: -1 });
  }
}

/** The other pairs, in one pass (each pair keeps its own stack). */
function otherPairs(p: Para): void {
  const { block, norm, marks, nMarks, found } = p;
  const opensOf: number[][] = PAIRS.map(() => []);
  for (let x = 0; x < nMarks; x++) {
    const i = marks[x]!;
    const slot = PAIR_CODE.get(norm.charCodeAt(i));
    if (slot === undefined) continue;
    const [pair, isOpen] = slot;
    if (isOpen) {
      opensOf[pair]!.push(i);
      continue;
    }
    // ’ between Latin letters is an apostrophe (China’s), not a quote.
    if (norm[i] === '’' && isLatin(norm[i - 1] ?? '') && isLatin(norm[i + 1] ?? '')) continue;
    if (opensOf[pair]!.length) opensOf[pair]!.pop();
    else found.push({ block, pos: i, ch: norm[i]!, open: false, pair });
  }
  opensOf.forEach((opens, pair) => {
    for (const o of opens) found.push({ block, pos: o, ch: PAIRS[pair]![0], open: true, pair });
  });
}

/**
 * Straight double quotes in Chinese text: paired in order; a pair that quotes Chinese (or stands next to it)
 * becomes “”. An odd count cannot be paired safely: reported, not fixed.
 */
function straightQuotes(p: Para, report: Report): void {
  const { text, norm, mask, marks, nMarks } = p;
  const straight: number[] = [];
  for (let x = 0; x < nMarks; x++) {
    const i = marks[x]!;
    if (norm.charCodeAt(i) === 34 && !mask[i]) straight.push(i);
  }
  if (straight.length % 2 === 0) {
    for (let k = 0; k < straight.length; k += 2) {
      const a = straight[k]!;
      const b = straight[k + 1]!;
      if (!HAN.test(norm.slice(a + 1, b)) && !isCjk(norm[a - 1]) && !isCjk(norm[b + 1])) continue;
      report('straightQuote', a, b + 1, {}, `“${text.slice(a + 1, b)}”`);
    }
  } else {
    for (const a of straight) if (isCjk(norm[a - 1]) || isCjk(norm[a + 1])) report('straightQuote', a, a + 1, {});
  }
}

const latinSide = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Ellipsis forms. */
function ellipses(p: Para, report: Report): void {
  const { norm, mask } = p;
  for (const m of norm.matchAll(/…+|\.{3,}|。{3,}|．{3,}/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (mask[s]) continue;
    if (m[0] === '……') continue;
    // Two ellipses in a row stand alone on a line for a whole omitted passage.
    if (m[0] === '…………' && norm.trim() === m[0]) continue;
    // In a Chinese line any ellipsis is the Chinese one, unless it sits inside Latin text or numbers ("a...b").
    if (latinSide(norm[s - 1]) && (latinSide(norm[e]) || norm[e] === undefined)) continue;
    if (latinSide(norm[e]) && norm[s - 1] === undefined) continue;
    report('ellipsis', s, e, { found: m[0] }, '……');
  }
}

/** Dash forms. */
function dashes(p: Para, report: Report): void {
  const { norm, mask } = p;
  for (const m of norm.matchAll(/(?<!-)-{2,3}(?!-)|－{2,3}/g)) {
    const s = m.index!;
    const e = s + m[0].length;
    if (mask[s] || !isCjk(norm[s - 1]) || !isCjk(norm[e])) continue;
    report('dash', s, e, { found: m[0] }, '——');
  }
}

/** Doubled marks (“，，”, “。。”). */
function doubled(p: Para, report: Report): void {
  for (const m of p.norm.matchAll(/([，、；：])\1+|(?<!。)。。(?!。)/g)) {
    report('doubled', m.index!, m.index! + m[0].length, { found: m[0] }, m[0][0]!);
  }
}

export const punctuation: Rule = {
  meta: {
    id: 'punctuation',
    description: {
      zh: '中文文本用全角标点；引号、括号、书名号成对；省略号作“……”，破折号作“——”',
      en: 'Chinese text uses full-width punctuation; quotes and brackets pair up; ellipsis “……” and dash “——”',
    },
    severity: 'warning',
    recommended: true,
    fixable: true,
    cites: [PUNCT_5_1_1, PUNCT_5_1_2, PUNCT_5_1_3, PUNCT_5_1_4, PUNCT_5_1_5],
    messages: {
      halfWidth: {
        zh: '中文中应使用全角标点：“{{found}}”应为“{{expected}}”',
        en: 'Use the full-width mark in Chinese text: “{{found}}” should be “{{expected}}”',
      },
      halfBracket: {
        zh: '中文中的括号应使用全角“（）”',
        en: 'Brackets in Chinese text are full-width “（）”',
      },
      straightQuote: {
        zh: '中文中的引号应使用“”，而不是直引号"',
        en: 'Quotation marks in Chinese text are “”, not the straight "',
      },
      unpairedOpen: {
        zh: '“{{ch}}”没有对应的“{{other}}”',
        en: '“{{ch}}” is never closed by “{{other}}”',
      },
      unpairedClose: {
        zh: '“{{ch}}”前面没有对应的“{{other}}”',
        en: '“{{ch}}” has no “{{other}}” before it',
      },
      ellipsis: {
        zh: '省略号应写作“……”（两个“…”），而不是“{{found}}”',
        en: 'The ellipsis is “……” (two “…”), not “{{found}}”',
      },
      dash: {
        zh: '破折号应写作“——”，而不是“{{found}}”',
        en: 'The dash is “——”, not “{{found}}”',
      },
      doubled: {
        zh: '标点“{{found}}”重复',
        en: 'Doubled punctuation “{{found}}”',
      },
    },
    docs: {
      rationale: {
        zh: '中文标点占一个字的位置（破折号、省略号占两个），所以中文文本中的逗号、句号、分号、冒号、问号、叹号和括号用全角形式。本规则只在汉字之间（或汉字之后、段末）检查半角标点，不碰数字（3.5、10:30、1,000）、网址、电子邮件和外文；正文的层次序数“(一)”由 heading-sequence 检查。引号、书名号、括号应在同一段内成对（网页转换把一段断成两行时，可跨相邻两行配对；多段引文每段开头用前引号，也不报）。“?”“!”叠用是允许的，不算重复。',
        en: 'Half-width marks are only flagged between (or after) Chinese characters — never in numbers (3.5, 10:30, 1,000), web addresses or Latin text. Heading markers such as “(一)” are left to heading-sequence. Pairs must close within the paragraph or the next line.',
      },
      examples: {
        invalid: [{ code: '各街道:\n\n请于本周内完成自查,并报送结果(含照片)...' , kind: 'text' }],
        valid: [{ code: '各街道：\n\n请于本周内完成自查，并报送结果（含照片）……会议定于10:30召开，预算增长3.5%，详见www.gov.cn。', kind: 'text' }],
      },
    },
  },
  create(context) {
    const unpaired: Unpaired[][] = [];
    const check = (block: GwBlock): void => {
      const found: Unpaired[] = [];
      unpaired.push(found);
      const p = scan(block, block.data.text, block.data.norm, found);
      if (!p) return;
      const report: Report = (messageId, start, end, data, fix) => {
        context.report({ messageId, block, start, end, data, ...(fix !== undefined ? { fix: { text: fix } } : {}) });
      };
      // Each check is its own function: the common ones are compiled small, the rare ones seldom at all.
      if (p.seen & HALF) halfWidth(p, report);
      if (p.seen & ROUND) roundBrackets(p, report);
      if (p.seen & PAIRED) otherPairs(p);
      if (p.seen & STRAIGHT) straightQuotes(p, report);
      if (p.seen & (ELLIPSIS | REPEATED)) ellipses(p, report);
      if (p.seen & DASH) dashes(p, report);
      if (p.seen & REPEATED) doubled(p, report);
    };

    return {
      block: check,
      'document:exit'() {
        // An opener left open at the end of one line and a closer with no opener at the start of the next are
        // one pair broken by a line break; a multi-paragraph quotation opens every paragraph with “ and closes
        // only the last (GB/T 15834). Neither is an error.
        const blocks = context.doc.children;
        for (let k = 0; k < unpaired.length; k++) {
          const next = unpaired[k + 1] ?? [];
          for (const u of unpaired[k]!) {
            if (!u.open || u.done) continue;
            const closer = next.find((x) => !x.open && !x.done && x.pair === u.pair);
            if (closer) {
              u.done = closer.done = true;
              continue;
            }
            if ((u.ch === '“' || u.ch === '‘') && blocks[k + 1]?.data.norm.trimStart().startsWith(u.ch)) u.done = true;
          }
        }
        for (const list of unpaired) {
          for (const u of list) {
            if (u.done) continue;
            const other = u.pair === -1 ? (u.open ? '）' : '（') : u.open ? PAIRS[u.pair]![1] : PAIRS[u.pair]![0];
            context.report({ messageId: u.open ? 'unpairedOpen' : 'unpairedClose', block: u.block, start: u.pos, end: u.pos + 1, data: { ch: u.block.data.text[u.pos]!, other } });
          }
        }
      },
    };
  },
};
