import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  LINT_WORKSPACE_METHOD,
  STATUS_METHOD,
  TRUST_METHOD,
  type DraftStatus,
  type GwlintSettings,
  type InitializationOptions,
  type LintWorkspaceResult,
} from '../../src/lsp/protocol.js';
import { DocxPreviewProvider } from './docx-preview.js';
import { text } from './l10n.js';
import { StatusBar } from './status.js';

let client: LanguageClient | undefined;

function settings(): GwlintSettings {
  const c = vscode.workspace.getConfiguration('gwlint');
  return {
    enable: c.get<boolean>('enable', true),
    profile: c.get<string>('profile') || undefined,
    configPath: c.get<string>('configPath') || undefined,
    rules: c.get<Record<string, unknown>>('rules') ?? {},
    locale: (c.get<string>('locale') || undefined) as GwlintSettings['locale'],
    docsBaseUrl: c.get<string>('docsBaseUrl') || undefined,
    debounceMs: c.get<number>('debounceMs', 100),
  };
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  // The server ships inside the extension (dist/server.js, bundled from gwlint), so nothing is installed globally.
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = { settings: settings(), trusted: vscode.workspace.isTrusted };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', language: 'plaintext' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'untitled', language: 'plaintext' },
    ],
    initializationOptions,
    diagnosticCollectionName: 'gwlint',
    // Settings are pulled by the server (workspace/configuration) and re-read when this section changes.
    synchronize: { configurationSection: 'gwlint' },
  };
  return new LanguageClient('gwlint', 'gwlint', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const status = new StatusBar();
  context.subscriptions.push(status);

  const start = async (): Promise<void> => {
    client = createClient(context);
    client.onNotification(STATUS_METHOD, (s: DraftStatus) => status.update(s));
    await client.start();
    status.refresh();
  };
  status.requester = async (uri) => (client ? ((await client.sendRequest(STATUS_METHOD, { uri })) as DraftStatus | null) : null);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(() => status.refresh()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TRUST_METHOD, { trusted: true });
    }),
    vscode.commands.registerCommand('gwlint.lintWorkspace', async () => {
      if (!client) return;
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: text('lintingWorkspace') },
        async () => (await client!.sendRequest(LINT_WORKSPACE_METHOD, {})) as LintWorkspaceResult,
      );
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.showInformationMessage(text('workspaceDone', r.files, r.errors, r.warnings, r.unreadable));
    }),
    vscode.commands.registerCommand('gwlint.restartServer', async () => {
      await client?.stop();
      await start();
    }),
    vscode.window.registerCustomEditorProvider(DocxPreviewProvider.viewType, new DocxPreviewProvider(() => client, status), {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: true,
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
