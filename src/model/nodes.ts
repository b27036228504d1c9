import { offsetToPoint } from './positions.js';
import type { BlockData, BlockType, GwBlock, GwText, Position, RunFormat, Segment } from './types.js';

/**
 * The tree's blocks and text runs as classes, for two reasons that matter on large documents (a 20 MB .docx
 * has over 100,000 blocks):
 *
 * - every node of a kind has the same fields in the same order, so V8 gives them one hidden class (object
 *   literals assembled with rest/spread got a hidden class, and its descriptors, of their own per block);
 * - `position` is computed from the source offsets when it is read, instead of holding three objects (the
 *   position and its two points) per node that few findings ever look at.
 *
 * `type`, `children`, `value` and `data` stay own properties (unist); `position` is an accessor on the
 * prototype, so `toJSON` puts it back for anything that serialises a tree. Assigning a position stores it on
 * the node, as with a plain object.
 */

function positionOf(lineStarts: readonly number[], start: number, end: number): Position {
  return { start: offsetToPoint(lineStarts, start), end: offsetToPoint(lineStarts, end) };
}

function pin(node: object, position: Position): void {
  Object.defineProperty(node, 'position', { value: position, writable: true, enumerable: true, configurable: true });
}

export class TextNode implements GwText {
  readonly type = 'text' as const;
  value: string;
  format: RunFormat | undefined;
  /** The segment this run came from: its source span is the run's position. */
  readonly #segment: Segment;
  readonly #lineStarts: readonly number[];

  constructor(value: string, format: RunFormat | undefined, segment: Segment, lineStarts: readonly number[]) {
    this.value = value;
    this.format = format;
    this.#segment = segment;
    this.#lineStarts = lineStarts;
  }

  get position(): Position {
    const s = this.#segment;
    return positionOf(this.#lineStarts, s.sourceStart, s.sourceStart + s.sourceLength);
  }

  set position(p: Position) {
    pin(this, p);
  }

  toJSON(): GwText {
    const out: GwText = { type: 'text', value: this.value, position: this.position };
    if (this.format) out.format = this.format;
    return out;
  }
}

export class BlockNode implements GwBlock {
  type: BlockType;
  children: GwText[];
  data: BlockData;
  readonly #lineStarts: readonly number[];

  constructor(type: BlockType, children: GwText[], data: BlockData, lineStarts: readonly number[]) {
    this.type = type;
    this.children = children;
    this.data = data;
    this.#lineStarts = lineStarts;
  }

  /** From the first segment's start to the last one's end (the builder never leaves a block without one). */
  get position(): Position {
    const segs = this.data.segments;
    const first = segs[0];
    const last = segs[segs.length - 1];
    const start = first ? first.sourceStart : 0;
    const end = last ? last.sourceStart + last.sourceLength : start;
    return positionOf(this.#lineStarts, start, end);
  }

  set position(p: Position) {
    pin(this, p);
  }

  toJSON(): GwBlock {
    return { type: this.type, children: this.children, position: this.position, data: this.data };
  }
}
