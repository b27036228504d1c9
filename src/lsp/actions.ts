import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { applyFixes } from '../engine/linter.js';
import type { LintMessage, Locale } from '../engine/types.js';
import { t } from './i18n.js';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gwlint`;

/** The rule's own fix, as a quick fix. Fix ranges are source offsets; the document may have a BOM before them. */
export function fixAction(m: LintMessage, doc: TextDocument, bom: number, diagnostic: Diagnostic | undefined, locale: Locale): CodeAction | undefined {
  if (!m.fix) return undefined;
  const edit: TextEdit = {
    range: { start: doc.positionAt(m.fix.range[0] + bom), end: doc.positionAt(m.fix.range[1] + bom) },
    newText: m.fix.text,
  };
  return {
    title: t(locale, 'fix', { message: m.message }),
    kind: CodeActionKind.QuickFix,
    isPreferred: true,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: { changes: { [doc.uri]: [edit] } },
  };
}

/** All fixes at once, applied as the CLI's --fix applies them (non-overlapping, first come first served). */
export function fixAllAction(messages: LintMessage[], doc: TextDocument, bom: number, locale: Locale): CodeAction | undefined {
  if (!messages.some((m) => m.fix)) return undefined;
  const source = doc.getText().slice(bom);
  const { output, applied } = applyFixes(source, messages);
  if (applied === 0 || output === source) return undefined;
  return {
    title: t(locale, 'fixAll'),
    kind: FIX_ALL_KIND,
    edit: { changes: { [doc.uri]: [{ range: { start: doc.positionAt(bom), end: doc.positionAt(doc.getText().length) }, newText: output }] } },
  };
}

/** `<!-- gwlint-disable-next-line RULE -->` above the finding's line, indented as that line is. */
export function disableLineAction(m: LintMessage, doc: TextDocument, diagnostic: Diagnostic | undefined, locale: Locale): CodeAction | undefined {
  if (!m.ruleId || m.fatal) return undefined;
  const line = m.line - 1;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText.replace(/^\uFEFF/, ''))![0];
  const at = { line, character: lineText.startsWith('\uFEFF') ? 1 : 0 };
  return {
    title: t(locale, 'disableLine', { rule: m.ruleId }),
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: { changes: { [doc.uri]: [{ range: { start: at, end: at }, newText: `${indent}<!-- gwlint-disable-next-line ${m.ruleId} -->\n` }] } },
  };
}

/** `<!-- gwlint-disable RULE -->` at the top of a Markdown draft, after its front matter (which must stay first). */
export function disableFileAction(m: LintMessage, doc: TextDocument, diagnostic: Diagnostic | undefined, locale: Locale): CodeAction | undefined {
  if (!m.ruleId || m.fatal) return undefined;
  const at = { line: frontMatterEnd(doc.getText()), character: 0 };
  if (at.line === 0 && doc.getText().startsWith('\uFEFF')) at.character = 1;
  return {
    title: t(locale, 'disableFile', { rule: m.ruleId }),
    kind: CodeActionKind.QuickFix,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    edit: { changes: { [doc.uri]: [{ range: { start: at, end: at }, newText: `<!-- gwlint-disable ${m.ruleId} -->\n` }] } },
  };
}

/** The 0-based line just after a leading `---` … `---` (or `...`) block; 0 when there is none. */
export function frontMatterEnd(text: string): number {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (!/^---\s*$/.test(lines[0] ?? '')) return 0;
  const end = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  return end > 0 ? end + 1 : 0;
}

/**
 * Plain text has no comment syntax, so "disable in this file" goes where the CLI will also see it: an
 * `overrides` entry for this file in the config that applies to it (created beside the workspace if none).
 * Returns undefined when the config cannot be edited safely (unparsable, or a kind we do not write).
 */
export function configOverrideEdit(
  filePath: string,
  ruleId: string,
  configFile: string | undefined,
  newConfigDir: string,
  canCreateFiles: boolean,
): { edit: WorkspaceEdit; config: string } | undefined {
  if (!configFile) {
    if (!canCreateFiles) return undefined;
    const file = join(newConfigDir, 'gwlint.config.json');
    const rel = relPath(newConfigDir, filePath);
    const uri = pathToFileURL(file).href;
    const text = JSON.stringify({ overrides: [{ files: rel, rules: { [ruleId]: 'off' } }] }, null, 2) + '\n';
    return {
      config: basename(file),
      edit: {
        documentChanges: [
          { kind: 'create', uri, options: { ignoreIfExists: true } },
          { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
        ],
      },
    };
  }
  if (!existsSync(configFile)) return undefined;
  let original: string;
  try {
    original = readFileSync(configFile, 'utf8');
  } catch {
    return undefined;
  }
  const rel = relPath(dirname(configFile), filePath);
  let updated: string | undefined;
  const isYaml = /\.ya?ml$/.test(configFile) || (configFile.endsWith('.gwlintrc') && !original.trim().startsWith('{'));
  if (isYaml) {
    // The yaml Document API keeps the user's comments and layout.
    const ydoc = parseDocument(original);
    if (ydoc.errors.length) return undefined;
    const data = (ydoc.toJS() ?? {}) as { overrides?: { files: unknown; rules?: Record<string, unknown> }[] };
    const idx = (data.overrides ?? []).findIndex((o) => o.files === rel && Object.keys(o).every((k) => k === 'files' || k === 'rules'));
    if (idx >= 0) ydoc.setIn(['overrides', idx, 'rules', ruleId], 'off');
    else if (data.overrides) ydoc.addIn(['overrides'], ydoc.createNode({ files: rel, rules: { [ruleId]: 'off' } }));
    else ydoc.set('overrides', ydoc.createNode([{ files: rel, rules: { [ruleId]: 'off' } }]));
    updated = ydoc.toString();
  } else {
    let data: Record<string, unknown>;
    try {
      data = JSON.parse(original) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) return undefined;
    const overrides = (Array.isArray(data.overrides) ? data.overrides : (data.overrides = [])) as { files: unknown; rules?: Record<string, unknown> }[];
    const same = overrides.find((o) => o.files === rel && Object.keys(o).every((k) => k === 'files' || k === 'rules'));
    if (same) same.rules = { ...(same.rules ?? {}), [ruleId]: 'off' };
    else overrides.push({ files: rel, rules: { [ruleId]: 'off' } });
    updated = JSON.stringify(data, null, 2) + '\n';
  }
  const lines = original.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  return {
    config: basename(configFile),
    edit: { changes: { [pathToFileURL(configFile).href]: [{ range: { start: { line: 0, character: 0 }, end }, newText: updated }] } },
  };
}

/** The file's path as an `overrides.files` glob that matches only it (glob characters escaped). */
function relPath(from: string, to: string): string {
  return relative(from, to).split(sep).join('/').replace(/([*?[\]{}()!+@\\])/g, '\\$1');
}
