/**
 * Generates docs/profiles/<name>.md from rules/profiles/<name>.json: for every clause that
 * ../shared/regulations/README.md lists as checkable, what enforces it (rule, severity, settings, the clause
 * quoted) or why a draft cannot show it. A README clause that the profile neither enforces nor explains is
 * an error: nothing is dropped silently. `npm run docs:profiles` writes the pages; `--check` only compares
 * (test/profiles/docs.test.ts does the same), so a page cannot drift from its profile.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Cite } from '../src/engine/types.js';
import { articleNumber } from '../src/rules/lib/basis.js';
import { packageRoot } from '../src/util/paths.js';

const ROOT = packageRoot();
export const PROFILE_DOCS_DIR = join(ROOT, 'docs', 'profiles');
export const REGULATIONS_DIR = resolve(ROOT, '..', 'shared', 'regulations');

interface RuleSetting {
  severity: string;
  options?: Record<string, unknown>;
  cites: Cite[];
  why?: string;
}

interface ClauseNote {
  article: string;
  clause: string;
  why: string;
  kind?: string;
}

interface Covered {
  article: string;
  clause: string;
  rules: string[];
  note?: string;
}

export interface ProfileData {
  name: string;
  title: string;
  extends?: string;
  description?: string;
  regulation?: { name?: string; number?: string; date?: string; file?: string; script?: string };
  rules: Record<string, RuleSetting>;
  coveredBy?: Covered[];
  notEnforced?: ClauseNote[];
}

export function readProfile(name: string): ProfileData {
  return JSON.parse(readFileSync(join(ROOT, 'rules', 'profiles', `${name}.json`), 'utf8')) as ProfileData;
}

export function profileNames(): string[] {
  return readdirSync(join(ROOT, 'rules', 'profiles'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => (a === 'national' ? -1 : b === 'national' ? 1 : a.localeCompare(b)));
}

/** One checkable clause as the regulations README reads it: "- 第五十五条: …" under the body's heading. */
export interface ReadmeClause {
  /** As written: "第五十五条", "四十四 / 六十八", "第二十六至二十八条". */
  label: string;
  /** Article numbers it covers. */
  articles: number[];
  reading: string;
}

/** The README section of a regulation file ("### 静海 (jinghai-2023)"), bullet by bullet. */
export function readmeClauses(file: string, readme = readFileSync(join(REGULATIONS_DIR, 'README.md'), 'utf8')): ReadmeClause[] {
  const stem = file.replace(/\.txt$/, '');
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => l.startsWith('### ') && l.includes(`(${stem})`));
  if (start < 0) return [];
  const out: ReadmeClause[] = [];
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('#'); i++) {
    const line = lines[i]!;
    if (line.startsWith('- ')) {
      const colon = line.indexOf(': ');
      const label = line.slice(2, colon).trim();
      out.push({ label, articles: labelArticles(label), reading: line.slice(colon + 2).trim() });
    } else if (/^\s+\S/.test(line) && out.length) {
      out[out.length - 1]!.reading += ` ${line.trim()}`;
    }
  }
  return out;
}

/** "四十四 / 六十八" → [44, 68]; "第二十六至二十八条" → [26, 27, 28]. */
export function labelArticles(label: string): number[] {
  const out: number[] = [];
  for (const part of label.split('/').map((s) => s.trim())) {
    const range = part.split('至');
    if (range.length === 2) {
      const a = articleNumber(range[0]!);
      const b = articleNumber(range[1]!.replace(/^第?/, ''));
      for (let n = a; n <= b; n++) out.push(n);
    } else {
      out.push(articleNumber(part));
    }
  }
  return out;
}

export interface ArticleCoverage {
  article: number;
  enforced: { rule: string; setting: RuleSetting; cite: Cite }[];
  covered: Covered[];
  notEnforced: ClauseNote[];
}

function ownCite(p: ProfileData, c: Cite): boolean {
  return Boolean(p.regulation?.name) && c.regulation.startsWith(p.regulation!.name!);
}

/** Everything the profile says about one article of its own regulation. */
export function articleCoverage(p: ProfileData, article: number): ArticleCoverage {
  const enforced: ArticleCoverage['enforced'] = [];
  for (const [rule, setting] of Object.entries(p.rules)) {
    for (const cite of setting.cites) if (ownCite(p, cite) && articleNumber(cite.article) === article) enforced.push({ rule, setting, cite });
  }
  return {
    article,
    enforced,
    covered: (p.coveredBy ?? []).filter((c) => articleNumber(c.article) === article),
    notEnforced: (p.notEnforced ?? []).filter((n) => articleNumber(n.article) === article),
  };
}

/** README clauses of the profile's regulation that it neither enforces nor explains. */
export function uncovered(p: ProfileData, readme?: string): string[] {
  if (!p.regulation?.file) return [];
  const missing: string[] = [];
  for (const c of readmeClauses(p.regulation.file, readme)) {
    for (const a of c.articles) {
      const cov = articleCoverage(p, a);
      if (!cov.enforced.length && !cov.covered.length && !cov.notEnforced.length) missing.push(`${c.label} (${a})`);
    }
  }
  return missing;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');
const SEVERITY: Record<string, string> = { error: '错误', warning: '警告', warn: '警告', off: '关闭' };
const KIND: Record<string, string> = {
  conduct: '行为，非草稿内容',
  procedure: '办文程序',
  'after-issue': '发文之后',
  'outside-knowledge': '需草稿以外的信息',
  judgement: '实体判断',
};
const CN_NUM = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function chineseArticle(n: number): string {
  if (n < 10) return CN_NUM[n]!;
  if (n < 20) return `十${CN_NUM[n % 10]}`;
  if (n < 100) return `${CN_NUM[Math.floor(n / 10)]}十${CN_NUM[n % 10]}`;
  return String(n);
}

function options(o: Record<string, unknown> | undefined): string {
  if (!o || Object.keys(o).length === 0) return '—';
  return `\`${JSON.stringify(o)}\``;
}

function ruleLink(id: string): string {
  return `[\`${id}\`](../rules/${id}.md)`;
}

function renderArticle(cov: ArticleCoverage, heading: string): string {
  let out = heading ? `### ${heading}\n\n` : '';
  if (cov.enforced.length) {
    out += '| 检查规则 | 级别 | 设置 | 条文 |\n| --- | --- | --- | --- |\n';
    for (const e of cov.enforced) {
      out += `| ${ruleLink(e.rule)} | ${SEVERITY[e.setting.severity] ?? e.setting.severity} | ${cell(options(e.setting.options))} | ${cell(`“${e.cite.clause}”`)} |\n`;
    }
    out += '\n';
    const whys = [...new Set(cov.enforced.filter((e) => e.setting.why).map((e) => `${ruleLink(e.rule)}：${e.setting.why}`))];
    for (const w of whys) out += `- ${w}\n`;
    if (whys.length) out += '\n';
  }
  for (const c of cov.covered) {
    out += `由全国基线规则整体执行：“${c.clause}” → ${c.rules.map(ruleLink).join('、')}${c.note ? `。${c.note}` : ''}\n\n`;
  }
  if (cov.notEnforced.length) {
    out += '| 不检查的条文 | 原因 | 类别 |\n| --- | --- | --- |\n';
    for (const n of cov.notEnforced) out += `| ${cell(`“${n.clause}”`)} | ${cell(n.why)} | ${n.kind ? KIND[n.kind] ?? n.kind : '—'} |\n`;
    out += '\n';
  }
  return out;
}

export function renderProfile(name: string, readme?: string): string {
  const p = readProfile(name);
  const r = p.regulation ?? {};
  let out = `# ${p.title}\n\n`;
  out += `<!-- 本页由 scripts/gen-profile-docs.ts 根据 rules/profiles/${name}.json 生成，请勿手工编辑：修改 profile 后运行 npm run docs:profiles。 -->\n\n`;
  if (p.description) out += `${p.description}\n\n`;
  out += `- 使用：\`gwlint --profile ${name}\`，或在配置文件中写 \`"profile": "${name}"\` 或 \`"extends": ["gwlint:${name}"]\`；\`gwlint --print-config 文件\` 列出生效的规则及其依据。\n`;
  if (r.name) out += `- 依据：${r.name}${r.number ? `（${r.number}）` : ''}${r.date ? `，${r.date}` : ''}${r.script === 'traditional' ? '；原文为繁体字，引文照录繁体原文' : ''}。\n`;
  if (r.file) out += `- 原文：\`../shared/regulations/${r.file}\`；条文按 regulations/README.md 重建的序号引用。\n`;
  if (p.extends) out += `- 继承：[\`${p.extends}\`](${p.extends}.md)，本页的设置覆盖其同名规则。\n`;
  out += '\n';

  if (r.file) {
    const clauses = readmeClauses(r.file, readme);
    const seen = new Set<number>();
    if (clauses.length) {
      out += '## 逐条对照\n\n规则原文中 regulations/README.md 列为可检查的条款，逐条写明由哪条规则检查（级别、设置、所引条文），或为何草稿无从检查。\n\n';
      for (const c of clauses) {
        out += `## ${c.label}\n\n> ${c.reading}\n\n`;
        for (const a of c.articles) {
          seen.add(a);
          const cov = articleCoverage(p, a);
          const heading = c.articles.length > 1 ? (/第/.test(c.label) ? `第${chineseArticle(a)}条` : chineseArticle(a)) : '';
          if (!cov.enforced.length && !cov.covered.length && !cov.notEnforced.length) throw new Error(`${name}: ${c.label} (${a}) is neither enforced nor explained`);
          out += renderArticle(cov, heading);
        }
      }
    }
    // Articles the profile also enforces that the README does not list.
    const extra = new Map<number, string>();
    for (const s of Object.values(p.rules)) for (const c of s.cites) if (ownCite(p, c) && !seen.has(articleNumber(c.article))) extra.set(articleNumber(c.article), c.article);
    for (const n of p.notEnforced ?? []) if (!seen.has(articleNumber(n.article))) extra.set(articleNumber(n.article), n.article);
    for (const c of p.coveredBy ?? []) if (!seen.has(articleNumber(c.article))) extra.set(articleNumber(c.article), c.article);
    if (extra.size) {
      out += '## README 未列出、本 profile 也执行或说明的条款\n\n';
      for (const [n, label] of [...extra].sort((a, b) => a[0] - b[0])) out += renderArticle(articleCoverage(p, n), label);
    }
  }

  out += '## 本 profile 的规则设置\n\n| 规则 | 级别 | 设置 | 依据 | 说明 |\n| --- | --- | --- | --- | --- |\n';
  for (const [id, s] of Object.entries(p.rules)) {
    out += `| ${ruleLink(id)} | ${SEVERITY[s.severity] ?? s.severity} | ${cell(options(s.options))} | ${cell(s.cites.map((c) => c.short ?? `${c.regulation} ${c.article}`).join('；'))} | ${cell(s.why ?? '')} |\n`;
  }
  out += `\n其余规则按 \`gwlint:recommended\` 的默认设置生效${p.extends ? `，并先应用 [\`${p.extends}\`](${p.extends}.md) 的设置` : ''}；全部规则见 [规则索引](../rules/README.md)。\n`;
  return out;
}

export function renderIndex(): string {
  let out = '# 各地规则配置（profile）\n\n<!-- 本页由 scripts/gen-profile-docs.ts 生成，请勿手工编辑：修改 profile 后运行 npm run docs:profiles。 -->\n\n';
  out += '每个 profile 把一份工作规则写成数据（`rules/profiles/<名称>.json`）：用哪些规则、什么数字、依据哪一条；不能由草稿检查的条款也逐条写明原因。\n\n';
  out += '| profile | 规则 | 继承 | 设置的规则 | 不检查的条款 |\n| --- | --- | --- | --- | --- |\n';
  for (const name of profileNames()) {
    const p = readProfile(name);
    out += `| [\`${name}\`](${name}.md) | ${cell(p.title)} | ${p.extends ?? '—'} | ${Object.keys(p.rules).length} | ${(p.notEnforced ?? []).length} |\n`;
  }
  return out;
}

/** Every page this script owns, path → content. */
export function renderAll(readme?: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of profileNames()) files.set(join(PROFILE_DOCS_DIR, `${name}.md`), renderProfile(name, readme));
  files.set(join(PROFILE_DOCS_DIR, 'README.md'), renderIndex());
  return files;
}

function main(): number {
  if (!existsSync(join(REGULATIONS_DIR, 'README.md'))) {
    process.stderr.write(`gen-profile-docs: ${join(REGULATIONS_DIR, 'README.md')} not found (../shared beside the checkout)\n`);
    return 2;
  }
  const check = process.argv.includes('--check');
  const files = renderAll();
  let stale = 0;
  if (!check) mkdirSync(PROFILE_DOCS_DIR, { recursive: true });
  for (const [path, content] of files) {
    const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (old === content) continue;
    if (check) {
      process.stderr.write(`stale: ${path}\n`);
      stale++;
    } else {
      writeFileSync(path, content);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  return stale ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
