import type { DeclaredMeta } from '../model/types.js';
import type { Cite, Locale, SeveritySetting } from './types.js';

/** A rule's entry as written: "off" | "warn" | "error" | ["error", {options}] | {severity, options, cites}. */
export type RuleEntry =
  | SeveritySetting
  | 'warn'
  | 0
  | 1
  | 2
  | [SeveritySetting | 'warn' | 0 | 1 | 2, Record<string, unknown>?]
  | { severity?: SeveritySetting | 'warn'; options?: Record<string, unknown>; cites?: Cite[] };

export interface ConfigOverride {
  files: string | string[];
  excludedFiles?: string | string[];
  rules?: Record<string, RuleEntry>;
  settings?: Record<string, unknown>;
  profile?: string;
}

/** gwlint.config.json / .gwlintrc(.json|.yaml|.yml) as written by a user. */
export interface ConfigFile {
  $schema?: string;
  root?: boolean;
  extends?: string | string[];
  profile?: string;
  locale?: Locale;
  rules?: Record<string, RuleEntry>;
  overrides?: ConfigOverride[];
  /** What the drafts are when the text cannot tell: 文种, 类别, direction (front matter wins per file). */
  settings?: Record<string, unknown>;
  ignorePatterns?: string[];
  plugins?: string[];
}

export interface ResolvedRuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  cites?: Cite[];
  /** Where the setting came from: "gwlint:recommended", "profile tongzhou", a config file … */
  source?: string;
}

/** The configuration that applies to one file. */
export interface ResolvedConfig {
  rules: Record<string, ResolvedRuleSetting>;
  declared: DeclaredMeta;
  profile?: string;
  locale?: Locale;
  /** Files that contributed, in order. */
  sources: string[];
}
