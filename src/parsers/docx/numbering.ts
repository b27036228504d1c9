import { pPrOf, rPrOf, type PProps, type RProps } from './props.js';
import { attrsOf, child, children, num, onOff, type XmlNode } from './xml.js';

/**
 * numbering.xml: the labels Word draws in front of numbered paragraphs ("一、", "（一）", "1.", "（1）"). A
 * reader sees them as part of the text, and 公文 heading rules look for exactly these, so the reader generates
 * them the way Word counts.
 */

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  suff: string;
  isLgl: boolean;
  /** 0-based level after which this one restarts; -1: never; undefined: after any higher level. */
  restart?: number;
  pStyle?: string;
  p: PProps;
  r: RProps;
}

interface NumDef {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

const DIGITS = '〇一二三四五六七八九';
/** Counting (not digit-by-digit) writes an inner zero as 零: 一百零一. */
const COUNTING = '零一二三四五六七八九';
const DIGITS_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const PAREN = '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇';
const FULLSTOP = '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛';

/** Chinese counting: 1 一, 10 十, 11 十一, 20 二十, 101 一百零一 (up to 99999). */
function chineseCounting(n: number, digits = COUNTING, units = ['', '十', '百', '千', '万'], ten = '十'): string {
  if (n <= 0) return String(n);
  if (n >= 100000) return String(n);
  if (n < 20 && n >= 10 && ten) return ten + (n % 10 ? digits[n % 10] : '');
  const s = String(n);
  let out = '';
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i]!;
    if (d === 0) {
      zero = true;
      continue;
    }
    if (zero && out) out += digits[0];
    zero = false;
    out += digits[d]! + unit;
  }
  return out;
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: 27 → aa.
  const c = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of t) while (n >= v) (out += s), (n -= v);
  return out;
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'chineseCounting':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'koreanCounting':
      return chineseCounting(n);
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'japaneseLegal':
      return chineseCounting(n, COUNTING, ['', '十', '百', '千', '万'], n < 20 ? '十' : '');
    case 'chineseLegalSimplified':
      return chineseCounting(n, DIGITS_LEGAL, ['', '拾', '佰', '仟', '万'], '');
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => DIGITS[Number(d)]!);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1]! : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? PAREN[n - 1]! : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? FULLSTOP[n - 1]! : `${n}.`;
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function readLevel(l: XmlNode): Level {
  const restart = num(child(l, 'w:lvlRestart')?.attrs['w:val']);
  return {
    start: num(child(l, 'w:start')?.attrs['w:val']) ?? 0,
    numFmt: child(l, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
    lvlText: child(l, 'w:lvlText')?.attrs['w:val'] ?? '',
    suff: child(l, 'w:suff')?.attrs['w:val'] ?? 'tab',
    isLgl: onOff(attrsOf(child(l, 'w:isLgl'))) ?? false,
    // w:lvlRestart is 1-based (restart after level N); 0 means never.
    ...(restart !== undefined ? { restart: restart - 1 } : {}),
    pStyle: child(l, 'w:pStyle')?.attrs['w:val'],
    p: pPrOf(child(l, 'w:pPr')),
    r: rPrOf(child(l, 'w:rPr')),
  };
}

export interface Label {
  /** The label with its suffix (tab or space), as a reader sees it. */
  text: string;
  p: PProps;
  r: RProps;
  key: string;
}

/** What numbering.xml defines (its lists and their levels), apart from any document's counters. */
interface Definitions {
  abstracts: Map<string, Map<number, Level>>;
  abstractLinks: Map<string, string>;
  nums: Map<string, NumDef>;
}

/**
 * Definitions by the tree they were read from. A numbering part repeated across files is one shared tree
 * (part-cache.ts), so its lists and levels are read once, not once per file; nothing here is changed after.
 */
const definitionsOf = new WeakMap<XmlNode, Definitions>();

function readDefinitions(root: XmlNode | undefined): Definitions {
  const abstracts = new Map<string, Map<number, Level>>();
  const abstractLinks = new Map<string, string>();
  const nums = new Map<string, NumDef>();
  const n = child(root, 'w:numbering');
  for (const a of children(n, 'w:abstractNum')) {
    const id = a.attrs['w:abstractNumId'];
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of children(a, 'w:lvl')) levels.set(num(l.attrs['w:ilvl']) ?? 0, readLevel(l));
    abstracts.set(id, levels);
    const link = child(a, 'w:numStyleLink')?.attrs['w:val'];
    if (link) abstractLinks.set(id, link);
  }
  for (const d of children(n, 'w:num')) {
    const id = d.attrs['w:numId'];
    const abstractId = child(d, 'w:abstractNumId')?.attrs['w:val'];
    if (id === undefined || abstractId === undefined) continue;
    const overrides = new Map<number, { start?: number; level?: Level }>();
    for (const o of children(d, 'w:lvlOverride')) {
      const lvl = num(o.attrs['w:ilvl']) ?? 0;
      const so = num(child(o, 'w:startOverride')?.attrs['w:val']);
      const l = child(o, 'w:lvl');
      overrides.set(lvl, { ...(so !== undefined ? { start: so } : {}), ...(l ? { level: readLevel(l) } : {}) });
    }
    nums.set(id, { abstractId, overrides });
  }
  return { abstracts, abstractLinks, nums };
}

export class Numbering {
  private readonly abstracts: Map<string, Map<number, Level>>;
  private readonly abstractLinks: Map<string, string>;
  private readonly nums: Map<string, NumDef>;
  /** Counters per list instance. */
  private readonly counters = new Map<string, number[]>();
  private readonly startedNums = new Set<string>();

  constructor(root: XmlNode | undefined) {
    let defs = root && definitionsOf.get(root);
    if (!defs) {
      defs = readDefinitions(root);
      if (root) definitionsOf.set(root, defs);
    }
    ({ abstracts: this.abstracts, abstractLinks: this.abstractLinks, nums: this.nums } = defs);
  }

  get empty(): boolean {
    return this.nums.size === 0;
  }

  private levelsOf(def: NumDef, styleNumId: (styleId: string) => string | undefined): Map<number, Level> | undefined {
    let levels = this.abstracts.get(def.abstractId);
    // An abstract that only links to a numbering style takes that style's list.
    const link = this.abstractLinks.get(def.abstractId);
    if (link && (!levels || levels.size === 0)) {
      const viaStyle = styleNumId(link);
      const other = viaStyle ? this.nums.get(viaStyle) : undefined;
      if (other && other.abstractId !== def.abstractId) levels = this.abstracts.get(other.abstractId);
    }
    return levels;
  }

  /** The lowest level whose w:pStyle names this paragraph style (for numbering that comes with a style). */
  levelForStyle(numId: string, pStyle: string | undefined): number | undefined {
    if (!pStyle) return undefined;
    const def = this.nums.get(numId);
    const levels = def && this.abstracts.get(def.abstractId);
    if (!levels) return undefined;
    for (const [i, l] of levels) if (l.pStyle === pStyle) return i;
    return undefined;
  }

  /** Advances the list's counters and returns the label of a paragraph at `ilvl` of list `numId`. */
  next(numId: string, ilvl: number, styleNumId: (styleId: string) => string | undefined = () => undefined): Label | undefined {
    const def = this.nums.get(numId);
    if (!def) return undefined;
    const levels = this.levelsOf(def, styleNumId);
    if (!levels) return undefined;
    const level = (i: number): Level | undefined => def.overrides.get(i)?.level ?? levels.get(i);
    const lvl = level(ilvl);
    if (!lvl) return undefined;
    // Lists that share an abstract definition continue each other's numbering unless one restarts (Word).
    const hasStartOverride = [...def.overrides.values()].some((o) => o.start !== undefined || o.level);
    const key = hasStartOverride ? `n${numId}` : `a${def.abstractId}`;
    let c = this.counters.get(key);
    if (!c) {
      c = [];
      this.counters.set(key, c);
    }
    const startOf = (i: number): number => def.overrides.get(i)?.start ?? level(i)?.start ?? 0;
    if (hasStartOverride && !this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      c.length = 0;
    }
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    for (let i = ilvl + 1; i < 9; i++) {
      const l = level(i);
      const r = l?.restart;
      // Default: a level restarts whenever a higher level is used; lvlRestart N: only after level N.
      if (r === undefined || (r >= 0 && ilvl <= r)) c[i] = undefined as unknown as number;
    }
    const text = lvl.lvlText.replace(/%([1-9])/g, (_m, d: string) => {
      const i = Number(d) - 1;
      const li = level(i);
      const v = c![i] ?? startOf(i);
      if (i < ilvl && lvl.isLgl) return String(v);
      return formatNumber(v, li?.numFmt ?? 'decimal');
    });
    const label = lvl.numFmt === 'bullet' ? lvl.lvlText : text;
    const suffix = lvl.suff === 'space' ? ' ' : lvl.suff === 'nothing' ? '' : '\t';
    return { text: label ? label + suffix : '', p: lvl.p, r: lvl.r, key: `num${numId}:${ilvl}` };
  }
}
