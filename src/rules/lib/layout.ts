import type { Cite } from '../../engine/types.js';
import type { GwBlock, GwDocument, RunFormat } from '../../model/types.js';
import { GBT9704 } from './cites.js';

/**
 * What the GB/T 9704 layout rules share: the clauses they quote, unit conversions, and how a run of a docx
 * block is found from a text offset.
 */

const gb = (article: string, clause: string): Cite => ({ regulation: GBT9704, article, clause, short: `GB/T 9704 ${article}` });

export const GB_5_1 = gb('5.1', '公文用纸采用GB/T 148中规定的A4型纸，其成品幅面尺寸为：210 mm×297 mm。');
export const GB_5_2_1 = gb('5.2.1', '公文用纸天头（上白边）为37 mm±1 mm，公文用纸订口（左白边）为28 mm±1 mm，版心尺寸为156 mm×225 mm。');
export const GB_5_2_2 = gb('5.2.2', '如无特殊说明，公文格式各要素一般用3号仿宋体字。特定情况可以作适当调整。');
export const GB_5_2_3 = gb('5.2.3', '一般每面排22行，每行排28个字，并撑满版心。特定情况可以作适当调整。');
export const GB_7_2_6 = gb(
  '7.2.6',
  '由“签发人”三字加全角冒号和签发人姓名组成，居右空一字，编排在发文机关标志下空二行位置。“签发人”三字用3号仿宋体字，签发人姓名用3号楷体字。',
);
export const GB_7_3_1 = gb('7.3.1', '一般用2号小标宋体字，编排于红色分隔线下空二行位置，分一行或多行居中排布；……');
export const GB_7_3_3 = gb(
  '7.3.3',
  '一般用3号仿宋体字，编排于主送机关名称下一行，每个自然段左空二字，回行顶格。文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注；一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注。',
);
export const GB_7_4_2 = gb('7.4.2', '如有抄送机关，一般用4号仿宋体字，在印发机关和印发日期之上一行、左右各空一字编排。……');
export const GB_7_4_3 = gb(
  '7.4.3',
  '印发机关和印发日期一般用4号仿宋体字，编排在末条分隔线之上，印发机关左空一字，印发日期右空一字，用阿拉伯数字将年、月、日标全……',
);
export const GB_7_5 = gb(
  '7.5',
  '一般用4号半角宋体阿拉伯数字，编排在公文版心下边缘之下，数字左右各放一条一字线；一字线上距版心下边缘7 mm。单页码居右空一字，双页码居左空一字。……',
);

export const TWIPS_PER_MM = 1440 / 25.4;

export function twipsToMm(twips: number): number {
  return twips / TWIPS_PER_MM;
}

/** “30.0” — millimetres as a drafter reads them in Word's page setup (one decimal). */
export function mm(value: number): string {
  return value.toFixed(1);
}

/** A number without trailing zeros: 22, 21.5, 27.6. */
export function num(value: number, digits = 1): string {
  return String(Number(value.toFixed(digits)));
}

/** One text run of a block with its [start, end) in the block text. */
export interface RunSpan {
  start: number;
  end: number;
  text: string;
  format: RunFormat | undefined;
}

/**
 * The block's runs with their offsets. The builder makes one child per segment, in order, and the block text is
 * their values end to end, so each run starts where the one before it ends (data.segments, which says the same,
 * is built afresh on every read: fonts asks this of every block).
 */
export function runSpans(block: GwBlock): RunSpan[] {
  const out: RunSpan[] = [];
  let start = 0;
  for (const child of block.children) {
    const end = start + child.value.length;
    out.push({ start, end, text: child.value, format: child.format });
    start = end;
  }
  return out;
}

/** Han characters and full-width forms: what Word draws with the East-Asian font. */
export function hasEastAsian(text: string): boolean {
  return /[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff01-\uff60\uffe0-\uffe6]/.test(text);
}

/**
 * White space the reader trimmed from the start of a docx paragraph (it stays in the plain-text view, one line
 * per paragraph): indentation typed as spaces. Full-width spaces count one character, others half.
 */
export function leadingSpaceChars(doc: GwDocument, block: GwBlock): number {
  const { source, lineStarts } = doc.data;
  const start = block.position.start;
  const lineStart = lineStarts[start.line - 1];
  if (lineStart === undefined) return 0;
  const lead = source.slice(lineStart, start.offset);
  if (!/^[\s\u3000]*$/.test(lead)) return 0;
  let n = 0;
  for (const ch of lead) n += ch === '\u3000' ? 1 : ch === '\t' ? 2 : 0.5;
  return n;
}

/** Weighted counts of values, for the most common one without building a list of pairs (a long draft has many). */
export class Tally<T> {
  private readonly w = new Map<T, number>();

  add(v: T, n: number): void {
    this.w.set(v, (this.w.get(v) ?? 0) + n);
  }

  /** The value with the largest weight (the first counted among equals); undefined when nothing was counted. */
  best(): T | undefined {
    let best: T | undefined;
    let bestN = -1;
    for (const [v, n] of this.w) if (n > bestN) [best, bestN] = [v, n];
    return best;
  }
}

/** The size most of a block's characters are set in (runs without a size do not count). */
export function blockSizeHalfPoints(block: GwBlock): number | undefined {
  const runs = block.children;
  // One run, or runs of one size: no tally needed (the usual paragraph).
  let only: number | undefined;
  let mixed = false;
  for (const c of runs) {
    const sz = c.format?.sizeHalfPoints;
    if (!sz) continue;
    if (only === undefined) only = sz;
    else if (sz !== only) mixed = true;
  }
  if (!mixed) return only;
  const t = new Tally<number>();
  for (const c of runs) if (c.format?.sizeHalfPoints) t.add(c.format.sizeHalfPoints, c.value.length);
  return t.best();
}

/** Size in half-points most 正文 characters are set in (for indents in characters and the line grid). */
export function bodySizeHalfPoints(doc: GwDocument): number | undefined {
  const t = new Tally<number>();
  for (const b of doc.children) {
    if (b.data.role !== '正文') continue;
    for (const c of b.children) if (c.format?.sizeHalfPoints) t.add(c.format.sizeHalfPoints, c.value.trim().length);
  }
  return t.best();
}

/** Blocks of the body text flow (not headers, footers, notes or comments). */
export function inBody(block: GwBlock): boolean {
  const c = block.data.container;
  return c === undefined || c === 'body' || c === 'table' || c === 'textbox';
}

/**
 * A line that is mostly a template placeholder — “XXXX人民政府”, “[此处输入文件标题]”, “[各单位]：”, “□□□” —
 * says nothing about which part of the 公文 it is, so the structure pass may give it any role. Layout checks
 * that depend on the role leave such lines alone; once the drafter types the real text, they apply.
 */
/** XXXX, ××, □□□, [单位名称], and templates' numbered stand-ins such as 发文机关二. */
const PLACEHOLDER_TOKEN = /[XＸ×xｘ]{2,}|[□○＊*]{2,}|[[［【][^\]］】]*[\]］】]|发文机关[一二三四五六七八九十]/;

/**
 * Every placeholder shape needs one of these (white space may split 此处输入 or 发文机关): most lines of a draft have
 * none, and are answered without building the squeezed copy and running the patterns over it. The layout rules
 * ask this of every 正文 paragraph, several times.
 */
const MAYBE_PLACEHOLDER = /[XＸ×xｘ□○＊*[［【此]|发\s*文\s*机\s*关/;

export function isPlaceholderLine(text: string): boolean {
  if (!MAYBE_PLACEHOLDER.test(text)) return false;
  const t = text.replace(/[\s\u3000]+/g, '');
  if (!t) return false;
  if (/此处输入/.test(t)) return true;
  if (/^[[［【][^\]］】]*[\]］】][:：]?$/.test(t)) return true;
  if (!PLACEHOLDER_TOKEN.test(t)) return false;
  const rest = t.replace(new RegExp(PLACEHOLDER_TOKEN.source, 'g'), '');
  const han = rest.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return han <= 6;
}

/**
 * A paragraph of running text in the body flow: not in a text box or table, not centred or spread out (a
 * 正文 paragraph is justified or left-aligned; centred lines are titles, 版头 parts or captions), not a placeholder.
 */
export function isProse(block: GwBlock): boolean {
  const c = block.data.container;
  if (c && c !== 'body') return false;
  const a = block.data.format?.alignment;
  if (a === 'center' || a === 'right' || a === 'distribute' || a === 'end') return false;
  return !isPlaceholderLine(block.data.text);
}
