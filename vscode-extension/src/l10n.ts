import * as vscode from 'vscode';
import { textIn, type TextId } from './strings.js';

export { thousands } from './strings.js';

/**
 * VS Code's l10n bundles assume English source strings (no bundle is loaded for an English display), so this
 * Chinese-first extension picks its strings from the display language itself.
 */
export function isEnglish(): boolean {
  return vscode.env.language.toLowerCase().startsWith('en');
}

export function text(id: TextId, ...args: (string | number)[]): string {
  return textIn(isEnglish(), id, ...args);
}
