import type { DeclaredMeta, GwDocument, InputKind } from '../model/types.js';

export interface ParseInput {
  filePath: string;
  /** Raw bytes, for binary formats (docx). */
  bytes?: Uint8Array;
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
