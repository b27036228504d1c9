/**
 * What the gwlint language server says beyond LSP, shared by the server and the VS Code extension (which
 * bundles this file), so the two cannot drift apart. Any LSP client may use these; none is required.
 */

/** Settings under the `gwlint` section (VS Code settings, `initializationOptions.settings`, or didChangeConfiguration). */
export interface GwlintSettings {
  /** Lint drafts at all. */
  enable?: boolean;
  /** 工作规则 profile that replaces the config's (as `--profile`). */
  profile?: string;
  /** A config file to use instead of searching from each draft's folder (relative: to the first workspace folder). */
  configPath?: string;
  /** Rule settings applied last (as `--rule`): { "length-cap": "off" }. */
  rules?: Record<string, unknown>;
  /** Message language; the config's `locale`, else Chinese, when unset. */
  locale?: 'zh' | 'en';
  /** Base URL of the rule pages (`<base>/<rule>.md`); unset: the pages installed with gwlint. */
  docsBaseUrl?: string;
  /** Least time between two lints of one draft while typing, in ms. A change after a pause is linted at once. */
  debounceMs?: number;
}

export interface InitializationOptions {
  settings?: GwlintSettings;
  /**
   * Whether the workspace is trusted (VS Code's workspace trust). Untrusted: no plugin code and no JavaScript
   * config is loaded. Clients without a notion of trust leave it out, which means trusted.
   */
  trusted?: boolean;
}

/** Server → client after each lint of an open draft; client → server request for a draft's latest. */
export const STATUS_METHOD = 'gwlint/status';
export interface StatusParams {
  uri: string;
}
export interface DraftStatus {
  uri: string;
  /** The document version the status was computed from. */
  version: number | null;
  /** 字数 of the body as Word counts it; null when the draft could not be read. */
  charCount: number | null;
  /** The cap that applies and the clause it comes from; null when none applies. */
  cap: { limit: number; basis: string } | null;
  docType: string | null;
  direction: string | null;
  category: string | null;
  /** Why the 文种, direction and 类别 were detected so (shown in a tooltip). */
  reasons: { docType?: string; direction?: string; category?: string };
  errorCount: number;
  warningCount: number;
  trusted: boolean;
  profile: string | null;
}

/** Client → server when the user trusts the workspace (VS Code: onDidGrantWorkspaceTrust). */
export const TRUST_METHOD = 'gwlint/trust';
export interface TrustParams {
  trusted: boolean;
}

/** Client → server: lint every draft under the workspace folders and publish the findings. */
export const LINT_WORKSPACE_METHOD = 'gwlint/lintWorkspace';
export interface LintWorkspaceResult {
  files: number;
  errors: number;
  warnings: number;
  /** Files that could not be read (fatal message). */
  unreadable: number;
}

/** Client → server: lint a .docx on disk, publish its findings and return the preview HTML. */
export const DOCX_PREVIEW_METHOD = 'gwlint/docxPreview';
export interface DocxPreviewParams {
  uri: string;
}
export interface DocxPreviewResult {
  /** A self-contained HTML page (mammoth's view with the findings marked, no script); null when it cannot be shown. */
  html: string | null;
  /** Why there is no HTML, for the user. */
  error?: string;
  status: DraftStatus | null;
}
