import { offsetToPoint } from './positions.js';
import type { BlockData, BlockType, GwBlock, GwText, ParagraphFormat, Position, Role, RunFormat, Segment } from './types.js';

/**
 * The tree's blocks, their data and their text runs as classes, for what it saves on large documents (a
 * 20 MB .docx has over 100,000 blocks):
 *
 * - every node of a kind has the same fields in the same order, so V8 gives them one hidden class (object
 *   literals assembled with rest/spread got a hidden class, and its descriptors, of their own per block);
 * - `position` is computed from the source offsets when it is read, instead of holding three objects (the
 *   position and its two points) per node that few findings ever look at;
 * - a run keeps its own source span, and `data.segments` is made from the runs when asked for (the builder
 *   makes exactly one run per segment), instead of a second array and one more object per run.
 *
 * `type`, `children`, `value` and `data` (and the fields of `data` a reader or the structure pass sets) stay
 * own properties, as unist has them; `position` and `data.segments` are accessors on the prototype, so
 * `toJSON` puts them back for anything that serialises a tree. Assigning either stores the value on the
 * object, as with a plain one.
 */

function positionOf(lineStarts: readonly number[], start: number, end: number): Position {
  return { start: offsetToPoint(lineStarts, start), end: offsetToPoint(lineStarts, end) };
}

function pin(node: object, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

export class TextNode implements GwText {
  readonly type = 'text' as const;
  value: string;
  format: RunFormat | undefined;
  /** Source offset of the run's first character. */
  readonly #sourceStart: number;
  /** Length of the source span the run came from; stored as -1 - length when the run is not linear. */
  readonly #span: number;
  readonly #lineStarts: readonly number[];

  constructor(value: string, format: RunFormat | undefined, sourceStart: number, sourceLength: number, linear: boolean, lineStarts: readonly number[]) {
    this.value = value;
    this.format = format;
    this.#sourceStart = sourceStart;
    this.#span = linear ? sourceLength : -1 - sourceLength;
    this.#lineStarts = lineStarts;
  }

  get position(): Position {
    return positionOf(this.#lineStarts, this.#sourceStart, this.#sourceStart + TextNode.#length(this.#span));
  }

  set position(p: Position) {
    pin(this, 'position', p);
  }

  static #length(span: number): number {
    return span < 0 ? -1 - span : span;
  }

  /** The segment of a run whose text starts at `textStart` in its block; undefined for a run made elsewhere. */
  static segment(run: GwText, textStart: number): Segment | undefined {
    if (!(#span in run)) return undefined;
    const span = (run as TextNode).#span;
    return { textStart, length: run.value.length, sourceStart: (run as TextNode).#sourceStart, linear: span >= 0, sourceLength: TextNode.#length(span) };
  }

  /** [start, end) of the source span of a run made by the builder. */
  static sourceSpan(run: GwText): [number, number] | undefined {
    if (!(#span in run)) return undefined;
    const start = (run as TextNode).#sourceStart;
    return [start, start + TextNode.#length((run as TextNode).#span)];
  }

  toJSON(): GwText {
    const out: GwText = { type: 'text', value: this.value, position: this.position };
    if (this.format) out.format = this.format;
    return out;
  }
}

export interface DataInit {
  format?: ParagraphFormat;
  paragraph?: number;
  container?: BlockData['container'];
  markdownDepth?: number;
}

export class BlockDataNode implements BlockData {
  index: number;
  text: string;
  norm: string;
  // Every field, in one order, on every block whatever its format: one hidden class for all blocks. With the
  // docx-only fields present on some blocks only, and headingLevel and placeholder added to some by the structure
  // pass, blocks came in several shapes, and each new one met in optimised code (a text draft after .docx, a
  // placeholder block) threw the engine's hottest functions back to the interpreter to be compiled again. Unset
  // fields stay undefined, which JSON leaves out as it did the missing ones.
  role: Role | undefined = undefined;
  headingLevel: 1 | 2 | 3 | 4 | undefined = undefined;
  placeholder: boolean | undefined = undefined;
  format: ParagraphFormat | undefined;
  paragraph: number | undefined;
  container: BlockData['container'] | undefined;
  markdownDepth: number | undefined;
  readonly #block: GwBlock;

  constructor(block: GwBlock, index: number, text: string, init: DataInit | undefined) {
    this.index = index;
    this.text = text;
    this.norm = text;
    this.format = init?.format;
    this.paragraph = init?.paragraph;
    this.container = init?.container;
    this.markdownDepth = init?.markdownDepth;
    this.#block = block;
  }

  /** Made from the block's runs on each read (a fresh array: callers may keep or change it). */
  get segments(): Segment[] {
    const out: Segment[] = [];
    let at = 0;
    for (const run of this.#block.children) {
      const seg = TextNode.segment(run, at);
      if (seg) out.push(seg);
      at += run.value.length;
    }
    return out;
  }

  set segments(segments: Segment[]) {
    pin(this, 'segments', segments);
  }

  toJSON(): BlockData {
    return { ...this, segments: this.segments };
  }
}

export class BlockNode implements GwBlock {
  type: BlockType;
  children: GwText[];
  data!: BlockData;
  readonly #lineStarts: readonly number[];

  constructor(type: BlockType, children: GwText[], lineStarts: readonly number[]) {
    this.type = type;
    this.children = children;
    this.#lineStarts = lineStarts;
  }

  /** From the first run's source start to the last one's end (the builder never leaves a block without one). */
  get position(): Position {
    const runs = this.children;
    const first = runs.length ? TextNode.sourceSpan(runs[0]!) : undefined;
    const last = runs.length ? TextNode.sourceSpan(runs[runs.length - 1]!) : undefined;
    const start = first ? first[0] : 0;
    return positionOf(this.#lineStarts, start, last ? last[1] : start);
  }

  set position(p: Position) {
    pin(this, 'position', p);
  }

  toJSON(): GwBlock {
    return { type: this.type, children: this.children, position: this.position, data: this.data };
  }
}
