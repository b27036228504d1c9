import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from '../helpers.js';
import { TestClient, uriOf, where } from './client.js';

const REQUEST_MD = readFileSync(join(FIXTURES, 'drafts', '请示-缺签发人且一文多事.md'), 'utf8');

/**
 * A folder with a real plugin installed beside its config. Importing the plugin leaves a marker file, so a
 * test can tell whether its code ran at all, not only whether its rule reported.
 */
function folderWithPlugin(): { dir: string; marker: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-plugin-'));
  const pkg = join(dir, 'node_modules', 'gwlint-plugin-lsptest');
  mkdirSync(pkg, { recursive: true });
  const marker = join(dir, 'plugin-code-ran');
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'gwlint-plugin-lsptest', version: '1.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(
    join(pkg, 'index.js'),
    `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, 'ran');
const cite = { regulation: '测试规范', article: '第一条', clause: '文中不得出现“某某”。' };
export default {
  rules: {
    mark: {
      meta: { id: 'mark', description: { zh: '不写某某', en: 'No placeholder names' }, severity: 'error', cites: [cite], messages: { found: { zh: '占位名称“某某”', en: 'Placeholder name' } } },
      create(context) {
        return { block(block) { const i = block.data.text.indexOf('某某'); if (i >= 0) context.report({ messageId: 'found', block, start: i, end: i + 2 }); } };
      },
    },
  },
};
`,
  );
  writeFileSync(join(dir, 'gwlint.config.json'), JSON.stringify({ plugins: ['lsptest'], rules: { 'lsptest/mark': 'error' } }));
  return { dir, marker };
}

describe('workspace trust with a plugin in the folder', () => {
  it('trusted: the plugin’s rule reports as on the CLI', async () => {
    const { dir, marker } = folderWithPlugin();
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir, initializationOptions: { trusted: true } });
      const file = join(dir, '请示.md');
      writeFileSync(file, REQUEST_MD);
      const diags = await c.open(uriOf(file), REQUEST_MD);
      expect(diags.map((d) => d.code)).toContain('lsptest/mark');
      const cli = JSON.parse(runCli(['-f', 'json', file], { cwd: dir }).stdout)[0].messages as { ruleId: string; line: number; column: number; endLine: number; endColumn: number }[];
      expect(diags.map(where)).toEqual(cli.map((m) => `${m.ruleId}@${m.line - 1}:${m.column - 1}-${m.endLine - 1}:${m.endColumn - 1}`));
      expect(existsSync(marker)).toBe(true);
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('untrusted: no plugin code runs, built-in rules and the JSON config still apply, and the user is told why', async () => {
    const { dir, marker } = folderWithPlugin();
    // The JSON config still applies: it turns a built-in rule down to a warning.
    writeFileSync(join(dir, 'gwlint.config.json'), JSON.stringify({ plugins: ['lsptest'], rules: { 'lsptest/mark': 'error', 'signer-required': 'warn' } }));
    const c = new TestClient();
    try {
      await c.initialize({ folder: dir, initializationOptions: { trusted: false } });
      const uri = uriOf(join(dir, '请示.md'));
      const diags = await c.open(uri, REQUEST_MD);
      expect(diags.map((d) => d.code)).not.toContain('lsptest/mark');
      expect(diags.filter((d) => d.code === 'signer-required' || d.code === 'one-request-per-doc').map((d) => [d.code, d.severity])).toEqual([
        ['signer-required', 2],
        ['one-request-per-doc', 1],
      ]);
      expect(existsSync(marker)).toBe(false);
      expect(c.messages.map((m) => m.message)).toEqual([expect.stringContaining('不加载插件和 JavaScript 配置')]);
      expect((await c.status(uri))?.trusted).toBe(false);

      // Once trusted, the plugin loads and its rule reports.
      const wait = c.diagnostics(uri);
      await c.conn.sendNotification('gwlint/trust', { trusted: true });
      expect((await wait).diagnostics.map((d) => d.code)).toContain('lsptest/mark');
      expect(existsSync(marker)).toBe(true);
    } finally {
      await c.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
