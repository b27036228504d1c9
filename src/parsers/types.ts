import type { DeclaredMeta, GwDocument, InputKind } from '../model/types.js';

/**
 * Where a binary file's bytes come from: memory, or an open file read piece by piece (so that a large .docx
 * linted from disk is never held whole).
 */
export interface ByteSource {
  readonly length: number;
  /** `length` bytes at `offset` (fewer only past the end). A memory source returns a view, not a copy. */
  read(offset: number, length: number): Uint8Array;
}

export interface ParseInput {
  filePath: string;
  /** Raw bytes, for binary formats (docx). */
  bytes?: Uint8Array;
  /** Or, for a binary format that reads only what it needs, the open file to read them from. */
  source?: ByteSource;
  /** Decoded text, for text formats. */
  text?: string;
  /** What the CLI or config declares (front matter in the file wins over nothing, loses to nothing: merged). */
  declared?: DeclaredMeta;
}

/**
 * An input format. Adding one is adding a file that exports a Parser and naming it in `registry.ts`
 * (or in a plugin's `parsers`).
 */
export interface Parser {
  kind: InputKind;
  /** Lower-case extensions with the dot: ['.md', '.markdown']. */
  extensions: string[];
  /** Whether the parser wants bytes (binary) or decoded text. */
  binary: boolean;
  /** A binary parser that can read from `input.source` instead of `input.bytes`. */
  readsSource?: boolean;
  parse(input: ParseInput): GwDocument | Promise<GwDocument>;
}

/** An input problem that is the file's fault, not gwlint's: reported as a fatal message for that file. */
export class InputError extends Error {
  constructor(
    message: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
