import { Linter } from '../../src/engine/api.js';
import { runRules } from '../../src/engine/linter.js';
import type { LintMessage, Locale, Rule } from '../../src/engine/types.js';
import { compliantSpec, render, variant, type FixtureSpec } from '../../fixtures/docx/build.js';

const linter = new Linter({ noConfig: true });

/** Lints .docx bytes with only `rule` on (as RuleTester does for text), with its default options merged. */
export async function lintDocxWith(rule: Rule, bytes: Uint8Array, options: Record<string, unknown> = {}, locale: Locale = 'zh'): Promise<LintMessage[]> {
  const doc = await linter.parse(bytes, 'draft.docx');
  return runRules(
    doc,
    { rules: { [rule.meta.id]: { severity: rule.meta.severity, options } }, declared: {}, sources: [] },
    { locale, rules: new Map([[rule.meta.id, rule]]) },
  ).filter((m) => m.ruleId === rule.meta.id);
}

/** The compliant 请示 changed by `edit` (and optionally a named variant first), as .docx bytes. */
export async function buildWith(edit: (s: FixtureSpec) => void, script: 'simplified' | 'traditional' = 'simplified', base?: string): Promise<Uint8Array> {
  const spec = compliantSpec();
  if (base) variant(base).apply(spec);
  edit(spec);
  return render(spec, script);
}

/** 1-based line of a fixture paragraph in the plain-text view (every fixture paragraph has text). */
export function lineOf(id: string): number {
  return compliantSpec().paragraphs.findIndex((p) => p.id === id) + 1;
}

/** A fixture paragraph's text as the reader shows it (a tab stays a tab). */
export function textOf(id: string): string {
  return compliantSpec()
    .paragraphs.find((p) => p.id === id)!
    .runs.map((r) => (r.tabBefore ? '\t' : '') + r.text)
    .join('');
}

export const brief = (m: LintMessage): string => `${m.ruleId}/${m.messageId}@${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.message}`;
