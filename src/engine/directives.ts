import type { Directive } from '../model/types.js';
import type { LintMessage } from './types.js';

/**
 * Inline control: `<!-- gwlint-disable RULE -->` … `<!-- gwlint-enable RULE -->`, `gwlint-disable-next-line`
 * and `gwlint-disable-line`. A directive without rule names means all rules. Fatal messages are never hidden.
 */
export function applyDirectives(messages: LintMessage[], directives: Directive[]): LintMessage[] {
  if (directives.length === 0) return messages;
  const sorted = [...directives].sort((a, b) => a.line - b.line);
  return messages.filter((m) => {
    if (m.fatal || !m.ruleId) return true;
    const id = m.ruleId;
    let disabled = false;
    for (const d of sorted) {
      if (d.kind === 'disable-next-line' || d.kind === 'disable-line') {
        const target = d.kind === 'disable-next-line' ? d.line + 1 : d.line;
        if (m.line === target && (d.rules === 'all' || d.rules.includes(id))) return false;
        continue;
      }
      if (d.line > m.line) break;
      if (d.rules === 'all' || d.rules.includes(id)) disabled = d.kind === 'disable';
    }
    return !disabled;
  });
}
