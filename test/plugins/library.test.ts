import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/**
 * gwlint as a dependency of another project: `import … from 'gwlint'` and 'gwlint/rule-tester' resolve
 * through package.json `exports` to the built files, work at run time, and type-check in a strict
 * NodeNext TypeScript project.
 */

let app: string;

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'gwlint-lib-'));
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(ROOT, join(app, 'node_modules', 'gwlint'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));
});

const CONSUMER = `
import { lintText, lintFile, loadConfig, Linter, builtinRules, definePlugin, type LintResult, type Rule, type GwlintPlugin, type ResolvedConfig } from 'gwlint';
import { RuleTester } from 'gwlint/rule-tester';
import { writeFileSync } from 'node:fs';

const rule: Rule = {
  meta: {
    id: 'no-asap',
    description: { zh: '不用“尽快”', en: 'no “尽快”' },
    severity: 'warning',
    cites: [{ regulation: '测试规范', article: '第一条', clause: '时限应当明确。' }],
    messages: { asap: { zh: '时限不明确', en: 'vague deadline' } },
  },
  create(context) {
    return {
      'role:正文'(block) {
        const i = block.data.norm.indexOf('尽快');
        if (i >= 0) context.report({ messageId: 'asap', block, start: i, end: i + 2 });
      },
    };
  },
};
const plugin: GwlintPlugin = definePlugin({ rules: [rule] });

const draft = '# 关于做好防汛工作的通知\\n\\n各街道：\\n\\n请尽快完成排查。\\n';
const a: LintResult = await lintText(draft, { noConfig: true, filePath: 'x.md', rules: plugin.rules as Rule[] });
writeFileSync('draft.md', draft);
const b: LintResult = await lintFile('draft.md', { noConfig: true });
const c: ResolvedConfig = await loadConfig('draft.md', { noConfig: true });
const { messages } = await new RuleTester().verify(rule, { code: draft });
const linter = new Linter({ noConfig: true });
console.log(JSON.stringify({
  a: a.messages.map((m) => m.ruleId + '@' + m.line + ':' + m.column),
  b: b.errorCount,
  c: [c.profile, c.rules['signer-required']?.severity, builtinRules.some((r) => r.meta.id === 'signer-required')],
  tester: messages.map((m) => m.message),
  rules: linter.rules.size,
}));
`;

describe('gwlint as a library', () => {
  it('runs from another project through the package exports', () => {
    writeFileSync(join(app, 'use.mjs'), CONSUMER.replace(/, type \w+/g, '').replace(/: (LintResult|ResolvedConfig|GwlintPlugin|Rule)\b/g, '').replace(/ as Rule\[\]/g, ''));
    const r = spawnSync(process.execPath, ['use.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.a).toEqual(['no-asap@5:2']);
    expect(out.b).toBe(0);
    expect(out.c).toEqual(['national', 'error', true]);
    expect(out.tester).toEqual(['时限不明确']);
    expect(out.rules).toBeGreaterThan(3);
  });

  it('type-checks in a strict NodeNext project (and the check can fail)', () => {
    writeFileSync(join(app, 'use.ts'), CONSUMER);
    // A second file misuses the types: its one error proves the check is real; use.ts must have none.
    writeFileSync(join(app, 'wrong.ts'), `import { lintText } from 'gwlint';\nconst r = await lintText('x');\nexport const wrong: number = r.messages[0]!.message;\n`);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')], skipLibCheck: true }, files: ['use.ts', 'wrong.ts'] }),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], { cwd: app, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n')).toEqual(["wrong.ts(3,14): error TS2322: Type 'string' is not assignable to type 'number'."]);
  }, 180000);
});
