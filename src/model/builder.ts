import type { BlockType, GwBlock, ParagraphFormat, RunFormat, Segment } from './types.js';

/**
 * Collects the text of one block from the pieces a reader finds (Markdown text nodes, docx runs …), keeping
 * for each piece where it came from. Readers use it so that every block has the same exact mapping back to
 * the source.
 */
export class BlockBuilder {
  private text = '';
  private segments: Segment[] = [];
  /** Parallel to `segments`: the formatting of each piece. */
  private formats: (RunFormat | undefined)[] = [];

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
    return this.text.length;
  }

  get value(): string {
    return this.text;
  }

  private push(value: string, sourceStart: number, sourceLength: number, linear: boolean, format?: RunFormat): void {
    this.segments.push({ textStart: this.text.length, length: value.length, sourceStart, linear, sourceLength });
    this.text += value;
    this.formats.push(format);
  }

  /** Drops leading and trailing white space (as a reader sees the paragraph), keeping the map right. */
  trim(): void {
    const lead = this.text.length - this.text.replace(/^[\s\u3000]+/, '').length;
    const trail = this.text.length - this.text.replace(/[\s\u3000]+$/, '').length;
    if (lead === 0 && trail === 0) return;
    const newEnd = this.text.length - trail;
    if (newEnd <= lead) {
      this.text = '';
      this.segments = [];
      this.formats = [];
      return;
    }
    const segs: Segment[] = [];
    const formats: (RunFormat | undefined)[] = [];
    this.segments.forEach((s, i) => {
      const a = Math.max(s.textStart, lead);
      const b = Math.min(s.textStart + s.length, newEnd);
      if (b <= a) return;
      formats.push(this.formats[i]);
      const cutFront = a - s.textStart;
      segs.push({
        textStart: a - lead,
        length: b - a,
        sourceStart: s.linear ? s.sourceStart + cutFront : s.sourceStart,
        linear: s.linear,
        sourceLength: s.linear ? b - a : s.sourceLength,
      });
    });
    this.segments = segs;
    this.formats = formats;
    this.text = this.text.slice(lead, newEnd);
  }

  build(
    type: BlockType,
    index: number,
    extra: { format?: ParagraphFormat; paragraph?: number; container?: GwBlock['data']['container']; markdownDepth?: number; runFormats?: boolean } = {},
  ): Omit<GwBlock, 'position'> & { sourceStart: number; sourceEnd: number } {
    const first = this.segments[0];
    const last = this.segments[this.segments.length - 1];
    const sourceStart = first ? first.sourceStart : 0;
    const sourceEnd = last ? last.sourceStart + last.sourceLength : sourceStart;
    return {
      type,
      children: this.segments.map((s, i) => {
        const format = this.formats[i];
        return { type: 'text' as const, value: this.text.slice(s.textStart, s.textStart + s.length), ...(format ? { format } : {}) };
      }),
      data: {
        index,
        text: this.text,
        norm: this.text,
        segments: this.segments,
        ...(extra.format ? { format: extra.format } : {}),
        ...(extra.paragraph !== undefined ? { paragraph: extra.paragraph } : {}),
        ...(extra.container ? { container: extra.container } : {}),
        ...(extra.markdownDepth !== undefined ? { markdownDepth: extra.markdownDepth } : {}),
      },
      sourceStart,
      sourceEnd,
    };
  }
}
