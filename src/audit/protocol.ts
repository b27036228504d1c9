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
  /** The text that finding positions point into (docx: the plain-text view, one line per paragraph). */
  text: string;
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

/** One linted file, as a worker returns it. */
export interface FileReport {
  result: LintResult;
  kind: InputKind | null;
  meta: DocMeta | null;
  preview: Preview | null;
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
