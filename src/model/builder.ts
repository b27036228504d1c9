import { BlockDataNode, BlockNode, TextNode, type DataInit } from './nodes.js';
import type { BlockType, GwBlock, GwText, RunFormat, Segment } from './types.js';

export type BlockExtra = DataInit;

/** The white space `trim` drops: what `/[\s\u3000]/` matches. */
const SPACE = /[\s\u3000]/;
function isSpace(code: number): boolean {
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) return true;
  if (code < 0x80) return false;
  return SPACE.test(String.fromCharCode(code));
}

/**
 * Collects the text of one block from the pieces a reader finds (Markdown text nodes, docx runs …), keeping
 * for each piece where it came from. Readers use it so that every block has the same exact mapping back to
 * the source.
 *
 * The pieces are kept apart until `build`: when they are contiguous text of the source (a docx paragraph
 * split into runs, a plain-text line), the block's text is then a slice of the source, which shares its
 * memory, rather than a concatenated copy.
 */
export class BlockBuilder {
  private pieces: string[] = [];
  private segments: Segment[] = [];
  /** Parallel to `segments`: the formatting of each piece. */
  private formats: (RunFormat | undefined)[] = [];
  private textLength = 0;

  /** Text copied 1:1 from the source starting at `sourceStart`. */
  addLinear(value: string, sourceStart: number, format?: RunFormat): void {
    if (!value) return;
    this.push(value, sourceStart, value.length, true, format);
  }

  /** Text that stands for a source span of another length (an entity, a generated list number, a tab). */
  addMapped(value: string, sourceStart: number, sourceLength: number, format?: RunFormat): void {
    if (!value) return;
    this.push(value, sourceStart, sourceLength, false, format);
  }

  get length(): number {
    return this.textLength;
  }

  get value(): string {
    return this.pieces.join('');
  }

  private push(value: string, sourceStart: number, sourceLength: number, linear: boolean, format?: RunFormat): void {
    this.segments.push({ textStart: this.textLength, length: value.length, sourceStart, linear, sourceLength });
    this.pieces.push(value);
    this.formats.push(format);
    this.textLength += value.length;
  }

  /** The character at a text offset, found through the pieces (the text is not joined yet). */
  private codeAt(offset: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.textStart <= offset) lo = mid;
      else hi = mid - 1;
    }
    return this.pieces[lo]!.charCodeAt(offset - segs[lo]!.textStart);
  }

  /** Drops leading and trailing white space (as a reader sees the paragraph), keeping the map right. */
  trim(): void {
    const n = this.textLength;
    let lead = 0;
    while (lead < n && isSpace(this.codeAt(lead))) lead++;
    let newEnd = n;
    while (newEnd > lead && isSpace(this.codeAt(newEnd - 1))) newEnd--;
    if (lead === 0 && newEnd === n) return;
    if (newEnd <= lead) {
      this.pieces = [];
      this.segments = [];
      this.formats = [];
      this.textLength = 0;
      return;
    }
    const pieces: string[] = [];
    const segs: Segment[] = [];
    const formats: (RunFormat | undefined)[] = [];
    this.segments.forEach((s, i) => {
      const a = Math.max(s.textStart, lead);
      const b = Math.min(s.textStart + s.length, newEnd);
      if (b <= a) return;
      formats.push(this.formats[i]);
      const cutFront = a - s.textStart;
      pieces.push(this.pieces[i]!.slice(cutFront, b - s.textStart));
      segs.push({
        textStart: a - lead,
        length: b - a,
        sourceStart: s.linear ? s.sourceStart + cutFront : s.sourceStart,
        linear: s.linear,
        sourceLength: s.linear ? b - a : s.sourceLength,
      });
    });
    this.pieces = pieces;
    this.segments = segs;
    this.formats = formats;
    this.textLength = newEnd - lead;
  }

  /**
   * The block: one run per piece, positions read from `lineStarts` when asked for. `source` is the text the
   * pieces' offsets point into.
   */
  build(type: BlockType, index: number, extra: BlockExtra | undefined, source: string, lineStarts: readonly number[]): GwBlock {
    const segs = this.segments;
    const n = segs.length;
    const text = this.joinedText(source);
    const run = (i: number, value: string): TextNode => {
      const s = segs[i]!;
      return new TextNode(value, this.formats[i], s.sourceStart, s.sourceLength, s.linear, lineStarts);
    };
    // Exact-size arrays: one filled by push keeps spare room (17 slots after the first push).
    let children: GwText[];
    if (n === 1) children = [run(0, text)];
    else {
      children = new Array<GwText>(n);
      for (let i = 0; i < n; i++) children[i] = run(i, this.pieces[i]!);
    }
    const block = new BlockNode(type, children, lineStarts);
    block.data = new BlockDataNode(block, index, text, extra);
    return block;
  }

  /**
   * A slice of the source when every piece is linear and each starts where the one before ended (linear
   * text is the source's own characters); otherwise the pieces joined (a flat string, not a rope).
   */
  private joinedText(source: string): string {
    const segs = this.segments;
    if (segs.length === 0) return '';
    if (segs.length === 1) return this.pieces[0]!;
    let at = segs[0]!.sourceStart;
    for (const s of segs) {
      if (!s.linear || s.sourceStart !== at) return this.pieces.join('');
      at += s.sourceLength;
    }
    return source.slice(segs[0]!.sourceStart, at);
  }
}
