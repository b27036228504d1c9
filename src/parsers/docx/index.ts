import { BlockBuilder } from '../../model/builder.js';
import { assembleDocument, type RawBlock } from '../../model/document.js';
import type { DocxHeaderFooter, DocxInfo, GwBlock, PageSetup, ReaderNotice, RunFormat } from '../../model/types.js';
import { InputError, type Parser } from '../types.js';
import { CUT, readStory, type ReadParagraph, type SectionInfo } from './body.js';
import { Numbering } from './numbering.js';
import { PartCache } from './part-cache.js';
import { Styles } from './styles.js';
import { attrsOf, child, onOff, parsePart, parseTree, type AttrSource, type XmlNode } from './xml.js';
import { DEFAULT_ZIP_LIMITS, ZipReader, type ByteSource, type ZipLimits } from './zip.js';

/**
 * The .docx reader: the package is read directly (fflate + scanner.ts), and the result is the same tree a Markdown
 * draft gives, so every text rule works on it unchanged while layout rules also see fonts, sizes, indents and
 * the page setup.
 *
 * The document's `source` is its plain-text view: one line per paragraph in reading order (body paragraphs,
 * table-cell paragraphs and text-box paragraphs alike, empty ones included), so a message's `line` is the
 * paragraph number and `block.data.paragraph` (0-based) is that line minus one. Generated text — list labels
 * such as "一、" — is part of a block's text but has no characters in the source (a zero-length segment). A
 * manual line break (Shift+Enter) is "\v" in the source, a page break "\f", as Word's own plain text has them,
 * and it ends a block, as a soft break does in Markdown.
 */

const WORD_NS_REL = /\/officeDocument$/;

// Parts of styles, theme and settings the reader never looks at, left out of their trees.
const STYLES_UNUSED = new Set(['w:latentStyles', 'w:tblStylePr']);
const THEME_UNUSED = new Set(['a:clrScheme', 'a:fmtScheme', 'a:objectDefaults', 'a:extraClrSchemeLst', 'a:extLst']);
const SETTINGS_UNUSED = new Set(['w:rsids', 'w:docVars', 'm:mathPr', 'w:compat', 'w:attachedSchema', 'w:captions']);

interface Rel {
  type: string;
  target: string;
  external: boolean;
}

export interface DocxReadOptions {
  limits?: Partial<ZipLimits>;
}

function joinPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

// Parts that repeat from file to file (templates): read once per distinct content. See part-cache.ts.
const relsCache = new PartCache<Map<string, Rel>>();
// One cache per kind of part, so that a document's four never push each other (or another template's) out.
const treeCaches = { settings: new PartCache<XmlNode>(), styles: new PartCache<XmlNode>(), theme: new PartCache<XmlNode>(), numbering: new PartCache<XmlNode>() };
const countCaches = { comments: new PartCache<number>(), footnotes: new PartCache<number>() };
const stylesCache: { styles?: XmlNode; theme?: XmlNode; lang?: string; value: Styles }[] = [];

/** Forgets every cached part (tests of the cache; a long-lived process that wants the memory back). */
export function clearPartCaches(): void {
  relsCache.clear();
  for (const c of Object.values(treeCaches)) c.clear();
  for (const c of Object.values(countCaches)) c.clear();
  stylesCache.length = 0;
}

function cachedTree(kind: keyof typeof treeCaches, zip: ZipReader, part: string, skip?: ReadonlySet<string>): XmlNode {
  return treeCaches[kind].get(zip, part, () => parseTree(zip, part, skip));
}

/** Styles hold only what follows from styles.xml, the theme and the language, so equal inputs share one. */
function stylesFor(styles: XmlNode | undefined, theme: XmlNode | undefined, lang: string | undefined): Styles {
  const hit = stylesCache.find((e) => e.styles === styles && e.theme === theme && e.lang === lang);
  if (hit) return hit.value;
  const value = new Styles(styles, theme, lang);
  stylesCache.unshift({ styles, theme, lang, value });
  if (stylesCache.length > 8) stylesCache.pop();
  return value;
}

function readRels(zip: ZipReader, part: string): Map<string, Rel> {
  const relsPath = `${dirOf(part) ? dirOf(part) + '/' : ''}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;
  if (!zip.has(relsPath)) return new Map();
  return relsCache.get(zip, relsPath, () => {
    const out = new Map<string, Rel>();
    const tree = parseTree(zip, relsPath);
    const root = tree.children.find((c) => c.name.endsWith('Relationships'));
    for (const r of root?.children ?? []) {
      const id = r.attrs['Id'];
      const target = r.attrs['Target'];
      if (!id || !target) continue;
      const external = r.attrs['TargetMode'] === 'External';
      out.set(id, { type: r.attrs['Type'] ?? '', target: external ? target : joinPath(dirOf(part), target), external });
    }
    return out;
  });
}

function relOfType(rels: Map<string, Rel>, suffix: string): string | undefined {
  for (const r of rels.values()) if (!r.external && r.type.endsWith(suffix)) return r.target;
  return undefined;
}

/** A clear reason for bytes that are not a zip, from what they start with. */
function notZipError(bytes: Uint8Array): InputError {
  if (bytes.length === 0) return new InputError('文件是空的', '确认保存了正确的文件');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    // An OLE compound file. Office puts an encrypted .docx in one (streams EncryptionInfo, EncryptedPackage);
    // legacy Word and WPS keep a WordDocument stream. Stream names are UTF-16LE in the directory sectors.
    const has = (name: string): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(Buffer.from(name, 'utf16le'));
    if (has('EncryptedPackage') || has('EncryptionInfo')) {
      return new InputError('文档设置了打开密码（已加密），无法读取', '在 Word/WPS 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空）后另存为 .docx 再检查');
    }
    if (has('WordDocument')) {
      return new InputError('这是旧版 Word/WPS 二进制文档（.doc/.wps），只是扩展名为 .docx', '用 Word、WPS 或 LibreOffice 另存为 .docx 后再检查（或加 --convert-legacy 由 LibreOffice 转换）');
    }
    return new InputError('这是 OLE 复合文件（旧版 Office 格式或加密文档），不是 .docx', '用 Word 或 WPS 打开后另存为 .docx 再检查');
  }
  const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1');
  if (head.startsWith('{\\rtf')) return new InputError('这是 RTF 文件，只是扩展名为 .docx', '用 Word 或 WPS 另存为 .docx 后再检查');
  if (head.startsWith('%PDF')) return new InputError('这是 PDF 文件，只是扩展名为 .docx', 'gwlint 不检查 PDF；请提供 .docx、.md 或 .txt 草稿');
  if (/^\s*(\uFEFF)?<\?xml[^>]*>\s*<\?mso-application[^>]*Word\.Document/.test(head) || head.includes('w:wordDocument')) {
    return new InputError('这是 Word 2003 XML 文档，只是扩展名为 .docx', '用 Word 另存为 .docx 后再检查');
  }
  if (/^\s*<(!doctype html|html)/i.test(head)) return new InputError('这是网页（HTML）文件，只是扩展名为 .docx', '用 Word 打开后另存为 .docx 再检查');
  return new InputError('不是有效的 .docx 文件（不是 zip 压缩包）', '确认文件类型；用 Word 或 WPS 打开后另存为 .docx 再检查');
}

function countElements(kind: keyof typeof countCaches, zip: ZipReader, part: string | undefined, name: string, keep: (a: AttrSource) => boolean = () => true): number {
  if (!part || !zip.has(part)) return 0;
  // One cache per kind: what is counted depends on the kind, not only on the part.
  return countCaches[kind].get(zip, part, () => {
    let n = 0;
    parsePart(zip, part, {
      open(el, a) {
        if (el === name && keep(a)) n++;
      },
      close() {},
      text() {},
    });
    return n;
  });
}

/** Largest up-front reservation of the plain-text view (64 M characters; a larger text grows past it). */
const RESERVE_MAX_CHARS = 64 * 1024 * 1024;

/**
 * The plain-text view, written as UTF-16 into a buffer outside the JS heap as the paragraphs come, and made
 * into one string at the end.
 *
 * Text from the XML parser is sliced out of its decoded input chunks, and a slice keeps its whole chunk alive,
 * so it has to be copied out as it comes. Copied into JS strings (and joined at the end) it sat in the V8 heap
 * twice over at the join, and once for good: the heap then grows in proportion (V8 lets the old generation
 * grow to a multiple of what survived the last full collection). Node makes a string of more than about a
 * million characters from a buffer as an external string, whose characters stay outside the heap: for a
 * 20 MB text-only .docx that keeps 39 MB out of the heap (tree heap 86 -> 47 MB) and readDocx's peak RSS
 * goes from about 250 to 225 MB.
 */
class SourceText {
  private buf: Buffer;
  /** Bytes written. */
  private used = 0;

  /**
   * `maxChars`: how long the text is expected to be at most (a part's text is shorter than its XML). Reserving
   * that much up front costs address space, not memory (pages never written are never backed), and saves
   * growing by copies: a copy left behind by growing stays until the next full garbage collection, which for a
   * 20 MB text-only draft was 32 MB at the very moment of the peak.
   */
  constructor(maxChars = 0) {
    const bytes = Math.min(maxChars, RESERVE_MAX_CHARS) * 2;
    this.buf = bytes <= SPARE_TEXT_BYTES ? (spareText.pop() ?? Buffer.allocUnsafeSlow(SPARE_TEXT_BYTES)) : Buffer.allocUnsafeSlow(bytes);
  }

  append(s: string): void {
    const need = this.used + s.length * 2;
    if (need > this.buf.length) {
      // Doubling: each character is copied a bounded number of times; the pages above `used` are never
      // touched, so they cost address space, not memory. (A spare outgrown is left to the collector.)
      const next = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2, SPARE_TEXT_BYTES));
      this.buf.copy(next, 0, 0, this.used);
      this.buf = next;
    }
    this.used += this.buf.write(s, this.used, 'utf16le');
  }

  /** The text; the buffer is done with after this (the string is a copy, heap or external, never a view). */
  toString(): string {
    const text = this.buf.toString('utf16le', 0, this.used);
    if (this.buf.length === SPARE_TEXT_BYTES && spareText.length < SPARE_TEXTS) spareText.push(this.buf);
    this.buf = EMPTY;
    this.used = 0;
    return text;
  }
}

/**
 * Buffers of finished texts kept for the next sinks. Allocating one outside the heap for every part of every
 * file (a body, each header and footer) cost more than writing the text into it; a short draft's text fits
 * one of these, so an archive's files take turns with two buffers (a body and the header read beside it).
 */
const SPARE_TEXT_BYTES = 128 * 1024;
const SPARE_TEXTS = 2;
const spareText: Buffer[] = [];
const EMPTY = Buffer.alloc(0);

/** A growable list of 32-bit integers: 4 bytes an entry outside the JS heap, where a JS array takes 8 in it. */
class IntList {
  private a = new Int32Array(1024);
  length = 0;

  push(v: number): void {
    if (this.length === this.a.length) {
      const next = new Int32Array(this.a.length * 2);
      next.set(this.a);
      this.a = next;
    }
    this.a[this.length++] = v;
  }

  at(i: number): number {
    return this.a[i]!;
  }

  get capacity(): number {
    return this.a.length;
  }
}

/**
 * What a LineSink keeps per paragraph (its line's length, its kind, where its items end in the item lists) and
 * per item (offset in its line, -1 for a cut; length; formatting).
 */
class Lists {
  readonly lengths = new IntList();
  readonly paraKinds = new IntList();
  readonly itemEnds = new IntList();
  readonly itemRel = new IntList();
  readonly itemLen = new IntList();
  readonly itemFormat = new IntList();

  /** Emptied for another sink, if small enough to be worth keeping (a huge document's lists are let go). */
  recycle(): void {
    if (spareLists.length >= SPARE_LISTS || this.itemRel.capacity > SPARE_LIST_MAX) return;
    for (const l of [this.lengths, this.paraKinds, this.itemEnds, this.itemRel, this.itemLen, this.itemFormat]) l.length = 0;
    spareLists.push(this);
  }
}

/**
 * Lists of sinks whose blocks have all been handed over, for the next sinks: six typed arrays (each its own
 * buffer outside the heap) made for every part of every file cost more than filling them did.
 */
const SPARE_LISTS = 2;
const SPARE_LIST_MAX = 1 << 16;
const spareLists: Lists[] = [];

/** Numbers for the few distinct values a document repeats (formats, paragraph kinds), by identity. */
class Table<T> {
  readonly values: T[] = [];
  private ids = new Map<T, number>();

  id(v: T): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }
}

interface ParaKind {
  type: ReadParagraph['type'];
  container: ReadParagraph['container'];
  format: ReadParagraph['format'];
}

/**
 * Collects a story's paragraphs; `finish` makes their lines, one per paragraph, into the source and hands the
 * blocks over one at a time, with text sliced from the source (a slice shares the source's memory, which
 * matters for a large document).
 *
 * What a paragraph needs to become its blocks later is kept as numbers in flat lists rather than the reader's
 * objects (a paragraph object, its item array and item objects come to some 300 bytes; this to about 25):
 * formats and paragraph kinds, which a document repeats, are numbered once. Each block is built only when the
 * assembler asks for it, so the builders of a 100,000-paragraph document are never all alive together, nor
 * beside all of the finished blocks.
 */
class LineSink {
  private text: SourceText;

  constructor(maxChars?: number) {
    this.text = new SourceText(maxChars);
  }

  private kinds: ParaKind[] = [];
  /**
   * ParaKind ids by format object (the reader shares one per distinct paragraph formatting), then type and
   * container, so equal kinds share one record without a key string per paragraph.
   */
  private kindIds = new Map<ReadParagraph['format'], number[]>();
  private runFormats = new Table<RunFormat | undefined>();
  private lists = spareLists.pop() ?? new Lists();
  /** Generated text by item number. */
  private itemText = new Map<number, string>();

  add = (p: ReadParagraph): void => {
    const { lengths, paraKinds, itemEnds, itemRel, itemLen, itemFormat } = this.lists;
    if (lengths.length) this.text.append('\n');
    this.text.append(p.line);
    lengths.push(p.line.length);
    paraKinds.push(this.kindOf(p));
    for (const item of p.items) {
      if (item === CUT) {
        itemRel.push(-1);
        itemLen.push(0);
        itemFormat.push(0);
      } else {
        if (!item.linear) this.itemText.set(itemRel.length, item.text ?? '');
        itemRel.push(item.rel);
        itemLen.push(item.len);
        itemFormat.push(this.runFormats.id(item.format));
      }
    }
    itemEnds.push(itemRel.length);
    p.line = '';
  };

  private kindOf(p: ReadParagraph): number {
    let ids = this.kindIds.get(p.format);
    if (!ids) this.kindIds.set(p.format, (ids = []));
    for (const id of ids) {
      const k = this.kinds[id]!;
      if (k.type === p.type && k.container === p.container) return id;
    }
    const id = this.kinds.length;
    this.kinds.push({ type: p.type, container: p.container, format: p.format });
    ids.push(id);
    return id;
  }

  finish(): { source: string; blocks: Iterable<RawBlock> } {
    const source = this.text.toString(); // lets the buffer go
    return { source, blocks: this.blocks(source) };
  }

  private *blocks(source: string): Generator<RawBlock> {
    const { lists, itemText, kinds } = this;
    const { lengths, paraKinds, itemEnds, itemRel, itemLen, itemFormat } = lists;
    const formats = this.runFormats.values;
    let lineStart = 0;
    let item = 0;
    // Once every block is handed over (or the reader of them stops), the lists go to the next sink.
    try {
      for (let paragraph = 0; paragraph < lengths.length; paragraph++) {
        const kind = kinds[paraKinds.at(paragraph)]!;
        const extra = { format: kind.format, paragraph, container: kind.container };
        let b = new BlockBuilder();
        for (const end = itemEnds.at(paragraph); item < end; item++) {
          const rel = itemRel.at(item);
          if (rel < 0) {
            yield { builder: b, type: kind.type, extra };
            b = new BlockBuilder();
            continue;
          }
          const text = itemText.get(item);
          const format = formats[itemFormat.at(item)];
          if (text === undefined) {
            const at = lineStart + rel;
            b.addLinear(source.slice(at, at + itemLen.at(item)), at, format);
          } else b.addMapped(text, lineStart + rel, 0, format);
        }
        yield { builder: b, type: kind.type, extra };
        lineStart += lengths.at(paragraph) + 1;
      }
    } finally {
      lists.recycle();
    }
  }
}

/**
 * Reads a .docx from its bytes, or from a ByteSource (an open file read piece by piece: Linter.lintFile uses
 * one, so that a large file is never held whole).
 */
export function readDocx(input: Uint8Array | ByteSource, filePath: string, options: DocxReadOptions = {}): ReturnType<typeof assembleDocument> {
  const head = input instanceof Uint8Array ? input : input.read(0, 4);
  const isZip = head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7);
  // Not a zip: the whole file (already bounded by the caller) says what it is instead.
  if (!isZip) throw notZipError(input instanceof Uint8Array ? input : input.read(0, input.length));
  const zip = new ZipReader(input, { ...DEFAULT_ZIP_LIMITS, ...options.limits });

  // The main part is named by the package relationships; conventional name as a fallback.
  const pkgRels = readRels(zip, '');
  let main: string | undefined;
  for (const r of pkgRels.values()) if (WORD_NS_REL.test(r.type) && !r.external) main = r.target;
  if (!main || !zip.has(main)) main = zip.has('word/document.xml') ? 'word/document.xml' : undefined;
  if (!main) {
    if (zip.has('xl/workbook.xml')) throw new InputError('这是 Excel 表格（.xlsx），不是 Word 文档', '请提供 .docx 草稿');
    if (zip.has('ppt/presentation.xml')) throw new InputError('这是 PowerPoint 演示文稿（.pptx），不是 Word 文档', '请提供 .docx 草稿');
    if (zip.has('mimetype') && zip.has('content.xml')) throw new InputError('这是 OpenDocument 文档（.odt 等），不是 .docx', '用 WPS、Word 或 LibreOffice 另存为 .docx 后再检查');
    throw new InputError('zip 压缩包里没有 Word 正文（缺少 word/document.xml），不是 .docx 文件', '确认文件类型；用 Word 或 WPS 打开后另存为 .docx 再检查');
  }
  const rels = readRels(zip, main);
  const partOf = (suffix: string, fallback: string): string | undefined => {
    const p = relOfType(rels, suffix) ?? joinPath(dirOf(main!), fallback);
    return zip.has(p) ? p : undefined;
  };
  const stylesPart = partOf('/styles', 'styles.xml');
  const numberingPart = partOf('/numbering', 'numbering.xml');
  const themePart = partOf('/theme', 'theme/theme1.xml');
  const settingsPart = partOf('/settings', 'settings.xml');
  const footnotesPart = partOf('/footnotes', 'footnotes.xml');
  const commentsPart = partOf('/comments', 'comments.xml');

  const settings: XmlNode | undefined = settingsPart ? cachedTree('settings', zip, settingsPart, SETTINGS_UNUSED) : undefined;
  const settingsRoot = child(settings, 'w:settings');
  const evenAndOddHeaders = onOff(attrsOf(child(settingsRoot, 'w:evenAndOddHeaders'))) ?? false;
  const themeLang = child(settingsRoot, 'w:themeFontLang')?.attrs['w:eastAsia'];

  const styles = stylesFor(stylesPart ? cachedTree('styles', zip, stylesPart, STYLES_UNUSED) : undefined, themePart ? cachedTree('theme', zip, themePart, THEME_UNUSED) : undefined, themeLang);
  // Numbering keeps the counters of this document's lists: a new one each time, from the shared tree.
  const numbering = numberingPart ? new Numbering(cachedTree('numbering', zip, numberingPart)) : undefined;

  // Reserved for the body's text: half of document.xml's uncompressed size as the zip directory gives it. Word
  // markup is well over half of any body (text past the reservation still fits: the buffer then grows).
  const body = new LineSink(Math.ceil((zip.entries.get(main)?.size ?? 0) / 2));
  const stats = readStory(zip, main, 'body', styles, numbering, body.add);

  // Headers and footers of every section, once each.
  const headers: DocxHeaderFooter[] = [];
  const footers: DocxHeaderFooter[] = [];
  const seen = new Set<string>();
  let trackedChanges = stats.trackedChanges;
  let hiddenChars = stats.hiddenChars;
  for (const s of stats.sections) {
    for (const [kind, list, out] of [
      ['header', s.headers, headers],
      ['footer', s.footers, footers],
    ] as const) {
      for (const ref of list) {
        const target = rels.get(ref.rid)?.target;
        if (!target || !zip.has(target)) continue;
        const key = `${kind}|${ref.type}|${target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const sink = new LineSink();
        const st = readStory(zip, target, kind, styles, numbering, sink.add, ref.type === 'even' ? 2 : 1);
        trackedChanges += st.trackedChanges;
        hiddenChars += st.hiddenChars;
        const part = assembleDocument({ kind: 'docx', filePath, ...sink.finish() });
        const type = ref.type === 'even' || ref.type === 'first' ? ref.type : 'default';
        out.push({ kind, type, blocks: part.children as GwBlock[], hasPageField: st.hasPageField });
      }
    }
  }

  const docx: DocxInfo = {
    headers,
    footers,
    evenAndOddHeaders,
    trackedChanges,
    comments: countElements('comments', zip, commentsPart, 'w:comment'),
    footnotes: countElements('footnotes', zip, footnotesPart, 'w:footnote', (a) => {
      const type = a.get('w:type');
      return !type || type === 'normal';
    }),
    hiddenChars,
    ...(Object.keys(styles.themeFonts).length ? { themeFonts: styles.themeFonts } : {}),
  };

  const notices: ReaderNotice[] = [];
  if (trackedChanges > 0) {
    notices.push({
      id: 'tracked-changes',
      severity: 'warning',
      message: `文档中还有 ${trackedChanges} 处修订未处理；检查按“接受所有修订”后的文字进行。定稿前请在 Word/WPS 中接受或拒绝修订`,
      line: 1,
      column: 1,
    });
  }

  // The page setup of the section that holds most of the body (a 公文 may add a landscape section for a table).
  let mainSection: SectionInfo | undefined;
  for (const s of stats.sections) if (!mainSection || s.paragraphs > mainSection.paragraphs) mainSection = s;
  const page: PageSetup | undefined = mainSection && Object.keys(mainSection.page).length ? mainSection.page : undefined;
  if (page) page.normalSizeHalfPoints = styles.paragraphStyle(undefined, undefined).r.sz ?? 20;

  return assembleDocument({
    kind: 'docx',
    filePath,
    ...body.finish(),
    notices,
    docx,
    ...(page ? { page } : {}),
  });
}

export const docxParser: Parser = {
  kind: 'docx',
  extensions: ['.docx', '.docm', '.dotx', '.dotm'],
  binary: true,
  readsSource: true,
  parse(input) {
    const doc = readDocx(input.source ?? input.bytes ?? new Uint8Array(), input.filePath);
    if (input.declared && Object.keys(input.declared).length) doc.data.declared = { ...input.declared };
    return doc;
  },
};
