import { buildLineStarts, offsetToPoint } from './positions.js';
import { hasTraditional, normalize } from './normalize.js';
import type { DeclaredMeta, Directive, DocumentData, DocxInfo, GwBlock, GwDocument, InputKind, PageSetup, ReaderNotice } from './types.js';
import type { BlockBuilder, BlockExtra } from './builder.js';

export interface RawBlock {
  builder: BlockBuilder;
  type: GwBlock['type'];
  extra?: BlockExtra;
}

export interface AssembleInput {
  kind: InputKind;
  filePath: string;
  source: string;
  /**
   * Read once, in order. A reader may hand a generator that makes each block's builder only when it is asked
   * for, so that what it collected, the builders and the finished blocks are not all alive at once.
   */
  blocks: Iterable<RawBlock>;
  declared?: DeclaredMeta;
  directives?: Directive[];
  notices?: ReaderNotice[];
  page?: PageSetup;
  docx?: DocxInfo;
  extra?: Record<string, unknown>;
}

/**
 * Turns what a reader collected into the tree: positions for every block and run, the normalised view, and
 * empty detections that the structure pass fills in. Every reader ends here, so positions are computed one way.
 */
export function assembleDocument(input: AssembleInput): GwDocument {
  const lineStarts = buildLineStarts(input.source);
  const children: GwBlock[] = [];
  for (const raw of input.blocks) {
    raw.builder.trim();
    if (raw.builder.length === 0) continue;
    children.push(raw.builder.build(raw.type, children.length, raw.extra, input.source, lineStarts));
  }
  const traditional = children.some((b) => hasTraditional(b.data.text));
  for (const b of children) b.data.norm = normalize(b.data.text, traditional);

  const data: DocumentData = {
    kind: input.kind,
    filePath: input.filePath,
    source: input.source,
    declared: input.declared ?? {},
    lineStarts,
    docType: { value: null, confidence: 0, reason: '' },
    direction: { value: null, confidence: 0, reason: '' },
    category: { value: null, confidence: 0, reason: '' },
    directives: input.directives ?? [],
    notices: input.notices ?? [],
  };
  // Added after, in this order, rather than spread into the literal: a spread makes V8 build the object
  // through its generic copy path.
  if (input.page) data.page = input.page;
  if (input.docx) data.docx = input.docx;
  if (input.extra) data.extra = input.extra;
  return {
    type: 'root',
    children,
    position: { start: offsetToPoint(lineStarts, 0), end: offsetToPoint(lineStarts, input.source.length) },
    data,
  };
}
