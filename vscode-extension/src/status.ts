import * as vscode from 'vscode';
import type { DraftStatus } from '../../src/lsp/protocol.js';
import { isEnglish } from './l10n.js';
import { formatStatus } from './strings.js';

/** "字数 4,213 / 5,000 · 报告 · 上行" for the draft in the active editor. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('gwlint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, DraftStatus>();
  /** Asks the server for a draft's status (set once the client runs). */
  requester: ((uri: string) => Promise<DraftStatus | null>) | undefined;

  constructor() {
    this.item.name = 'gwlint';
    this.item.command = 'workbench.actions.view.problems';
  }

  update(s: DraftStatus): void {
    this.byUri.set(s.uri, s);
    if (this.activeUri() === s.uri) this.show(s);
  }

  /** Shows the active draft's status, asking the server when it has none yet. */
  refresh(uri = this.activeUri()): void {
    if (!uri) return this.item.hide();
    const known = this.byUri.get(uri);
    if (known) this.show(known);
    else this.item.hide();
    void this.requester?.(uri).then(
      (s) => {
        if (s && this.activeUri() === uri) this.update(s);
      },
      () => undefined,
    );
  }

  private activeUri(): string | undefined {
    const editor = vscode.window.activeTextEditor;
    if (editor) return editor.document.uri.toString();
    // A custom editor (the .docx preview) has no text editor; its tab says which file it shows.
    const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    return input instanceof vscode.TabInputCustom ? input.uri.toString() : undefined;
  }

  show(s: DraftStatus): void {
    const f = formatStatus(s, isEnglish());
    if (!f) return this.item.hide();
    this.item.text = f.text;
    this.item.tooltip = f.tooltip;
    this.item.backgroundColor = f.overCap ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
