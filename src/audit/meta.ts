import type { GwDocument, Role } from '../model/types.js';
import { CN_DIGITS, DATE_ARABIC, DATE_CHINESE, DOC_NUMBER } from '../structure/patterns.js';

/** What an archive report groups by, read from the structured draft (and its declared metadata). */
export interface DocMeta {
  title: string | null;
  /** 发文字号 as written, e.g. 国办发〔2018〕109号. */
  docNumber: string | null;
  /** 机关代字 of the 发文字号, e.g. 国办发. */
  officeCode: string | null;
  /** Issuing office by name: 发文机关署名, else the 发文机关标志 without 文件, else declared 发文机关. */
  officeName: string | null;
  /** 成文日期 as YYYY-MM-DD (month/day may be unknown: YYYY). */
  date: string | null;
  /** Year of the 成文日期, else of the 发文字号. */
  year: number | null;
}

const ONE_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇一八 → 2018 (digit by digit, as years are written). */
function cnYear(s: string): number | null {
  let n = 0;
  for (const ch of s) {
    const d = ONE_DIGIT[ch];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/** 十一 → 11, 二十八 → 28, 三十一 → 31, 九 → 9. */
function cnSmall(s: string): number | null {
  if (/^[〇零一二三四五六七八九]$/.test(s)) return ONE_DIGIT[s]!;
  const m = /^([一二三])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  return (m[1] ? ONE_DIGIT[m[1]]! : 1) * 10 + (m[2] ? ONE_DIGIT[m[2]]! : 0);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Reads a 成文日期 written in Arabic or Chinese numerals; null when it is not a plausible date. */
export function parseDocDate(text: string): { date: string; year: number } | null {
  const t = text.replace(/[\s\u3000]+/g, '');
  let y: number | null = null;
  let mo: number | null = null;
  let d: number | null = null;
  const a = DATE_ARABIC.exec(t);
  if (a) {
    y = Number(a[1]);
    mo = Number(a[2]);
    d = Number(a[3]);
  } else {
    const c = DATE_CHINESE.exec(t);
    if (c) {
      y = cnYear(c[1]!);
      mo = cnSmall(c[2]!);
      d = cnSmall(c[3]!);
    }
  }
  if (y === null || y < 1900 || y > 2200) return null;
  if (mo === null || mo < 1 || mo > 12 || d === null || d < 1 || d > 31) return { date: String(y), year: y };
  return { date: `${y}-${pad(mo)}-${pad(d)}`, year: y };
}

/** Splits a 发文字号 into 机关代字, year and number. */
export function parseDocNumber(text: string): { code: string; year: number | null; text: string } | null {
  const m = DOC_NUMBER.exec(text.replace(/[\s\u3000]+/g, ''));
  if (!m) return null;
  const yearDigits = m[3]!;
  const year = yearDigits.length === 4 ? Number(yearDigits) : null;
  return { code: m[1]!, year: year !== null && year >= 1900 && year <= 2200 ? year : null, text: m[0]! };
}

function declaredString(doc: GwDocument, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = doc.data.declared[k];
    if (typeof v === 'string' && v.trim()) return v.trim();
    if (typeof v === 'number') return String(v);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return null;
}

const clean = (s: string): string => s.replace(/[\s\u3000]+/g, '');

export function extractMeta(doc: GwDocument): DocMeta {
  const of = (role: Role): string[] => doc.children.filter((b) => b.data.role === role).map((b) => clean(b.data.norm)).filter(Boolean);

  const title = of('标题').join('') || declaredString(doc, '标题', 'title');

  const numberText = of('发文字号')[0] ?? declaredString(doc, '发文字号', 'docNumber', 'doc_number');
  const num = numberText ? parseDocNumber(numberText) : null;

  const dateText = of('成文日期').at(-1) ?? declaredString(doc, '成文日期', 'date', '日期');
  let date = dateText ? parseDocDate(dateText) : null;
  if (!date && dateText && /^\d{4}-\d{2}-\d{2}$/.test(dateText)) date = { date: dateText, year: Number(dateText.slice(0, 4)) };

  const signers = of('发文机关署名').filter((t) => !/^[\d〇零一二三四五六七八九十]+年/.test(t));
  const banner = of('发文机关标志')[0]?.replace(/文件$/, '') || null;
  // Declared metadata is what the archive says; the 版头 names the office as an institution; the 署名 last,
  // since a 命令 is signed by a person (总理 李克强), not an office.
  const officeName = declaredString(doc, '发文机关', 'office') ?? banner ?? (signers.length ? signers.join('、') : null);

  return {
    title: title || null,
    docNumber: num?.text ?? numberText ?? null,
    officeCode: num?.code ?? null,
    officeName: officeName || null,
    date: date?.date ?? null,
    year: date?.year ?? num?.year ?? null,
  };
}
