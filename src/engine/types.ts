import type { DocType, Direction, Category, GwBlock, GwDocument, InputKind, Position, Role } from '../model/types.js';
import type { Segmenter } from '../util/segmenter.js';

/** A clause a rule enforces: which regulation, which article, and its words, so a reader can check it. */
export interface Cite {
  /** Short name of the regulation, e.g. "党政机关公文处理工作条例" or "静海区人民政府工作规则". */
  regulation: string;
  /** Article or section: "第十五条（一）", "5.2.1". */
  article: string;
  /** The clause quoted. */
  clause: string;
  /** Short form for messages, e.g. "静海 第六十条". Defaults to regulation + article. */
  short?: string;
}

export interface LocalizedText {
  zh: string;
  en: string;
}

export type Locale = 'zh' | 'en';
export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

export interface RuleExample {
  /** A short draft, Markdown unless `kind` says otherwise. */
  code: string;
  kind?: InputKind;
  declared?: Record<string, unknown>;
  options?: Record<string, unknown>;
}

export interface RuleMeta {
  id: string;
  description: LocalizedText;
  /** Default severity when the rule is on. */
  severity: Severity;
  /** JSON schema of the options object, checked with ajv before the rule runs. */
  schema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  fixable?: boolean;
  /** Whether `gwlint:recommended` turns it on. */
  recommended?: boolean;
  cites: Cite[];
  /** Message templates by id; `{{name}}` is replaced by data. */
  messages: Record<string, LocalizedText>;
  /** Which inputs the rule applies to; all when absent. */
  appliesTo?: InputKind[];
  docs?: {
    rationale?: LocalizedText;
    /** Shown on the doc page; the rule's test checks that they behave as stated. */
    examples?: { valid?: RuleExample[]; invalid?: RuleExample[] };
  };
}

/** A text edit in source offsets. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface ReportDescriptor {
  messageId: string;
  data?: Record<string, string | number>;
  /** A span of a block's text [start, end); the whole block when start/end are omitted. */
  block?: GwBlock;
  start?: number;
  end?: number;
  /** Or an absolute place (document-level findings). Neither: the start of the document. */
  position?: Position;
  /** Replacement for the block span [start, end) (or the given fix in source offsets). */
  fix?: { text: string } | Fix;
  /**
   * The clause this finding rests on, when a rule cites several (fonts: 7.3.1 for the title, 7.4.2 for 抄送).
   * Must be among the rule's own cites; a profile that sets its own cites for the rule still wins.
   */
  cites?: Cite[];
}

export type BlockVisitor = (block: GwBlock) => void;
export type DocumentVisitor = (doc: GwDocument) => void;

/**
 * What `create` returns: visitors over the tree. `block` sees every block in order; `role:正文` only blocks
 * of that role; `document` runs first and `document:exit` last.
 */
export interface Visitors {
  document?: DocumentVisitor;
  'document:exit'?: DocumentVisitor;
  block?: BlockVisitor;
  [role: `role:${string}`]: BlockVisitor | undefined;
}

export interface RuleContext {
  readonly id: string;
  readonly options: Record<string, any>;
  readonly doc: GwDocument;
  readonly locale: Locale;
  /** Citations in force for this rule: the profile's when it sets them, else the rule's own. */
  readonly cites: Cite[];
  readonly docType: DocType | null;
  readonly direction: Direction | null;
  readonly category: Category | null;
  blocksWithRole(role: Role): GwBlock[];
  /** The jieba segmenter, loaded on first call. */
  segmenter(): Segmenter;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  create(context: RuleContext): Visitors;
}

export interface LintMessage {
  ruleId: string | null;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  cites: Cite[];
  messageId?: string;
  fatal?: boolean;
  fix?: Fix;
  /** The text around the span (docx: so the place can be found in Word). */
  context?: string;
}

export interface LintResult {
  filePath: string;
  docType: DocType | null;
  direction: Direction | null;
  category: Category | null;
  /** 字数 of the body as Word counts it; null when the file could not be read. */
  charCount: number | null;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableCount: number;
  /** Present when fixes were applied: the fixed source. */
  output?: string;
  /** With `output`: the text before fixing. */
  source?: string;
  /** Detection details, for hovers and the status bar. */
  detection?: {
    docType: { confidence: number; reason: string };
    direction: { confidence: number; reason: string };
    category: { confidence: number; reason: string };
    cap?: { limit: number; basis: string } | null;
  };
}
