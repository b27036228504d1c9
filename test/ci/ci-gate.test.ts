import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { sarifErrors } from '../formatters/sarif-schema.js';

/**
 * The "done when", end to end through the built CLI: a git repository of drafts with one failing
 * 报告; the SARIF validates and names the right regions; a second run with --cache parses nothing that did
 * not change; --changed-since lints only the draft changed on the branch.
 */

const NOTICE = '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作，落实值班制度。\n\n特此通知。\n';
const REPORT = '区水务局文件\n\n区水发〔2024〕5号　　签发人：王明\n\n# 关于城区防汛工作情况的报告\n\n区政府：\n\n今年排查隐患点42处，已全部整改。部分泵站设备老化，恳请区政府拨付专项经费。\n\n特此报告。\n';
const REQUEST = '区水务局文件\n\n区水发〔2024〕3号　　签发人：王明\n\n# 关于购置排涝设备的请示\n\n区政府：\n\n恳请批准购置排涝泵车2台。\n\n妥否，请批示。\n';
const MINUTES = '关于防汛工作的会议纪要\n\n会议研究了防汛工作，议定事项如下：各街道落实值班制度。\n';
const ASK = '恳请区政府拨付专项经费';

let repo: string;

function git(...args: string[]): string {
  const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

function stats(stderr: string): { files: number; parsed: number; hits?: number; misses?: number } {
  const m = /gwlint 统计：文件 (\d+) 个；解析 (\d+) 次(?:；缓存命中 (\d+) 个、未命中 (\d+) 个)?/.exec(stderr);
  if (!m) throw new Error(`no stats line in:\n${stderr}`);
  return { files: Number(m[1]), parsed: Number(m[2]), ...(m[3] ? { hits: Number(m[3]), misses: Number(m[4]) } : {}) };
}

/**
 * In a shared checkout someone may rebuild dist/ between two runs, which rightly drops the cache; say so
 * instead of failing with a bare count (in CI nothing rebuilds during the tests).
 */
function engineNote(cacheFile: string, before: string | undefined): string {
  let now: string | undefined;
  try {
    now = (JSON.parse(readFileSync(cacheFile, 'utf8')) as { engine?: string }).engine;
  } catch {
    now = undefined;
  }
  return before && now && before !== now ? 'the engine fingerprint changed between the runs: dist/ or rules/ was rebuilt meanwhile' : 'cache counts';
}

function engineOf(cacheFile: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(cacheFile, 'utf8')) as { engine?: string }).engine;
  } catch {
    return undefined;
  }
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'gwlint-repo-'));
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'ci@example.org');
  git('config', 'user.name', 'CI');
  git('config', 'commit.gpgsign', 'false');
  mkdirSync(join(repo, 'drafts'));
  writeFileSync(join(repo, 'drafts', '通知-防汛.md'), NOTICE);
  writeFileSync(join(repo, 'drafts', '报告-防汛情况.md'), REPORT.replace('部分泵站设备老化，恳请区政府拨付专项经费。', '部分泵站设备老化，已安排更换。'));
  writeFileSync(join(repo, 'drafts', '请示-排涝设备.md'), REQUEST);
  writeFileSync(join(repo, 'drafts', '纪要-防汛.txt'), MINUTES);
  writeFileSync(join(repo, 'gwlint.config.json'), JSON.stringify({ profile: 'national' }, null, 2));
  writeFileSync(join(repo, '.gitignore'), '.gwlintcache\nout/\n');
  git('add', '.');
  git('commit', '-q', '-m', 'drafts');
  // The merge request: the 报告 gains an ask for money — the one failing draft.
  git('checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'drafts', '报告-防汛情况.md'), REPORT);
  git('commit', '-q', '-am', 'report asks for funds');
});

describe('CI gate on a repository of drafts', () => {
  it('SARIF: validates against the 2.1.0 schema and names the exact region of the ask in the 报告', () => {
    const r = runCli(['drafts', '--format', 'sarif', '--output-file', 'out/gwlint.sarif'], { cwd: repo });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const log = JSON.parse(readFileSync(join(repo, 'out', 'gwlint.sarif'), 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } } }[] }[];
    expect(results.length).toBeGreaterThan(0);
    // Only the 报告 fails; every result points at it.
    const uris = new Set(results.map((x) => decodeURIComponent(x.locations[0]!.physicalLocation.artifactLocation.uri)));
    expect([...uris]).toEqual(['drafts/报告-防汛情况.md']);
    const ask = results.find((x) => x.ruleId === 'no-request-in-report')!;
    const region = ask.locations[0]!.physicalLocation.region;
    // Where the ask is in the file, found independently of gwlint.
    const lines = REPORT.split('\n');
    const line = lines.findIndex((l) => l.includes(ASK)) + 1;
    const column = lines[line - 1]!.indexOf(ASK) + 1;
    expect(region).toEqual({ startLine: line, startColumn: column, endLine: line, endColumn: column + ASK.length });
    // And every region is inside the file and says what it covers.
    for (const x of results) {
      const g = x.locations[0]!.physicalLocation.region;
      expect(g.startLine).toBeGreaterThanOrEqual(1);
      expect(g.startLine).toBeLessThanOrEqual(lines.length);
      expect(g.startColumn).toBeLessThanOrEqual(lines[g.startLine - 1]!.length + 1);
    }
  });

  it('--cache: the second run parses nothing; a changed draft, config or engine is linted again', () => {
    rmSync(join(repo, '.gwlintcache'), { force: true });
    try {
      cacheScenario();
    } finally {
      writeFileSync(join(repo, 'gwlint.config.json'), JSON.stringify({ profile: 'national' }, null, 2));
      writeFileSync(join(repo, 'drafts', '通知-防汛.md'), NOTICE);
    }
  });

  function cacheScenario(): void {
    const args = ['drafts', '--cache', '--stats', '--format', 'json'];
    const first = runCli(args, { cwd: repo });
    expect(first.code).toBe(1);
    expect(stats(first.stderr)).toEqual({ files: 4, parsed: 4, hits: 0, misses: 4 });
    expect(existsSync(join(repo, '.gwlintcache'))).toBe(true);

    const engine = engineOf(join(repo, '.gwlintcache'));
    const second = runCli(args, { cwd: repo });
    expect(stats(second.stderr), engineNote(join(repo, '.gwlintcache'), engine)).toEqual({ files: 4, parsed: 0, hits: 4, misses: 0 });
    expect(second.code).toBe(1);
    // Same report, byte for byte, from the cache.
    expect(second.stdout).toBe(first.stdout);

    // One draft edited: one parse.
    writeFileSync(join(repo, 'drafts', '通知-防汛.md'), NOTICE.replace('落实值班制度', '落实24小时值班制度'));
    expect(stats(runCli(args, { cwd: repo }).stderr)).toEqual({ files: 4, parsed: 1, hits: 3, misses: 1 });

    // The config changes a rule: every draft's configuration changed.
    writeFileSync(join(repo, 'gwlint.config.json'), JSON.stringify({ profile: 'national', rules: { 'no-request-in-report': 'warn' } }));
    const warned = runCli(args, { cwd: repo });
    expect(stats(warned.stderr)).toEqual({ files: 4, parsed: 4, hits: 0, misses: 4 });
    expect(warned.code).toBe(0);
    expect(stats(runCli(args, { cwd: repo }).stderr).parsed).toBe(0);

    // A different profile on the command line: linted again.
    expect(stats(runCli([...args, '--rule', 'signer-required: warn'], { cwd: repo }).stderr)).toMatchObject({ parsed: 4, hits: 0 });

    // Another gwlint build (engine fingerprint) drops the whole cache.
    const cacheFile = join(repo, '.gwlintcache');
    const data = JSON.parse(readFileSync(cacheFile, 'utf8'));
    data.engine = 'another-build';
    writeFileSync(cacheFile, JSON.stringify(data));
    expect(stats(runCli(args, { cwd: repo }).stderr)).toMatchObject({ parsed: 4, hits: 0 });

    // A damaged cache file is ignored and rewritten, not an error.
    writeFileSync(cacheFile, '{"format":1,"entries":');
    const damaged = runCli(args, { cwd: repo });
    expect(damaged.stderr).not.toContain('Error');
    expect(stats(damaged.stderr)).toMatchObject({ parsed: 4, hits: 0 });
    expect(stats(runCli(args, { cwd: repo }).stderr)).toMatchObject({ parsed: 0, hits: 4 });
  }

  it('--cache-location puts the cache file where it is told (a folder gets .gwlintcache inside)', () => {
    const r = runCli(['drafts', '--cache', '--cache-location', 'out/cache/', '--stats'], { cwd: repo });
    expect(stats(r.stderr)).toMatchObject({ files: 4, parsed: 4 });
    expect(existsSync(join(repo, 'out', 'cache', '.gwlintcache'))).toBe(true);
    const engine = engineOf(join(repo, 'out', 'cache', '.gwlintcache'));
    const again = runCli(['drafts', '--cache', '--cache-location', 'out/cache/', '--stats'], { cwd: repo });
    expect(stats(again.stderr), engineNote(join(repo, 'out', 'cache', '.gwlintcache'), engine)).toMatchObject({ parsed: 0, hits: 4 });
  });

  it('--changed-since main lints only the draft changed on the branch', () => {
    const r = runCli(['drafts', '--changed-since', 'main', '--format', 'json', '--stats'], { cwd: repo });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
    expect(out.map((x) => x.filePath)).toEqual([join(repo, 'drafts', '报告-防汛情况.md')]);
    expect(stats(r.stderr)).toMatchObject({ files: 1, parsed: 1 });
    expect(r.stderr).toContain('--changed-since main：4 个文件中 1 个有改动');
  });

  it('--changed-since also takes uncommitted edits and new untracked drafts, and skips deleted ones', () => {
    writeFileSync(join(repo, 'drafts', '通知-新.md'), NOTICE);
    writeFileSync(join(repo, 'drafts', '纪要-防汛.txt'), MINUTES + '\n散会。\n');
    git('rm', '-q', 'drafts/请示-排涝设备.md');
    try {
      const r = runCli(['drafts', '--changed-since', 'main', '--format', 'json'], { cwd: repo });
      const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => x.filePath.slice(repo.length + 1)).sort();
      expect(files).toEqual(['drafts/报告-防汛情况.md', 'drafts/纪要-防汛.txt', 'drafts/通知-新.md'].sort());
      // Nothing changed under a folder: a clean, empty run.
      mkdirSync(join(repo, 'archive'), { recursive: true });
      writeFileSync(join(repo, 'archive', 'old.md'), NOTICE);
      git('add', 'archive/old.md');
      git('commit', '-q', '-m', 'archive', '--', 'archive/old.md');
      const none = runCli(['archive', '--changed-since', 'HEAD', '--format', 'json'], { cwd: repo });
      expect(none.code).toBe(0);
      expect(JSON.parse(none.stdout)).toEqual([]);
    } finally {
      git('reset', '-q', 'HEAD~1');
      rmSync(join(repo, 'archive'), { recursive: true, force: true });
      git('checkout', '-q', 'HEAD', '--', 'drafts/请示-排涝设备.md', 'drafts/纪要-防汛.txt');
      rmSync(join(repo, 'drafts', '通知-新.md'));
    }
  });

  it('--changed-since says clearly when it cannot answer (exit 2)', () => {
    const bad = runCli(['drafts', '--changed-since', 'no-such-branch'], { cwd: repo });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('git 中没有“no-such-branch”这个分支、标签或提交');
    const option = runCli(['drafts', '--changed-since', '--output=x'], { cwd: repo });
    expect(option.code).toBe(2);
    const outside = mkdtempSync(join(tmpdir(), 'gwlint-nogit-'));
    writeFileSync(join(outside, 'a.md'), NOTICE);
    const nogit = runCli(['a.md', '--changed-since', 'main'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: tmpdir() } });
    expect(nogit.code).toBe(2);
    expect(nogit.stderr).toContain('只能在 git 仓库中使用');
    expect(nogit.stderr).not.toMatch(/\n\s+at /);
  });

  it('--max-warnings turns too many warnings into a failing exit code', () => {
    const args = ['drafts', '--rule', 'no-request-in-report: warn', '--format', 'github'];
    const under = runCli([...args, '--max-warnings', '10'], { cwd: repo });
    expect(under.code).toBe(0);
    const over = runCli([...args, '--max-warnings', '0'], { cwd: repo });
    expect(over.code).toBe(1);
    expect(over.stdout).toMatch(/^::error title=gwlint::\d+ 个警告，超过 --max-warnings（0）$/m);
    expect(over.stdout).toMatch(/^::warning file=drafts\/报告-防汛情况\.md,line=9,col=27,endLine=9,endColumn=38,title=no-request-in-report::/m);
    expect(runCli([...args, '--max-warnings', 'x'], { cwd: repo }).code).toBe(2);
  });
});
