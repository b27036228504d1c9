/**
 * A streaming XML scanner for the parts of an OOXML package.
 *
 * Why not saxes (which this replaced, and which the benchmark still uses as its floor): reading a draft is
 * mostly tokenising XML, and saxes, a validating parser that steps through every character in a state machine,
 * was the largest single cost of a lint (htmlparser2 was 0.8× its speed and sax-wasm 0.25× on the same parts).
 * This scanner jumps between delimiters with `indexOf` and checks what a reader of Word's XML depends on:
 * tags nest and match, one root, attribute syntax, the five predefined entities and character references, no
 * markup in attribute values, no text outside the root. A DOCTYPE is refused before anything in it is read,
 * so no entity is ever declared, let alone expanded. What it does not check (the full Name production,
 * duplicate attributes, the characters allowed in text) never changes what a reader of the document sees; a
 * differential test holds it to saxes's events on real documents and to saxes's refusals on broken ones.
 *
 * Input comes in chunks (inflated and decoded as the zip entry streams); an unfinished token at the end of a
 * chunk is carried into the next, and long text is passed on in pieces, so memory stays bounded by the chunk.
 */

export type Attrs = Record<string, string>;

/**
 * The attributes of the element being opened, read on demand: most elements of a Word body (rsids, drawing
 * geometry, properties gwlint does not use) have attributes nobody asks for, and making strings and objects of
 * them was most of what tokenising cost. Valid only inside the `open` call that receives it.
 */
export interface AttrSource {
  get(name: string): string | undefined;
  /** All attributes as a plain object (for a handler that keeps them). */
  toObject(): Attrs;
  /** The attributes as written (name="value" …), when the source text is at hand. */
  raw?(): string;
}

export interface ScanHandlers {
  open(name: string, attrs: AttrSource): void;
  close(name: string): void;
  text(value: string): void;
  /** Called for `<!DOCTYPE`; the default refuses it. */
  doctype?(): void;
}

export class XmlSyntaxError extends Error {}

/** Attributes of an element without any; frozen so that a handler that keeps it cannot change it for others. */
export const NO_ATTRS: Attrs = Object.freeze({}) as Attrs;

/**
 * The current tag's attributes as spans of the scanned text: [nameStart, nameEnd, valueStart, valueEnd, plain]
 * each. `plain` (1) says the scan saw neither white space other than a space nor '&' in the value, so the
 * value is its slice as it stands, without the normalisation pass (which tested every value read).
 */
class TagAttrs implements AttrSource {
  s = '';
  spans = new Int32Array(80);
  count = 0;

  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, plain: boolean): void {
    const at = this.count * 5;
    if (at + 5 > this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[at] = nameStart;
    this.spans[at + 1] = nameEnd;
    this.spans[at + 2] = valueStart;
    this.spans[at + 3] = valueEnd;
    this.spans[at + 4] = plain ? 1 : 0;
    this.count++;
  }

  private value(k: number): string {
    const v = this.s.slice(this.spans[k + 2], this.spans[k + 3]);
    return this.spans[k + 4] === 1 ? v : attrValue(v);
  }

  get(name: string): string | undefined {
    const { s, spans } = this;
    for (let k = 0, end = this.count * 5; k < end; k += 5) {
      if (spans[k + 1]! - spans[k]! === name.length && s.startsWith(name, spans[k]!)) return this.value(k);
    }
    return undefined;
  }

  raw(): string {
    return this.count === 0 ? '' : this.s.slice(this.spans[0], this.spans[this.count * 5 - 2]! + 1);
  }

  toObject(): Attrs {
    if (this.count === 0) return NO_ATTRS;
    const o: Attrs = {};
    const { s, spans } = this;
    for (let k = 0, end = this.count * 5; k < end; k += 5) o[s.slice(spans[k], spans[k + 1])] = this.value(k);
    return o;
  }
}

/**
 * Element names seen before, by a hash of their characters: a tag whose name is here is given the stored
 * string instead of a new slice. Parts use a few dozen names over and over, so most tags allocate no name,
 * and the stored names are internalised strings whose hash V8 keeps: the Map lookups and string switches of
 * every handler compare them by pointer instead of hashing or comparing a fresh copy each time.
 */
const NAME_SLOTS = 1024;
const names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS).fill(undefined);

/** `s` as V8's internalised (unique) string: a property key is internalised, and Object.keys returns it. */
function internalised(s: string): string {
  return Object.keys({ [s]: 0 })[0]!;
}

/** Text longer than this is passed on before its end is seen, so one huge text node cannot grow the carry. */
const TEXT_PIECE = 1 << 16;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const BANG = 33;
const QUESTION = 63;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** Ends a name: white space, '/', '>', '='. NaN (past the end) also ends it. */
function endsName(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === SLASH || c === GT || c === EQ || c !== c;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  let out = '';
  let from = 0;
  let amp = s.indexOf('&');
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > 12) throw new XmlSyntaxError(`无效的实体引用：${s.slice(amp, amp + 12)}`);
    const ref = s.slice(amp + 1, semi);
    let ch: string | undefined;
    if (ref.charCodeAt(0) === 35 /* # */) {
      const hex = ref.charCodeAt(1) === 120; /* x */
      const digits = ref.slice(hex ? 2 : 1);
      const code = hex ? parseInt(digits, 16) : parseInt(digits, 10);
      if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits) || !(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff)) throw new XmlSyntaxError(`无效的字符引用：&${ref};`);
      ch = String.fromCodePoint(code);
    } else {
      ch = PREDEFINED[ref];
      // Any other name would need a declaration, and declarations live only in a DOCTYPE, which is refused.
      if (ch === undefined) throw new XmlSyntaxError(`未声明的实体：&${ref};`);
    }
    out += s.slice(from, amp) + ch;
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from);
}

/** XML end-of-line handling (CR LF and lone CR become LF), then entities. */
function textValue(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') >= 0 ? decodeEntities(s) : s;
}

/** Attribute-value normalisation: literal white space becomes a space; character references keep theirs. */
function attrValue(s: string): string {
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.indexOf('&') >= 0 ? decodeEntities(s) : s;
}

export class XmlScanner {
  private carry = '';
  private readonly stack: string[] = [];
  private readonly attrs = new TagAttrs();
  private rootSeen = false;

  constructor(private readonly h: ScanHandlers) {}

  write(chunk: string): this {
    const s = this.carry ? this.carry + chunk : chunk;
    const used = this.scan(s, false);
    this.carry = used === s.length ? '' : s.slice(used);
    return this;
  }

  close(): void {
    const s = this.carry;
    this.carry = '';
    if (s) this.scan(s, true);
    if (this.stack.length) throw new XmlSyntaxError(`文档意外结束：元素 <${this.stack[this.stack.length - 1]}> 没有结束`);
    if (!this.rootSeen) throw new XmlSyntaxError('没有根元素');
  }

  private emitText(s: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      for (let k = from; k < to; k++) if (!isSpace(s.charCodeAt(k))) throw new XmlSyntaxError('根元素之外有文字');
      return;
    }
    this.h.text(textValue(s.slice(from, to)));
  }

  /** Handles the complete tokens of `s`; returns where the unfinished rest starts (s.length when none). */
  private scan(s: string, final: boolean): number {
    const h = this.h;
    const stack = this.stack;
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        if (final) {
          this.emitText(s, i, n);
          return n;
        }
        if (n - i < TEXT_PIECE) return i;
        // A long text: pass it on, keeping back an entity reference that may be cut at the end.
        const amp = s.lastIndexOf('&');
        const cut = amp >= i && s.indexOf(';', amp) < 0 ? amp : n;
        if (cut > i) this.emitText(s, i, cut);
        return cut;
      }
      if (lt > i) this.emitText(s, i, lt);
      i = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === SLASH) {
        const gt = s.indexOf('>', lt + 2);
        if (gt < 0) return this.unfinished(lt, final);
        let e = gt;
        while (e > lt + 2 && isSpace(s.charCodeAt(e - 1))) e--;
        const open = stack.pop();
        // The open element's name read in place: no slice for the (usual) matching end tag.
        if (open === undefined || open.length !== e - lt - 2 || !s.startsWith(open, lt + 2)) {
          const name = s.slice(lt + 2, e);
          if (open === undefined) throw new XmlSyntaxError(`多余的结束标记 </${name}>`);
          throw new XmlSyntaxError(`结束标记 </${name}> 与开始标记 <${open}> 不配对`);
        }
        h.close(open);
        i = gt + 1;
      } else if (c === QUESTION) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) return this.unfinished(lt, final);
        i = end + 2;
      } else if (c === BANG) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) return this.unfinished(lt, final);
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) return this.unfinished(lt, final);
          if (stack.length === 0) throw new XmlSyntaxError('根元素之外有 CDATA');
          if (end > lt + 9) h.text(s.slice(lt + 9, end));
          i = end + 3;
        } else if (s.startsWith('<!DOCTYPE', lt)) {
          if (h.doctype) h.doctype();
          throw new XmlSyntaxError('不接受 DOCTYPE');
        } else if (n - lt < 9 && !final && ('<![CDATA['.startsWith(s.slice(lt)) || '<!DOCTYPE'.startsWith(s.slice(lt)) || '<!--'.startsWith(s.slice(lt)))) {
          return lt;
        } else {
          throw new XmlSyntaxError(`无法识别的标记：${s.slice(lt, lt + 12)}`);
        }
      } else {
        const end = this.openTag(s, lt, final);
        if (end < 0) return lt;
        i = end;
      }
    }
    return n;
  }

  /** Where scanning stops for a token not complete yet (`at`), or the error if no more input is coming. */
  private unfinished(at: number, final: boolean): number {
    if (final) throw new XmlSyntaxError('文档意外结束（标记没有结束）');
    return at;
  }

  /** Reads `<name attr="v" …>` or `…/>` at `lt`; returns the index after it, or -1 when it is not complete yet. */
  private openTag(s: string, lt: number, final: boolean): number {
    const n = s.length;
    let j = lt + 1;
    let hash = 0;
    for (let c = s.charCodeAt(j); !endsName(c); c = s.charCodeAt(++j)) hash = (Math.imul(hash, 31) + c) | 0;
    if (j >= n) return this.unfinished(-1, final);
    if (j === lt + 1) throw new XmlSyntaxError(`无效的标记：${s.slice(lt, lt + 12)}`);
    const slot = (hash ^ (hash >>> 10)) & (NAME_SLOTS - 1);
    let name = names[slot];
    if (name === undefined || name.length !== j - lt - 1 || !s.startsWith(name, lt + 1)) names[slot] = name = internalised(s.slice(lt + 1, j));
    const attrs = this.attrs;
    attrs.s = s;
    attrs.count = 0;
    for (;;) {
      let c = s.charCodeAt(j);
      const spaced = isSpace(c);
      while (isSpace(c)) c = s.charCodeAt(++j);
      if (c === GT) {
        j++;
        break;
      }
      if (c === SLASH) {
        if (j + 1 >= n) return this.unfinished(-1, final);
        if (s.charCodeAt(j + 1) !== GT) throw new XmlSyntaxError(`<${name}> 中“/”后应为“>”`);
        this.opened(name);
        this.stack.pop();
        this.h.close(name);
        return j + 2;
      }
      if (j >= n) return this.unfinished(-1, final);
      if (!spaced) throw new XmlSyntaxError(`<${name}> 的属性之间缺少空格`);
      const a = j;
      while (!endsName(s.charCodeAt(j))) j++;
      if (j >= n) return this.unfinished(-1, final);
      if (j === a) throw new XmlSyntaxError(`<${name}> 中有无效字符`);
      const nameEnd = j;
      c = s.charCodeAt(j);
      while (isSpace(c)) c = s.charCodeAt(++j);
      if (j >= n) return this.unfinished(-1, final);
      if (c !== EQ) throw new XmlSyntaxError(`<${name}> 的属性 ${s.slice(a, nameEnd)} 没有值`);
      c = s.charCodeAt(++j);
      while (isSpace(c)) c = s.charCodeAt(++j);
      if (j >= n) return this.unfinished(-1, final);
      if (c !== QUOT && c !== APOS) throw new XmlSyntaxError(`<${name}> 的属性 ${s.slice(a, nameEnd)} 的值缺少引号`);
      // Checked here rather than when read, so that a broken value is an error whether or not anyone asks for it.
      let k = j + 1;
      let amp = false;
      let plain = true;
      for (; k < n; k++) {
        const v = s.charCodeAt(k);
        if (v === c) break;
        if (v === LT) throw new XmlSyntaxError(`<${name}> 的属性值中不能有“<”`);
        if (v === 38 /* & */) amp = true;
        // Tab, LF, CR (normalised to spaces when read); anything below a space takes the careful path.
        if (v < 32) plain = false;
      }
      if (k >= n) return this.unfinished(-1, final);
      if (amp) decodeEntities(s.slice(j + 1, k));
      attrs.add(a, nameEnd, j + 1, k, plain && !amp);
      j = k + 1;
    }
    this.opened(name);
    return j;
  }

  private opened(name: string): void {
    if (this.stack.length === 0) {
      if (this.rootSeen) throw new XmlSyntaxError(`根元素之后又有元素 <${name}>`);
      this.rootSeen = true;
    }
    this.stack.push(name);
    this.h.open(name, this.attrs);
  }
}
