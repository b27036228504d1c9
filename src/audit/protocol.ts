import type { LinterOptions } from '../engine/api.js';
import type { LintResult } from '../engine/types.js';
import type { InputKind } from '../model/types.js';
import type { DocMeta } from './meta.js';

/** What a worker needs to build its Linter: only plain data crosses the thread boundary. */
export type WorkerLinterOptions = Pick<LinterOptions, 'cwd' | 'locale' | 'configFile' | 'noConfig' | 'profile' | 'cliRules' | 'cliSettings'>;

export interface WorkerInit {
  linter: WorkerLinterOptions;
  /** Longest preview text kept per file (characters). */
  previewMax: number;
  /** Convert .doc/.wps through LibreOffice: the soffice binary, or null to report them as unreadable. */
  soffice: string | null;
  /** Time allowed for one conversion (the file's own time limit bounds it too). */
  sofficeTimeoutMs: number;
}

export interface Preview {
  kind: InputKind;
  /** The text that finding positions point into (docx: the plain-text view, one line per paragraph), UTF-8. */
  text: Uint8Array;
  /** Rendered HTML of a .docx page, when the renderer is available. */
  html?: string;
  truncated: boolean;
}

/** main → worker */
export interface TaskMessage {
  type: 'task';
  id: number;
  path: string;
}

/** A finding as the database stores it: rule, severity, message, line, column, end line, end column, citations, context. */
export type FindingRow = [string | null, string, string, number, number, number, number, string, string | null];

/**
 * One linted file, as a worker returns it. What the run counts travels as plain data; the bulky parts (the
 * findings and the preview text) travel as UTF-8 bytes the worker encoded, transferred rather than copied and
 * handed to SQLite as they are: copying and re-encoding them on the main thread cost more than linting.
 */
export interface FileReport {
  result: Omit<LintResult, 'messages' | 'output' | 'source'>;
  /** The message of a fatal finding (the file could not be read), else null. */
  fatal: string | null;
  /** Findings other than the fatal one, and how many of them are errors. */
  findingCount: number;
  errors: number;
  /** JSON array of FindingRow, UTF-8. */
  findings: Uint8Array | null;
  kind: InputKind | null;
  meta: DocMeta | null;
  preview: Preview | null;
  /** sha256 of the file's bytes as the worker read them ('oversize:N' past the read limit, 'unreadable'). */
  contentHash: string;
  /** Set when a legacy file was converted before linting. */
  convertedFrom?: string;
}

/** worker → main */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; report: FileReport; ms: number; heapUsed: number }
  /** The engine refused to run at all (a configuration error): the whole run must stop, not this file. */
  | { type: 'fatal'; id: number; message: string };

/** How a file ended: linted (with or without findings), refused as input, or stopped by the pool. */
export type FileStatus = 'checked' | 'unreadable' | 'timeout' | 'memory' | 'crashed';
