import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { FIXTURES, ROOT, runCli } from '../helpers.js';
import { TestClient, uriOf, where } from './client.js';

/** What `gwlint -f json` says about files, as LSP places ("rule@line:col-line:col", 0-based). */
function cliPlaces(file: string, cwd: string): string[] {
  const r = runCli(['-f', 'json', file], { cwd });
  const results = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
  return results[0]!.messages.map((m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`);
}

function cliResult(file: string, cwd: string): { charCount: number; docType: string; direction: string; messages: { ruleId: string; message: string; severity: string }[] } {
  return JSON.parse(runCli(['-f', 'json', file], { cwd }).stdout)[0];
}

function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 1, text), edits);
}

const byRule = (ds: Diagnostic[], rule: string): Diagnostic[] => ds.filter((d) => d.code === rule);

const REQUEST_MD = readFileSync(join(FIXTURES, 'drafts', '请示-缺签发人且一文多事.md'), 'utf8');
const TRAD_REPORT = '某某區水務局關於汛期工作情況的報告\n區人民政府：\n今年汛期，全區共轉移安置群眾1260人。\n𠮷字測試，目前堤防受損，懇請區政府撥付堤防修復資金300萬元。\n特此報告。\n某某區水務局\n2024年9月5日\n';
const PHRASE = '懇請區政府撥付堤防修復資金300萬元';

describe('language server over stdio (gwlint-language-server)', () => {
  let dir: string;
  let client: TestClient;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-'));
    client = new TestClient();
    await client.initialize({ folder: dir });
  });
  afterAll(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the same findings as the CLI, at the same places, with rule id, severity, message and source', async () => {
    const file = join(dir, '请示.md');
    writeFileSync(file, REQUEST_MD);
    const diags = await client.open(uriOf(file), REQUEST_MD);
    expect(diags.map(where)).toEqual(cliPlaces(file, dir));
    // Checked by hand against the draft (rules added later may report more; these two must stay put).
    expect(diags.filter((d) => d.code === 'signer-required' || d.code === 'one-request-per-doc').map(where)).toEqual(['signer-required@0:2-0:22', 'one-request-per-doc@10:28-10:39']);
    const cli = cliResult(file, dir);
    expect(diags.map((d) => [d.code, d.message, d.severity === 1 ? 'error' : 'warning', d.source])).toEqual(cli.messages.map((m) => [m.ruleId, m.message, m.severity, 'gwlint']));
    await client.close(uriOf(file));
  });

  it('links each finding to its rule page when the page is installed', async () => {
    const file = join(dir, 'link.md');
    const diags = await client.open(uriOf(file), REQUEST_MD);
    const page = join(ROOT, 'docs', 'rules', 'signer-required.md');
    const d = byRule(diags, 'signer-required')[0]!;
    if (existsSync(page)) expect(d.codeDescription?.href).toBe(uriOf(page));
    else expect(d.codeDescription).toBeUndefined();
    await client.close(uriOf(file));
  });

  it('keeps positions exact after edits, in traditional-script text with a character outside the BMP', async () => {
    const file = join(dir, '報告.txt');
    const uri = uriOf(file);
    let diags = await client.open(uri, TRAD_REPORT, 'plaintext');
    const line3 = TRAD_REPORT.split('\n')[3]!;
    const col = line3.indexOf(PHRASE); // UTF-16 units: 𠮷 counts two, as LSP counts
    expect(col).toBe(13);
    expect(byRule(diags, 'no-request-in-report').map(where)).toEqual([`no-request-in-report@3:${col}-3:${col + PHRASE.length}`]);

    // Type three characters at the start of that line: the finding moves right by three.
    diags = await client.change(uri, 2, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '（一）' }]);
    expect(byRule(diags, 'no-request-in-report').map(where)).toEqual([`no-request-in-report@3:${col + 3}-3:${col + 3 + PHRASE.length}`]);

    // A new line above it: one line down.
    diags = await client.change(uri, 3, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '汛期以來降雨偏多。\n' }]);
    expect(byRule(diags, 'no-request-in-report').map(where)).toEqual([`no-request-in-report@4:${col + 3}-4:${col + 3 + PHRASE.length}`]);

    // The CLI agrees on the edited text.
    const edited = '某某區水務局關於汛期工作情況的報告\n區人民政府：\n汛期以來降雨偏多。\n今年汛期，全區共轉移安置群眾1260人。\n（一）𠮷字測試，目前堤防受損，懇請區政府撥付堤防修復資金300萬元。\n特此報告。\n某某區水務局\n2024年9月5日\n';
    writeFileSync(file, edited);
    expect(diags.map(where)).toEqual(cliPlaces(file, dir));

    // Deleting the request clause clears the finding.
    const start = edited.split('\n')[4]!.indexOf(PHRASE);
    diags = await client.change(uri, 4, [{ range: { start: { line: 4, character: start }, end: { line: 4, character: start + PHRASE.length } }, text: '已組織搶修' }]);
    expect(byRule(diags, 'no-request-in-report')).toEqual([]);
    await client.close(uri);
  });

  it('lints once for a burst of changes, and the diagnostics carry the latest version', async () => {
    const file = join(dir, 'burst.md');
    const uri = uriOf(file);
    const before = byRule(await client.open(uri, REQUEST_MD), 'one-request-per-doc')[0]!;
    const wait = client.diagnostics(uri, 21);
    const before0 = client.publishCount.get(uri)!;
    for (let v = 2; v <= 21; v++) {
      await client.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '\n' }],
      });
    }
    const p = await wait;
    // Edits that arrive while a lint runs or within debounceMs are linted together, not one by one.
    expect(client.publishCount.get(uri)! - before0).toBeLessThan(20);
    // 20 blank lines inserted above line 2: the second finding is 20 lines further down.
    const moved = { start: { ...before.range.start, line: before.range.start.line + 20 }, end: { ...before.range.end, line: before.range.end.line + 20 } };
    expect(byRule(p.diagnostics, 'one-request-per-doc').map((d) => d.range)).toEqual([moved]);
    await client.close(uri);
  });

  it('hover on a finding shows the rule, why, and the quoted clause with its regulation and article', async () => {
    const file = join(dir, 'hover.md');
    const uri = uriOf(file);
    const diags = await client.open(uri, REQUEST_MD);
    const d = byRule(diags, 'signer-required')[0]!;
    const h = await client.hover(uri, { line: d.range.start.line, character: d.range.start.character + 3 });
    const md = (h!.contents as { kind: string; value: string }).value;
    expect((h!.contents as { kind: string }).kind).toBe('markdown');
    expect(h!.range).toEqual(d.range);
    expect(md).toContain('signer-required');
    expect(md).toContain(d.message);
    expect(md).toContain('签发人。上行文应当标注签发人姓名。');
    expect(md).toContain('党政机关公文处理工作条例 第九条（六）');
    const one = byRule(diags, 'one-request-per-doc')[0]!;
    const h2 = await client.hover(uri, one.range.end);
    const md2 = (h2!.contents as { value: string }).value;
    expect(md2).toContain('为什么');
    expect(md2).toContain('请示应当一文一事。');
    expect(md2).toContain('第十五条（四）');
    // Off any finding: nothing.
    expect(await client.hover(uri, { line: 2, character: 1 })).toBeNull();
    await client.close(uri);
  });

  it('"disable for this line" and "disable in this file" insert directives the CLI honours', async () => {
    const file = join(dir, 'disable.md');
    const uri = uriOf(file);
    const diags = await client.open(uri, REQUEST_MD);
    const d = byRule(diags, 'one-request-per-doc')[0]!;
    const actions = await client.codeActions(uri, d.range, [d]);
    const titles = actions.map((a) => a.title);
    expect(titles).toEqual(expect.arrayContaining(['本行不检查 one-request-per-doc', '本文件不检查 one-request-per-doc']));
    const lineAction = actions.find((a) => a.title === '本行不检查 one-request-per-doc')!;
    expect(lineAction.diagnostics).toEqual([d]);

    const lineEdit = lineAction.edit!.changes![uri]!;
    const afterLine = applyEdits(REQUEST_MD, lineEdit);
    expect(afterLine.split('\n')[10]).toBe('<!-- gwlint-disable-next-line one-request-per-doc -->');
    let now = await client.change(uri, 2, [{ text: afterLine }]);
    expect(byRule(now, 'one-request-per-doc')).toEqual([]);
    writeFileSync(file, afterLine);
    expect(cliPlaces(file, dir).filter((p) => p.startsWith('one-request'))).toEqual([]);

    const s = byRule(now, 'signer-required')[0]!;
    const fileAction = (await client.codeActions(uri, s.range, [s])).find((a) => a.title === '本文件不检查 signer-required')!;
    const afterFile = applyEdits(afterLine, fileAction.edit!.changes![uri]!);
    expect(afterFile.split('\n')[0]).toBe('<!-- gwlint-disable signer-required -->');
    now = await client.change(uri, 3, [{ text: afterFile }]);
    expect(byRule(now, 'signer-required')).toEqual([]);
    writeFileSync(file, afterFile);
    expect(now.map(where)).toEqual(cliPlaces(file, dir));
    await client.close(uri);
  });

  it('puts the directive after front matter, which must stay first', async () => {
    const file = join(dir, 'fm.md');
    const uri = uriOf(file);
    const text = `---\n文种: 请示\n---\n${REQUEST_MD}`;
    const diags = await client.open(uri, text);
    const d = byRule(diags, 'one-request-per-doc')[0]!;
    const a = (await client.codeActions(uri, d.range, [d])).find((x) => x.title.startsWith('本文件'))!;
    const after = applyEdits(text, a.edit!.changes![uri]!);
    expect(after.split('\n').slice(0, 4)).toEqual(['---', '文种: 请示', '---', '<!-- gwlint-disable one-request-per-doc -->']);
    const now = await client.change(uri, 2, [{ text: after }]);
    expect(byRule(now, 'one-request-per-doc')).toEqual([]);
    await client.close(uri);
  });

  it('in plain text, "disable in this file" writes an override to the config, which the CLI then also applies', async () => {
    const sub = mkdtempSync(join(tmpdir(), 'gwlint-lsp-txt-'));
    const c = new TestClient();
    try {
      await c.initialize({ folder: sub, capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } } });
      const file = join(sub, '報告.txt');
      writeFileSync(file, TRAD_REPORT);
      const uri = uriOf(file);
      const diags = await c.open(uri, TRAD_REPORT, 'plaintext');
      const d = byRule(diags, 'no-request-in-report')[0]!;
      const actions = await c.codeActions(uri, d.range, [d]);
      expect(actions.map((a) => a.title)).toEqual(['本文件不检查 no-request-in-report（写入 gwlint.config.json）']);
      // No config yet: the action creates one beside the workspace.
      const changes = actions[0]!.edit!.documentChanges as ({ kind: 'create'; uri: string } | { textDocument: { uri: string }; edits: TextEdit[] })[];
      const cfgUri = uriOf(join(sub, 'gwlint.config.json'));
      expect(changes[0]).toMatchObject({ kind: 'create', uri: cfgUri });
      const created = applyEdits('', (changes[1] as { edits: TextEdit[] }).edits);
      expect(JSON.parse(created)).toEqual({ overrides: [{ files: '報告.txt', rules: { 'no-request-in-report': 'off' } }] });
      writeFileSync(join(sub, 'gwlint.config.json'), created);
      const wait = c.diagnostics(uri);
      await c.watchedFilesChanged(cfgUri);
      expect(byRule((await wait).diagnostics, 'no-request-in-report')).toEqual([]);
      expect(cliPlaces(file, sub).filter((p) => p.startsWith('no-request'))).toEqual([]);

      // With a config: the action edits it, keeping what is there.
      const s = byRule(c.published.get(uri)!.diagnostics, 'signer-required')[0]!;
      const a2 = (await c.codeActions(uri, s.range, [s]))[0]!;
      const edits = a2.edit!.changes![cfgUri]!;
      const updated = applyEdits(created, edits);
      expect(JSON.parse(updated)).toEqual({ overrides: [{ files: '報告.txt', rules: { 'no-request-in-report': 'off', 'signer-required': 'off' } }] });
    } finally {
      await c.shutdown();
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('answers gwlint/status with the live 字数, the cap and its basis, 文种 and direction, as the CLI counts', async () => {
    const file = join(dir, 'status.md');
    writeFileSync(file, REQUEST_MD);
    const uri = uriOf(file);
    await client.open(uri, REQUEST_MD);
    const s = (await client.status(uri))!;
    const cli = cliResult(file, dir);
    expect(s).toMatchObject({ uri, version: 1, charCount: cli.charCount, docType: '请示', direction: '上行', category: '文件稿', trusted: true, profile: 'national' });
    expect(s.cap).toEqual({ limit: 5000, basis: '静海 第六十条' });
    expect(client.statuses.some((x) => x.uri === uri && x.charCount === cli.charCount)).toBe(true);
    // Typing ten characters of 正文 adds ten to the count.
    await client.change(uri, 2, [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '经调查研究认为确有必要' }]);
    expect((await client.status(uri))!.charCount).toBe(cli.charCount + 11);
    await client.close(uri);
  });

  it('offers a built-in rule’s fix, and fix-all gives what `gwlint --fix` writes', async () => {
    const file = join(dir, '通知.md');
    const uri = uriOf(file);
    const text = '# 关于做好防汛工作的通知\n\n各镇街：\n\n现将有关事项通知如下,请遵照执行.\n\n某某区人民政府\n\n2024年5月6日\n';
    const diags = byRule(await client.open(uri, text), 'punctuation');
    const line = text.split('\n')[4]!;
    expect(diags.map(where)).toEqual([`punctuation@4:${line.indexOf(',')}-4:${line.indexOf(',') + 1}`, `punctuation@4:${line.indexOf('.')}-4:${line.indexOf('.') + 1}`]);
    const actions = await client.codeActions(uri, diags[0]!.range, [diags[0]!]);
    expect(actions[0]).toMatchObject({ kind: 'quickfix', isPreferred: true, title: `修正：${diags[0]!.message}`, diagnostics: [diags[0]] });
    expect(actions[0]!.edit!.changes![uri]).toEqual([{ range: diags[0]!.range, newText: '，' }]);
    expect(actions.slice(1).map((a) => a.title)).toEqual(['本行不检查 punctuation', '本文件不检查 punctuation']);
    const all = await client.codeActions(uri, diags[0]!.range, [], ['source.fixAll.gwlint']);
    const fixed = applyEdits(text, all[0]!.edit!.changes![uri]!);
    const cli = runCli(['--stdin', '--stdin-filename', '通知.md', '--fix'], { input: text, cwd: dir });
    expect(fixed).toBe(cli.stdout);
    expect(fixed.split('\n')[4]).toBe('现将有关事项通知如下，请遵照执行。');
    expect(byRule(await client.change(uri, 2, [{ text: fixed }]), 'punctuation')).toEqual([]);
    await client.close(uri);
  });

  it('clears a draft’s diagnostics when it is closed', async () => {
    const uri = uriOf(join(dir, 'close.md'));
    expect((await client.open(uri, REQUEST_MD)).length).toBeGreaterThan(0);
    expect(await client.close(uri)).toEqual([]);
    expect(await client.hover(uri, { line: 0, character: 3 })).toBeNull();
  });
});

describe('a rule’s fix as a code action', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = new TestClient([resolve(ROOT, 'test/lsp/fixtures/server-with-fix-rule.mjs')]);
    await client.initialize({});
  });
  afterAll(() => client.shutdown());

  it('offers the fix as the preferred quick fix and fix-all as source.fixAll, with exact edits (BOM included)', async () => {
    const uri = 'untitled:Untitled-1';
    const text = '\uFEFF# 关于某事的通知\n\n各单位：\n\n现将有关事项通知如下,请遵照执行,不得延误。\n';
    const diags = await client.open(uri, text);
    const commas = byRule(diags, 'test-fullwidth-comma');
    const line = text.split('\n')[4]!;
    expect(commas.map(where)).toEqual([`test-fullwidth-comma@4:${line.indexOf(',')}-4:${line.indexOf(',') + 1}`, `test-fullwidth-comma@4:${line.lastIndexOf(',')}-4:${line.lastIndexOf(',') + 1}`]);
    const actions = await client.codeActions(uri, commas[0]!.range, [commas[0]!]);
    // (The built-in punctuation rule flags the same comma; the hosted rule's action is the one under test.)
    const fix = actions.find((a) => a.title === '修正：中文句子中应使用全角逗号“，”')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [commas[0]] });
    const edits = fix.edit!.changes![uri]!;
    expect(edits).toEqual([{ range: commas[0]!.range, newText: '，' }]);
    const all = await client.codeActions(uri, commas[0]!.range, [], ['source.fixAll']);
    expect(all.map((a: CodeAction) => a.kind)).toEqual(['source.fixAll.gwlint']);
    const fixed = applyEdits(text, all[0]!.edit!.changes![uri]!);
    expect(fixed).toBe(text.replace(/,/g, '，'));
    const after = await client.change(uri, 2, [{ text: fixed }]);
    expect(byRule(after, 'test-fullwidth-comma')).toEqual([]);
  });
});

describe('settings, config and workspace trust', () => {
  it('uses the settings given at start (rules, profile), and says when a setting is wrong', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-set-'));
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir, initializationOptions: { settings: { rules: { 'signer-required': 'off' }, locale: 'en', docsBaseUrl: 'https://docs.example.org/gwlint/rules/' } } });
      const uri = uriOf(join(dir, 'a.md'));
      const diags = await c.open(uri, REQUEST_MD);
      expect(byRule(diags, 'signer-required')).toEqual([]);
      expect(byRule(diags, 'one-request-per-doc')).toHaveLength(1);
      expect(byRule(diags, 'one-request-per-doc')[0]!.message).toMatch(/^[\x20-\x7e\u2018-\u201d]*[A-Za-z]/);
      expect(byRule(diags, 'one-request-per-doc')[0]!.codeDescription).toEqual({ href: 'https://docs.example.org/gwlint/rules/one-request-per-doc.md' });
      const hover = await c.hover(uri, byRule(diags, 'one-request-per-doc')[0]!.range.start);
      expect((hover!.contents as { value: string }).value).toContain('*Why:*');
      await c.close(uri);
    } finally {
      await c.shutdown();
    }
    const c2 = new TestClient();
    try {
      await c2.initialize({ folder: dir, initializationOptions: { settings: { profile: 'no-such-profile' } } });
      const uri = uriOf(join(dir, 'b.md'));
      const diags = await c2.open(uri, REQUEST_MD);
      expect(diags).toHaveLength(1);
      expect(diags[0]!.message).toContain('gwlint 配置错误');
      expect(diags[0]!.message).toContain('no-such-profile');
      expect(c2.messages.some((m) => m.type === 1 && m.message.includes('no-such-profile'))).toBe(true);
    } finally {
      await c2.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows the config found from the draft’s folder, and re-reads it when it changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-cfg-'));
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir });
      const file = join(dir, 'a.md');
      const uri = uriOf(file);
      const two = (ds: Diagnostic[]): Diagnostic[] => ds.filter((d) => d.code === 'signer-required' || d.code === 'one-request-per-doc');
      expect(two(await c.open(uri, REQUEST_MD)).map((d) => [d.code, d.severity])).toEqual([
        ['signer-required', 1],
        ['one-request-per-doc', 1],
      ]);
      writeFileSync(join(dir, 'gwlint.config.json'), JSON.stringify({ rules: { 'one-request-per-doc': 'warn' } }));
      const wait = c.diagnostics(uri);
      await c.watchedFilesChanged(uriOf(join(dir, 'gwlint.config.json')));
      const diags = two((await wait).diagnostics);
      expect(diags.map((d) => [d.code, d.severity])).toEqual([
        ['signer-required', 1],
        ['one-request-per-doc', 2],
      ]);
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('in an untrusted workspace tells the user why only built-in rules and JSON config are used, until trusted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-trust-'));
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir, initializationOptions: { trusted: false } });
      const uri = uriOf(join(dir, 'a.md'));
      await c.open(uri, REQUEST_MD);
      expect(c.messages.map((m) => m.message).join('\n')).toContain('此工作区不受信任');
      expect(c.messages.map((m) => m.message).join('\n')).toContain('不加载插件和 JavaScript 配置');
      expect((await c.status(uri))!.trusted).toBe(false);
      const wait = c.diagnostics(uri);
      await c.conn.sendNotification('gwlint/trust', { trusted: true });
      await wait;
      expect((await c.status(uri))!.trusted).toBe(true);
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('gwlint --lsp and the workspace lint', () => {
  it('serves the same protocol from the main CLI, and lints every draft in the folder on request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-ws-'));
    const c = new TestClient([resolve(ROOT, 'bin/gwlint.js'), '--lsp']);
    try {
      writeFileSync(join(dir, '请示.md'), REQUEST_MD);
      writeFileSync(join(dir, '報告.txt'), TRAD_REPORT);
      writeFileSync(join(dir, 'notes.log'), 'not a draft');
      await c.initialize({ folder: dir });
      const a = c.diagnostics(uriOf(join(dir, '请示.md')));
      const b = c.diagnostics(uriOf(join(dir, '報告.txt')));
      const r = await c.conn.sendRequest('gwlint/lintWorkspace', {});
      const cli = JSON.parse(runCli(['-f', 'json', '.'], { cwd: dir }).stdout) as { errorCount: number; warningCount: number }[];
      expect(r).toEqual({ files: 2, errors: cli.reduce((n, x) => n + x.errorCount, 0), warnings: cli.reduce((n, x) => n + x.warningCount, 0), unreadable: 0 });
      expect((r as { errors: number }).errors).toBe(4);
      expect((await a).diagnostics.map(where)).toEqual(cliPlaces(join(dir, '请示.md'), dir));
      expect((await b).diagnostics.map(where)).toEqual(cliPlaces(join(dir, '報告.txt'), dir));
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
