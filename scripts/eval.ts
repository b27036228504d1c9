import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { Linter } from '../src/engine/api.js';
import type { ResolvedConfig } from '../src/engine/config-types.js';
import { runRules } from '../src/engine/linter.js';
import type { LintMessage, Rule } from '../src/engine/types.js';
import { formatAjvErrors, getValidator } from '../src/engine/validate.js';
import { DOC_TYPES, type DeclaredMeta, type DocType } from '../src/model/types.js';
import { parserFor } from '../src/parsers/registry.js';
import { ruleMap } from '../src/rules/index.js';
import { packageRoot } from '../src/util/paths.js';

/**
 * The accuracy harness (`npm run eval`): every rule over the labelled drafts in fixtures/eval/, scored per rule
 * (precision and recall on rule id + line) and for 文种 detection. The format is described in
 * fixtures/eval/README.md; the targets CI holds us to are in fixtures/eval/targets.json.
 */

export interface ExpectedFinding {
  rule: string;
  line: number;
  column?: number;
  note?: string;
}

export interface CaseSpec {
  /** Where the text comes from: "corpus/govcn-text/…txt 第13–40行", "regulations/zhifu-2022.txt 五十四", "synthetic". */
  source: string;
  /** The rules whose findings in this draft are fully labelled: only they are scored on it. */
  rules: string[];
  findings: ExpectedFinding[];
  /** The 文种 gwlint should detect; null: the draft has no legal 文种. Absent: not scored for 文种. */
  docType?: DocType | null;
  declared?: DeclaredMeta;
  /** Rule options for this draft, by rule id (e.g. the organisation tree for 越级). */
  options?: Record<string, Record<string, unknown>>;
  note?: string;
}

export interface EvalCase {
  id: string;
  file: string;
  spec: CaseSpec;
}

export interface Miss {
  caseId: string;
  line: number;
  column?: number;
  message?: string;
  note?: string;
}

export interface RuleScore {
  rule: string;
  cases: number;
  expected: number;
  found: number;
  tp: number;
  falsePositives: Miss[];
  falseNegatives: Miss[];
  precision: number | null;
  recall: number | null;
}

export interface Targets {
  minCases: number;
  docTypeAccuracy: number;
  rules: Record<string, { precision: number; recall: number; minExpected?: number }>;
}

export interface EvalReport {
  cases: number;
  traditional: number;
  fromRealDocuments: number;
  byKind: Record<string, number>;
  rules: RuleScore[];
  docType: { total: number; correct: number; accuracy: number | null; misses: { caseId: string; want: DocType | null; got: DocType | null; reason: string }[] };
  /** Cases that could not be read or scored, with the reason. */
  errors: { caseId: string; reason: string }[];
  /** Findings of rules a case is not labelled for: not scored, shown so labels can be completed. */
  unlabelled: number;
  failures: string[];
}

export const EVAL_DIR = (): string => join(packageRoot(), 'fixtures', 'eval');

const FINDING_STRING = /^([a-z0-9][a-z0-9/-]*)@(\d+)(?::(\d+))?$/;

const CASE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['source', 'rules'],
  properties: {
    source: { type: 'string', minLength: 1 },
    rules: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    findings: {
      type: ['array', 'null'],
      items: {
        anyOf: [
          { type: 'string', pattern: FINDING_STRING.source },
          {
            type: 'object',
            additionalProperties: false,
            required: ['rule', 'line'],
            properties: {
              rule: { type: 'string', minLength: 1 },
              line: { type: 'integer', minimum: 1 },
              column: { type: 'integer', minimum: 1 },
              note: { type: 'string' },
            },
          },
        ],
      },
    },
    docType: { enum: [...DOC_TYPES, null] },
    declared: { type: 'object' },
    options: { type: 'object', additionalProperties: { type: 'object' } },
    note: { type: 'string' },
  },
} as const;

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The labels file of a draft: `name.md` → `name.expect.yaml`. */
export function labelsFileOf(draft: string): string {
  return draft.slice(0, draft.length - extname(draft).length) + '.expect.yaml';
}

/** Reads every labelled draft under `dir` (drafts without a labels file are reported, not skipped silently). */
export function loadCases(dir = EVAL_DIR()): { cases: EvalCase[]; errors: { caseId: string; reason: string }[] } {
  const cases: EvalCase[] = [];
  const errors: { caseId: string; reason: string }[] = [];
  const root = join(dir, 'cases');
  if (!existsSync(root)) return { cases, errors: [{ caseId: root, reason: 'no cases/ folder' }] };
  const validate = getValidator('eval-case', CASE_SCHEMA as unknown as Record<string, unknown>);
  const files = walk(root);
  const labelFiles = new Set(files.filter((f) => f.endsWith('.expect.yaml')));
  for (const file of files) {
    if (file.endsWith('.expect.yaml')) continue;
    const id = relative(root, file).split(sep).join('/');
    const labels = labelsFileOf(file);
    if (!labelFiles.has(labels)) {
      errors.push({ caseId: id, reason: `no labels file ${relative(root, labels)}` });
      continue;
    }
    labelFiles.delete(labels);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(labels, 'utf8'));
    } catch (e) {
      errors.push({ caseId: id, reason: `labels are not YAML: ${(e as Error).message.split('\n')[0]}` });
      continue;
    }
    if (!validate(raw)) {
      const { path, expected } = formatAjvErrors(validate.errors ?? []);
      errors.push({ caseId: id, reason: `labels invalid at ${path || '(root)'}: ${expected}` });
      continue;
    }
    const r = raw as Omit<CaseSpec, 'findings'> & { findings?: (string | ExpectedFinding)[] | null };
    const findings = (r.findings ?? []).map((f): ExpectedFinding => {
      if (typeof f !== 'string') return f;
      const m = FINDING_STRING.exec(f)!;
      return { rule: m[1]!, line: Number(m[2]), ...(m[3] ? { column: Number(m[3]) } : {}) };
    });
    const stray = findings.filter((f) => !r.rules.includes(f.rule));
    if (stray.length) {
      errors.push({ caseId: id, reason: `finding for ${stray[0]!.rule} but the case is not labelled for it (add it to rules:)` });
      continue;
    }
    cases.push({ id, file, spec: { ...r, findings } });
  }
  for (const orphan of labelFiles) errors.push({ caseId: relative(root, orphan), reason: 'labels file without a draft beside it' });
  return { cases, errors };
}

export function loadTargets(dir = EVAL_DIR()): Targets {
  return JSON.parse(readFileSync(join(dir, 'targets.json'), 'utf8')) as Targets;
}

/** Whether the draft is written in traditional script: its simplified view differs in more than a few places. */
function isTraditional(text: string, norm: string): boolean {
  let diff = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== norm[i] && /[\u4e00-\u9fff]/.test(text[i]!)) diff++;
  return diff >= 5;
}

function match(expected: ExpectedFinding[], actual: LintMessage[]): { tp: number; fp: LintMessage[]; fn: ExpectedFinding[] } {
  const left = [...actual];
  const fn: ExpectedFinding[] = [];
  let tp = 0;
  // Findings with a column first, so that a line-only label cannot take the finding a column label needs.
  const ordered = [...expected].sort((a, b) => (b.column ? 1 : 0) - (a.column ? 1 : 0));
  for (const e of ordered) {
    const k = left.findIndex((m) => m.line === e.line && (e.column === undefined || m.column === e.column));
    if (k < 0) fn.push(e);
    else {
      left.splice(k, 1);
      tp++;
    }
  }
  return { tp, fp: left, fn };
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

export async function runEval(opts: { dir?: string; rules?: Map<string, Rule>; only?: string[] } = {}): Promise<EvalReport> {
  const dir = opts.dir ?? EVAL_DIR();
  const rules = opts.rules ?? ruleMap();
  const { cases, errors } = loadCases(dir);
  const targets = loadTargets(dir);
  const linter = new Linter({ noConfig: true });
  const scores = new Map<string, RuleScore>();
  const score = (rule: string): RuleScore => {
    let s = scores.get(rule);
    if (!s) scores.set(rule, (s = { rule, cases: 0, expected: 0, found: 0, tp: 0, falsePositives: [], falseNegatives: [], precision: null, recall: null }));
    return s;
  };
  const report: EvalReport = {
    cases: 0,
    traditional: 0,
    fromRealDocuments: 0,
    byKind: {},
    rules: [],
    docType: { total: 0, correct: 0, accuracy: null, misses: [] },
    errors: [...errors],
    unlabelled: 0,
    failures: [],
  };
  for (const c of cases) {
    const unknown = c.spec.rules.filter((r) => !rules.has(r));
    if (unknown.length) {
      report.errors.push({ caseId: c.id, reason: `unknown rule ${unknown.join(', ')}` });
      continue;
    }
    const parser = await parserFor(c.file);
    if (!parser) {
      report.errors.push({ caseId: c.id, reason: `no reader for ${extname(c.file)}` });
      continue;
    }
    const bytes = readFileSync(c.file);
    let doc;
    try {
      doc = await linter.parse(parser.binary ? bytes : bytes.toString('utf8'), c.file, c.spec.declared ?? {});
    } catch (e) {
      report.errors.push({ caseId: c.id, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    // Every built-in rule on, as `gwlint:all` would: findings of rules the case is not labelled for are
    // counted as unlabelled, never scored.
    const config: ResolvedConfig = { rules: {}, declared: c.spec.declared ?? {}, sources: [] };
    for (const [id, rule] of rules) {
      config.rules[id] = { severity: rule.meta.severity, options: c.spec.options?.[id] ?? {} };
    }
    const messages = runRules(doc, config, { locale: 'zh', rules });
    const fatal = messages.find((m) => m.ruleId === null || (m.ruleId && !m.ruleId.startsWith('input/') && /处理此文件时出错/.test(m.message)));
    if (fatal) report.errors.push({ caseId: c.id, reason: fatal.message });
    report.cases++;
    report.byKind[doc.data.kind] = (report.byKind[doc.data.kind] ?? 0) + 1;
    if (isTraditional(doc.children.map((b) => b.data.text).join(''), doc.children.map((b) => b.data.norm).join(''))) report.traditional++;
    if (!/^synthetic/i.test(c.spec.source)) report.fromRealDocuments++;
    const labelled = new Set(c.spec.rules);
    report.unlabelled += messages.filter((m) => m.ruleId && !m.ruleId.startsWith('input/') && !labelled.has(m.ruleId)).length;
    for (const rule of c.spec.rules) {
      if (opts.only && !opts.only.includes(rule)) continue;
      const s = score(rule);
      const actual = messages.filter((m) => m.ruleId === rule);
      const expected = c.spec.findings.filter((f) => f.rule === rule);
      const { tp, fp, fn } = match(expected, actual);
      s.cases++;
      s.expected += expected.length;
      s.found += actual.length;
      s.tp += tp;
      for (const m of fp) s.falsePositives.push({ caseId: c.id, line: m.line, column: m.column, message: m.message });
      for (const f of fn) s.falseNegatives.push({ caseId: c.id, line: f.line, ...(f.column ? { column: f.column } : {}), ...(f.note ? { note: f.note } : {}) });
    }
    if (c.spec.docType !== undefined) {
      report.docType.total++;
      const got = doc.data.docType.value;
      if (got === c.spec.docType) report.docType.correct++;
      else report.docType.misses.push({ caseId: c.id, want: c.spec.docType, got, reason: doc.data.docType.reason });
    }
  }
  for (const s of scores.values()) {
    s.precision = ratio(s.tp, s.found);
    s.recall = ratio(s.tp, s.expected);
  }
  report.rules = [...scores.values()].sort((a, b) => a.rule.localeCompare(b.rule));
  report.docType.accuracy = ratio(report.docType.correct, report.docType.total);

  // The targets.
  if (report.cases < targets.minCases) report.failures.push(`${report.cases} cases, target ${targets.minCases}`);
  if (report.errors.length) report.failures.push(`${report.errors.length} case(s) could not be scored`);
  if (report.docType.accuracy === null || report.docType.accuracy < targets.docTypeAccuracy) {
    report.failures.push(`文种 accuracy ${fmt(report.docType.accuracy)} < ${targets.docTypeAccuracy}`);
  }
  for (const [rule, t] of Object.entries(targets.rules)) {
    if (opts.only && !opts.only.includes(rule)) continue;
    const s = scores.get(rule);
    if (!s) {
      report.failures.push(`${rule}: no labelled cases`);
      continue;
    }
    if (s.expected < (t.minExpected ?? 1)) report.failures.push(`${rule}: ${s.expected} expected findings, need at least ${t.minExpected ?? 1}`);
    if (s.precision !== null && s.precision < t.precision) report.failures.push(`${rule}: precision ${fmt(s.precision)} < ${t.precision}`);
    if (s.recall === null || s.recall < t.recall) report.failures.push(`${rule}: recall ${fmt(s.recall)} < ${t.recall}`);
  }
  return report;
}

function fmt(x: number | null): string {
  return x === null ? '—' : x.toFixed(3);
}

/** The table as Markdown, so it can go into the README as printed. */
export function formatReport(r: EvalReport, verbose = false, targets?: Targets): string {
  const lines: string[] = [];
  const kinds = Object.entries(r.byKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  lines.push(`${r.cases} cases (${kinds}; ${r.fromRealDocuments} from real documents, ${r.traditional} in traditional script)`);
  lines.push('');
  lines.push('| rule | cases | expected | found | TP | FP | FN | precision | recall | target P/R |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const s of r.rules) {
    const t = targets?.rules[s.rule];
    lines.push(
      `| ${s.rule} | ${s.cases} | ${s.expected} | ${s.found} | ${s.tp} | ${s.falsePositives.length} | ${s.falseNegatives.length} | ${fmt(s.precision)} | ${fmt(s.recall)} | ${t ? `≥ ${t.precision} / ≥ ${t.recall}` : ''} |`,
    );
  }
  lines.push('');
  lines.push(
    `文种 accuracy: ${fmt(r.docType.accuracy)} (${r.docType.correct}/${r.docType.total})${targets ? `, target ≥ ${targets.docTypeAccuracy}` : ''}`,
  );
  if (r.unlabelled) lines.push(`(${r.unlabelled} finding(s) of rules a case is not labelled for were not scored)`);
  const detail = (title: string, items: string[]): void => {
    if (!items.length) return;
    lines.push('', title);
    for (const i of items) lines.push(`  ${i}`);
  };
  detail('Cases that could not be scored:', r.errors.map((e) => `${e.caseId}: ${e.reason}`));
  if (verbose) {
    for (const s of r.rules) {
      detail(`${s.rule} — false positives:`, s.falsePositives.map((m) => `${m.caseId}:${m.line}:${m.column} ${m.message ?? ''}`));
      detail(`${s.rule} — missed:`, s.falseNegatives.map((m) => `${m.caseId}:${m.line}${m.column ? `:${m.column}` : ''} ${m.note ?? ''}`));
    }
    detail('文种 misses:', r.docType.misses.map((m) => `${m.caseId}: want ${m.want ?? 'none'}, got ${m.got ?? 'none'} (${m.reason})`));
  }
  lines.push('');
  lines.push(r.failures.length ? `TARGETS NOT MET:\n${r.failures.map((f) => `  - ${f}`).join('\n')}` : 'All targets met.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const json = argv.includes('--json');
  const only = argv.filter((a, i) => argv[i - 1] === '--rule');
  const dirArg = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--rule');
  const dir = dirArg ? resolve(dirArg) : EVAL_DIR();
  const report = await runEval({ dir, ...(only.length ? { only } : {}) });
  if (json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatReport(report, verbose, loadTargets(dir)) + '\n');
  return report.failures.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`eval failed: ${(e as Error)?.stack ?? String(e)}\n`);
      process.exit(2);
    },
  );
}

