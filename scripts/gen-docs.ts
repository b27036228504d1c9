/**
 * Generates the rule reference from the rules' metadata: docs/rules/<id>.md for every built-in rule and
 * docs/rules/README.md as the index. `npm run docs` writes them; test/docs checks that the committed pages
 * are what this produces, so a rule's page cannot drift from its code.
 *
 * The examples on each page are linted while generating: the wrong example shows the findings gwlint
 * really gives for it, and an example that does not behave as its label says stops the build.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listProfiles, loadProfile, type Profile } from '../src/engine/config.js';
import { RuleTester } from '../src/engine/rule-tester.js';
import type { Cite, LintMessage, Rule, RuleExample } from '../src/engine/types.js';
import { builtinRules } from '../src/rules/index.js';
import { citeShort } from '../src/rules/lib/cites.js';
import { packageRoot } from '../src/util/paths.js';

const ROOT = packageRoot();
export const RULE_DOCS_DIR = join(ROOT, 'docs', 'rules');

const KIND_NAME = { markdown: 'Markdown', text: '纯文本 (.txt)', docx: 'Word (.docx)' } as const;
const GENERATED = '<!-- 本页由 scripts/gen-docs.ts 根据规则元数据生成，请勿手工编辑：修改规则后运行 npm run docs。 -->';

/** A fence longer than any backtick run inside, so examples containing ``` stay intact. */
function fence(code: string, lang: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${code}\n${f}`;
}

/** Table cells cannot hold a raw pipe or newline. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function quote(text: string): string {
  return text
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

function severityName(s: string): string {
  return s === 'error' ? '错误（error）' : s === 'warning' || s === 'warn' ? '警告（warning）' : '关闭（off）';
}

interface ExampleRun {
  example: RuleExample;
  messages: LintMessage[] | null;
}

function exampleFilename(e: RuleExample): string | null {
  if (e.kind === 'docx') return null;
  return e.kind === 'text' ? 'example.txt' : 'example.md';
}

async function runExample(rule: Rule, e: RuleExample): Promise<ExampleRun> {
  const filename = exampleFilename(e);
  // A docx example is a description of a Word file; there is nothing to lint from text.
  if (!filename) return { example: e, messages: null };
  const tester = new RuleTester();
  const { messages } = await tester.verify(rule, {
    code: e.code,
    filename,
    ...(e.options ? { options: e.options } : {}),
    ...(e.declared ? { declared: e.declared as never } : {}),
  });
  return { example: e, messages };
}

function renderSchemaOptions(rule: Rule): string {
  const schema = rule.meta.schema as { properties?: Record<string, { type?: unknown; description?: string; enum?: unknown[] }> } | undefined;
  if (!schema) return '此规则没有选项。\n';
  let out = '';
  const props = Object.entries(schema.properties ?? {});
  if (props.length) {
    out += '| 选项 | 类型 | 说明 | 默认值 |\n| --- | --- | --- | --- |\n';
    const defaults = (rule.meta.defaultOptions ?? {}) as Record<string, unknown>;
    for (const [name, p] of props) {
      const type = p.enum ? p.enum.map((v) => JSON.stringify(v)).join(' \\| ') : Array.isArray(p.type) ? p.type.join(' \\| ') : String(p.type ?? '');
      const def = name in defaults ? `\`${JSON.stringify(defaults[name])}\`` : '—';
      out += `| \`${name}\` | ${cell(type)} | ${cell(p.description ?? '')} | ${cell(def)} |\n`;
    }
    out += '\n';
  }
  out += `<details><summary>选项的 JSON Schema（配置时按此校验）</summary>\n\n${fence(JSON.stringify(rule.meta.schema, null, 2), 'json')}\n\n</details>\n`;
  return out;
}

function renderMessages(ms: LintMessage[]): string {
  if (ms.length === 0) return 'gwlint 对此不报告问题。\n';
  return (
    'gwlint 报告：\n\n' +
    ms.map((m) => `- \`${m.line}:${m.column}–${m.endLine}:${m.endColumn}\` ${m.severity === 'error' ? '错误' : '警告'}：${m.message}`).join('\n') +
    '\n'
  );
}

function renderExample(run: ExampleRun, wrong: boolean): string {
  const e = run.example;
  const lang = e.kind === 'text' ? 'text' : e.kind === 'docx' ? 'text' : 'markdown';
  let out = '';
  const notes: string[] = [];
  if (e.kind === 'docx') notes.push('Word 文档（以下为其内容和格式的文字描述）');
  if (e.kind === 'text') notes.push('纯文本');
  if (e.declared && Object.keys(e.declared).length) notes.push(`声明：\`${JSON.stringify(e.declared)}\``);
  if (e.options && Object.keys(e.options).length) notes.push(`选项：\`${JSON.stringify(e.options)}\``);
  if (notes.length) out += `${notes.join('；')}\n\n`;
  out += `${fence(e.code, lang)}\n\n`;
  if (run.messages) out += wrong ? renderMessages(run.messages) : run.messages.length === 0 ? 'gwlint 对此不报告问题。\n' : renderMessages(run.messages);
  return out;
}

function profileRows(id: string, profiles: Profile[]): string {
  const rows = profiles.filter((p) => p.rules[id]);
  if (rows.length === 0) return '';
  let out = '## 各地规则配置（profile）中的设置\n\n| profile | 级别 | 选项 | 依据 |\n| --- | --- | --- | --- |\n';
  for (const p of rows) {
    const e = p.rules[id]!;
    out += `| \`${p.name}\` | ${severityName(e.severity)} | ${e.options ? cell(`\`${JSON.stringify(e.options)}\``) : '—'} | ${cell(e.cites.map(citeShort).join('；'))} |\n`;
  }
  return `${out}\n`;
}

function renderCites(cites: Cite[]): string {
  return cites.map((c) => `### ${c.regulation} ${c.article}\n\n${quote(c.clause)}\n`).join('\n');
}

export interface ExampleProblem {
  rule: string;
  which: 'valid' | 'invalid';
  index: number;
  messages: LintMessage[];
}

function loadAllProfiles(): Profile[] {
  return listProfiles().map((n) => loadProfile(n));
}

async function renderRule(rule: Rule, profiles: Profile[], problems: ExampleProblem[]): Promise<string> {
  const m = rule.meta;
  const kinds = (m.appliesTo ?? ['markdown', 'text', 'docx']).map((k) => KIND_NAME[k]).join('、');
  const src = `src/rules/${m.id}.ts`;
  const test = `test/rules/${m.id}.test.ts`;
  let out = `${GENERATED}\n\n# ${m.id}\n\n${m.description.zh}\n\n*${m.description.en}*\n\n`;
  out += '| | |\n| --- | --- |\n';
  out += `| 默认级别 | ${severityName(m.severity)} |\n`;
  out += `| \`gwlint:recommended\` | ${m.recommended === false ? '不启用' : '启用'} |\n`;
  out += `| 自动修正（--fix） | ${m.fixable ? '可以' : '不可以'} |\n`;
  out += `| 适用的输入 | ${kinds} |\n`;
  if (existsSync(join(ROOT, src))) out += `| 源码 | [${src}](../../${src}) |\n`;
  if (existsSync(join(ROOT, test))) out += `| 测试 | [${test}](../../${test}) |\n`;
  out += '\n';
  if (m.docs?.rationale) out += `## 说明\n\n${m.docs.rationale.zh}\n\n*${m.docs.rationale.en}*\n\n`;
  out += `## 依据\n\n${renderCites(m.cites)}\n`;
  out += profileRows(m.id, profiles);
  out += '## 提示信息\n\n| messageId | 中文 | English |\n| --- | --- | --- |\n';
  for (const [id, t] of Object.entries(m.messages)) out += `| \`${id}\` | ${cell(t.zh)} | ${cell(t.en)} |\n`;
  out += '\n## 选项\n\n' + renderSchemaOptions(rule) + '\n';
  out += `## 配置\n\n${fence(JSON.stringify({ rules: { [m.id]: m.severity === 'error' ? 'error' : 'warn' } }, null, 2), 'json')}\n\n关闭：\`"${m.id}": "off"\`；只对一处关闭：Markdown 中写 \`<!-- gwlint-disable-next-line ${m.id} -->\`。\n\n`;

  const invalid = m.docs?.examples?.invalid ?? [];
  const valid = m.docs?.examples?.valid ?? [];
  out += '## 示例\n\n';
  if (invalid.length === 0 && valid.length === 0) out += '（此规则尚未提供示例。）\n\n';
  for (const [i, e] of invalid.entries()) {
    const run = await runExample(rule, e);
    if (run.messages && run.messages.length === 0) problems.push({ rule: m.id, which: 'invalid', index: i, messages: [] });
    out += `### ✗ 错误示例${invalid.length > 1 ? ` ${i + 1}` : ''}\n\n${renderExample(run, true)}\n`;
  }
  for (const [i, e] of valid.entries()) {
    const run = await runExample(rule, e);
    if (run.messages && run.messages.length > 0) problems.push({ rule: m.id, which: 'valid', index: i, messages: run.messages });
    out += `### ✓ 正确示例${valid.length > 1 ? ` ${i + 1}` : ''}\n\n${renderExample(run, false)}\n`;
  }
  return out.replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function renderIndex(rules: Rule[], profiles: Profile[]): string {
  let out = `${GENERATED}\n\n# 规则一览\n\n每条规则一页：说明、所依据的条款原文、提示信息、选项，以及错误和正确的示例（示例的检查结果由 gwlint 实际运行得出）。\n\n`;
  out += '| 规则 | 检查什么 | 默认级别 | 可修正 | 依据 |\n| --- | --- | --- | --- | --- |\n';
  for (const r of rules) {
    const m = r.meta;
    out += `| [\`${m.id}\`](${m.id}.md) | ${cell(m.description.zh)} | ${m.severity === 'error' ? '错误' : '警告'} | ${m.fixable ? '✓' : ''} | ${cell(m.cites.map(citeShort).join('；'))} |\n`;
  }
  out += '\n## 规则配置（profile）\n\n用 `"profile": "名称"` 或 `--profile 名称` 选用；每个 profile 是一份工作规则的数据化（`rules/profiles/<名称>.json`）。\n\n';
  out += '| profile | 名称 | 继承 | 设置的规则 |\n| --- | --- | --- | --- |\n';
  for (const p of profiles) {
    out += `| \`${p.name}\` | ${cell(p.title)} | ${p.extends ? `\`${p.extends}\`` : '—'} | ${Object.keys(p.rules).sort().map((id) => `\`${id}\``).join(' ')} |\n`;
  }
  return out + '\n';
}

/** Every generated page by its path relative to the repository, and the examples that misbehave. */
export async function renderDocs(): Promise<{ files: Map<string, string>; problems: ExampleProblem[] }> {
  const rules = [...builtinRules].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
  const profiles = loadAllProfiles();
  const files = new Map<string, string>();
  const problems: ExampleProblem[] = [];
  for (const r of rules) files.set(`docs/rules/${r.meta.id}.md`, await renderRule(r, profiles, problems));
  files.set('docs/rules/README.md', renderIndex(rules, profiles));
  return { files, problems };
}

/** Pages in docs/rules/ that no rule generates any more (a rule was renamed or removed). */
export function stalePages(files: Map<string, string>): string[] {
  if (!existsSync(RULE_DOCS_DIR)) return [];
  return readdirSync(RULE_DOCS_DIR)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/rules/${f}`)
    .filter((p) => !files.has(p));
}

async function main(): Promise<number> {
  const { files, problems } = await renderDocs();
  mkdirSync(RULE_DOCS_DIR, { recursive: true });
  let written = 0;
  for (const [rel, text] of files) {
    const abs = join(ROOT, rel);
    if (existsSync(abs) && readFileSync(abs, 'utf8') === text) continue;
    writeFileSync(abs, text);
    written++;
  }
  for (const rel of stalePages(files)) {
    unlinkSync(join(ROOT, rel));
    process.stdout.write(`removed ${rel}\n`);
  }
  process.stdout.write(`docs/rules: ${files.size} pages, ${written} updated\n`);
  for (const p of problems) {
    process.stderr.write(`${p.rule}: ${p.which} example #${p.index + 1} ${p.which === 'invalid' ? 'gives no finding' : `gives ${p.messages.length} finding(s): ${p.messages.map((m) => m.message).join(' / ')}`}\n`);
  }
  return problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`gen-docs: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
