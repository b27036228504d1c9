import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Linter, loadConfig } from '../../src/engine/api.js';
import { ConfigError } from '../../src/engine/config.js';
import { pluginPackageName } from '../../src/engine/plugins.js';
import { ROOT, runCli } from '../helpers.js';

/**
 * A real plugin package on disk: proj/node_modules/gwlint-plugin-tianjin with a rule, a profile and a
 * parser, used through `plugins` in proj/gwlint.config.json — in-process and through the built CLI.
 */

const CITE = { regulation: '示例单位公文规范（测试用）', article: '第三条', clause: '公文中的时限应当明确，不得使用“尽快”等模糊表述。' };

const PLUGIN_JS = `
const vague = {
  meta: {
    id: 'no-vague-deadline',
    description: { zh: '时限应当明确，不用“尽快”', en: 'Deadlines are explicit, not “尽快”' },
    severity: 'warning',
    cites: [${JSON.stringify(CITE)}],
    messages: { vague: { zh: '时限“{{word}}”不明确，应写明日期', en: 'The deadline “{{word}}” is vague' } },
  },
  create(context) {
    return {
      'role:正文'(block) {
        const i = block.data.norm.indexOf('尽快');
        if (i >= 0) context.report({ messageId: 'vague', block, start: i, end: i + 2, data: { word: block.data.text.slice(i, i + 2) } });
      },
    };
  },
};
globalThis.__gwlintTianjinLoaded = (globalThis.__gwlintTianjinLoaded ?? 0) + 1;
export default {
  meta: { name: 'gwlint-plugin-tianjin', version: '1.0.0' },
  rules: { 'no-vague-deadline': vague },
  profiles: [
    {
      name: 'binhai',
      title: '示例：滨海的工作规则（测试用）',
      extends: 'national',
      rules: { 'tianjin/no-vague-deadline': { severity: 'error', cites: [{ regulation: '滨海示例规则', article: '第九条', clause: '时限必须写明具体日期。' }] } },
    },
  ],
  parsers: [
    {
      kind: 'text',
      extensions: ['.memo'],
      binary: false,
      // A memo is plain text: the plugin hands it to gwlint's own text reader.
      async parse(input) {
        const { parserFor } = await import('gwlint');
        return (await parserFor('x.txt')).parse(input);
      },
    },
  ],
};
`;

const DRAFT = '# 关于做好防汛工作的通知\n\n各街道：\n\n请尽快完成隐患排查。\n\n特此通知。\n';

let proj: string;

function pkg(dir: string, name: string, files: Record<string, string>, json: Record<string, unknown> = {}): void {
  const d = join(dir, 'node_modules', ...name.split('/'));
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'package.json'), JSON.stringify({ name, version: '1.0.0', ...json }));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
}

function project(config: Record<string, unknown>): string {
  const d = mkdtempSync(join(proj, 'p-'));
  writeFileSync(join(d, 'gwlint.config.json'), JSON.stringify(config));
  writeFileSync(join(d, 'draft.md'), DRAFT);
  return d;
}

beforeAll(() => {
  proj = mkdtempSync(join(tmpdir(), 'gwlint-plugins-'));
  pkg(proj, 'gwlint-plugin-tianjin', { 'index.js': PLUGIN_JS }, { type: 'module', exports: { '.': { import: './index.js' } }, peerDependencies: { gwlint: '*' } });
  // The plugin's parser imports gwlint as a peer: the project has it installed (here, this checkout).
  symlinkSync(ROOT, join(proj, 'node_modules', 'gwlint'), 'dir');
  pkg(proj, 'gwlint-plugin-cjs', {
    'main.cjs': `module.exports = { rules: [{ meta: { id: 'cjs/hello', description: { zh: '测试', en: 'test' }, severity: 'error', cites: [${JSON.stringify(CITE)}], messages: { m: { zh: '问候', en: 'hello' } } }, create(ctx) { return { document() { ctx.report({ messageId: 'm' }); } }; } }] };`,
  }, { main: 'main.cjs' });
  pkg(proj, 'gwlint-plugin-nocite', {
    'index.js': `export default { rules: [{ meta: { id: 'x', description: { zh: '无依据', en: 'no basis' }, severity: 'error', cites: [], messages: { m: { zh: 'm', en: 'm' } } }, create() { return {}; } }] };`,
  }, { type: 'module' });
  pkg(proj, 'gwlint-plugin-throws', { 'index.js': `throw new Error('boom at load');` }, { type: 'module' });
  pkg(proj, 'gwlint-plugin-empty', { 'index.js': `export default {};` }, { type: 'module' });
  pkg(proj, '@office/gwlint-plugin-rules', {
    'index.js': `export const plugin = { rules: [{ meta: { id: 'scoped', description: { zh: '作用域', en: 'scoped' }, severity: 'warning', cites: [${JSON.stringify(CITE)}], messages: { m: { zh: '作用域插件', en: 'scoped' } } }, create(ctx) { return { document() { ctx.report({ messageId: 'm' }); } }; } }] };`,
  }, { type: 'module', exports: './index.js' });
});

describe('plugin names', () => {
  it('maps what a config writes to the npm package and the rule namespace', () => {
    expect(pluginPackageName('tianjin')).toEqual({ packageName: 'gwlint-plugin-tianjin', prefix: 'tianjin' });
    expect(pluginPackageName('gwlint-plugin-tianjin')).toEqual({ packageName: 'gwlint-plugin-tianjin', prefix: 'tianjin' });
    expect(pluginPackageName('@office/rules')).toEqual({ packageName: '@office/gwlint-plugin-rules', prefix: '@office/rules' });
    expect(pluginPackageName('@office/gwlint-plugin-rules')).toEqual({ packageName: '@office/gwlint-plugin-rules', prefix: '@office/rules' });
    expect(pluginPackageName('../evil')).toBeUndefined();
    expect(pluginPackageName('Bad Name')).toBeUndefined();
  });
});

describe('a gwlint-plugin-* package from the config’s node_modules', () => {
  it('adds its rule, namespaced, with exact positions and its clause', async () => {
    const d = project({ plugins: ['tianjin'], rules: { 'tianjin/no-vague-deadline': 'error' } });
    const r = await new Linter({ cwd: d }).lintFile(join(d, 'draft.md'));
    const m = r.messages.filter((x) => x.ruleId === 'tianjin/no-vague-deadline');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ severity: 'error', message: '时限“尽快”不明确，应写明日期', line: 5, column: 2, endLine: 5, endColumn: 4, cites: [CITE] });
  });

  it('brings a profile that extends a built-in one and cites its own clause', async () => {
    const d = project({ plugins: ['tianjin'], profile: 'tianjin/binhai' });
    const cfg = await loadConfig(join(d, 'draft.md'), { cwd: d });
    expect(cfg.profile).toBe('tianjin/binhai');
    expect(cfg.rules['tianjin/no-vague-deadline']).toMatchObject({ severity: 'error', source: 'profile tianjin/binhai' });
    expect(cfg.rules['one-request-per-doc']!.source).toBe('profile national');
    const r = await new Linter({ cwd: d }).lintFile(join(d, 'draft.md'));
    expect(r.messages.find((x) => x.ruleId === 'tianjin/no-vague-deadline')!.cites).toEqual([{ regulation: '滨海示例规则', article: '第九条', clause: '时限必须写明具体日期。' }]);
  });

  it('works through the CLI: lint, --list-rules, --print-config, and a parser for a new extension', () => {
    const d = project({ plugins: ['tianjin'], rules: { 'tianjin/no-vague-deadline': 'error' } });
    writeFileSync(join(d, 'note.memo'), '关于防汛工作的通知\n\n各街道：\n\n请尽快完成排查。\n');
    const r = runCli(['.', '--format', 'json'], { cwd: d });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(out.map((f) => f.filePath.slice(d.length + 1)).sort()).toEqual(['draft.md', 'note.memo']);
    for (const f of out) expect(f.messages.filter((m) => m.ruleId === 'tianjin/no-vague-deadline')).toHaveLength(1);
    expect(out.find((f) => f.filePath.endsWith('.memo'))!.messages.find((m) => m.ruleId === 'tianjin/no-vague-deadline')).toMatchObject({ line: 5, column: 2 });
    const list = runCli(['--list-rules'], { cwd: d });
    expect(list.stdout).toMatch(/^tianjin\/no-vague-deadline\s+警告\s+时限应当明确/m);
    const pc = JSON.parse(runCli(['--print-config', 'draft.md'], { cwd: d }).stdout);
    expect(pc.rules['tianjin/no-vague-deadline'].severity).toBe('error');
  });

  it('resolves from the config file’s folder, wherever gwlint runs from', () => {
    const d = project({ plugins: ['tianjin'], rules: { 'tianjin/no-vague-deadline': 'error' } });
    const r = runCli([join(d, 'draft.md'), '--format', 'json'], { cwd: tmpdir() });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'tianjin/no-vague-deadline')).toBe(true);
  });

  it('loads CommonJS plugins (main) and scoped ones (named export `plugin`)', async () => {
    const d = project({ plugins: ['cjs', '@office/rules'] });
    const r = await new Linter({ cwd: d }).lintFile(join(d, 'draft.md'));
    expect(r.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['cjs/hello', '@office/rules/scoped']));
  });

  it('a changed plugin rule invalidates --cache', async () => {
    const { writeFileSync: w, readFileSync: rd } = await import('node:fs');
    const d = project({ plugins: ['tianjin'], rules: { 'tianjin/no-vague-deadline': 'error' } });
    const stat = (s: string): string => /解析 (\d+) 次/.exec(s)![1]!;
    expect(stat(runCli(['draft.md', '--cache', '--stats'], { cwd: d }).stderr)).toBe('1');
    expect(stat(runCli(['draft.md', '--cache', '--stats'], { cwd: d }).stderr)).toBe('0');
    const file = join(proj, 'node_modules', 'gwlint-plugin-tianjin', 'index.js');
    const before = rd(file, 'utf8');
    w(file, before.replace('应写明日期', '应写明具体日期'));
    try {
      const r = runCli(['draft.md', '--cache', '--stats'], { cwd: d });
      expect(stat(r.stderr)).toBe('1');
      expect(r.stdout).toContain('时限“尽快”不明确，应写明具体日期');
    } finally {
      w(file, before);
    }
  });
});

describe('plugin faults are configuration errors that say what to do', () => {
  const fails = async (plugins: string[]): Promise<ConfigError> => {
    const d = project({ plugins });
    try {
      await new Linter({ cwd: d }).lintFile(join(d, 'draft.md'));
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).file).toBe(join(d, 'gwlint.config.json'));
      return e as ConfigError;
    }
    throw new Error('expected a ConfigError');
  };

  it('a missing plugin names the package and the install command', async () => {
    const e = await fails(['tianjin', 'missing']);
    expect(e.keyPath).toBe('plugins[1]');
    expect(e.expected).toMatch(/^找不到插件 gwlint-plugin-missing（从 .* 向上查找 node_modules）；在该文件夹运行 npm install --save-dev gwlint-plugin-missing$/);
  });

  it('a rule without a cited clause is refused', async () => {
    expect((await fails(['nocite'])).expected).toBe('插件 gwlint-plugin-nocite 不合规：rules[x].meta.cites 至少 1 项');
  });

  it('a plugin that throws while loading, or exports nothing useful', async () => {
    expect((await fails(['throws'])).expected).toBe('插件 gwlint-plugin-throws 加载失败：boom at load');
    expect((await fails(['empty'])).expected).toBe('插件 gwlint-plugin-empty 不合规：既没有 rules，也没有 profiles 或 parsers');
    expect((await fails(['../x'])).expected).toMatch(/^插件名“..\/x”不合规/);
  });

  it('through the CLI: exit 2 and one readable line, no stack trace', () => {
    const d = project({ plugins: ['missing'] });
    const r = runCli(['draft.md'], { cwd: d });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gwlint: 配置错误：${join(d, 'gwlint.config.json')} 中的 plugins[0]：找不到插件 gwlint-plugin-missing（从 ${d} 向上查找 node_modules）；在该文件夹运行 npm install --save-dev gwlint-plugin-missing\n`);
  });

  it('an unknown plugin profile says which plugin to declare', async () => {
    const d = project({ profile: 'tianjin/binhai' });
    await expect(new Linter({ cwd: d }).lintFile(join(d, 'draft.md'))).rejects.toThrow(/插件“tianjin”未在 plugins 中声明/);
  });
});

describe('allowPlugins: false (an untrusted workspace)', () => {
  it('loads no plugin code and lints with the built-in rules; the plugin’s rule entries are skipped', async () => {
    const d = project({ plugins: ['tianjin', 'throws'], rules: { 'tianjin/no-vague-deadline': 'error' } });
    const g = globalThis as { __gwlintTianjinLoaded?: number };
    const before = g.__gwlintTianjinLoaded ?? 0;
    const linter = new Linter({ cwd: d, allowPlugins: false });
    const r = await linter.lintFile(join(d, 'draft.md'));
    expect(g.__gwlintTianjinLoaded ?? 0).toBe(before);
    expect(r.messages.filter((m) => m.fatal)).toEqual([]);
    expect(r.messages.some((m) => m.ruleId?.startsWith('tianjin/'))).toBe(false);
    expect(linter.rules.has('tianjin/no-vague-deadline')).toBe(false);
  });

  it('a plugin profile is then a clear error, not a silent change of rules', async () => {
    const d = project({ plugins: ['tianjin'], profile: 'tianjin/binhai' });
    await expect(new Linter({ cwd: d, allowPlugins: false }).lintFile(join(d, 'draft.md'))).rejects.toThrow(/来自插件，而此处不加载插件（工作区不受信任）/);
  });
});
