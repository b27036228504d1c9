import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';
import { sarifErrors } from '../formatters/sarif-schema.js';

/**
 * The integration files are code too: action.yml's scripts are run here with bash as the runner would run
 * them (inputs through the environment), the pre-commit hooks are run on staged-file arguments, and every
 * gwlint command line in the CI recipes is checked against the real options.
 */

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const REPORT = '区水务局文件\n\n区水发〔2024〕5号　　签发人：王明\n\n# 关于城区防汛工作情况的报告\n\n区政府：\n\n部分泵站设备老化，恳请区政府拨付专项经费。\n\n特此报告。\n';
const NOTICE = '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n特此通知。\n';

/** `${{ … }}` as the runner would fill it, for the few contexts the action uses. */
function expand(value: string, ctx: { inputs: Record<string, string>; outputs: Record<string, Record<string, string>>; runnerTemp: string }): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    let m: RegExpExecArray | null;
    if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return ctx.inputs[m[1]!] ?? action.inputs[m[1]!]?.default ?? '';
    if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return ctx.outputs[m[1]!]?.[m[2]!] ?? '';
    if (expr === 'runner.temp') return ctx.runnerTemp;
    if (expr === 'github.action_path') return ROOT;
    throw new Error(`unexpected expression ${expr}`);
  });
}

function runStep(step: Step, cwd: string, ctx: Parameters<typeof expand>[1]): { code: number; stdout: string; stderr: string; outputs: Record<string, string> } {
  const out = join(ctx.runnerTemp, `output-${step.id ?? 'x'}-${Math.random().toString(36).slice(2)}`);
  writeFileSync(out, '');
  const env: Record<string, string> = { PATH: process.env.PATH!, HOME: process.env.HOME ?? tmpdir(), NO_COLOR: '1', GITHUB_OUTPUT: out, GITHUB_WORKSPACE: cwd };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, ctx);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', step.run!], { cwd, env, encoding: 'utf8' });
  const outputs = Object.fromEntries(
    readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, outputs };
}

const step = (id: string): Step => action.runs.steps.find((s) => s.id === id || s.name === id)!;

let repo: string;
let runnerTemp: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gwlint-action-'));
  runnerTemp = mkdtempSync(join(tmpdir(), 'gwlint-runner-'));
  mkdirSync(join(repo, 'drafts'));
  writeFileSync(join(repo, 'drafts', '报告.md'), REPORT);
  writeFileSync(join(repo, 'drafts', '通知.md'), NOTICE);
  writeFileSync(join(repo, 'README.md'), '# 仓库说明\n');
  const git = (...a: string[]): void => void spawnSync('git', a, { cwd: repo });
  git('init', '-q', '-b', 'main');
  git('-c', 'user.email=ci@example.org', '-c', 'user.name=CI', 'commit', '-q', '--allow-empty', '-m', 'start');
});

describe('action.yml (composite action)', () => {
  it('is a composite action: node, install, lint, upload SARIF, gate', () => {
    expect(action.runs.using).toBe('composite');
    const uses = action.runs.steps.map((s) => s.uses ?? s.id ?? s.name);
    expect(uses).toEqual(['actions/setup-node@v4', 'install', 'lint', 'github/codeql-action/upload-sarif@v3', 'Gate']);
    const upload = action.runs.steps[3]!;
    expect(upload.with).toEqual({ sarif_file: '${{ inputs.sarif-file }}', category: '${{ inputs.category }}' });
    expect(upload.if).toContain("steps.lint.outputs.sarif-written == 'true'");
    for (const s of action.runs.steps) if (s.run) expect(s.shell, s.name).toBe('bash');
  });

  it('declares every input it reads, and never pastes an expression into a script', () => {
    const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    for (const m of text.matchAll(/inputs\.([\w-]+)/g)) expect(action.inputs, m[1]).toHaveProperty(m[1]!);
    for (const s of action.runs.steps) if (s.run) expect(s.run, s.name).not.toContain('${{');
    for (const [name, o] of Object.entries(action.outputs)) expect(o.value, name).toMatch(/^\$\{\{ steps\.lint\.outputs\.[\w-]+ \}\}$/);
  });

  it('its lint script writes valid SARIF, prints annotations from the cache, and reports the exit code', () => {
    const ctx = { inputs: { files: 'drafts/', args: '--stats' }, outputs: { install: { bin: join(ROOT, 'bin', 'gwlint.js') } }, runnerTemp };
    const r = runStep(step('lint'), repo, ctx);
    expect(r.code).toBe(0);
    expect(r.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'gwlint.sarif', 'sarif-written': 'true' });
    const log = JSON.parse(readFileSync(join(repo, 'gwlint.sarif'), 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toContain('no-request-in-report');
    expect(r.stdout).toMatch(/^::error file=drafts\/报告\.md,line=9,col=10,endLine=9,endColumn=21,title=no-request-in-report::/m);
    // First run parses both drafts; the annotation run is served from the cache in RUNNER_TEMP.
    expect(r.stderr.match(/解析 (\d+) 次/g)).toEqual(['解析 2 次', '解析 0 次']);
    expect(existsSync(join(runnerTemp, 'gwlint-cache', '.gwlintcache'))).toBe(true);

    const gate = step('Gate');
    expect(runStep(gate, repo, { ...ctx, outputs: { lint: r.outputs } }).code).toBe(1);
    expect(runStep(gate, repo, { ...ctx, inputs: { 'fail-on-error': 'false' }, outputs: { lint: r.outputs } }).code).toBe(0);
    expect(runStep(gate, repo, { ...ctx, outputs: { lint: { 'exit-code': '2' } } }).code).toBe(2);
  });

  it('treats inputs as data: a file name cannot run shell code', () => {
    const ctx = { inputs: { files: 'drafts/通知.md $(touch${IFS}pwned) `touch pwned2`', annotations: 'false' }, outputs: { install: { bin: join(ROOT, 'bin', 'gwlint.js') } }, runnerTemp };
    const r = runStep(step('lint'), repo, ctx);
    expect(r.code).toBe(0);
    expect(readdirSync(repo).filter((f) => f.startsWith('pwned'))).toEqual([]);
    // The odd words reached gwlint as file patterns that match nothing: a usage error, reported as such.
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.outputs['sarif-written']).toBeUndefined();
  });

  it('passes --changed-since through, and a configuration error fails the gate', () => {
    const ctx = { inputs: { files: 'drafts/', 'changed-since': 'no-such-ref' }, outputs: { install: { bin: join(ROOT, 'bin', 'gwlint.js') } }, runnerTemp };
    const r = runStep(step('lint'), repo, ctx);
    expect(r.outputs['exit-code']).toBe('2');
    expect(r.stderr).toContain('no-such-ref');
    expect(runStep(step('Gate'), repo, { ...ctx, outputs: { lint: r.outputs } }).code).toBe(2);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string }[];

  it('declares script hooks whose entry is an executable script in this repository', () => {
    expect(hooks.map((h) => h.id)).toEqual(['gwlint', 'gwlint-fix']);
    for (const h of hooks) {
      expect(h.language).toBe('script');
      const script = join(ROOT, h.entry.split(' ')[0]!);
      expect(existsSync(script), script).toBe(true);
      expect(statSync(script).mode & 0o111, `${script} is executable`).not.toBe(0);
    }
    const files = new RegExp(hooks[0]!.files);
    for (const f of ['a/报告.md', 'b.txt', 'c.docx', 'd.markdown']) expect(files.test(f), f).toBe(true);
    for (const f of ['e.pdf', 'f.md.bak', 'g.doc']) expect(files.test(f), f).toBe(false);
  });

  it('runs as pre-commit runs it: the entry, from the user’s repository, with the staged file names appended', () => {
    const run = (h: (typeof hooks)[number], files: string[]): { status: number | null; stdout: string } => {
      const [script, ...args] = h.entry.split(' ');
      // pre-commit runs the script from its clone of this repository, in the user's repository.
      return spawnSync(join(ROOT, script!), [...args, ...files], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    };
    const bad = run(hooks[0]!, ['drafts/报告.md', 'drafts/通知.md']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('drafts/报告.md');
    expect(bad.stdout).toContain('no-request-in-report');
    expect(run(hooks[0]!, ['drafts/通知.md']).status).toBe(0);
  });
});

describe('CI recipes in docs/ci', () => {
  const help = runCli(['--help']).stdout;
  const known = new Set([...help.matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((m) => m[1]!));

  it('parse as YAML', () => {
    for (const f of readdirSync(join(ROOT, 'docs', 'ci')).filter((x) => /\.ya?ml$/.test(x))) {
      expect(() => parseYaml(readFileSync(join(ROOT, 'docs', 'ci', f), 'utf8')), f).not.toThrow();
    }
  });

  it('use only options gwlint has', () => {
    expect(known.has('--changed-since')).toBe(true);
    const docs = [
      ...readdirSync(join(ROOT, 'docs', 'ci')).map((f) => join(ROOT, 'docs', 'ci', f)),
      join(ROOT, 'docs', 'configuration.md'),
      join(ROOT, 'docs', 'formats.md'),
    ];
    for (const file of docs) {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const at = line.search(/\bgwlint(@[\w.]+)? /);
        if (at < 0 || /\bnpm install\b/.test(line)) continue;
        for (const m of line.slice(at).matchAll(/\s(--[a-z][\w-]*)/g)) expect(known.has(m[1]!), `${file}: ${m[1]} in “${line.trim()}”`).toBe(true);
      }
    }
  });

  it('give the action only inputs it has', () => {
    const wf = parseYaml(readFileSync(join(ROOT, 'docs', 'ci', 'github-workflow.yml'), 'utf8')) as { jobs: Record<string, { steps: Step[] }> };
    const uses = Object.values(wf.jobs).flatMap((j) => j.steps).filter((s) => s.uses?.includes('/gwlint@'));
    expect(uses).toHaveLength(1);
    for (const k of Object.keys(uses[0]!.with ?? {})) expect(action.inputs, k).toHaveProperty(k);
  });
});
