import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import type { LintMessage } from '../engine/types.js';
import { packageRoot } from '../util/paths.js';

export const SOURCE = 'gwlint';

/**
 * The text as the engine sees it. Readers drop a leading BOM, so every position the engine gives is one
 * column short on the first line of a document that has one; `bom` says by how much to shift back.
 */
export interface Lintable {
  text: string;
  bom: number;
}

export function lintable(text: string): Lintable {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: 1 } : { text, bom: 0 };
}

/** LSP position of an engine point (1-based line and column in UTF-16 units, as LSP counts by default). */
export function toPosition(line: number, column: number, bom: number): Position {
  const l = Math.max(0, line - 1);
  return { line: l, character: Math.max(0, column - 1) + (l === 0 ? bom : 0) };
}

export function messageRange(m: LintMessage, bom: number): Range {
  return { start: toPosition(m.line, m.column, bom), end: toPosition(m.endLine, m.endColumn, bom) };
}

/** Where a rule's page is: `<docsBaseUrl>/<id>.md` if set, else the page installed with gwlint, if any. */
export function ruleDocUrl(ruleId: string, docsBaseUrl?: string): string | undefined {
  if (!/^[a-z0-9-]+$/.test(ruleId)) return undefined;
  if (docsBaseUrl) return `${docsBaseUrl.replace(/\/+$/, '')}/${ruleId}.md`;
  // Asked for every finding on every keystroke: look on disk once per rule.
  if (installedPages.has(ruleId)) return installedPages.get(ruleId);
  let href: string | undefined;
  try {
    const file = join(packageRoot(), 'docs', 'rules', `${ruleId}.md`);
    href = existsSync(file) ? pathToFileURL(file).href : undefined;
  } catch {
    href = undefined;
  }
  installedPages.set(ruleId, href);
  return href;
}

const installedPages = new Map<string, string | undefined>();

export function toDiagnostic(m: LintMessage, bom: number, docsBaseUrl?: string): Diagnostic {
  const d: Diagnostic = {
    range: messageRange(m, bom),
    severity: m.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: SOURCE,
    message: m.message,
  };
  if (m.ruleId) {
    d.code = m.ruleId;
    const href = ruleDocUrl(m.ruleId, docsBaseUrl);
    if (href) d.codeDescription = { href };
  }
  return d;
}

/** Whether a position falls on a message's span (a zero-width span covers the character after it). */
export function covers(m: LintMessage, bom: number, pos: Position): boolean {
  const r = messageRange(m, bom);
  const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  if (r.start.line === r.end.line && r.start.character === r.end.character) {
    return pos.line === r.start.line && pos.character >= r.start.character && pos.character <= r.start.character + 1;
  }
  return before(r.start, pos) && before(pos, r.end);
}

/** Whether two ranges overlap or touch (code actions are asked for a cursor or a selection). */
export function touches(a: Range, b: Range): boolean {
  const le = (x: Position, y: Position): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}
