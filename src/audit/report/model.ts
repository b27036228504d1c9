import type { AuditDb, FileRow, FindingRow, RunRow } from '../db.js';

/** Everything the HTML report shows, computed from the database (so a merged database reports the same way). */
export interface ReportModel {
  generatedAt: string;
  title: string;
  runs: RunRow[];
  totals: {
    files: number;
    checked: number;
    notChecked: number;
    clean: number;
    withFindings: number;
    findings: number;
    errors: number;
    warnings: number;
    byStatus: Record<string, number>;
  };
  byRule: { key: string; errors: number; warnings: number; files: number }[];
  byDocType: { key: string; files: number; findings: number; errors: number; warnings: number }[];
  byYear: { key: string; files: number; findings: number; errors: number; warnings: number }[];
  byOffice: { key: string; files: number; findings: number; errors: number; warnings: number }[];
  /** Findings per (rule, office) and (rule, year) for the top rules: "which rules fail where and when". */
  ruleByOffice: Matrix;
  ruleByYear: Matrix;
  lengths: LengthGroup[];
  worst: FileRow[];
  notChecked: FileRow[];
  files: ReportFile[];
  /** Files left out of the per-file pages (--report-pages). */
  omittedPages: number;
}

export interface Matrix {
  rows: string[];
  cols: string[];
  cells: number[][];
}

export interface LengthGroup {
  /** 类别 (or 文种 when no category applies). */
  label: string;
  cap: number | null;
  basis: string | null;
  counts: number[];
  /** Bin edges, counts[i] is in [edges[i], edges[i+1]); the last bin is open. */
  edges: number[];
  over: number;
  total: number;
  max: number;
  median: number;
}

export interface ReportFile {
  id: number;
  path: string;
  rel: string;
  status: string;
  reason: string | null;
  kind: string | null;
  docType: string | null;
  category: string | null;
  office: string;
  year: number | null;
  date: string | null;
  docNumber: string | null;
  title: string | null;
  charCount: number | null;
  cap: number | null;
  capBasis: string | null;
  errors: number;
  warnings: number;
  contentHash: string | null;
  /** .doc / .wps converted by LibreOffice: the file on disk is not the .docx that was audited. */
  convertedFrom: string | null;
  findings: { rule: string | null; sev: string; msg: string; l: number; c: number; el: number; ec: number; cites: string | null; ctx: string | null }[];
  preview: { kind: string; text: string | null; html: string | null; truncated: boolean } | null;
}

export const UNKNOWN = '（未识别）';

/** 机关代字 → the name most often written with it, so "国办发" and "国务院办公厅" count as one office. */
function officeNames(files: FileRow[]): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  for (const f of files) {
    if (!f.office_code || !f.office_name) continue;
    let m = votes.get(f.office_code);
    if (!m) votes.set(f.office_code, (m = new Map()));
    m.set(f.office_name, (m.get(f.office_name) ?? 0) + 1);
  }
  const out = new Map<string, string>();
  for (const [code, m] of votes) out.set(code, [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0]);
  return out;
}

export function officeOf(f: FileRow, names: Map<string, string>): string {
  return f.office_name ?? (f.office_code ? names.get(f.office_code) ?? f.office_code : null) ?? UNKNOWN;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

function niceStep(max: number, bins: number): number {
  const raw = Math.max(1, max / bins);
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const k of [1, 2, 2.5, 5, 10]) if (k * p >= raw) return k * p;
  return 10 * p;
}

/** 字数 histograms per 类别: bins of a fifth of the cap up to twice the cap, the last open; red past the cap. */
function lengthGroups(files: FileRow[]): LengthGroup[] {
  const groups = new Map<string, { cap: number | null; basis: string | null; values: number[] }>();
  for (const f of files) {
    if (f.status !== 'checked' || f.char_count === null) continue;
    const label = f.category ?? f.doc_type ?? UNKNOWN;
    const key = `${label}|${f.cap_limit ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { cap: f.cap_limit, basis: f.cap_basis, values: [] }));
    g.values.push(f.char_count);
  }
  const out: LengthGroup[] = [];
  for (const [key, g] of groups) {
    const label = key.split('|')[0]!;
    const max = Math.max(...g.values);
    const step = g.cap ? g.cap / 5 : niceStep(max, 8);
    const nBins = g.cap ? 10 : Math.min(12, Math.floor(max / step) + 1);
    const edges = Array.from({ length: nBins + 1 }, (_, i) => Math.round(i * step));
    const counts = new Array<number>(nBins).fill(0);
    for (const v of g.values) counts[Math.min(nBins - 1, Math.floor(v / step))]!++;
    out.push({ label, cap: g.cap, basis: g.basis, counts, edges, over: g.cap ? g.values.filter((v) => v > g.cap!).length : 0, total: g.values.length, max, median: median(g.values) });
  }
  // Capped groups first (that is what the chart is for), then by size.
  return out.sort((a, b) => Number(b.cap !== null) - Number(a.cap !== null) || b.total - a.total);
}

function matrix(rows: string[], cols: string[], pairs: Map<string, number>): Matrix {
  return { rows, cols, cells: rows.map((r) => cols.map((c) => pairs.get(`${r}\u0000${c}`) ?? 0)) };
}

export interface ModelOptions {
  title?: string;
  /** Most per-file pages to include (worst files first); the database keeps all. */
  maxPages?: number;
}

export function buildModel(db: AuditDb, opts: ModelOptions = {}): ReportModel {
  const files = db.files();
  const findings = db.findings();
  const byFile = new Map<number, FindingRow[]>();
  for (const x of findings) {
    let l = byFile.get(x.file_id);
    if (!l) byFile.set(x.file_id, (l = []));
    l.push(x);
  }
  const names = officeNames(files);
  const fileById = new Map(files.map((f) => [f.id, f]));

  const byStatus: Record<string, number> = {};
  for (const f of files) byStatus[f.status] = (byStatus[f.status] ?? 0) + 1;
  const checked = files.filter((f) => f.status === 'checked');
  const errors = findings.filter((x) => x.severity === 'error').length;

  const rule = new Map<string, { errors: number; warnings: number; files: Set<number> }>();
  const group = (keyOf: (f: FileRow) => string): Map<string, { files: number; findings: number; errors: number; warnings: number }> => {
    const m = new Map<string, { files: number; findings: number; errors: number; warnings: number }>();
    for (const f of checked) {
      const k = keyOf(f);
      let g = m.get(k);
      if (!g) m.set(k, (g = { files: 0, findings: 0, errors: 0, warnings: 0 }));
      g.files++;
      g.errors += f.error_count;
      g.warnings += f.warning_count;
      g.findings += f.error_count + f.warning_count;
    }
    return m;
  };
  for (const x of findings) {
    const k = x.rule_id ?? UNKNOWN;
    let r = rule.get(k);
    if (!r) rule.set(k, (r = { errors: 0, warnings: 0, files: new Set() }));
    if (x.severity === 'error') r.errors++;
    else r.warnings++;
    r.files.add(x.file_id);
  }
  const byRule = [...rule.entries()]
    .map(([key, r]) => ({ key, errors: r.errors, warnings: r.warnings, files: r.files.size }))
    .sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || a.key.localeCompare(b.key));
  const sortByFindings = <T extends { key: string; findings: number; files: number }>(xs: T[]): T[] =>
    xs.sort((a, b) => b.findings - a.findings || b.files - a.files || a.key.localeCompare(b.key));
  const toList = (m: Map<string, { files: number; findings: number; errors: number; warnings: number }>) => [...m.entries()].map(([key, v]) => ({ key, ...v }));

  const byDocType = sortByFindings(toList(group((f) => f.doc_type ?? UNKNOWN)));
  const byOffice = sortByFindings(toList(group((f) => officeOf(f, names))));
  const byYear = toList(group((f) => (f.year !== null ? String(f.year) : UNKNOWN))).sort((a, b) => (a.key === UNKNOWN ? 1 : b.key === UNKNOWN ? -1 : a.key.localeCompare(b.key)));

  const topRules = byRule.slice(0, 10).map((r) => r.key);
  const topOffices = byOffice.filter((o) => o.findings > 0).slice(0, 12).map((o) => o.key);
  const years = byYear.filter((y) => y.findings > 0).map((y) => y.key).slice(-15);
  const ro = new Map<string, number>();
  const ry = new Map<string, number>();
  for (const x of findings) {
    const f = fileById.get(x.file_id);
    if (!f) continue;
    const r = x.rule_id ?? UNKNOWN;
    const o = `${r}\u0000${officeOf(f, names)}`;
    ro.set(o, (ro.get(o) ?? 0) + 1);
    const y = `${r}\u0000${f.year !== null ? String(f.year) : UNKNOWN}`;
    ry.set(y, (ry.get(y) ?? 0) + 1);
  }

  const worst = [...checked]
    .filter((f) => f.error_count + f.warning_count > 0)
    .sort((a, b) => b.error_count - a.error_count || b.warning_count - a.warning_count || a.path.localeCompare(b.path))
    .slice(0, 25);
  const notChecked = files.filter((f) => f.status !== 'checked');

  // Per-file pages: files that could not be checked and files with findings first (worst first), then the rest.
  const order = [...files].sort(
    (a, b) =>
      Number(b.status !== 'checked') - Number(a.status !== 'checked') ||
      b.error_count - a.error_count ||
      b.warning_count - a.warning_count ||
      a.path.localeCompare(b.path),
  );
  const maxPages = opts.maxPages ?? Number.POSITIVE_INFINITY;
  const paged = order.slice(0, maxPages);
  const reportFiles: ReportFile[] = paged.map((f) => {
    const p = db.preview(f.id);
    return {
      id: f.id,
      path: f.path,
      rel: f.rel_path ?? f.path,
      status: f.status,
      reason: f.reason,
      kind: f.kind,
      docType: f.doc_type,
      category: f.category,
      office: officeOf(f, names),
      year: f.year,
      date: f.doc_date,
      docNumber: f.doc_number,
      title: f.title,
      charCount: f.char_count,
      cap: f.cap_limit,
      capBasis: f.cap_basis,
      errors: f.error_count,
      warnings: f.warning_count,
      contentHash: f.content_hash,
      convertedFrom: f.converted_from,
      findings: (byFile.get(f.id) ?? []).map((x) => ({
        rule: x.rule_id,
        sev: x.severity,
        msg: x.message,
        l: x.line ?? 1,
        c: x.col ?? 1,
        el: x.end_line ?? x.line ?? 1,
        ec: x.end_col ?? x.col ?? 1,
        cites: x.cites,
        ctx: x.context,
      })),
      preview: p ? { kind: p.kind, text: p.text, html: p.html, truncated: Boolean(p.truncated) } : null,
    };
  });

  return {
    generatedAt: new Date().toISOString(),
    title: opts.title ?? 'gwlint 公文档案检查报告',
    runs: db.runs(),
    totals: {
      files: files.length,
      checked: checked.length,
      notChecked: files.length - checked.length,
      clean: checked.filter((f) => f.error_count + f.warning_count === 0).length,
      withFindings: checked.filter((f) => f.error_count + f.warning_count > 0).length,
      findings: findings.length,
      errors,
      warnings: findings.length - errors,
      byStatus,
    },
    byRule,
    byDocType,
    byYear,
    byOffice,
    ruleByOffice: matrix(topRules, topOffices, ro),
    ruleByYear: matrix(topRules, years, ry),
    lengths: lengthGroups(files),
    worst,
    notChecked,
    files: reportFiles,
    omittedPages: files.length - paged.length,
  };
}
