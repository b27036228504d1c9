import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DOCX_PREVIEW_METHOD, type DocxPreviewResult } from '../../src/lsp/protocol.js';
import { text } from './l10n.js';
import type { StatusBar } from './status.js';

/**
 * A read-only view of a .docx: the server lints it, puts its findings in the Problems panel and renders
 * mammoth's HTML with the findings marked. The view follows the file: saved from Word, it is linted again.
 */
export class DocxPreviewProvider implements vscode.CustomReadonlyEditorProvider {
  static readonly viewType = 'gwlint.docxPreview';

  constructor(
    private readonly client: () => LanguageClient | undefined,
    private readonly status: StatusBar,
  ) {}

  openCustomDocument(uri: vscode.Uri): vscode.CustomDocument {
    return { uri, dispose: () => undefined };
  }

  async resolveCustomEditor(document: vscode.CustomDocument, panel: vscode.WebviewPanel): Promise<void> {
    // No scripts: the HTML comes from an untrusted document.
    panel.webview.options = { enableScripts: false, enableCommandUris: false };
    const uri = document.uri;
    const render = async (): Promise<void> => {
      const c = this.client();
      if (!c) {
        panel.webview.html = page(`<p>${escapeHtml(text('previewNoServer'))}</p>`);
        return;
      }
      let r: DocxPreviewResult;
      try {
        r = (await c.sendRequest(DOCX_PREVIEW_METHOD, { uri: uri.toString() })) as DocxPreviewResult;
      } catch (e) {
        panel.webview.html = page(`<p>${escapeHtml(text('previewFailed', (e as Error)?.message ?? String(e)))}</p>`);
        return;
      }
      panel.webview.html = r.html !== null ? r.html : page(`<p>${escapeHtml(text('previewFailed', r.error ?? ''))}</p>`);
      if (r.status) this.status.update(r.status);
    };
    const folder = vscode.Uri.joinPath(uri, '..');
    const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, name));
    let pending: NodeJS.Timeout | undefined;
    // Word writes a file in several steps; lint once it has settled.
    const later = (): void => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => void render(), 300);
    };
    watcher.onDidChange(later);
    watcher.onDidCreate(later);
    panel.onDidDispose(() => {
      watcher.dispose();
      if (pending) clearTimeout(pending);
    });
    panel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.status.refresh(uri.toString());
    });
    panel.title = text('previewTitle', name);
    await render();
  }
}

function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline';">
<style>
body { font-family: "FangSong", "仿宋_GB2312", "仿宋", serif; font-size: 16pt; line-height: 1.6; max-width: 46em; margin: 1.5em auto; padding: 0 1em; }
mark, .gwlint-finding { background: rgba(255, 196, 0, 0.35); border-bottom: 2px solid #d9534f; }
</style></head><body>${body}</body></html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
