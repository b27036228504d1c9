import type { Rule } from '../engine/types.js';
import type { GwBlock, GwDocument } from '../model/types.js';
import { ATTACHMENT_HEAD } from '../structure/patterns.js';
import { toChineseNumeral } from './lib/chinese-numerals.js';
import { GBT_7_3_3 } from './lib/element-cites.js';
import { ARTICLE, CHAPTER, type Marker, blockMarker, markerOf } from './lib/headings.js';

const LEVEL_NAME = ['', '第一层', '第二层', '第三层', '第四层'];

function markerFor(level: number, n: number): string {
  if (level === 1) return `${toChineseNumeral(n)}、`;
  if (level === 2) return `（${toChineseNumeral(n)}）`;
  if (level === 3) return `${n}.`;
  return `（${n}）`;
}

/** Decimal section numbers ("1　总则", "4.2　国家级"), which restart the lists below them. */
const SECTION = /^\d{1,2}(?:\.\d{1,2})*[\s\u3000]+\S/;
/** A note under a table ("注：", "说明：1.…"), whose list starts again at 1. */
const NOTE_LABEL = /^(?:注|说明|备注)\s*[:：]\s*/;

/** "附件：…" or the malformed "附件1.…": the 附件说明, after which numbered lines are its items. */
const NOTE_START = /^附\s*件\s*(?:[:：]|\d{1,2}\s*[.．、：:])/;

/**
 * The stretches of a document whose headings form one sequence: the 正文 (up to the 附件说明), and each
 * attachment (from its "附件N" line), or the whole part after the 成文日期 when it has no such line (the
 * document a 印发/转发 notice issues).
 */
function regions(doc: GwDocument): GwBlock[][] {
  const out: GwBlock[][] = [];
  const body: GwBlock[] = [];
  let bodyDone = false;
  let tail: GwBlock[] | undefined;
  for (const b of doc.children) {
    const role = b.data.role;
    if (role === '正文') {
      if (bodyDone) continue;
      if (NOTE_START.test(b.data.norm.trim())) bodyDone = true;
      else body.push(b);
    } else if (role === '附件' || role === '附注') {
      const t = b.data.norm.replace(/[\s\u3000]+/g, '');
      if (!tail || ATTACHMENT_HEAD.test(t) || /^附件\d{1,2}[.．]?$/.test(t)) {
        tail = [];
        out.push(tail);
      }
      tail.push(b);
    }
  }
  if (body.length) out.unshift(body);
  return out;
}

export const headingSequence: Rule = {
  meta: {
    id: 'heading-sequence',
    description: {
      zh: '结构层次序数依次用“一、”“（一）”“1.”“（1）”：标点正确，不越级，编号连续',
      en: 'Heading numbers follow 一、 → （一） → 1. → （1）: right marks, no skipped level, no gaps',
    },
    severity: 'warning',
    recommended: true,
    fixable: true,
    cites: [GBT_7_3_3],
    messages: {
      marker: {
        zh: '{{level}}序数应写作“{{expected}}”，而不是“{{found}}”',
        en: 'Write the level-{{n}} heading number as “{{expected}}”, not “{{found}}”',
      },
      halfBracket: {
        zh: '序数“{{found}}”缺少前括号：第四层应写作“{{expected}}”（或第三层“{{alt}}”）',
        en: '“{{found}}” lacks its opening bracket: “{{expected}}” (level 4) or “{{alt}}” (level 3)',
      },
      skipped: {
        zh: '层次越级：“{{found}}”是{{level}}，但上一级{{missing}}在这里没有出现（本文其他地方用了这一层）',
        en: 'Skipped level: “{{found}}” is level {{n}}, but level {{missingNo}} (used elsewhere in this document) is missing above it',
      },
      empty: {
        zh: '序号缺失：“{{found}}”中应为“{{expected}}”',
        en: 'The number is missing: “{{found}}” should read “{{expected}}”',
      },
      numbering: {
        zh: '序号不连续：“{{found}}”之前应为“{{expected}}”',
        en: 'Numbering gap: “{{expected}}” was expected where “{{found}}” is',
      },
    },
    docs: {
      rationale: {
        zh: '文中结构层次序数依次用“一、”“（一）”“1.”“（1）”。常见错误是半角括号“(一)”、括号后加顿号“（一）、”、“一.”和“1、”：这些可自动修正。编号应从1开始连续（第X章、第X条之下重新编号）。GB/T 9704 说“依次可以用”：全文不用某一层时可以跳过它（国务院文件常从“一、”直接到“1.”）；但全文用了某一层，在别处又跳过它，就是越级。',
        en: 'Marks like “(一)”, “（一）、”, “一.” and “1、” are fixed automatically. Numbering starts at 1 and has no gaps (it restarts under 第X章 and 第X条). A level that the document never uses may be left out (State Council documents go from 一、 straight to 1.); leaving out a level the document uses elsewhere is a skip.',
      },
      examples: {
        invalid: [
          { code: '# 关于做好防汛工作的通知\n\n各街道：\n\n现就有关事项通知如下。\n\n一、总体要求\n\n(一)提高认识。\n\n（三）落实责任。' },
          { code: '关于做好防汛工作的通知\n各街道：\n一、总体要求\n（一）提高认识。\n二、工作措施\n1、加强巡查。', kind: 'text' },
        ],
        valid: [
          { code: '# 关于做好防汛工作的通知\n\n各街道：\n\n现就有关事项通知如下。\n\n一、总体要求\n\n（一）提高认识。\n\n1.加强学习。\n\n（二）落实责任。\n\n二、工作措施' },
        ],
      },
    },
  },
  create(context) {
    const doc = context.doc;
    const hasTitle = doc.children.some((b) => b.data.role === '标题');
    return {
      'document:exit'() {
        for (const region of regions(doc)) {
          const items: { block: GwBlock; marker?: Marker; kind: 'marker' | 'chapter' | 'article' | 'section' | 'title' | 'leadin'; inline?: boolean }[] = [];
          // Lines of a "注：" list under a table are an enumeration, not the document's 结构层次: counted, but
          // their marks are not judged by 7.3.3.
          let inNote = false;
          for (const block of region) {
            const t = block.data.norm.trim();
            const marker0 = blockMarker(doc, block);
            if (!marker0) inNote = false;
            if (CHAPTER.test(t)) items.push({ block, kind: 'chapter' });
            else if (ARTICLE.test(t)) items.push({ block, kind: 'article' });
            // "1　总则", "4.2　国家级应急响应": decimal sections (GB/T 1.1 style), and "注：" lists under a table.
            else if (SECTION.test(t) || NOTE_LABEL.test(t)) {
              const label = NOTE_LABEL.exec(t);
              items.push({ block, kind: 'section' });
              inNote = Boolean(label);
              // "注：1、…": the list starts on the label's line; count it, its marks are the note's business.
              const after = label ? markerOf(block.data.text.slice(label[0].length), block.data.norm.slice(label[0].length)) : undefined;
              if (after) items.push({ block, marker: after, kind: 'marker', inline: true });
            } else {
              if (marker0) items.push({ block, marker: marker0, kind: 'marker', inline: inNote });
              // A short line without punctuation (the title of a second document a notice issues) may be
              // followed by a fresh 一、.
              else if (t.length <= 50 && !/[。；：，,;:!?！？]/.test(t)) items.push({ block, kind: 'title' });
              // A paragraph ending in a colon leads in a new list, which may start again at 1.
              else if (/[:：]$/.test(t)) items.push({ block, kind: 'leadin' });
            }
          }
          const used = new Set<number>(items.flatMap((i) => (i.marker ? [i.marker.level] : [])));
          // counters: the last number at each level under the current parent; lastSeen: at each level in the
          // whole stretch (some documents number their （一） items straight through, across 一、 sections).
          const counters = [0, 0, 0, 0, 0];
          const lastSeen = [0, 0, 0, 0, 0];
          let depth = 0;
          let first = true;
          let chapterRestart = false;
          let leadIn = false;
          for (const item of items) {
            if (item.kind === 'title') {
              chapterRestart = true;
              continue;
            }
            if (item.kind === 'leadin') {
              leadIn = true;
              continue;
            }
            if (item.kind !== 'marker') {
              // Items under a 条 (（一）…) and sections under a 章 start again; 一、 may run on across 章.
              for (let l = 2; l <= 4; l++) counters[l] = lastSeen[l] = 0;
              if (item.kind === 'chapter') chapterRestart = true;
              depth = item.kind === 'article' ? 1 : 0;
              continue;
            }
            const { block } = item;
            const m = item.marker!;
            if (m.empty) {
              // The number was lost: it is the next one at the level in use (（一） or （1）).
              const level = depth === 2 || depth === 4 ? depth : 2;
              const n = counters[level]! + 1;
              context.report({ messageId: 'empty', block, start: 0, end: m.length, data: { found: m.found, expected: markerFor(level, n) } });
              counters[level] = lastSeen[level] = n;
              for (let l = level + 1; l <= 4; l++) counters[l] = 0;
              depth = level;
              first = false;
              continue;
            }
            const L = m.level;
            const found = m.found;
            if (!m.ok && !item.inline) {
              if (m.fixable) {
                context.report({
                  messageId: 'marker',
                  block,
                  start: 0,
                  end: m.length,
                  data: { level: LEVEL_NAME[L]!, n: L, expected: m.expected, found },
                  fix: { text: m.expected },
                });
              } else {
                context.report({ messageId: 'halfBracket', block, start: 0, end: m.length, data: { found, expected: m.expected, alt: `${m.number}.` } });
              }
            }
            // A level between the current one and this one that the document uses elsewhere was left out.
            if (depth > 0 && L > depth + 1) {
              const missing: number[] = [];
              for (let l = depth + 1; l < L; l++) if (used.has(l)) missing.push(l);
              if (missing.length) {
                context.report({
                  messageId: 'skipped',
                  block,
                  start: 0,
                  end: m.length,
                  data: { found, level: LEVEL_NAME[L]!, n: L, missing: missing.map((l) => LEVEL_NAME[l]).join('、'), missingNo: missing.join(', ') },
                });
              }
            }
            const expected = counters[L]! + 1;
            const ok =
              m.number === expected ||
              (counters[L] === 0 && m.number === lastSeen[L]! + 1) ||
              (L === 1 && chapterRestart && m.number === 1) ||
              (leadIn && m.number === 1) ||
              // An excerpt (no title) may begin anywhere; a whole document begins at 1.
              (first && !hasTitle);
            if (!ok) context.report({ messageId: 'numbering', block, start: 0, end: m.length, data: { found, expected: markerFor(L, expected) } });
            counters[L] = lastSeen[L] = m.number;
            for (let l = L + 1; l <= 4; l++) counters[l] = 0;
            if (L === 1) chapterRestart = false;
            leadIn = false;
            depth = L;
            first = false;
          }
        }
      },
    };
  },
};
