import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter, type LinterOptions } from '../src/engine/api.js';
import type { LintResult } from '../src/engine/types.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared beside the checkout, as in CI. */
export const SHARED = resolve(ROOT, '..', 'shared');
export const FIXTURES = resolve(ROOT, 'fixtures');

/** Runs the built CLI (dist/, made by `npm run build`, which `npm test` runs first). */
export function runCli(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string> } = {}): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), ...args], {
    cwd: opts.cwd ?? ROOT,
    input: opts.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Lints a draft in-process with the built-in defaults (no config lookup). */
export async function lint(code: string, filename = 'draft.md', opts: LinterOptions = {}): Promise<LintResult> {
  return new Linter({ noConfig: true, ...opts }).lintText(code, filename);
}

/** "rule@line:col" for compact assertions. */
export function places(r: LintResult): string[] {
  return r.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`);
}
