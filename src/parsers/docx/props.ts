import type { ParagraphFormat, RunFormat } from '../../model/types.js';
import { num, onOff, RecordAttrs, type AttrSource, type XmlNode } from './xml.js';

/**
 * Run and paragraph properties as one level of the style hierarchy states them (partial), and how the levels
 * combine. Each property resolves on its own: the nearest level that states it wins (ECMA-376 §17.7.2:
 * document defaults → table style → paragraph style and its basedOn chain → run style chain → direct).
 */

export interface RProps {
  ascii?: string;
  eastAsia?: string;
  asciiTheme?: string;
  eastAsiaTheme?: string;
  sz?: number;
  b?: boolean;
  i?: boolean;
  color?: string;
  vanish?: boolean;
  rStyle?: string;
}

export interface PProps {
  pStyle?: string;
  jc?: string;
  /** Signed: a hanging indent is negative. */
  firstLine?: number;
  /** In hundredths of a character, signed like firstLine. */
  firstLineChars?: number;
  left?: number;
  leftChars?: number;
  right?: number;
  line?: number;
  lineRule?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

/** Reads one child element of a w:rPr into `p`; says whether the element is one gwlint reads. */
export function applyRPr(p: RProps, name: string, a: AttrSource): boolean {
  switch (name) {
    case 'w:rFonts': {
      const ascii = a.get('w:ascii');
      const hAnsi = ascii === undefined && p.ascii === undefined ? a.get('w:hAnsi') : undefined;
      if (ascii !== undefined) p.ascii = ascii;
      else if (hAnsi !== undefined) p.ascii = hAnsi;
      const ea = a.get('w:eastAsia');
      if (ea !== undefined) p.eastAsia = ea;
      const asciiTheme = a.get('w:asciiTheme');
      if (asciiTheme !== undefined) p.asciiTheme = asciiTheme;
      const eaTheme = a.get('w:eastAsiaTheme');
      if (eaTheme !== undefined) p.eastAsiaTheme = eaTheme;
      return true;
    }
    case 'w:sz': {
      const v = num(a.get('w:val'));
      if (v !== undefined) p.sz = v;
      return true;
    }
    case 'w:b':
      p.b = onOff(a);
      return true;
    case 'w:i':
      p.i = onOff(a);
      return true;
    case 'w:color': {
      const v = a.get('w:val');
      if (v !== undefined) p.color = v;
      return true;
    }
    case 'w:vanish':
      p.vanish = onOff(a);
      return true;
    case 'w:rStyle': {
      const v = a.get('w:val');
      if (v !== undefined) p.rStyle = v;
      return true;
    }
  }
  return false;
}

/** Identifies run properties for caches: equal keys, equal properties. */
export function rKey(d: RProps): string {
  return `${d.ascii}\u0001${d.eastAsia}\u0001${d.asciiTheme}\u0001${d.eastAsiaTheme}\u0001${d.sz}\u0001${d.b}\u0001${d.i}\u0001${d.color}\u0001${d.vanish}\u0001${d.rStyle}`;
}

/** Identifies paragraph properties for caches. */
export function pKey(d: PProps): string {
  return `${d.pStyle}\u0001${d.jc}\u0001${d.firstLine}\u0001${d.firstLineChars}\u0001${d.left}\u0001${d.leftChars}\u0001${d.right}\u0001${d.line}\u0001${d.lineRule}\u0001${d.numId}\u0001${d.ilvl}\u0001${d.outlineLvl}`;
}

/**
 * Whether two paragraph property sets are the same, field by field: the fields of pKey, so equal here means
 * equal keys (a test without building them, for a paragraph formatted like the one before it).
 */
export function sameP(a: PProps, b: PProps): boolean {
  return (
    a.pStyle === b.pStyle && a.jc === b.jc && a.firstLine === b.firstLine && a.firstLineChars === b.firstLineChars && a.left === b.left &&
    a.leftChars === b.leftChars && a.right === b.right && a.line === b.line && a.lineRule === b.lineRule && a.numId === b.numId &&
    a.ilvl === b.ilvl && a.outlineLvl === b.outlineLvl
  );
}

/** The same for run properties and rKey's fields. */
export function sameR(a: RProps, b: RProps): boolean {
  return (
    a.ascii === b.ascii && a.eastAsia === b.eastAsia && a.asciiTheme === b.asciiTheme && a.eastAsiaTheme === b.eastAsiaTheme && a.sz === b.sz &&
    a.b === b.b && a.i === b.i && a.color === b.color && a.vanish === b.vanish && a.rStyle === b.rStyle
  );
}

/** Reads one child element of a w:pPr into `p` (w:numPr's children come here too); true if gwlint reads it. */
export function applyPPr(p: PProps, name: string, a: AttrSource): boolean {
  switch (name) {
    case 'w:pStyle': {
      const v = a.get('w:val');
      if (v !== undefined) p.pStyle = v;
      return true;
    }
    case 'w:jc': {
      const v = a.get('w:val');
      if (v !== undefined) p.jc = v;
      return true;
    }
    case 'w:ind': {
      const fl = num(a.get('w:firstLine'));
      const h = num(a.get('w:hanging'));
      if (h !== undefined) p.firstLine = -h;
      else if (fl !== undefined) p.firstLine = fl;
      const flc = num(a.get('w:firstLineChars'));
      const hc = num(a.get('w:hangingChars'));
      if (hc !== undefined) p.firstLineChars = -hc;
      else if (flc !== undefined) p.firstLineChars = flc;
      const l = num(a.get('w:left') ?? a.get('w:start'));
      if (l !== undefined) p.left = l;
      const lc = num(a.get('w:leftChars') ?? a.get('w:startChars'));
      if (lc !== undefined) p.leftChars = lc;
      const r = num(a.get('w:right') ?? a.get('w:end'));
      if (r !== undefined) p.right = r;
      return true;
    }
    case 'w:spacing': {
      const line = num(a.get('w:line'));
      if (line !== undefined) p.line = line;
      const rule = a.get('w:lineRule');
      if (rule !== undefined) p.lineRule = rule;
      return true;
    }
    case 'w:numId': {
      const v = a.get('w:val');
      if (v !== undefined) p.numId = v;
      return true;
    }
    case 'w:ilvl': {
      const v = num(a.get('w:val'));
      if (v !== undefined) p.ilvl = v;
      return true;
    }
    case 'w:outlineLvl': {
      const v = num(a.get('w:val'));
      if (v !== undefined) p.outlineLvl = v;
      return true;
    }
  }
  return false;
}

/** Elements whose content restates old formatting (tracked formatting changes): never read as current. */
export const CHANGE_RECORDS = new Set([
  'w:rPrChange',
  'w:pPrChange',
  'w:sectPrChange',
  'w:tblPrChange',
  'w:tblPrExChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:tblGridChange',
  'w:numberingChange',
]);

function walkProps(n: XmlNode | undefined, f: (name: string, a: AttrSource) => void): void {
  if (!n) return;
  for (const c of n.children) {
    if (CHANGE_RECORDS.has(c.name)) continue;
    f(c.name, new RecordAttrs(c.attrs));
    if (c.name === 'w:numPr') for (const g of c.children) f(g.name, new RecordAttrs(g.attrs));
  }
}

export function rPrOf(n: XmlNode | undefined): RProps {
  const p: RProps = {};
  walkProps(n, (name, a) => applyRPr(p, name, a));
  return p;
}

export function pPrOf(n: XmlNode | undefined): PProps {
  const p: PProps = {};
  walkProps(n, (name, a) => applyPPr(p, name, a));
  return p;
}

/** Later levels override earlier ones, property by property; theme and explicit font names pair up. */
export function mergeR(into: RProps, level: RProps | undefined): RProps {
  if (!level) return into;
  for (const k in level) {
    const v = level[k as keyof RProps];
    if (v === undefined) continue;
    (into as Record<string, unknown>)[k] = v;
    // A level naming a font explicitly (without a theme font) replaces an inherited theme font and vice versa.
    if (k === 'eastAsia' && level.eastAsiaTheme === undefined) delete into.eastAsiaTheme;
    if (k === 'ascii' && level.asciiTheme === undefined) delete into.asciiTheme;
  }
  return into;
}

export function mergeP(into: PProps, level: PProps | undefined): PProps {
  if (!level) return into;
  for (const k in level) {
    const v = level[k as keyof PProps];
    if (v !== undefined) (into as Record<string, unknown>)[k] = v;
  }
  return into;
}

export function toParagraphFormat(p: PProps, styleName: string | undefined): ParagraphFormat {
  const f: ParagraphFormat = {};
  if (p.jc !== undefined) f.alignment = p.jc === 'start' ? 'left' : p.jc === 'end' ? 'right' : p.jc;
  if (p.firstLine !== undefined) f.indentFirstLineTwips = p.firstLine;
  if (p.firstLineChars !== undefined) f.indentFirstLineChars = p.firstLineChars;
  if (p.left !== undefined) f.indentLeftTwips = p.left;
  if (p.right !== undefined) f.indentRightTwips = p.right;
  if (p.line !== undefined) f.lineSpacing = p.line;
  if (p.line !== undefined || p.lineRule !== undefined) f.lineRule = p.lineRule ?? 'auto';
  if (p.pStyle !== undefined) f.styleId = p.pStyle;
  if (styleName !== undefined) f.styleName = styleName;
  if (p.outlineLvl !== undefined && p.outlineLvl < 9) f.outlineLevel = p.outlineLvl;
  return f;
}

export function toRunFormat(r: RProps, themeFont: (name: string) => string | undefined): RunFormat {
  const f: RunFormat = {};
  const ea = r.eastAsiaTheme !== undefined ? themeFont(r.eastAsiaTheme) ?? r.eastAsia : r.eastAsia;
  const ascii = r.asciiTheme !== undefined ? themeFont(r.asciiTheme) ?? r.ascii : r.ascii;
  if (ea) f.fontEastAsia = ea;
  if (ascii) f.fontAscii = ascii;
  // ECMA-376 §17.3.2.38: with no size stated anywhere, text is 10 pt.
  f.sizeHalfPoints = r.sz ?? 20;
  f.bold = r.b ?? false;
  if (r.i) f.italic = true;
  if (r.color !== undefined && r.color !== 'auto') f.color = r.color;
  return f;
}
