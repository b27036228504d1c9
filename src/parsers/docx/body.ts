import type { BlockType, GwBlock, PageSetup, ParagraphFormat, RunFormat } from '../../model/types.js';
import type { Numbering } from './numbering.js';
import { applyPPr, applyRPr, CHANGE_RECORDS, mergeP, pKey, rKey, sameP, sameR, toParagraphFormat, type PProps, type RProps } from './props.js';
import type { ResolvedRun, Styles } from './styles.js';
import { num, onOff, parsePart, type AttrSource } from './xml.js';
import type { ZipReader } from './zip.js';

/**
 * Reads a story (document.xml, a header, a footer) as Word shows it: the accepted view of tracked changes,
 * without hidden text, with field results instead of field codes, with list labels, and with text boxes and
 * table cells as paragraphs of their own. Paragraphs are handed to `emit` in reading order, each with its
 * plain-text line (what positions point into) and the pieces that make up its text.
 */

export type Container = NonNullable<GwBlock['data']['container']>;

/**
 * A piece of a paragraph's text: `rel` is its offset in the paragraph's plain-text line. Linear pieces are
 * `len` characters of the line itself (their text is sliced from the finished source, so blocks share its
 * memory); generated pieces (a list label, the number of an empty PAGE field) carry their `text` and have no
 * characters in the line.
 */
export interface Piece {
  rel: number;
  len: number;
  linear: boolean;
  text?: string;
  format?: RunFormat;
}

/** Marks where a manual line or page break splits the paragraph into two blocks. */
export const CUT = 0;
export type Item = Piece | typeof CUT;

export interface ReadParagraph {
  line: string;
  items: Item[];
  type: BlockType;
  container: Container;
  format: ParagraphFormat;
}

export interface SectionInfo {
  page: PageSetup;
  headers: { type: string; rid: string }[];
  footers: { type: string; rid: string }[];
  titlePg: boolean;
  /** Body paragraphs in this section (to pick the main section of a multi-section file). */
  paragraphs: number;
}

export interface StoryStats {
  trackedChanges: number;
  hiddenChars: number;
  hasPageField: boolean;
  sections: SectionInfo[];
}

interface Para {
  container: Container;
  tableStyle?: string;
  direct: PProps;
  line: string;
  items: Item[];
  markDeleted: boolean;
  /** Continues a paragraph whose mark was deleted: its list label (if any) is the first paragraph's. */
  joined?: boolean;
  resolved?: { pStyle?: string; format: ParagraphFormat; type: BlockType };
}

interface Run {
  direct: RProps;
  resolved?: ResolvedRun;
}

interface Field {
  instr: string;
  result: boolean;
  /** Where the result starts: to see whether the file carries one. */
  para?: Para;
  resultAt?: number;
}

const SKIP = new Set([...CHANGE_RECORDS, 'mc:Fallback', 'w:sdtPr', 'w:sdtEndPr', 'm:oMath', 'm:oMathPara', 'w:object', 'w:fldData', 'w:tblGrid']);

const PAGE_FIELD = /^\s*PAGE(\s|\\|$)/i;

/** 1: skip the element and its content; 2: handled by the reader's switch. */
const KIND = new Map<string, 1 | 2>([
  ...[...SKIP].map((n) => [n, 1] as [string, 1]),
  ...[
    'v:textpath', 'w:br', 'w:cellDel', 'w:cellIns', 'w:cellMerge', 'w:cr', 'w:del', 'w:fldChar', 'w:fldSimple',
    'w:ins', 'w:instrText', 'w:moveFrom', 'w:moveTo', 'w:noBreakHyphen', 'w:p', 'w:pgNum', 'w:ptab', 'w:r',
    'w:sectPr', 'w:sym', 'w:t', 'w:tab', 'w:tbl', 'w:tblStyle', 'w:tc', 'w:tr', 'w:txbxContent',
  ].map((n) => [n, 2] as [string, 2]),
]);

export function readStory(
  zip: ZipReader,
  part: string,
  base: Container,
  styles: Styles,
  numbering: Numbering | undefined,
  emit: (p: ReadParagraph) => void,
  /** What an empty PAGE field shows (the page a header or footer of this type first appears on). */
  pageNumber = 1,
): StoryStats {
  const stats: StoryStats = { trackedChanges: 0, hiddenChars: 0, hasPageField: false, sections: [] };
  const names: string[] = [];
  let skip = 0;
  const paras: Para[] = [];
  const runs: Run[] = [];
  const containers: Container[] = [];
  const tables: { style?: string; rowDeleted: boolean }[] = [];
  const fields: Field[] = [];
  let inText = 0;
  let inInstr = false;
  let pending: Para | undefined;
  let section: SectionInfo | undefined;
  let sectionParas = 0;
  let sectionDepth = -1;

  const para = (): Para | undefined => paras[paras.length - 1];
  const run = (): Run | undefined => runs[runs.length - 1];
  const fieldHides = (): boolean => fields.some((f) => !f.result);

  const paraCache = new Map<string, { format: ParagraphFormat; type: BlockType }>();
  let lastPara:
    | { pStyle?: string; tableStyle?: string; labelKey: string; numbered: boolean; container: Container; direct: PProps; format: ParagraphFormat; type: BlockType }
    | undefined;
  const styleNumId = (styleId: string): string | undefined => styles.paragraphStyle(styleId, undefined).p.numId;

  const resolvePara = (p: Para): NonNullable<Para['resolved']> => {
    if (p.resolved) return p.resolved;
    const pStyle = p.direct.pStyle ?? styles.defaultParagraph;
    const styleP = styles.paragraphStyle(pStyle, p.tableStyle).p;
    const numId = p.direct.numId ?? styleP.numId;
    let numbered = false;
    let labelKey = '';
    let labelP: PProps | undefined;
    if (numbering && numId !== undefined && numId !== '0' && !p.joined) {
      const ilvl = p.direct.ilvl ?? (p.direct.numId === undefined ? (styleP.ilvl ?? numbering.levelForStyle(numId, pStyle)) : undefined) ?? styleP.ilvl ?? 0;
      const label = numbering.next(numId, ilvl, styleNumId);
      if (label) {
        labelKey = label.key;
        labelP = label.p;
        if (label.text) {
          const r = styles.run(pStyle, p.tableStyle, {}, label.key, label.r);
          if (!r.vanish) p.items.push({ text: label.text, rel: 0, len: 0, linear: false, format: r.format });
          numbered = true;
        }
      }
    }
    // Paragraphs with the same inputs share one resolution (and one ParagraphFormat object); the merged
    // properties are made only for a new one. Most paragraphs are formatted like the one before: those are
    // recognised field by field, without building and hashing the key.
    const prev = lastPara;
    if (
      prev && prev.pStyle === pStyle && prev.tableStyle === p.tableStyle && prev.labelKey === labelKey && prev.numbered === numbered &&
      prev.container === p.container && sameP(prev.direct, p.direct)
    ) {
      return (p.resolved = { pStyle, format: prev.format, type: prev.type });
    }
    const key = `${pStyle ?? ''}\u0001${p.tableStyle ?? ''}\u0001${labelKey}\u0001${numbered}\u0001${p.container}\u0001${pKey(p.direct)}`;
    // A copy: what this paragraph was resolved with, whatever happens to its properties later.
    const remember = (r: { format: ParagraphFormat; type: BlockType }): void => {
      lastPara = { pStyle, tableStyle: p.tableStyle, labelKey, numbered, container: p.container, direct: { ...p.direct }, format: r.format, type: r.type };
    };
    const hit = paraCache.get(key);
    if (hit) {
      remember(hit);
      return (p.resolved = { pStyle, format: hit.format, type: hit.type });
    }
    const merged = mergeP({}, styleP);
    // Indents of the list level sit over the style's, under direct formatting.
    if (labelP) mergeP(merged, labelP);
    mergeP(merged, p.direct);
    merged.pStyle = pStyle;
    const format = toParagraphFormat(merged, styles.styleName(pStyle));
    const name = (styles.styleName(pStyle) ?? '').toLowerCase();
    const heading = format.outlineLevel !== undefined || /^(heading|标题)\s*\d$/.test(name);
    const type: BlockType = p.container === 'table' ? 'tableCell' : heading ? 'heading' : numbered ? 'listItem' : 'paragraph';
    paraCache.set(key, { format, type });
    remember({ format, type });
    p.resolved = { pStyle, format, type };
    return p.resolved;
  };

  // Consecutive runs mostly carry the same formatting: remember the last resolution, with a copy of the
  // properties it was made from, compared field by field (no key string for such a run).
  let last: { pStyle?: string; tableStyle?: string; direct: RProps; resolved: ResolvedRun } | undefined;
  const resolveRun = (p: Para, r: Run): ResolvedRun => {
    if (r.resolved) return r.resolved;
    const rp = resolvePara(p);
    if (last && last.pStyle === rp.pStyle && last.tableStyle === p.tableStyle && sameR(last.direct, r.direct)) return (r.resolved = last.resolved);
    r.resolved = styles.run(rp.pStyle, p.tableStyle, r.direct, rKey(r.direct));
    last = { pStyle: rp.pStyle, tableStyle: p.tableStyle, direct: { ...r.direct }, resolved: r.resolved };
    return r.resolved;
  };

  const addText = (raw: string): void => {
    const p = para();
    if (!p || !raw || fieldHides()) return;
    // A line break inside w:t is white space to Word; in the source it would start a new line.
    const t = raw.includes('\n') || raw.includes('\r') ? raw.replace(/[\r\n]/g, ' ') : raw;
    const r = run();
    const resolved = r ? resolveRun(p, r) : undefined;
    if (resolved?.vanish) {
      stats.hiddenChars += t.length;
      return;
    }
    resolvePara(p);
    const format = resolved?.format;
    const last = p.items[p.items.length - 1];
    if (last && last.linear && last.format === format && last.rel + last.len === p.line.length) {
      last.len += t.length;
    } else {
      p.items.push({ rel: p.line.length, len: t.length, linear: true, format });
    }
    p.line += t;
  };

  const addBreak = (ch: string): void => {
    const p = para();
    if (!p || fieldHides()) return;
    const r = run();
    if (r && resolveRun(p, r).vanish) return;
    resolvePara(p);
    p.line += ch;
    p.items.push(CUT);
  };

  const container = (): Container => {
    const c = containers[containers.length - 1];
    if (c) return c;
    return base === 'body' && tables.length ? 'table' : base;
  };

  const finishPara = (): void => {
    const p = paras.pop();
    if (!p) return;
    if (p.markDeleted && base === 'body') {
      // Accepting the deletion of a paragraph mark joins this paragraph with the next one.
      pending = p;
      return;
    }
    const r = resolvePara(p);
    if (base === 'body' && p.container !== 'textbox') sectionParas++;
    emit({ line: p.line, items: p.items, type: r.type, container: p.container, format: r.format });
  };

  const startPara = (): void => {
    const p: Para = { container: container(), direct: {}, line: '', items: [], markDeleted: false };
    const t = tables[tables.length - 1];
    if (t && p.container === 'table') p.tableStyle = t.style ?? styles.defaultTable;
    if (pending && pending.container === p.container) {
      p.line = pending.line;
      p.items = pending.items;
      p.joined = true;
    }
    pending = undefined;
    paras.push(p);
  };

  const markResult = (f: Field): void => {
    f.result = true;
    f.para = para();
    f.resultAt = f.para?.line.length;
  };

  const closeField = (f: Field | undefined): void => {
    if (!f || !PAGE_FIELD.test(f.instr)) return;
    stats.hasPageField = true;
    // A PAGE field saved without its result (WPS, generators) still shows a number in Word and LibreOffice.
    const p = para();
    if (p && (!f.result || (f.para === p && f.resultAt === p.line.length)) && !fieldHides()) {
      const r = run();
      const resolved = r ? resolveRun(p, r) : undefined;
      if (!resolved?.vanish) p.items.push({ text: String(pageNumber), rel: p.line.length, len: 0, linear: false, format: resolved?.format });
    }
  };

  parsePart(zip, part, {
    open(name, a: AttrSource) {
      if (skip > 0) {
        skip++;
        return;
      }
      const parent = names[names.length - 1];
      const kind = KIND.get(name);
      if (kind === 1) {
        if (CHANGE_RECORDS.has(name)) stats.trackedChanges++;
        skip = 1;
        return;
      }
      // Most elements (formatting, rsids, drawing geometry) need nothing here: one lookup decides.
      if (kind === 2) switch (name) {
        case 'w:del':
        case 'w:moveFrom':
          stats.trackedChanges++;
          if (parent === 'w:rPr' && names[names.length - 2] === 'w:pPr') {
            const p = para();
            if (p) p.markDeleted = true;
          } else if (parent === 'w:trPr') {
            const t = tables[tables.length - 1];
            if (t) t.rowDeleted = true;
          } else if (parent !== 'w:rPr' && parent !== 'w:tcPr') {
            skip = 1;
            return;
          }
          break;
        case 'w:ins':
        case 'w:moveTo':
        case 'w:cellIns':
        case 'w:cellDel':
        case 'w:cellMerge':
          stats.trackedChanges++;
          break;
        case 'w:p':
          startPara();
          break;
        case 'w:r':
          runs.push({ direct: {} });
          break;
        case 'w:t':
          if (parent === 'w:r') inText++;
          break;
        case 'w:instrText': {
          const f = fields[fields.length - 1];
          if (f && !f.result) inInstr = true;
          break;
        }
        case 'w:tab':
        case 'w:ptab':
          if (parent === 'w:r') addText('\t');
          break;
        case 'w:br':
          if (parent === 'w:r') {
            const t = a.get('w:type');
            addBreak(t === 'page' ? '\f' : t === 'column' ? '\x0e' : '\v');
          }
          break;
        case 'w:cr':
          if (parent === 'w:r') addBreak('\v');
          break;
        case 'w:noBreakHyphen':
          if (parent === 'w:r') addText('-');
          break;
        case 'w:sym': {
          const code = parseInt(a.get('w:char') ?? '', 16);
          if (parent === 'w:r' && Number.isFinite(code) && code > 0 && code <= 0x10ffff) addText(String.fromCodePoint(code));
          break;
        }
        case 'w:fldChar': {
          const t = a.get('w:fldCharType');
          if (t === 'begin') fields.push({ instr: '', result: false });
          else if (t === 'separate') {
            const f = fields[fields.length - 1];
            if (f) markResult(f);
          } else if (t === 'end') closeField(fields.pop());
          break;
        }
        case 'w:fldSimple': {
          const f: Field = { instr: a.get('w:instr') ?? '', result: false };
          markResult(f);
          fields.push(f);
          break;
        }
        case 'w:pgNum':
          stats.hasPageField = true;
          break;
        case 'w:txbxContent':
          containers.push(base === 'body' ? 'textbox' : base);
          break;
        case 'v:textpath': {
          // WordArt (VML): the text is an attribute. 发文机关标志 is sometimes made this way.
          const s = a.get('string');
          if (s && !fieldHides()) {
            containers.push(base === 'body' ? 'textbox' : base);
            const outer = runs.slice();
            runs.length = 0;
            startPara();
            addText(s);
            finishPara();
            runs.push(...outer);
            containers.pop();
          }
          break;
        }
        case 'w:tbl':
          tables.push({ rowDeleted: false });
          break;
        case 'w:tblStyle':
          if (parent === 'w:tblPr') {
            const t = tables[tables.length - 1];
            const style = a.get('w:val');
            if (t && style) t.style = style;
          }
          break;
        case 'w:tr': {
          const t = tables[tables.length - 1];
          if (t) t.rowDeleted = false;
          break;
        }
        case 'w:tc': {
          const t = tables[tables.length - 1];
          if (t?.rowDeleted) {
            skip = 1;
            return;
          }
          break;
        }
        case 'w:sectPr':
          if (parent === 'w:body' || parent === 'w:pPr') {
            section = { page: {}, headers: [], footers: [], titlePg: false, paragraphs: 0 };
            sectionDepth = names.length;
          }
          break;
        default:
          break;
      }
      // Properties: direct children of pPr / rPr / sectPr (and numPr's children).
      if (section && names.length === sectionDepth + 1) readSect(section, name, a);
      else if (parent === 'w:pPr' || parent === 'w:numPr') {
        const p = para();
        if (p && (parent === 'w:pPr' ? names[names.length - 2] === 'w:p' : names[names.length - 3] === 'w:p') ) applyPPr(p.direct, name, a);
      } else if (parent === 'w:rPr' && names[names.length - 2] === 'w:r') {
        const r = run();
        if (r) applyRPr(r.direct, name, a);
      }
      names.push(name);
    },
    close(name) {
      if (skip > 0) {
        skip--;
        return;
      }
      names.pop();
      if (name !== 'w:pPr' && KIND.get(name) !== 2) return;
      switch (name) {
        case 'w:p':
          finishPara();
          break;
        case 'w:pPr': {
          const p = para();
          if (p && names[names.length - 1] === 'w:p') resolvePara(p);
          break;
        }
        case 'w:r':
          runs.pop();
          break;
        case 'w:t':
          if (inText) inText--;
          break;
        case 'w:instrText':
          inInstr = false;
          break;
        case 'w:fldSimple':
          closeField(fields.pop());
          break;
        case 'w:txbxContent':
          containers.pop();
          break;
        case 'w:tbl':
          tables.pop();
          break;
        case 'w:sectPr':
          if (section && names.length === sectionDepth) {
            section.paragraphs = sectionParas;
            sectionParas = 0;
            stats.sections.push(section);
            section = undefined;
            sectionDepth = -1;
          }
          break;
      }
    },
    text(t) {
      if (skip > 0) return;
      if (inText) addText(t);
      else if (inInstr) {
        const f = fields[fields.length - 1];
        if (f) f.instr += t;
      }
    },
  });
  if (pending) {
    // A deleted mark on the very last paragraph: nothing follows to join, so it stands alone.
    const p = pending;
    pending = undefined;
    p.markDeleted = false;
    paras.push(p);
    finishPara();
  }
  return stats;
}

function readSect(s: SectionInfo, name: string, a: AttrSource): void {
  const pg = s.page;
  switch (name) {
    case 'w:pgSz':
      set(pg, 'widthTwips', a.get('w:w'));
      set(pg, 'heightTwips', a.get('w:h'));
      {
        const orient = a.get('w:orient');
        if (orient) pg.orientation = orient;
      }
      break;
    case 'w:pgMar':
      set(pg, 'marginTopTwips', a.get('w:top'));
      set(pg, 'marginBottomTwips', a.get('w:bottom'));
      set(pg, 'marginLeftTwips', a.get('w:left') ?? a.get('w:start'));
      set(pg, 'marginRightTwips', a.get('w:right') ?? a.get('w:end'));
      set(pg, 'gutterTwips', a.get('w:gutter'));
      set(pg, 'headerTwips', a.get('w:header'));
      set(pg, 'footerTwips', a.get('w:footer'));
      break;
    case 'w:docGrid':
      {
        const type = a.get('w:type');
        if (type) pg.docGridType = type;
      }
      set(pg, 'docGridLinePitch', a.get('w:linePitch'));
      set(pg, 'docGridCharSpace', a.get('w:charSpace'));
      break;
    case 'w:headerReference':
    case 'w:footerReference': {
      const rid = a.get('r:id');
      if (rid) (name === 'w:headerReference' ? s.headers : s.footers).push({ type: a.get('w:type') ?? 'default', rid });
      break;
    }
    case 'w:titlePg':
      s.titlePg = onOff(a) ?? false;
      break;
  }
}

function set(pg: PageSetup, key: keyof PageSetup, v: string | undefined): void {
  const n = num(v);
  if (n !== undefined) (pg as Record<string, unknown>)[key] = n;
}
