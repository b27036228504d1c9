import { InputError } from '../types.js';
import { NO_ATTRS, XmlScanner, XmlSyntaxError, type AttrSource, type Attrs } from './scanner.js';
import type { ZipReader } from './zip.js';

/**
 * Streaming XML over a zip entry: inflated chunks are decoded and fed to the scanner as they come, so a large
 * document.xml is never held whole in memory.
 *
 * Safety: a part with a DOCTYPE is refused outright. OOXML never uses one, and a DOCTYPE is the only place
 * entities can be declared, so refusing it means no entity is ever expanded (the scanner knows only the five
 * predefined ones and rejects any other reference).
 *
 * Names: handlers see canonical prefixes (w:, r:, mc:, a:, m:, v:, wp:, wps:, w14:) whatever prefix the
 * producer chose — a few generators (and Strict OOXML) bind other prefixes or URIs to the same vocabularies.
 */

export type { AttrSource, Attrs };

export interface XmlHandlers {
  /** `attrs` is valid only during the call (call `toObject()` to keep them). */
  open(name: string, attrs: AttrSource): void;
  close(name: string): void;
  text(value: string): void;
}

const CANONICAL: Record<string, string> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape': 'wps',
  'http://schemas.microsoft.com/office/word/2010/wordml': 'w14',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'pr',
  'http://schemas.openxmlformats.org/package/2006/content-types': 'ct',
};

/** Bytes decoded at a time (at most 16 K characters, 32 KB as a two-byte string). */
const DECODE_PIECE = 16 * 1024;

export const BAD_XML_HINT = '用 Word 或 WPS 打开后另存为 .docx 再检查';

/** A plain object as an AttrSource (attributes renamed to canonical prefixes, parsed trees). */
export class RecordAttrs implements AttrSource {
  constructor(private readonly o: Attrs) {}
  get(name: string): string | undefined {
    return this.o[name];
  }
  toObject(): Attrs {
    return this.o;
  }
}

/** [prefix ('' for the default namespace), canonical prefix] for each known vocabulary an element declares. */
function declarations(o: Attrs): [string, string][] {
  const out: [string, string][] = [];
  for (const k in o) {
    if (k.charCodeAt(0) !== 120 /* x */ || !(k === 'xmlns' || k.startsWith('xmlns:'))) continue;
    const canon = CANONICAL[o[k]!];
    if (canon) out.push([k === 'xmlns' ? '' : k.slice(6), canon]);
  }
  return out;
}
const declaredSeen = new Map<string, [string, string][]>();

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return spareUtf8.pop() ?? new TextDecoder('utf-8');
}

/**
 * UTF-8 decoders of parts read to the end, for the next parts: making a TextDecoder opens a converter, which
 * cost as much as decoding a short part. One is handed back only after its final (flushing) call, which leaves
 * it as new; a part that fails midway keeps its decoder, so no stream state can carry into another part.
 */
const spareUtf8: TextDecoder[] = [];

export function parsePart(zip: ZipReader, part: string, h: XmlHandlers): void {
  // prefix → canonical prefix, only for prefixes that differ from the canonical one.
  const rename = new Map<string, string>();
  let defaultCanonical: string | undefined;
  let renaming = false;

  const fix = (name: string): string => {
    const colon = name.indexOf(':');
    if (colon < 0) return defaultCanonical ? `${defaultCanonical}:${name}` : name;
    const to = rename.get(name.slice(0, colon));
    return to ? to + name.slice(colon) : name;
  };

  const scan = (attrs: AttrSource): void => {
    // The same root start tag opens part after part, file after file: its declarations are read once.
    const raw = attrs.raw?.();
    const cacheable = raw !== undefined && raw.length <= 8192;
    let found = cacheable ? declaredSeen.get(raw) : undefined;
    if (!found) {
      found = declarations(attrs.toObject());
      if (cacheable) {
        if (declaredSeen.size >= 256) declaredSeen.clear();
        declaredSeen.set(raw, found);
      }
    }
    for (const [prefix, canon] of found) {
      if (prefix === '') defaultCanonical = canon;
      else if (prefix !== canon) rename.set(prefix, canon);
      else continue;
      renaming = true;
    }
  };

  // Namespace declarations sit on the root in practice; elsewhere they are looked for only on an element
  // whose prefix is not known yet (scanning every element's attributes costs ~5% of a large document).
  const known = new Set(Object.values(CANONICAL));
  const seenNames = new Set<string>();
  let root = true;
  const parser = new XmlScanner({
    open(name, attrs) {
      if (!seenNames.has(name)) {
        seenNames.add(name);
        const colon = name.indexOf(':');
        if (root || (colon > 0 ? !known.has(name.slice(0, colon)) : !defaultCanonical)) {
          root = false;
          scan(attrs);
          if (colon > 0) known.add(name.slice(0, colon));
        }
      }
      if (!renaming) {
        h.open(name, attrs);
        return;
      }
      const o = attrs.toObject();
      let fixed: Attrs = NO_ATTRS;
      for (const k in o) {
        const c = k.indexOf(':');
        const to = c > 0 ? rename.get(k.slice(0, c)) : undefined;
        if (fixed === NO_ATTRS) fixed = {};
        fixed[to ? to + k.slice(c) : k] = o[k]!;
      }
      h.open(fix(name), new RecordAttrs(fixed));
    },
    close(name) {
      h.close(renaming ? fix(name) : name);
    },
    text(t) {
      h.text(t);
    },
    doctype() {
      throw new InputError(`部件 ${part} 含有 DOCTYPE/实体声明，出于安全原因拒绝读取（正常的 Word 文档没有）`, BAD_XML_HINT);
    },
  });

  let decoder: TextDecoder | undefined;
  try {
    zip.stream(part, (chunk) => {
      decoder ??= decoderFor(chunk);
      // Decoded in pieces small enough to be young-generation strings: a larger one (Chinese text makes
      // two-byte strings) goes straight to the old generation, and a large part left hundreds of megabytes of
      // such garbage there for the next full collection, growing the heap.
      for (let i = 0; i < chunk.length; ) {
        // Cut just after a '>' where there is one, so the scanner seldom has an unfinished tag to carry over
        // (carrying means joining it to the next piece, a copy of that piece).
        let end = Math.min(chunk.length, i + DECODE_PIECE);
        if (end < chunk.length) {
          const gt = chunk.lastIndexOf(0x3e, end - 1);
          if (gt > i) end = gt + 1;
        }
        const s = decoder.decode(chunk.subarray(i, end), { stream: true });
        if (s) parser.write(s);
        i = end;
      }
    });
    if (decoder) {
      const rest = decoder.decode();
      if (decoder.encoding === 'utf-8' && spareUtf8.length < 4) spareUtf8.push(decoder);
      if (rest) parser.write(rest);
    }
    parser.close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (!(e instanceof XmlSyntaxError)) throw e;
    throw new InputError(`部件 ${part} 的 XML 格式错误（${e.message.slice(0, 120)}）`, BAD_XML_HINT);
  }
}

/** Small parts (rels, settings, theme): parsed into a light element tree for convenient lookups. */
export interface XmlNode {
  name: string;
  attrs: Attrs;
  children: XmlNode[];
  text: string;
}

/** `skip`: elements whose subtrees are not kept (w:latentStyles alone is ~370 elements in every styles.xml). */
export function parseTree(zip: ZipReader, part: string, skip?: ReadonlySet<string>): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let skipping = 0;
  parsePart(zip, part, {
    open(name, attrs) {
      if (skipping || skip?.has(name)) {
        skipping++;
        return;
      }
      const n: XmlNode = { name, attrs: attrs.toObject(), children: [], text: '' };
      stack[stack.length - 1]!.children.push(n);
      stack.push(n);
    },
    close() {
      if (skipping) skipping--;
      else stack.pop();
    },
    text(v) {
      if (!skipping) stack[stack.length - 1]!.text += v;
    },
  });
  return root;
}

/** A parsed element's attributes as an AttrSource (for the helpers that streamed elements use too). */
export function attrsOf(n: XmlNode | undefined): AttrSource | undefined {
  return n && new RecordAttrs(n.attrs);
}

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name);
}

export function children(n: XmlNode | undefined, name: string): XmlNode[] {
  return n ? n.children.filter((c) => c.name === name) : [];
}

/** OOXML on/off values: absent val means on; "0", "false", "off" mean off. */
export function onOff(attrs: AttrSource | undefined): boolean | undefined {
  if (!attrs) return undefined;
  const v = attrs.get('w:val');
  if (v === undefined) return true;
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

export function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
