import type { Cite } from '../../engine/types.js';
import { citeShort } from './cites.js';

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as article numbers write them. */
function small(s: string): number {
  if (s === '') return 0;
  if (!s.includes('十')) return s.length === 1 ? DIGIT[s] ?? NaN : NaN;
  const [a, b] = s.split('十') as [string, string];
  const tens = a === '' ? 1 : DIGIT[a] ?? NaN;
  const ones = b === '' ? 0 : DIGIT[b] ?? NaN;
  return tens * 10 + ones;
}

/**
 * The article number a cite names, as a number: "第五十五条" 55, "五十四（一）" 54, "第二十六至二十八条" 26.
 * Regulations number their items either way (静海 第五十五条, 通州 五十五、), so both forms compare equal.
 */
export function articleNumber(article: string): number {
  const m = /^第?([〇零一二三四五六七八九十百]+)/.exec(article.trim());
  if (!m) return NaN;
  const s = m[1]!;
  if (s.includes('百')) {
    const [h, rest] = s.split('百') as [string, string];
    return (h === '' ? 1 : small(h)) * 100 + small(rest.replace(/^零/, ''));
  }
  return small(s);
}

/**
 * The short form of the cite(s) a finding rests on, for the message text: the one whose article matches
 * `article` when a rule setting carries several (静海 第五十三条 and 第五十四条 on meeting-request), else all.
 */
export function basisOf(cites: Cite[], article?: string): string {
  if (article) {
    const want = articleNumber(article);
    const hit = cites.filter((c) => articleNumber(c.article) === want);
    if (hit.length) return hit.map(citeShort).join('、');
  }
  return cites.map(citeShort).join('、');
}
