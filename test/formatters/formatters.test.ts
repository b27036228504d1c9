import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import type { LintResult } from '../../src/engine/types.js';
import { formatterNames, loadFormatter } from '../../src/formatters/index.js';
import type { FormatterContext } from '../../src/formatters/types.js';
import { escapeData, escapeProperty } from '../../src/formatters/github.js';
import { ROOT } from '../helpers.js';
import { sarifErrors } from './sarif-schema.js';

const REPORT = '# 关于工作情况的报告\n\n区政府：\n\n今年完成各项任务。恳请区政府拨付经费。\n\n特此报告。\n';
const REQUEST = '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。\n';

let dir: string;
let linter: Linter;
let results: LintResult[];
let ctx: FormatterContext;

async function format(name: string, rs: LintResult[] = results, extra: Partial<FormatterContext> = {}): Promise<string> {
  const f = await loadFormatter(name);
  if (!f) throw new Error(`no formatter ${name}`);
  return f(rs, { ...ctx, ...extra });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gwlint-fmt-'));
  writeFileSync(join(dir, '工作报告.md'), REPORT);
  writeFileSync(join(dir, 'request.md'), REQUEST);
  writeFileSync(join(dir, 'empty.md'), '');
  linter = new Linter({ noConfig: true, cwd: dir });
  results = [];
  for (const f of ['工作报告.md', 'request.md', 'empty.md']) results.push(await linter.lintFile(join(dir, f)));
  ctx = { cwd: dir, locale: 'zh', color: false, rules: linter.rules };
});

describe('formatter registry', () => {
  it('offers the CI formats by name', () => {
    expect(formatterNames()).toEqual(expect.arrayContaining(['stylish', 'json', 'sarif', 'junit', 'github', 'gitlab']));
  });
});

describe('--format sarif', () => {
  it('is valid SARIF 2.1.0 by the OASIS schema', async () => {
    const log = JSON.parse(await format('sarif'));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
  });

  it('the schema check can fail: a region starting at line 0 is rejected', async () => {
    const log = JSON.parse(await format('sarif'));
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(sarifErrors(log).join('\n')).toMatch(/startLine must be >= 1/);
  });

  it('lists every rule with its description, its help page and the clause it cites', async () => {
    const log = JSON.parse(await format('sarif'));
    const rules = log.runs[0].tool.driver.rules as { id: string; helpUri?: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { markdown: string }; properties: { cites: { clause: string }[] } }[];
    for (const id of linter.rules.keys()) {
      const r = rules.find((x) => x.id === id)!;
      expect(r, id).toBeDefined();
      expect(r.shortDescription.text).toBe(linter.rules.get(id)!.meta.description.zh);
      expect(r.helpUri, id).toMatch(new RegExp(`^file://.*/docs/rules/${id}\\.md$`));
      expect(existsSync(fileURLToPath(r.helpUri!)), `${id}: ${r.helpUri}`).toBe(true);
      for (const c of linter.rules.get(id)!.meta.cites) {
        expect(r.fullDescription.text).toContain(c.clause);
        expect(r.help.markdown).toContain(c.clause);
      }
    }
    const nrr = rules.find((x) => x.id === 'no-request-in-report')!;
    expect(nrr.properties.cites[0]!.clause).toBe('请示应当一文一事。不得在报告等非请示性公文中夹带请示事项。');
  });

  it('names exact regions, relative to the run folder, with the file name percent-encoded', async () => {
    const log = JSON.parse(await format('sarif'));
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    const ask = run.results.find((r: { ruleId: string }) => r.ruleId === 'no-request-in-report');
    const loc = ask.locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: encodeURIComponent('工作报告.md'), uriBaseId: '%SRCROOT%' });
    // “恳请区政府拨付经费” starts at line 5, column 10 (after 今年完成各项任务。) and ends before 。
    expect(loc.region).toEqual({ startLine: 5, startColumn: 10, endLine: 5, endColumn: 19 });
    expect(REPORT.split('\n')[4]!.slice(9, 18)).toBe('恳请区政府拨付经费');
    expect(run.tool.driver.rules[ask.ruleIndex].id).toBe('no-request-in-report');
    expect(ask.level).toBe('error');
    const m = results[0]!.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    expect(ask.message.text).toBe(m.message);
    expect(ask.message.text).toContain('恳请区政府拨付经费');
    expect(new URL(run.originalUriBaseIds['%SRCROOT%'].uri).pathname.replace(/\/$/, '')).toBe(dir);
  });

  it('reports an unreadable file as an error result and a tool notification', async () => {
    const log = JSON.parse(await format('sarif'));
    const run = log.runs[0];
    const fatal = run.results.filter((r: { ruleId: string }) => r.ruleId === 'gwlint/unreadable-file');
    expect(fatal).toHaveLength(1);
    expect(fatal[0].locations[0].physicalLocation.artifactLocation.uri).toBe('empty.md');
    expect(fatal[0].message.text).toContain('文件是空的');
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('writes English with --locale en and stays valid for a clean run', async () => {
    const clean = await linter.lintText('# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n', join(dir, 'n.md'));
    const log = JSON.parse(await format('sarif', [clean], { locale: 'en' }));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0].results).toEqual([]);
    expect(log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'signer-required').shortDescription.text).toMatch(/^Upward documents/);
  });
});

describe('--format junit', () => {
  function parse(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
    const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
    const p = new SaxesParser();
    const stack: { name: string; attrs: Record<string, string>; text: string }[] = [];
    p.on('opentag', (t) => {
      const e = { name: t.name, attrs: Object.fromEntries(Object.entries(t.attributes).map(([k, v]) => [k, String(v)])), text: '' };
      elements.push(e);
      stack.push(e);
    });
    p.on('text', (t) => {
      if (stack.length) stack[stack.length - 1]!.text += t;
    });
    p.on('closetag', () => stack.pop());
    p.write(xml).close();
    return elements;
  }

  it('is well-formed XML with a suite per file and a failure per finding', async () => {
    const els = parse(await format('junit'));
    const root = els[0]!;
    expect(root.name).toBe('testsuites');
    const suites = els.filter((e) => e.name === 'testsuite');
    expect(suites.map((s) => s.attrs.name)).toEqual(['工作报告.md', 'request.md', 'empty.md']);
    const failures = els.filter((e) => e.name === 'failure');
    const total = results.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);
    expect(failures).toHaveLength(total);
    expect(root.attrs.failures).toBe(String(total));
    expect(root.attrs.errors).toBe('1');
    const ask = failures.find((f) => f.attrs.message!.includes('恳请区政府拨付经费'))!;
    expect(ask.attrs.type).toBe('error');
    expect(ask.text).toContain('5:10-5:19 error 报告中夹带请示事项');
    expect(ask.text).toContain('依据：条例 第十五条（四）');
    expect(els.find((e) => e.name === 'error')!.attrs.message).toContain('文件是空的');
  });

  it('stays parseable when a message carries markup and control characters', async () => {
    const r: LintResult = {
      ...results[0]!,
      messages: [{ ...results[0]!.messages[0]!, message: 'a <b> & "c" \u0001 \uD800 end', cites: [] }],
      errorCount: 1,
    };
    const els = parse(await format('junit', [r]));
    expect(els.find((e) => e.name === 'failure')!.attrs.message).toBe('a <b> & "c" \uFFFD \uFFFD end');
  });

  it('gives a clean file one passing test case', async () => {
    const clean = await linter.lintText('# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n', join(dir, 'n.md'));
    const els = parse(await format('junit', [clean]));
    expect(els.filter((e) => e.name === 'testcase')).toHaveLength(1);
    expect(els.filter((e) => e.name === 'failure')).toHaveLength(0);
  });
});

describe('--format github', () => {
  it('prints one workflow command per finding with the exact span', async () => {
    const out = await format('github');
    const lines = out.trimEnd().split('\n');
    const m = results[0]!.messages.find((x) => x.ruleId === 'no-request-in-report')!;
    expect(lines).toContain(`::error file=工作报告.md,line=5,col=10,endLine=5,endColumn=19,title=no-request-in-report::${m.message}（依据：条例 第十五条（四））`);
    expect(lines.filter((l) => l.startsWith('::'))).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
    expect(lines.at(-1)).toBe(`gwlint：3 个文件，${results.reduce((n, r) => n + r.errorCount, 0)} 个错误，${results.reduce((n, r) => n + r.warningCount, 0)} 个警告`);
  });

  it('escapes data and properties as the runner decodes them', async () => {
    expect(escapeData('50% done\r\nnext: a, b')).toBe('50%25 done%0D%0Anext: a, b');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    const r: LintResult = {
      ...results[0]!,
      filePath: join(dir, 'odd, name: 1%.md'),
      messages: [{ ...results[0]!.messages[0]!, severity: 'warning', message: '第一行\n第二行 100%', cites: [], line: 2, column: 3, endLine: 4, endColumn: 1 }],
    };
    const out = await format('github', [r]);
    expect(out.split('\n')[0]).toBe(`::warning file=odd%2C name%3A 1%25.md,line=2,col=3,endLine=4,endColumn=1,title=${r.messages[0]!.ruleId}::第一行%0A第二行 100%25`);
  });

  it('uses paths relative to GITHUB_WORKSPACE when gwlint runs in a sub-folder', async () => {
    const before = process.env.GITHUB_WORKSPACE;
    process.env.GITHUB_WORKSPACE = join(dir, '..');
    try {
      const out = await format('github');
      expect(out).toContain(`file=${dir.split('/').at(-1)}/工作报告.md,`);
    } finally {
      if (before === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = before;
    }
  });
});

describe('--format gitlab (code quality)', () => {
  it('gives each finding a path, lines, severity and a unique fingerprint', async () => {
    const issues = JSON.parse(await format('gitlab')) as { check_name: string; description: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues).toHaveLength(results.reduce((n, r) => n + r.messages.length, 0));
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const ask = issues.find((i) => i.description.includes('恳请区政府拨付经费'))!;
    expect(ask).toMatchObject({ check_name: 'no-request-in-report', severity: 'major', location: { path: '工作报告.md', lines: { begin: 5, end: 5 } } });
    expect(ask.description).toContain('（依据：条例 第十五条（四））');
    expect(issues.find((i) => i.check_name === 'gwlint/unreadable-file')!.severity).toBe('blocker');
  });

  it('keeps the fingerprint when a finding only moves down the file', async () => {
    const moved = await linter.lintText('\n\n' + REPORT, join(dir, '工作报告.md'));
    const a = JSON.parse(await format('gitlab', [results[0]!])) as { fingerprint: string; location: { lines: { begin: number } } }[];
    const b = JSON.parse(await format('gitlab', [moved])) as { fingerprint: string; location: { lines: { begin: number } } }[];
    expect(b.map((i) => i.fingerprint)).toEqual(a.map((i) => i.fingerprint));
    expect(b[0]!.location.lines.begin).toBe(a[0]!.location.lines.begin + 2);
  });
});

describe('rule docs for helpUri', () => {
  it('exist for every built-in rule in the package', () => {
    for (const id of linter.rules.keys()) expect(existsSync(join(ROOT, 'docs', 'rules', `${id}.md`)), id).toBe(true);
  });
});
