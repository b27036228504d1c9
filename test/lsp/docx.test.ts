import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { buildFixture } from '../../fixtures/docx/build.js';
import type { DocxPreviewResult } from '../../src/lsp/protocol.js';
import { TestClient, uriOf, where } from './client.js';

describe('.docx preview request', () => {
  it('lints the file on disk, publishes its findings as the CLI reports them, returns the marked HTML, and follows changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-docx-'));
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir });
      const file = join(dir, '请示.docx');
      const uri = uriOf(file);
      writeFileSync(file, await buildFixture('title-songti'));
      let wait = c.diagnostics(uri);
      let r = (await c.conn.sendRequest('gwlint/docxPreview', { uri })) as DocxPreviewResult;
      let diags = (await wait).diagnostics;
      const cli = (): string[] =>
        (JSON.parse(runCli(['-f', 'json', file], { cwd: dir }).stdout)[0].messages as { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[]).map(
          (m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`,
        );
      expect(diags.map(where)).toEqual(cli());
      expect(diags.map((d) => d.code)).toContain('fonts');
      expect(r.error).toBeUndefined();
      expect(r.html).toContain('江城市财政局关于购置执法执勤车辆的请示');
      expect(r.html).toContain('<mark');
      expect(r.html).not.toContain('<script');
      expect(r.status).toMatchObject({ docType: '请示', direction: '上行' });

      // Saved again from Word without the fault: the next request (the extension sends one when the file
      // changes on disk) reports what the file says now.
      writeFileSync(file, await buildFixture('compliant'));
      wait = c.diagnostics(uri);
      r = (await c.conn.sendRequest('gwlint/docxPreview', { uri })) as DocxPreviewResult;
      diags = (await wait).diagnostics;
      expect(diags.map(where)).toEqual(cli());
      expect(diags.map((d) => d.code)).not.toContain('fonts');

      // A broken file: no HTML, a reason, and the fatal finding in the Problems panel.
      writeFileSync(file, 'not a zip');
      wait = c.diagnostics(uri);
      r = (await c.conn.sendRequest('gwlint/docxPreview', { uri })) as DocxPreviewResult;
      expect(r.html).toBeNull();
      expect(r.error).toMatch(/无法检查此文件/);
      expect((await wait).diagnostics).toHaveLength(1);
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
