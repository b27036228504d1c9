import { SaxesParser } from 'saxes';
import { InputError } from '../types.js';
import type { ZipReader } from './zip.js';

/**
 * Streaming XML over a zip entry: inflated chunks are decoded and fed to saxes as they come, so a large
 * document.xml is never held whole in memory.
 *
 * Safety: a part with a DOCTYPE is refused outright. OOXML never uses one, and a DOCTYPE is the only place
 * entities can be declared, so refusing it means no entity is ever expanded (saxes itself knows only the five
 * predefined ones and rejects any other reference).
 *
 * Names: handlers see canonical prefixes (w:, r:, mc:, a:, m:, v:, wp:, wps:, w14:) whatever prefix the
 * producer chose — a few generators (and Strict OOXML) bind other prefixes or URIs to the same vocabularies.
 */

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attrs: Attrs): void;
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

export const BAD_XML_HINT = '用 Word 或 WPS 打开后另存为 .docx 再检查';

function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

export function parsePart(zip: ZipReader, part: string, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
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

  parser.on('doctype', () => {
    throw new InputError(`部件 ${part} 含有 DOCTYPE/实体声明，出于安全原因拒绝读取（正常的 Word 文档没有）`, BAD_XML_HINT);
  });
  // Namespace declarations sit on the root in practice; elsewhere they are looked for only on an element
  // whose prefix is not known yet (scanning every element's attributes costs ~5% of a large document).
  const known = new Set(Object.values(CANONICAL));
  const seenNames = new Set<string>();
  let root = true;
  parser.on('opentag', (tag) => {
    const attrs = tag.attributes as Attrs;
    if (!seenNames.has(tag.name)) {
      seenNames.add(tag.name);
      const colon = tag.name.indexOf(':');
      if (root || (colon > 0 ? !known.has(tag.name.slice(0, colon)) : !defaultCanonical)) {
        root = false;
        scan(attrs);
        if (colon > 0) known.add(tag.name.slice(0, colon));
      }
    }
    if (!renaming) {
      h.open(tag.name, attrs);
      return;
    }
    const fixed: Attrs = {};
    for (const k in attrs) {
      const c = k.indexOf(':');
      const to = c > 0 ? rename.get(k.slice(0, c)) : undefined;
      fixed[to ? to + k.slice(c) : k] = attrs[k]!;
    }
    h.open(fix(tag.name), fixed);
  });
  const scan = (attrs: Attrs): void => {
    for (const k in attrs) {
      if (k.charCodeAt(0) === 120 /* x */ && (k === 'xmlns' || k.startsWith('xmlns:'))) {
        const canon = CANONICAL[attrs[k]!];
        if (!canon) continue;
        if (k === 'xmlns') {
          defaultCanonical = canon;
          renaming = true;
        } else {
          const prefix = k.slice(6);
          if (prefix !== canon) {
            rename.set(prefix, canon);
            renaming = true;
          }
        }
      }
    }
  };
  parser.on('closetag', (tag) => h.close(renaming ? fix(tag.name) : tag.name));
  parser.on('text', (t) => h.text(t));
  parser.on('cdata', (t) => h.text(t));

  let decoder: TextDecoder | undefined;
  try {
    zip.stream(part, (chunk) => {
      decoder ??= decoderFor(chunk);
      const s = decoder.decode(chunk, { stream: true });
      if (s) parser.write(s);
    });
    if (decoder) {
      const rest = decoder.decode();
      if (rest) parser.write(rest);
    }
    parser.close();
  } catch (e) {
    if (e instanceof InputError) throw e;
    const msg = (e as Error)?.message ?? String(e);
    throw new InputError(`部件 ${part} 的 XML 格式错误（${msg.split('\n')[0]!.slice(0, 120)}）`, BAD_XML_HINT);
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
      const n: XmlNode = { name, attrs, children: [], text: '' };
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

export function child(n: XmlNode | undefined, name: string): XmlNode | undefined {
  return n?.children.find((c) => c.name === name);
}

export function children(n: XmlNode | undefined, name: string): XmlNode[] {
  return n ? n.children.filter((c) => c.name === name) : [];
}

/** OOXML on/off values: absent val means on; "0", "false", "off" mean off. */
export function onOff(attrs: Attrs | undefined): boolean | undefined {
  if (!attrs) return undefined;
  const v = attrs['w:val'];
  if (v === undefined) return true;
  return !(v === '0' || v === 'false' || v === 'off' || v === 'none');
}

export function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}
