import type { Cite, LintMessage, Locale } from '../engine/types.js';
import { parserFor } from '../parsers/registry.js';

/**
 * A .docx shown as HTML (through mammoth) with gwlint's findings marked where they are — the view the audit
 * report and the editor preview use.
 *
 * Findings carry a place in the document's plain-text view (line = paragraph, column = offset). mammoth knows
 * nothing of that view, so each finding's paragraph is found again in mammoth's document by its text (white
 * space ignored; automatic list numbers, which the reader puts in the text and mammoth does not, allowed for),
 * and the span is marked inside that paragraph's text nodes. Findings about the whole document (page setup,
 * footers) and any whose paragraph cannot be found are listed above the document.
 *
 * The page is self-contained: inline CSS, images as data: URIs, no script, and a Content-Security-Policy that
 * forbids loading anything.
 */

export interface DocxHtmlOptions {
  /** Shown as the page title and heading. */
  title?: string;
  locale?: Locale;
  /**
   * The document's plain-text view (`doc.data.source`), when the caller has parsed the file already; otherwise
   * the docx reader is run here to get it.
   */
  source?: string;
  /** Only the document (an <article>), without <html>, the style sheet and the findings list. */
  fragment?: boolean;
}

/** Private-use characters that survive mammoth's HTML writer untouched: they mark where findings start and end. */
const OPEN = '\uE000';
const MID = '\uE001';
const CLOSE = '\uE002';

interface MText {
  type: 'text';
  value: string;
}
interface MNode {
  type: string;
  children?: MNode[];
  value?: string;
  alignment?: string | null;
  styleName?: string | null;
}

/** One paragraph of mammoth's document: its text nodes and where each sits in the paragraph text. */
interface MParagraph {
  node: MNode;
  text: string;
  pieces: { node: MText; start: number; end: number }[];
}

function collectParagraphs(root: MNode): MParagraph[] {
  const out: MParagraph[] = [];
  const visitParagraph = (p: MNode): void => {
    const entry: MParagraph = { node: p, text: '', pieces: [] };
    out.push(entry);
    const walk = (n: MNode): void => {
      for (const c of n.children ?? []) {
        // A text box inside a paragraph is a paragraph of its own, as the reader counts them.
        if (c.type === 'paragraph') visitParagraph(c);
        else if (c.type === 'text') {
          const t = c as MText;
          entry.pieces.push({ node: t, start: entry.text.length, end: entry.text.length + t.value.length });
          entry.text += t.value;
        } else if (c.type === 'tab') entry.text += '\t';
        else walk(c);
      }
    };
    walk(p);
  };
  const find = (n: MNode): void => {
    for (const c of n.children ?? []) {
      if (c.type === 'paragraph') visitParagraph(c);
      else find(c);
    }
  };
  find(root);
  return out;
}

const isSpace = (ch: string): boolean => /[\s\u3000]/.test(ch);

/** Offsets of the non-space characters of `s`. */
function solid(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) if (!isSpace(s[i]!)) out.push(i);
  return out;
}

interface Match {
  para: MParagraph;
  /** Non-space characters of the line that mammoth's paragraph does not have at its start (a list number). */
  skip: number;
}

/** Finds the mammoth paragraph for each line that has findings, in document order. */
function matchLines(lines: string[], wanted: number[], paras: MParagraph[]): Map<number, Match> {
  const keys = paras.map((p) => p.text.replace(/[\s\u3000]+/g, ''));
  const used = new Set<number>();
  const result = new Map<number, Match>();
  let next = 0;
  const tryAt = (k: number, key: string): Match | undefined => {
    if (used.has(k)) return undefined;
    const mk = keys[k]!;
    if (!mk) return undefined;
    if (mk === key) return { para: paras[k]!, skip: 0 };
    // The reader writes automatic numbering (“一、”, “（一）”) into the text; mammoth renders it as a list.
    if (key.endsWith(mk) && key.length - mk.length <= 8) return { para: paras[k]!, skip: key.length - mk.length };
    return undefined;
  };
  for (const line of [...new Set(wanted)].sort((a, b) => a - b)) {
    const key = (lines[line - 1] ?? '').replace(/[\s\u3000]+/g, '');
    if (!key) continue;
    let found: { m: Match; k: number } | undefined;
    for (let k = next; k < paras.length && !found; k++) {
      const m = tryAt(k, key);
      if (m) found = { m, k };
    }
    // Text boxes and tables may come in another order in mammoth's tree: look behind as well.
    for (let k = 0; k < next && !found; k++) {
      const m = tryAt(k, key);
      if (m) found = { m, k };
    }
    if (!found) continue;
    used.add(found.k);
    next = Math.max(next, found.k + 1);
    result.set(line, found.m);
  }
  return result;
}

interface Span {
  id: number;
  start: number;
  end: number;
}

/** Marks spans inside a paragraph's text nodes, one mark per stretch covered by the same findings. */
function markParagraph(p: MParagraph, spans: Span[]): void {
  const cuts = new Set<number>();
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const piece of p.pieces) {
    const local = [...cuts].filter((c) => c > piece.start && c < piece.end).sort((a, b) => a - b);
    const bounds = [piece.start, ...local, piece.end];
    let value = '';
    for (let i = 0; i + 1 < bounds.length; i++) {
      const a = bounds[i]!;
      const b = bounds[i + 1]!;
      const text = p.text.slice(a, b);
      const ids = spans.filter((s) => s.start <= a && s.end >= b).map((s) => s.id);
      value += ids.length ? `${OPEN}${ids.join(',')}${MID}${text}${CLOSE}` : text;
    }
    piece.node.value = value;
  }
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Links from a document are kept only when they cannot run anything. */
function safeLinks(html: string): string {
  return html.replace(/\shref="([^"]*)"/g, (all, url: string) => (/^(https?:|mailto:|#)/i.test(url.trim()) ? all : ''));
}

const STYLE = `
:root{--err:#c62828;--warn:#b26a00;--mark-err:#ffd6d6;--mark-warn:#fff1c2;}
body{margin:0;font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;background:#f3f3f3;color:#222;}
.gw-head{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd;}
.gw-head h1{font-size:18px;margin:0 0 6px;}
.gw-count{color:#555;font-size:13px;}
.gw-findings{list-style:none;margin:12px 0 0;padding:0;font-size:13px;}
.gw-findings li{padding:6px 8px;border-left:3px solid var(--warn);background:#fafafa;margin:4px 0;}
.gw-findings li.gw-error{border-left-color:var(--err);}
.gw-findings .gw-where{color:#666;margin-left:6px;}
.gw-findings .gw-rule{color:#888;font-family:monospace;margin-left:6px;}
.gw-findings .gw-cite{display:block;color:#666;margin-top:2px;}
.gw-findings .gw-quote{display:block;color:#444;margin-top:2px;}
.gw-doc{max-width:210mm;margin:16px auto;background:#fff;padding:24mm 26mm 24mm 28mm;box-shadow:0 1px 4px rgba(0,0,0,.15);
 font-family:"FangSong","仿宋","仿宋_GB2312","STFangsong",serif;font-size:16pt;line-height:1.8;}
.gw-doc p{margin:0;text-align:justify;}
.gw-doc p.gw-center{text-align:center;}
.gw-doc p.gw-right{text-align:right;}
.gw-doc table{border-collapse:collapse;margin:8px 0;}
.gw-doc td,.gw-doc th{border:1px solid #999;padding:2px 6px;vertical-align:top;}
.gw-doc img{max-width:100%;}
mark.gw-f{background:var(--mark-warn);border-bottom:2px solid var(--warn);color:inherit;}
mark.gw-f.gw-error{background:var(--mark-err);border-bottom-color:var(--err);}
mark.gw-f:target{outline:2px solid #1565c0;}
`;

const LABELS = {
  zh: {
    findings: (n: number, e: number, w: number) => `${n} 个问题（${e} 个错误，${w} 个警告）`,
    clean: '未发现问题',
    document: '全文',
    paragraph: (line: number) => `第 ${line} 段`,
    unplaced: '（未能在预览中定位）',
    error: '错误',
    warning: '警告',
    basis: '依据',
    cannot: '无法显示此文件',
  },
  en: {
    findings: (n: number, e: number, w: number) => `${n} problem(s) (${e} error(s), ${w} warning(s))`,
    clean: 'No problems found',
    document: 'Whole document',
    paragraph: (line: number) => `paragraph ${line}`,
    unplaced: '(not located in the preview)',
    error: 'error',
    warning: 'warning',
    basis: 'Basis',
    cannot: 'Cannot show this file',
  },
} as const;

function citeText(c: Cite): string {
  return `${c.short ?? `${c.regulation} ${c.article}`}：“${c.clause}”`;
}

function page(title: string, head: string, body: string): string {
  return (
    '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>` +
    head +
    body +
    '</body></html>\n'
  );
}

/**
 * Renders a .docx as a self-contained HTML page with `messages` (from linting the same file) highlighted.
 * Never throws for a broken file: the page then says why it cannot show it, and still lists the messages.
 */
export async function renderDocxHtml(bytes: Uint8Array, messages: LintMessage[], options: DocxHtmlOptions = {}): Promise<string> {
  const L = LABELS[options.locale ?? 'zh'];
  const title = options.title ?? 'gwlint';
  const sorted = [...messages].sort((a, b) => a.line - b.line || a.column - b.column);
  const ids = new Map<LintMessage, number>(sorted.map((m, i) => [m, i + 1]));

  let docHtml: string;
  let placed = new Set<LintMessage>();
  try {
    let source = options.source;
    if (source === undefined) {
      const parser = await parserFor('draft.docx');
      if (!parser) throw new Error('docx reader missing');
      source = (await parser.parse({ filePath: title, bytes })).data.source;
    }
    const lines = source.split('\n');
    // Findings with a quoted context sit in a paragraph; the others are about the whole document.
    const located = sorted.filter((m) => m.context !== undefined && !m.fatal);
    const mammoth = (await import('mammoth')).default;
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        ignoreEmptyParagraphs: true,
        styleMap: ["p[style-name='gw-center'] => p.gw-center:fresh", "p[style-name='gw-right'] => p.gw-right:fresh"],
        transformDocument: (root: MNode) => {
          const paras = collectParagraphs(root);
          for (const p of paras) {
            const a = p.node.alignment;
            if ((a === 'center' || a === 'right') && !/^heading/i.test(p.node.styleName ?? '')) p.node.styleName = `gw-${a}`;
          }
          const matches = matchLines(lines, located.map((m) => m.line), paras);
          const spans = new Map<MParagraph, Span[]>();
          for (const m of located) {
            const match = matches.get(m.line);
            if (!match) continue;
            const line = lines[m.line - 1]!;
            const from = solid(line);
            const to = solid(match.para.text);
            const a = m.column - 1;
            const b = m.endLine === m.line ? m.endColumn - 1 : line.length;
            let i0 = from.findIndex((x) => x >= a);
            let i1 = -1;
            for (let k = from.length - 1; k >= 0; k--) if (from[k]! < b) { i1 = k; break; }
            if (i0 < 0 || i1 < i0) {
              // An empty or white-space span: mark the character at its place.
              i0 = Math.max(0, i0 < 0 ? from.length - 1 : i0);
              i1 = i0;
            }
            i0 = Math.max(0, i0 - match.skip);
            i1 = i1 - match.skip;
            if (i1 < i0 || !to.length) continue;
            const start = to[Math.min(i0, to.length - 1)]!;
            const end = to[Math.min(i1, to.length - 1)]! + 1;
            const list = spans.get(match.para) ?? [];
            list.push({ id: ids.get(m)!, start, end });
            spans.set(match.para, list);
            placed.add(m);
          }
          for (const [p, s] of spans) markParagraph(p, s);
          return root;
        },
      } as Parameters<typeof mammoth.convertToHtml>[1],
    );
    const firstMark = new Set<number>();
    const body = safeLinks(result.value).replace(new RegExp(`${OPEN}([\\d,]+)${MID}`, 'g'), (_all, list: string) => {
      const nums = list.split(',').map(Number);
      const error = nums.some((n) => sorted[n - 1]!.severity === 'error');
      // Each finding's first mark is its link target; a mark shared by several new findings gives the others
      // empty anchors just before it.
      const fresh = nums.filter((n) => !firstMark.has(n));
      for (const n of fresh) firstMark.add(n);
      const [anchor, ...more] = fresh;
      const tip = nums.map((n) => `${sorted[n - 1]!.message}（${sorted[n - 1]!.ruleId ?? ''}）`).join('\n');
      return (
        more.map((n) => `<span id="gw-f-${n}"></span>`).join('') +
        `<mark class="gw-f${error ? ' gw-error' : ''}"${anchor !== undefined ? ` id="gw-f-${anchor}"` : ''} data-f="${nums.join(' ')}" title="${escapeHtml(tip)}">`
      );
    }).replace(new RegExp(CLOSE, 'g'), '</mark>');
    docHtml = `<article class="gw-doc">${body}</article>`;
  } catch (e) {
    placed = new Set();
    const why = (e as Error)?.message ?? String(e);
    docHtml = `<article class="gw-doc"><p>${escapeHtml(L.cannot)}：${escapeHtml(why)}</p></article>`;
  }
  if (options.fragment) return docHtml;

  const errors = sorted.filter((m) => m.severity === 'error').length;
  const items = sorted
    .map((m) => {
      const id = ids.get(m)!;
      const where = m.context === undefined ? L.document : `${L.paragraph(m.line)}${placed.has(m) ? '' : L.unplaced}`;
      const label = m.severity === 'error' ? L.error : L.warning;
      const text = placed.has(m) ? `<a href="#gw-f-${id}">${escapeHtml(m.message)}</a>` : escapeHtml(m.message);
      const quote = m.context ? `<span class="gw-quote">“${escapeHtml(m.context)}”</span>` : '';
      // A rule citing several clauses names the one a finding rests on in its message: show that one.
      const named = m.cites.filter((c) => c.short && m.message.includes(c.short));
      const shown = named.length ? named : m.cites;
      const cites = shown.length ? `<span class="gw-cite">${escapeHtml(L.basis)}：${shown.map((c) => escapeHtml(citeText(c))).join('；')}</span>` : '';
      return `<li class="gw-${m.severity}" data-f="${id}">[${label}] ${text}<span class="gw-where">${escapeHtml(where)}</span>${m.ruleId ? `<span class="gw-rule">${escapeHtml(m.ruleId)}</span>` : ''}${quote}${cites}</li>`;
    })
    .join('');
  const head =
    `<header class="gw-head"><h1>${escapeHtml(title)}</h1>` +
    `<div class="gw-count">${escapeHtml(sorted.length ? L.findings(sorted.length, errors, sorted.length - errors) : L.clean)}</div>` +
    (items ? `<ul class="gw-findings">${items}</ul>` : '') +
    '</header>';
  return page(title, head, docHtml);
}
