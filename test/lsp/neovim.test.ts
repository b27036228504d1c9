import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, runCli } from '../helpers.js';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  code: string;
  message: string;
  severity: number;
}

/**
 * What the CLI reports, in Neovim's terms: 0-based lines and byte columns. The conversion from UTF-16
 * columns is done here on the file's own lines, independently of the server and of Neovim.
 */
function cliAsNvim(file: string, cwd: string): NvimDiagnostic[] {
  const results = JSON.parse(runCli(['-f', 'json', file], { cwd }).stdout) as {
    messages: { ruleId: string; message: string; severity: string; line: number; column: number; endLine: number; endColumn: number }[];
  }[];
  const lines = readFileSync(file, 'utf8').split('\n');
  const bytes = (line: number, column: number): number => Buffer.byteLength((lines[line - 1] ?? '').slice(0, column - 1), 'utf8');
  return results[0]!.messages.map((m) => ({
    lnum: m.line - 1,
    col: bytes(m.line, m.column),
    end_lnum: m.endLine - 1,
    end_col: bytes(m.endLine, m.endColumn),
    code: m.ruleId,
    message: m.message,
    severity: m.severity === 'error' ? 1 : 2,
  }));
}

// CI installs neovim (.ci/run); a developer machine without it skips rather than fails.
describe.skipIf(!hasNvim && !process.env.CI)('headless Neovim as an independent LSP client', () => {
  const drafts: [string, string, number][] = [
    [join(FIXTURES, 'drafts', '请示-缺签发人且一文多事.md'), '请示.md', 4],
    [join(FIXTURES, 'traditional', '報告-夾帶請示.txt'), '報告.txt', 4],
    [join(FIXTURES, 'traditional', '請示-缺簽發人.md'), '請示.md', 2],
  ];
  for (const [fixture, name, editLine] of drafts) {
    it(`shows the same diagnostics as the CLI at the same places, before and after an edit: ${name}`, { timeout: 120000 }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'gwlint-nvim-'));
      try {
        const file = join(dir, name);
        copyFileSync(fixture, file);
        const out = join(dir, 'out.json');
        const edited = join(dir, `edited-${name}`);
        const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${resolve(ROOT, 'test/lsp/fixtures/nvim-diagnostics.lua')}`], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 110000,
          env: {
            ...process.env,
            GWLINT_FILE: file,
            GWLINT_OUT: out,
            GWLINT_EDITED: edited,
            GWLINT_EDIT_LINE: String(editLine),
            GWLINT_CMD: JSON.stringify([process.execPath, resolve(ROOT, 'bin/gwlint-language-server.js')]),
          },
        });
        let got: { first_ok: boolean; first: NvimDiagnostic[]; second_ok: boolean; second: NvimDiagnostic[] };
        try {
          got = JSON.parse(readFileSync(out, 'utf8'));
        } catch {
          throw new Error(`Neovim wrote no result (exit ${r.status}): ${r.stderr}${r.stdout}`);
        }
        expect(got.first_ok).toBe(true);
        const expected = cliAsNvim(file, dir);
        expect(expected.length).toBeGreaterThan(0);
        expect(got.first).toEqual(expected);
        expect(got.second_ok).toBe(true);
        const after = cliAsNvim(edited, dir);
        expect(got.second).toEqual(after);
        // Findings below the inserted line moved down one, the others stayed.
        expect(after.map((d) => d.lnum)).toEqual(expected.map((d) => (d.lnum >= editLine ? d.lnum + 1 : d.lnum)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
  it('is not skipped in CI', () => {
    expect(hasNvim).toBe(true);
  });
});
