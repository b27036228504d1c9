import type { GwBlock, GwDocument } from '../../model/types.js';
import { parseChineseNumeral } from './chinese-numerals.js';

/**
 * 正文 structure markers as drafters actually type them — the four GB/T 9704-2012 7.3.3 forms
 * (一、 （一） 1. （1）) and their common wrong variants (一. (一) （一）、 1、 (1)), so that rules can tell
 * which level a paragraph opens and whether its marker is written right. headingLevelOf (structure/patterns)
 * gives the level of the forms the structure pass accepts; this reads the same levels for them (a test keeps
 * the two in step) and also the variants, which block.data.headingLevel leaves out.
 */
export interface Marker {
  level: 1 | 2 | 3 | 4;
  /** The number the marker gives (一 → 1). */
  number: number;
  /** Length of the marker in the block text, from offset 0. */
  length: number;
  /** The marker as GB/T 9704 writes it, in the draft's digits ("（一）", "1."). */
  expected: string;
  /** The marker as written. */
  found: string;
  /** Whether `found` is an acceptable form. */
  ok: boolean;
  /** Whether replacing `found` by `expected` is safe (it keeps the level and the number). */
  fixable: boolean;
  /** From a Markdown ordered list: the number is list syntax, not text. */
  fromList?: boolean;
  /** "()" or "（）" with the number lost: level and number are the next ones in sequence. */
  empty?: boolean;
}

const CN = '[一二三四五六七八九十]{1,3}';
const L1 = new RegExp(`^(${CN})(\\s*)([、.．])`);
const L2 = new RegExp(`^([（(])(\\s*)(${CN})(\\s*)([）)])(\\s*[、.．，,])?`);
const L3 = /^(\d{1,2})(\s*)([.．、])(?!\d)/;
const L4 = /^([（(])(\s*)(\d{1,2})(\s*)([）)])(\s*[、.．，,])?/;
/** "()" with the number lost (a web extraction drops digits). */
const EMPTY = /^[（(]\s*[）)]\s*(?=\S)/;
/** "1）" or "1)": a bracketed number that lost its opening bracket. */
const L4_HALF = /^(\d{1,2})([）)])(?=\S)/;

/** Every marker above opens with one of these: the rules ask of every paragraph, and most open with none. */
const FIRST = new Set([...'（(0123456789一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/** The marker a block's text opens with (`text` is the original, `norm` the normalised view). */
export function markerOf(text: string, norm: string): Marker | undefined {
  if (!FIRST.has(norm.charCodeAt(0))) return undefined;
  let m = L1.exec(norm);
  if (m) {
    const n = parseChineseNumeral(m[1]!);
    if (n === undefined) return undefined;
    const found = text.slice(0, m[0].length);
    const numeral = text.slice(0, m[1]!.length);
    const ok = m[3] === '、' && !m[2];
    return { level: 1, number: n, length: m[0].length, expected: `${numeral}、`, found, ok, fixable: true };
  }
  m = L2.exec(norm);
  if (m) {
    const n = parseChineseNumeral(m[3]!);
    if (n === undefined) return undefined;
    const start = m[1]!.length + m[2]!.length;
    const numeral = text.slice(start, start + m[3]!.length);
    const found = text.slice(0, m[0].length);
    const ok = m[1] === '（' && m[5] === '）' && !m[2] && !m[4] && !m[6];
    return { level: 2, number: n, length: m[0].length, expected: `（${numeral}）`, found, ok, fixable: true };
  }
  m = L3.exec(norm);
  if (m) {
    const digits = text.slice(0, m[1]!.length);
    const found = text.slice(0, m[0].length);
    // "1." and the full-width "1．" are both the 下脚点 form; "1、" is the common mistake.
    const ok = m[3] !== '、' && !m[2];
    return { level: 3, number: Number(m[1]), length: m[0].length, expected: `${digits}.`, found, ok, fixable: true };
  }
  m = L4.exec(norm);
  if (m) {
    const start = m[1]!.length + m[2]!.length;
    const digits = text.slice(start, start + m[3]!.length);
    const found = text.slice(0, m[0].length);
    const ok = m[1] === '（' && m[5] === '）' && !m[2] && !m[4] && !m[6];
    return { level: 4, number: Number(m[3]), length: m[0].length, expected: `（${digits}）`, found, ok, fixable: true };
  }
  m = EMPTY.exec(norm);
  if (m) {
    const found = text.slice(0, m[0].length).trimEnd();
    return { level: 2, number: 0, length: found.length, expected: '', found, ok: false, fixable: false, empty: true };
  }
  m = L4_HALF.exec(norm);
  if (m) {
    const digits = text.slice(0, m[1]!.length);
    // Either "（1）" or "1." may have been meant: report, but leave the choice to the drafter.
    return { level: 4, number: Number(m[1]), length: m[0].length, expected: `（${digits}）`, found: text.slice(0, m[0].length), ok: false, fixable: false };
  }
  return undefined;
}

/**
 * The number of a Markdown ordered-list item, read from the source line in front of the block (remark keeps
 * the "1." out of the text). Undefined for anything else.
 */
export function listNumber(doc: GwDocument, block: GwBlock): number | undefined {
  if (block.type !== 'listItem' || doc.data.kind !== 'markdown') return undefined;
  const start = block.position.start.offset;
  const lineStart = doc.data.lineStarts[block.position.start.line - 1] ?? 0;
  const prefix = doc.data.source.slice(lineStart, start);
  const m = /^\s*(?:>\s*)*(\d{1,9})[.)]\s+$/.exec(prefix);
  return m ? Number(m[1]) : undefined;
}

/** The marker of a block, also for Markdown list items. */
export function blockMarker(doc: GwDocument, block: GwBlock): Marker | undefined {
  const n = listNumber(doc, block);
  if (n !== undefined) return { level: 3, number: n, length: 0, expected: `${n}.`, found: `${n}.`, ok: true, fixable: false, fromList: true };
  return markerOf(block.data.text, block.data.norm);
}

/** 章/节 and 条 headings of rules and regulations, which restart the numbering below them. */
export const CHAPTER = /^第[一二三四五六七八九十百零〇]+[章节编]/;
export const ARTICLE = /^第[一二三四五六七八九十百零〇]+条/;
