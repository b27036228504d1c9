import type { LintResult, Locale, Rule } from '../engine/types.js';

export interface FormatterContext {
  cwd: string;
  locale: Locale;
  color: boolean;
  rules: Map<string, Rule>;
  maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number };
}

export type Formatter = (results: LintResult[], context: FormatterContext) => string;
