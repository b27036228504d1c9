import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from '../helpers.js';
import { buildFixture } from '../../fixtures/docx/build.js';
import type { DocxPreviewResult } from '../../src/lsp/protocol.js';
import { TestClient, uriOf, where } from './client.js';

const VSIX = resolve(ROOT, 'vscode-extension', 'gwlint-vscode.vsix');

// CI builds the .vsix before the tests (.ci/run: cd vscode-extension && npm ci && npm run package).
describe.skipIf(!existsSync(VSIX) && !process.env.CI)('the VS Code extension package (.vsix)', () => {
  let files: Record<string, Uint8Array>;
  let dir: string;
  const text = (name: string): string => new TextDecoder().decode(files[name]);

  beforeAll(() => {
    files = unzipSync(readFileSync(VSIX));
    dir = mkdtempSync(join(tmpdir(), 'gwlint-vsix-'));
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), bytes);
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('holds the bundled extension and server, the rule data and the native segmenter, and no sources', () => {
    const names = Object.keys(files);
    for (const f of [
      'extension/package.json',
      'extension/package.nls.json',
      'extension/package.nls.en.json',
      'extension/dist/extension.js',
      'extension/dist/server.js',
      'extension/rules/profiles/national.json',
      'extension/rules/schema/config.schema.json',
      'extension/rules/schema/profile.schema.json',
      'extension/node_modules/@node-rs/jieba/package.json',
    ]) {
      expect(names, f).toContain(f);
    }
    expect(names.some((n) => /^extension\/node_modules\/@node-rs\/jieba-[^/]+\/.*\.node$/.test(n))).toBe(true);
    expect(names.filter((n) => n.endsWith('.ts') || n.startsWith('extension/src/') || n.endsWith('.map'))).toEqual([]);
    // Bundled: nothing in node_modules but the native segmenter (and its platform binary).
    expect(names.filter((n) => n.startsWith('extension/node_modules/') && !n.startsWith('extension/node_modules/@node-rs/jieba'))).toEqual([]);
  });

  it('declares the settings, commands and .docx preview, in Chinese with an English locale', () => {
    const pkg = JSON.parse(text('extension/package.json'));
    expect(pkg.main).toBe('./dist/extension.js');
    expect(pkg.engines.vscode).toMatch(/^\^1\./);
    expect(Object.keys(pkg.contributes.configuration.properties)).toEqual(
      expect.arrayContaining(['gwlint.profile', 'gwlint.configPath', 'gwlint.rules', 'gwlint.enable', 'gwlint.locale']),
    );
    expect(pkg.contributes.commands.map((c: { command: string }) => c.command)).toContain('gwlint.lintWorkspace');
    expect(pkg.contributes.customEditors[0]).toMatchObject({ viewType: 'gwlint.docxPreview', selector: [{ filenamePattern: '*.docx' }] });
    expect(pkg.capabilities.untrustedWorkspaces.supported).toBe('limited');
    const zh = JSON.parse(text('extension/package.nls.json'));
    const en = JSON.parse(text('extension/package.nls.en.json'));
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(10);
    for (const k of keys) {
      expect(zh[k], `package.nls.json: ${k}`).toMatch(/[\u4e00-\u9fff]/);
      expect(en[k], `package.nls.en.json: ${k}`).toMatch(/[A-Za-z]/);
    }
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('the extension bundle requires only vscode and Node built-ins', () => {
    const js = text('extension/dist/extension.js');
    const required = new Set([...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...required].filter((r) => r !== 'vscode' && !builtins.has(r))).toEqual([]);
  });

  it('the bundled server runs from the unpacked extension and finds what the CLI finds', async () => {
    const server = join(dir, 'extension', 'dist', 'server.js');
    // The native segmenter loads from where the server is.
    const seg = spawnSync(
      process.execPath,
      ['-e', `const r=require('module').createRequire(${JSON.stringify(server)});const {Jieba}=r('@node-rs/jieba');const {dict}=r('@node-rs/jieba/dict');process.stdout.write(Jieba.withDict(dict).cut('请示应当一文一事',false).join('/'))`],
      { encoding: 'utf8' },
    );
    expect(seg.stderr).toBe('');
    expect(seg.stdout.split('/').join('')).toBe('请示应当一文一事');

    const drafts = mkdtempSync(join(tmpdir(), 'gwlint-vsix-drafts-'));
    const client = new TestClient([server, '--stdio']);
    try {
      await client.initialize({ folder: drafts });
      for (const [fixture, name, lang] of [
        [join(FIXTURES, 'drafts', '请示-缺签发人且一文多事.md'), '请示.md', 'markdown'],
        [join(FIXTURES, 'traditional', '報告-夾帶請示.txt'), '報告.txt', 'plaintext'],
      ] as const) {
        const file = join(drafts, name);
        const body = readFileSync(fixture, 'utf8');
        writeFileSync(file, body);
        const diags = await client.open(uriOf(file), body, lang);
        const cli = JSON.parse(runCli(['-f', 'json', file], { cwd: drafts }).stdout)[0].messages as { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
        expect(diags.length).toBeGreaterThan(0);
        expect(diags.map(where)).toEqual(cli.map((m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`));
        const status = await client.status(uriOf(file));
        expect(status?.cap?.basis).toBe('静海 第六十条');
      }
      // The .docx preview: reader and HTML view are in the bundle too.
      const docx = join(drafts, '请示.docx');
      writeFileSync(docx, await buildFixture('title-songti'));
      const wait = client.diagnostics(uriOf(docx));
      const preview = (await client.conn.sendRequest('gwlint/docxPreview', { uri: uriOf(docx) })) as DocxPreviewResult;
      expect(preview.error).toBeUndefined();
      expect(preview.html).toContain('<mark');
      const cli = JSON.parse(runCli(['-f', 'json', docx], { cwd: drafts }).stdout)[0].messages as { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
      expect((await wait).diagnostics.map(where)).toEqual(cli.map((m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`));
    } finally {
      await client.shutdown();
      rmSync(drafts, { recursive: true, force: true });
    }
  });
});
