import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { GBT_7_3_4, GBT_7_3_7, TIAOLI_9_8 } from './lib/element-cites.js';
import { listNumber } from './lib/headings.js';

/** "附件：…" (also with a half-width colon), or the malformed "附件1.…" that leaves out the colon. */
const NOTE = /^附\s*件\s*(?:([:：])|(?=\d{1,2}\s*[.．、]\s*\S))/;
/** An item's number: "1." is right ("1．" too); "1、" "1，" "(1)" "（1）" are not. */
const ITEM_NUMBER = /^(?:(\d{1,2})\s*([.．、，,])|[（(]\s*(\d{1,2})\s*[）)])\s*/;
/** An attachment's own first line: "附件", "附件2", and the stray "附件2：" or "附件1." */
const HEAD = /^附\s*件\s*(\d{1,2})?\s*([:：.．])?$/;
/** Marks an attachment name must not end with (brackets, quotes and 书名号 close a name and are fine). */
const TRAILING = /[。．.，,；;、：:！!？?]+$/;
/** The text saying where to look: "（见附件2）", "详见附件", "参见附件1". */
const REFERENCE = /(?:详见|参见|见)\s*附\s*件\s*(\d{1,2})?|[（(]\s*附\s*件\s*(\d{1,2})?\s*[）)]/g;

interface Item {
  block: GwBlock;
  /** Offset of the name in the block text. */
  nameStart: number;
  name: string;
  /** The name in the normalised view, for comparisons. */
  nameNorm: string;
  number?: number;
  /** The number marker as written and where it is. */
  marker?: { start: number; end: number; text: string; ok: boolean };
}

const squash = (s: string): string => s.replace(/[\s\u3000《》“”"]/g, '');

/** Finds the 附件说明 at the end of the body: its first line and the numbered lines under it. */
function findNote(blocks: GwBlock[], listNo: (b: GwBlock) => number | undefined): { items: Item[]; colon?: { block: GwBlock; start: number; end: number; ok: boolean } } | undefined {
  // The body ends at the 署名 or the 成文日期; the note is the last "附件：" before that.
  let end = blocks.findIndex((b) => b.data.role === '发文机关署名' || b.data.role === '成文日期' || b.data.role === '附件');
  if (end < 0) end = blocks.length;
  for (let k = end - 1; k >= 0; k--) {
    const b = blocks[k]!;
    if (b.data.role !== '正文' && b.data.role !== '附件说明') {
      if (b.data.role === '主送机关' || b.data.role === '标题') return undefined;
      continue;
    }
    const m = NOTE.exec(b.data.norm);
    if (!m) continue;
    // Everything after it, up to the end of the body, must be its numbered lines.
    const rest = blocks.slice(k + 1, end).filter((x) => x.data.role === '正文' || x.data.role === '附件说明');
    if (!rest.every((x) => ITEM_NUMBER.test(x.data.norm) || listNo(x) !== undefined)) return undefined;
    const items: Item[] = [];
    const afterLabel = m[0].length;
    const lead = b.data.norm.slice(afterLabel).match(/^[\s\u3000]*/)![0].length;
    const firstName = b.data.norm.slice(afterLabel + lead);
    if (firstName) items.push(item(b, afterLabel + lead));
    for (const x of rest) {
      const n = listNo(x);
      if (n !== undefined) items.push({ block: x, nameStart: 0, name: x.data.text, nameNorm: x.data.norm, number: n });
      else items.push(item(x, 0));
    }
    const colon = m[1] ? { block: b, start: m.index! + m[0].length - 1, end: m.index! + m[0].length, ok: m[1] === '：' } : { block: b, start: 0, end: afterLabel, ok: false };
    return { items, colon };
  }
  return undefined;
}

function item(block: GwBlock, at: number): Item {
  const norm = block.data.norm.slice(at);
  const m = ITEM_NUMBER.exec(norm);
  if (!m) return { block, nameStart: at, name: block.data.text.slice(at), nameNorm: norm };
  const number = Number(m[1] ?? m[3]);
  const markEnd = at + m[0].length - (m[0].length - m[0].trimEnd().length);
  const ok = m[1] !== undefined && (m[2] === '.' || m[2] === '．');
  return {
    block,
    nameStart: at + m[0].length,
    name: block.data.text.slice(at + m[0].length),
    nameNorm: norm.slice(m[0].length),
    number,
    marker: { start: at, end: markEnd, text: block.data.text.slice(at, markEnd), ok },
  };
}

export const attachmentNote: Rule = {
  meta: {
    id: 'attachment-note',
    description: {
      zh: '附件说明写作“附件：1.×××”：全角冒号，多个附件编号，名称后不加标点，与所附附件和正文所指一致',
      en: 'The attachment note reads “附件：1.×××”: full-width colon, numbered when several, no trailing mark, agreeing with the attachments and the text',
    },
    severity: 'warning',
    recommended: true,
    fixable: true,
    cites: [GBT_7_3_4, GBT_7_3_7, TIAOLI_9_8],
    messages: {
      colon: { zh: '“附件”后应标全角冒号“：”', en: '“附件” is followed by a full-width colon “：”' },
      form: {
        zh: '附件说明应写作“附件：{{n}}.×××”，“附件”后缺少全角冒号',
        en: 'The attachment note reads “附件：{{n}}.×××”: the colon after 附件 is missing',
      },
      marker: {
        zh: '附件顺序号应写作“{{expected}}”，而不是“{{found}}”',
        en: 'Write the attachment number as “{{expected}}”, not “{{found}}”',
      },
      unnumbered: {
        zh: '有多个附件时应使用阿拉伯数字标注附件顺序号：“{{name}}”缺少顺序号',
        en: 'With several attachments each is numbered: “{{name}}” has no number',
      },
      numbering: {
        zh: '附件顺序号不连续：这里应为“{{expected}}.”',
        en: 'Attachment numbers skip: “{{expected}}.” was expected here',
      },
      trailing: {
        zh: '附件名称后不加标点符号：删去“{{mark}}”',
        en: 'No punctuation after an attachment name: remove “{{mark}}”',
      },
      empty: { zh: '“附件：”后缺少附件名称', en: '“附件：” names no attachment' },
      headPunct: {
        zh: '附件标识应写作“{{expected}}”，后面不加标点',
        en: 'The attachment label reads “{{expected}}”, without punctuation',
      },
      noNote: {
        zh: '公文带有附件（“{{head}}”），但正文之后没有附件说明（“附件：×××”）',
        en: 'The document carries an attachment (“{{head}}”) but has no attachment note (“附件：×××”)',
      },
      notAttached: {
        zh: '附件说明列出了附件{{n}}“{{name}}”，但公文所附的附件中没有附件{{n}}',
        en: 'The note lists attachment {{n}} “{{name}}”, which is not among the attachments',
      },
      unlisted: {
        zh: '“{{head}}”没有列入附件说明（附件说明共{{count}}项）',
        en: '“{{head}}” is not listed in the attachment note ({{count}} items)',
      },
      titleMismatch: {
        zh: '附件标题“{{title}}”与附件说明中的名称“{{name}}”不一致',
        en: 'The attachment title “{{title}}” differs from its name in the note, “{{name}}”',
      },
      referenceNoNote: {
        zh: '正文提到“{{ref}}”，但公文没有附件说明',
        en: 'The text refers to “{{ref}}” but the document has no attachment note',
      },
      referenceMissing: {
        zh: '正文提到“{{ref}}”，但附件说明只列了{{count}}个附件',
        en: 'The text refers to “{{ref}}” but the note lists {{count}} attachment(s)',
      },
    },
    docs: {
      rationale: {
        zh: '附件说明是公文的组成部分（条例 第九条（八））。“附件”后标全角冒号；多个附件用阿拉伯数字编号（“附件：1.×××”）；名称后不加标点；附件顺序号和标题应与所附附件一致，正文中“见附件2”所指的附件必须在附件说明中。冒号、顺序号的写法和名称后的标点可自动修正；名称或编号不一致只报告，由起草人判断哪一处对。',
        en: 'Colon, number marks and trailing punctuation are fixed automatically; disagreements between the note, the attachments and the text are reported for the drafter to resolve.',
      },
      examples: {
        invalid: [
          { code: '# 关于开展安全检查的通知\n\n各科室：\n\n请按检查表（见附件2）开展自查。\n\n附件:1、安全检查表。\n\n区应急局\n\n2024年3月1日' },
        ],
        valid: [
          {
            code: '# 关于开展安全检查的通知\n\n各科室：\n\n请按检查表（见附件2）开展自查。\n\n附件：1.安全检查表\n2.整改台账\n\n区应急局\n\n2024年3月1日',
          },
        ],
      },
    },
  },
  create(context) {
    const doc = context.doc;
    return {
      'document:exit'() {
        const blocks = doc.children;
        const note = findNote(blocks, (b) => listNumber(doc, b));
        const heads: { block: GwBlock; number?: number; index: number }[] = [];
        blocks.forEach((b, index) => {
          // An attachment's every paragraph has this role; only a line with 附 in it can be its head.
          if (b.data.role !== '附件' || !b.data.norm.includes('附')) return;
          const t = b.data.norm.replace(/[\s\u3000]+/g, '');
          const m = HEAD.exec(t);
          if (!m) return;
          heads.push({ block: b, index, ...(m[1] ? { number: Number(m[1]) } : {}) });
          if (m[2]) {
            const label = b.data.text.trim().replace(/[\s\u3000]*[:：.．]$/, '');
            const lead = b.data.text.length - b.data.text.trimStart().length;
            context.report({ messageId: 'headPunct', block: b, start: lead, end: b.data.text.trimEnd().length, data: { expected: label }, fix: { text: label } });
          }
        });

        if (note) {
          const { items, colon } = note;
          if (colon && !colon.ok) {
            if (colon.end - colon.start === 1 && /[:：]/.test(colon.block.data.norm[colon.start]!)) {
              context.report({ messageId: 'colon', block: colon.block, start: colon.start, end: colon.end, fix: { text: '：' } });
            } else {
              context.report({
                messageId: 'form',
                block: colon.block,
                start: colon.start,
                end: colon.end,
                data: { n: items[0]?.number ?? 1 },
                fix: { text: `${colon.block.data.text.slice(colon.start, colon.end).trimEnd()}：` },
              });
            }
          }
          if (items.length === 0 && colon) {
            context.report({ messageId: 'empty', block: colon.block });
          }
          const several = items.length > 1;
          items.forEach((it, i) => {
            if (it.marker && !it.marker.ok) {
              context.report({
                messageId: 'marker',
                block: it.block,
                start: it.marker.start,
                end: it.marker.end,
                data: { expected: `${it.number}.`, found: it.marker.text },
                fix: { text: `${it.number}.` },
              });
            }
            if (several && it.number === undefined) {
              context.report({ messageId: 'unnumbered', block: it.block, start: it.nameStart, end: it.block.data.text.length, data: { name: it.name }, fix: { text: `${i + 1}.${it.name}` } });
            } else if (several && it.number !== i + 1) {
              context.report({ messageId: 'numbering', block: it.block, start: it.marker?.start ?? 0, end: it.marker?.end ?? 0, data: { expected: i + 1 } });
            }
            const tail = TRAILING.exec(it.block.data.norm.slice(it.nameStart));
            if (tail && it.name.length > tail[0].length) {
              const s = it.nameStart + tail.index;
              context.report({ messageId: 'trailing', block: it.block, start: s, end: s + tail[0].length, data: { mark: it.block.data.text.slice(s, s + tail[0].length) }, fix: { text: '' } });
            }
          });

          // Agreement with the attachments the document carries (when it carries them).
          if (heads.length) {
            const numbered = (k: number, it: Item): number => it.number ?? (items.length === 1 ? 1 : k + 1);
            const headNo = (h: (typeof heads)[number]): number => h.number ?? 1;
            items.forEach((it, k) => {
              const n = numbered(k, it);
              const head = heads.find((h) => headNo(h) === n);
              if (!head) {
                context.report({ messageId: 'notAttached', block: it.block, start: it.nameStart, end: it.block.data.text.length, data: { n, name: squash(it.name) } });
                return;
              }
              const title = titleAfter(blocks, head.index, squash(it.nameNorm.replace(TRAILING, '')));
              if (title) {
                context.report({ messageId: 'titleMismatch', block: blocks[head.index + 1]!, data: { title, name: squash(it.name.replace(TRAILING, '')) } });
              }
            });
            for (const h of heads) {
              if (!items.some((it, k) => numbered(k, it) === headNo(h))) {
                context.report({ messageId: 'unlisted', block: h.block, data: { head: h.block.data.text.trim(), count: items.length } });
              }
            }
          }
        } else if (heads.length) {
          const h = heads[0]!;
          context.report({ messageId: 'noNote', block: h.block, data: { head: h.block.data.text.trim() } });
        }

        // What the text points to.
        for (const b of blocks) {
          // Every reference names 附件: most paragraphs are answered without a scan.
          if (b.data.role !== '正文' || !b.data.norm.includes('附')) continue;
          for (const m of b.data.norm.matchAll(REFERENCE)) {
            const n = m[1] ?? m[2];
            const ref = b.data.text.slice(m.index!, m.index! + m[0].length);
            const span = { block: b, start: m.index!, end: m.index! + m[0].length };
            if (!note && !heads.length) context.report({ messageId: 'referenceNoNote', ...span, data: { ref } });
            else if (note && n && Number(n) > Math.max(note.items.length, heads.length)) {
              context.report({ messageId: 'referenceMissing', ...span, data: { ref, count: note.items.length } });
            }
          }
        }
      },
    };
  },
};

/**
 * The title under an attachment label, when it disagrees with the note's name; undefined when they agree
 * or when what follows does not look like a title (a table, body text). Web extractions break long titles
 * over several lines, and a note may name the issuing body that the title leaves out (or the reverse).
 */
function titleAfter(blocks: GwBlock[], head: number, name: string): string | undefined {
  let cand = '';
  const prefixes: string[] = [];
  for (let k = head + 1; k < Math.min(blocks.length, head + 5); k++) {
    const b = blocks[k]!;
    if (b.data.role !== '附件') break;
    const t = squash(b.data.norm);
    if (!t || t.length > 60 || /[。；，]/.test(t)) break;
    cand += t;
    prefixes.push(cand);
    if (cand === name || cand.startsWith(name) || cand.endsWith(name) || (name.endsWith(cand) && cand.length * 2 >= name.length)) return undefined;
  }
  if (!prefixes.length) return undefined;
  // Show the title as far as it goes: the joined lines whose length is nearest the note's name.
  return prefixes.reduce((best, p) => (Math.abs(p.length - name.length) < Math.abs(best.length - name.length) ? p : best));
}
