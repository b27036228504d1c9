import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { configOverrideEdit, frontMatterEnd } from '../../src/lsp/actions.js';
import { Linter } from '../../src/engine/api.js';
import { uriOf } from './client.js';

const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-actions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function apply(original: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///c', 'json', 1, original), edits);
}

describe('"disable in this file" for plain text: the config override', () => {
  it('keeps a YAML config’s comments and adds the override the engine then applies', async () => {
    const sub = join(dir, 'yaml');
    const cfg = join(sub, '.gwlintrc.yaml');
    const draft = join(sub, 'drafts', '报告[终稿].txt');
    const original = '# 本处室的设置\nprofile: national\nrules:\n  signer-required: warn # 版头另行套印\n';
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(sub, 'drafts'), { recursive: true });
    writeFileSync(cfg, original);
    const r = configOverrideEdit(draft, 'no-request-in-report', cfg, sub, false)!;
    expect(r.config).toBe('.gwlintrc.yaml');
    const updated = apply(original, r.edit.changes![uriOf(cfg)]!);
    expect(updated).toContain('# 本处室的设置');
    expect(updated).toContain('signer-required: warn # 版头另行套印');
    writeFileSync(cfg, updated);
    // The escaped glob matches this file (with its brackets) and no other.
    const linter = new Linter({ cwd: sub });
    expect(linter.configFor(draft).rules['no-request-in-report']?.severity).toBe('off');
    expect(linter.configFor(join(sub, 'drafts', '报告终.txt')).rules['no-request-in-report']?.severity).not.toBe('off');
    // A second rule for the same file joins the same override.
    const again = configOverrideEdit(draft, 'signer-required', cfg, sub, false)!;
    const twice = apply(updated, again.edit.changes![uriOf(cfg)]!);
    expect((twice.match(/files:/g) ?? []).length).toBe(1);
    expect(twice).toMatch(/no-request-in-report: off[\s\S]*signer-required: off|signer-required: off[\s\S]*no-request-in-report: off/);
  });

  it('adds to a JSON config’s overrides, and leaves an unparsable config alone', () => {
    const cfg = join(dir, 'gwlint.config.json');
    const draft = join(dir, 'a.txt');
    const original = JSON.stringify({ overrides: [{ files: '*.md', rules: { 'length-cap': 'off' } }] }, null, 2);
    writeFileSync(cfg, original);
    const r = configOverrideEdit(draft, 'signer-required', cfg, dir, true)!;
    expect(JSON.parse(apply(original, r.edit.changes![uriOf(cfg)]!))).toEqual({
      overrides: [
        { files: '*.md', rules: { 'length-cap': 'off' } },
        { files: 'a.txt', rules: { 'signer-required': 'off' } },
      ],
    });
    writeFileSync(cfg, '{ "rules": ');
    expect(configOverrideEdit(draft, 'signer-required', cfg, dir, true)).toBeUndefined();
  });

  it('creates a config only when the client can create files', () => {
    const draft = join(dir, 'new', 'b.txt');
    expect(configOverrideEdit(draft, 'signer-required', undefined, join(dir, 'new'), false)).toBeUndefined();
    const r = configOverrideEdit(draft, 'signer-required', undefined, join(dir, 'new'), true)!;
    expect(r.edit.documentChanges![0]).toEqual({ kind: 'create', uri: uriOf(join(dir, 'new', 'gwlint.config.json')), options: { ignoreIfExists: true } });
  });
});

describe('front matter', () => {
  it('finds where a leading YAML block ends, and only a leading one', () => {
    expect(frontMatterEnd('---\n文种: 请示\n---\n# 标题\n')).toBe(3);
    expect(frontMatterEnd('\uFEFF---\na: 1\n...\n正文\n')).toBe(3);
    expect(frontMatterEnd('# 标题\n---\n')).toBe(0);
    expect(frontMatterEnd('---\n没有结束\n')).toBe(0);
  });
});
