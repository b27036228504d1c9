/**
 * The gwlint document model: one unist-compatible tree for every input format.
 *
 *   root (GwDocument) → blocks (paragraph | heading | listItem | tableCell) → text runs
 *
 * Readers (Markdown, text, docx …) build it; the structure pass gives blocks their 公文 roles and decides the
 * 文种 and direction; rules only ever look at this tree, never at the file format.
 */

/** 1-based line and column, 0-based offset into the source text (as unist). */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** Formatting a docx run carries; absent for Markdown and text. */
export interface RunFormat {
  /** East-Asian font name as resolved through the style chain (w:rFonts/@w:eastAsia). */
  fontEastAsia?: string;
  /** ASCII font name (w:rFonts/@w:ascii). */
  fontAscii?: string;
  /** Size in half-points (w:sz): 二号 = 44, 三号 = 32, 四号 = 28. */
  sizeHalfPoints?: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** Paragraph formatting from a docx; absent for Markdown and text. */
export interface ParagraphFormat {
  alignment?: 'left' | 'center' | 'right' | 'both' | 'distribute' | string;
  /** Indents in twentieths of a point (twips). */
  indentFirstLineTwips?: number;
  /** As w:ind/@w:firstLineChars: hundredths of a character (200 = 2 字); negative for a hanging indent. */
  indentFirstLineChars?: number;
  indentLeftTwips?: number;
  indentRightTwips?: number;
  /** Line spacing: value and rule as in w:spacing/@w:line and @w:lineRule. */
  lineSpacing?: number;
  lineRule?: 'auto' | 'exact' | 'atLeast' | string;
  styleId?: string;
  styleName?: string;
  outlineLevel?: number;
}

export interface GwText {
  type: 'text';
  value: string;
  position?: Position;
  format?: RunFormat;
}

/** The parts of a 公文 as GB/T 9704-2012 names them. */
export const ROLES = [
  '份号',
  '密级和保密期限',
  '紧急程度',
  '发文机关标志',
  '发文字号',
  '签发人',
  '标题',
  '主送机关',
  '正文',
  '附件说明',
  '发文机关署名',
  '成文日期',
  '附注',
  '附件',
  '抄送',
  '印发机关和印发日期',
  '其他',
] as const;
export type Role = (typeof ROLES)[number];

/** The 15 文种 of 《党政机关公文处理工作条例》第八条, plus 简报 and 研究报告. */
export const DOC_TYPES = [
  '决议',
  '决定',
  '命令',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '简报',
  '研究报告',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export type Direction = '上行' | '平行' | '下行';

/**
 * 类别 that decides the length cap. 静海 第六十条 caps 文件稿 at 5000 字 "除部署全局性、综合性工作外" — so
 * 综合 (全局性、综合性 work) is its own class: exempt there, capped at 5000 by 通州 五十五.
 */
export const CATEGORIES = ['文件稿', '综合', '专项', '简报', '研究报告'] as const;
export type Category = (typeof CATEGORIES)[number];

export type BlockType = 'paragraph' | 'heading' | 'listItem' | 'tableCell';

/** A piece of the mapping from block-text offsets to source offsets. */
export interface Segment {
  /** Start offset in the block text. */
  textStart: number;
  /** Length in the block text. */
  length: number;
  /** Source offset the segment's first character came from. */
  sourceStart: number;
  /**
   * Whether each text character maps to exactly one source character (true), or the whole segment came
   * from a source span of `sourceLength` (e.g. an entity `&amp;`, or docx numbering text that has no source).
   */
  linear: boolean;
  sourceLength: number;
}

export interface BlockData {
  /** Index among the document's blocks. */
  index: number;
  /** What a reader sees, in the original script. */
  text: string;
  /** Normalised view: traditional→simplified, full-width letters and digits folded. Same length as `text`. */
  norm: string;
  /** Maps offsets in `text` (and so `norm`) back to the source. */
  segments: Segment[];
  role?: Role;
  /** 正文 heading level: 1 一、  2 （一）  3 1.  4 （1）. */
  headingLevel?: 1 | 2 | 3 | 4;
  /** docx: paragraph index in the document's plain-text view. */
  paragraph?: number;
  /** Where the block sits: body, a table, a text box, header, footer … */
  container?: 'body' | 'table' | 'textbox' | 'header' | 'footer' | 'footnote' | 'comment';
  format?: ParagraphFormat;
  /** Markdown heading depth, when the block came from a Markdown heading. */
  markdownDepth?: number;
  /**
   * A template's stand-in ("[此处输入文件标题]", "通知标题"): it has its role, but nothing to check yet, so
   * block visitors and `blocksWithRole` pass it over.
   */
  placeholder?: boolean;
}

export interface GwBlock {
  type: BlockType;
  children: GwText[];
  position: Position;
  data: BlockData;
}

/** What the draft (front matter, CLI flags or the config) says about itself when the text cannot tell. */
export interface DeclaredMeta {
  docType?: DocType;
  category?: Category;
  direction?: Direction;
  profile?: string;
  /** Any other key from front matter, kept for rules that want it (e.g. 发文字号 in a .txt header). */
  [key: string]: unknown;
}

export interface Detection<T> {
  value: T | null;
  /** 0..1 */
  confidence: number;
  /** Why: in Chinese, shown to people (e.g. "标题以“请示”结尾"). */
  reason: string;
}

/** Page and section setup from a docx (sectPr); absent for Markdown and text. */
export interface PageSetup {
  widthTwips?: number;
  heightTwips?: number;
  marginTopTwips?: number;
  marginBottomTwips?: number;
  marginLeftTwips?: number;
  marginRightTwips?: number;
  gutterTwips?: number;
  headerTwips?: number;
  footerTwips?: number;
  docGridType?: string;
  docGridLinePitch?: number;
  docGridCharSpace?: number;
  orientation?: string;
  /**
   * Font size of the Normal paragraph style (else docDefaults), half-points: Word sizes the character grid
   * (docGrid charSpace) from it.
   */
  normalSizeHalfPoints?: number;
}

export type InputKind = 'markdown' | 'text' | 'docx';

export interface DocumentData {
  kind: InputKind;
  filePath: string;
  /** The source text that positions point into (for docx: the plain-text view, one line per paragraph). */
  source: string;
  declared: DeclaredMeta;
  /** Offsets in `source` where each line starts, for offset→line/column. */
  lineStarts: number[];
  docType: Detection<DocType>;
  direction: Detection<Direction>;
  category: Detection<Category>;
  /** Inline control comments found by the reader (Markdown only). */
  directives: Directive[];
  /** Reader-level notes, e.g. "修订未接受" for docx; surfaced as warnings by the engine. */
  notices: ReaderNotice[];
  page?: PageSetup;
  /** What a .docx carries beyond the body text, for layout rules. Absent for Markdown and text. */
  docx?: DocxInfo;
  /** Reader-specific extras a plugin reader may attach. */
  extra?: Record<string, unknown>;
}

/** A header or footer part of a .docx section. */
export interface DocxHeaderFooter {
  kind: 'header' | 'footer';
  /** w:headerReference/@w:type: default (odd pages when evenAndOddHeaders is on), even, first. */
  type: 'default' | 'even' | 'first';
  /** Its paragraphs as blocks (container 'header' / 'footer'), with formatting; positions are not in `source`. */
  blocks: GwBlock[];
  /** Whether it holds a PAGE field (the page number). */
  hasPageField: boolean;
}

export interface DocxInfo {
  headers: DocxHeaderFooter[];
  footers: DocxHeaderFooter[];
  /** w:settings/w:evenAndOddHeaders. */
  evenAndOddHeaders: boolean;
  /** Tracked changes still in the file (w:ins, w:del, …); the body text is the accepted view. */
  trackedChanges: number;
  comments: number;
  footnotes: number;
  /** Characters hidden with w:vanish, left out of the text. */
  hiddenChars: number;
  /** Font names the theme maps majorEastAsia/minorEastAsia to, for reference. */
  themeFonts?: Record<string, string>;
}

export interface ReaderNotice {
  id: string;
  severity: 'error' | 'warning';
  message: string;
  line?: number;
  column?: number;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[] | 'all';
  /** 1-based source line of the comment. */
  line: number;
}

export interface GwDocument {
  type: 'root';
  children: GwBlock[];
  position: Position;
  data: DocumentData;
}
