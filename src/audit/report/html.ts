import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { LintMessage } from '../../engine/types.js';
import { ruleMap } from '../../rules/index.js';
import type { AuditDb } from '../db.js';
import { COLORS, columns, esc, hbars, histogram } from './charts.js';
import { clientMain } from './client.js';
import { buildModel, UNKNOWN, type Matrix, type ModelOptions, type ReportModel } from './model.js';
import { thousands } from '../../util/template.js';

const num = thousands;
const pct = (a: number, b: number): string => (b ? `${((a / b) * 100).toFixed(a / b < 0.1 ? 1 : 0)}%` : '—');

const STATUS: Record<string, string> = { checked: '已检查', unreadable: '无法读取', timeout: '超时', memory: '内存超限', crashed: '检查崩溃' };

function filterHref(key: string, value: string): string {
  return `#files?${key}=${encodeURIComponent(value)}`;
}

function sevParts(x: { errors: number; warnings: number }): { value: number; color: string; name: string }[] {
  return [
    { value: x.errors, color: COLORS.error, name: '错误' },
    { value: x.warnings, color: COLORS.warning, name: '警告' },
  ];
}

/** A heat table: the darker the cell, the more findings. Tables read better than a chart with 100 cells. */
function heat(m: Matrix, colKey: string, caption: string): string {
  if (!m.rows.length || !m.cols.length) return '<p class="muted">没有足够的数据。</p>';
  const max = Math.max(1, ...m.cells.flat());
  const head = `<tr><th>规则</th>${m.cols.map((c) => `<th><a href="${esc(filterHref(colKey, c))}">${esc(c)}</a></th>`).join('')}</tr>`;
  const body = m.rows
    .map((r, i) => {
      const cells = m.cells[i]!.map((v) => {
        const a = v ? 0.12 + 0.78 * (v / max) : 0;
        const fg = a > 0.55 ? '#fff' : COLORS.text;
        return `<td class="n" style="background:rgba(192,57,43,${a.toFixed(2)});color:${fg}">${v ? num(v) : ''}</td>`;
      });
      return `<tr><th class="rule"><a href="${esc(filterHref('rule', r))}">${esc(r)}</a></th>${cells.join('')}</tr>`;
    })
    .join('');
  return `<div class="scroll"><table class="heat"><caption>${esc(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
}

function fileLink(id: number, text: string, pages: Set<number>): string {
  return pages.has(id) ? `<a href="#file-${id}">${esc(text)}</a>` : esc(text);
}

const CSS = `
:root{--err:${COLORS.error};--warn:${COLORS.warning};--text:${COLORS.text};--muted:${COLORS.muted};--line:#e3e6ea;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:14px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--text);background:var(--bg)}
header{background:#1f3a5f;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:22px}
header .sub{opacity:.85;font-size:13px}
main{max-width:1240px;margin:0 auto;padding:18px 24px 60px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px 18px;margin:14px 0}
h2{font-size:18px;margin:4px 0 10px}
h3{font-size:15px;margin:14px 0 8px}
a{color:#1f5fa8;text-decoration:none}
a:hover{text-decoration:underline}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(170px,1fr));gap:12px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.card .v{font-size:26px;font-weight:700}
.card .k{color:var(--muted);font-size:13px}
.card.bad .v{color:var(--err)}
.grid3{display:grid;grid-template-columns:repeat(auto-fit,minmax(360px,1fr));gap:14px}
.grid3 section{margin:0}
.chart{max-width:100%;height:auto;display:block}
.grid3 .chart{width:100%}
.chart .lbl{font-size:12px;fill:var(--text)}
.chart .num{font-size:11px;fill:var(--muted)}
.chart .cap{font-size:11px;fill:var(--err);font-weight:700}
.chart a:hover rect{opacity:.8}
.legend{font-size:12px;color:var(--muted);margin:4px 0 0}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 10px;vertical-align:-1px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{font-weight:600;background:#fafbfc}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.heat{width:auto}
table.heat td{min-width:54px;text-align:center}
table.heat th{font-size:12px;white-space:nowrap}
table.heat caption{text-align:left;color:var(--muted);font-size:12px;padding-bottom:4px}
.scroll{overflow-x:auto}
.err{color:var(--err)}
.warn{color:#a87400}
.muted{color:var(--muted)}
.small{font-size:12px}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:14px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.reason{background:#fdecea;border-left:4px solid var(--err);padding:8px 12px}
ol.findings{padding-left:22px}
ol.findings li{margin:4px 0}
.sev{display:inline-block;font-size:12px;border-radius:3px;padding:0 5px;color:#fff}
.sev.error{background:var(--err)}
.sev.warning{background:var(--warn)}
.doc{font:15px/1.8 "Noto Serif CJK SC","Source Han Serif SC","FangSong","SimSun","WenQuanYi Micro Hei",serif;background:#fff;border:1px solid var(--line);border-radius:6px;padding:10px 0;max-height:75vh;overflow:auto}
.ln{display:flex;white-space:pre-wrap;word-break:break-all}
.ln .no{flex:0 0 48px;text-align:right;padding-right:10px;color:#a0a8b2;font:12px/2.2 ui-monospace,monospace;user-select:none}
.ln .tx{flex:1;padding-right:12px}
mark{background:#fdecc8;border-bottom:2px solid var(--warn);padding:0}
mark.error{background:#f9d6d2;border-bottom-color:var(--err)}
.pin{color:var(--err);font-size:11px;vertical-align:super;cursor:help}
.filebody{display:grid;grid-template-columns:minmax(300px,2fr) 3fr;gap:16px;align-items:start}
.filebody>.side{max-height:80vh;overflow:auto;position:sticky;top:8px}
.filebody>.side:only-child,.filebody>.main:only-child{grid-column:1/-1}
@media (max-width:900px){.filebody{grid-template-columns:1fr}.filebody>.side{position:static;max-height:none}}
.pin.warning{color:var(--warn)}
.flash{animation:flash 1.2s}
@keyframes flash{0%{outline:3px solid #1f5fa8}100%{outline:3px solid transparent}}
iframe.docx{width:100%;height:75vh;border:1px solid var(--line);background:#fff}
input[type=search]{width:100%;max-width:420px;padding:6px 10px;margin:6px 0 10px;border:1px solid #c5ccd4;border-radius:6px;font:inherit}
.pager a,.pager b{margin-right:6px}
h2.path{word-break:break-all}
nav.toc{font-size:13px}
nav.toc a{margin-right:14px}
@media print{header{background:none;color:#000}section{break-inside:avoid}}
`;

/**
 * The per-file data in the page, compacted: an archive repeats the same rule ids, messages and clauses
 * thousands of times, so strings are stored once and findings are arrays of indexes. The quoted context is
 * left out where the document text is in the page (the marks show it there). The client unpacks it.
 */
export function packFiles(model: ReportModel): { strings: string[]; files: unknown[]; omitted: number } {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const str = (s: string | null): number => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const files = model.files.map((f) => {
    const { findings, contentHash: _hash, convertedFrom: _from, ...rest } = f;
    const hasText = f.preview?.text != null;
    return {
      ...rest,
      office: str(f.office),
      f: findings.map((x) => [str(x.rule), x.sev === 'error' ? 1 : 0, str(x.msg), x.l, x.c, x.el, x.ec, str(x.cites), hasText ? -1 : str(x.ctx)]),
    };
  });
  return { strings, files, omitted: model.omittedPages };
}

export function renderReport(model: ReportModel): string {
  const t = model.totals;
  const rules = ruleMap();
  const describe = (id: string): string => rules.get(id)?.meta.description.zh ?? (id.startsWith('input/') ? '读取时的提示' : '');
  const pages = new Set(model.files.map((f) => f.id));

  const cards = [
    ['文件', num(t.files), `${esc(Object.entries(t.byStatus).map(([k, v]) => `${STATUS[k] ?? k} ${num(v)}`).join('，'))}`, ''],
    ['有问题的文件', num(t.withFindings), `占已检查的 ${pct(t.withFindings, t.checked)}`, t.withFindings ? 'bad' : ''],
    ['问题', num(t.findings), `错误 ${num(t.errors)}，警告 ${num(t.warnings)}`, t.errors ? 'bad' : ''],
    ['无法检查', num(t.notChecked), t.notChecked ? `<a href="#files?status=failed">查看原因</a>` : '全部可读', t.notChecked ? 'bad' : ''],
    ['没有问题', num(t.clean), `占已检查的 ${pct(t.clean, t.checked)}`, ''],
  ]
    .map(([k, v, note, cls]) => `<div class="card ${cls}"><div class="k">${k}</div><div class="v">${v}</div><div class="small muted">${note}</div></div>`)
    .join('');

  const legend = `<p class="legend"><i style="background:${COLORS.error}"></i>错误<i style="background:${COLORS.warning}"></i>警告</p>`;
  const ruleChart = model.byRule.length
    ? hbars(
        model.byRule.slice(0, 15).map((r) => ({ label: r.key, parts: sevParts(r), note: `${num(r.errors + r.warnings)}（${num(r.files)} 份）`, href: filterHref('rule', r.key) })),
        { title: '按规则统计的问题', width: 400, labelWidth: 120 },
      ) + legend
    : '<p class="muted">没有发现问题。</p>';
  const officeChart = model.byOffice.length
    ? hbars(
        model.byOffice.slice(0, 15).map((o) => ({ label: o.key, parts: sevParts(o), note: `${num(o.findings)}（${num(o.files)} 份）`, href: filterHref('office', o.key) })),
        { title: '按发文机关统计的问题', width: 400, labelWidth: 130 },
      ) + legend + (model.byOffice.length > 15 ? `<p class="small muted">另有 ${num(model.byOffice.length - 15)} 个机关，见文件列表。</p>` : '')
    : '<p class="muted">没有数据。</p>';
  const yearChart = model.byYear.length
    ? columns(
        model.byYear.map((y) => ({ label: y.key === UNKNOWN ? '未识别' : y.key, parts: sevParts(y), href: filterHref('year', y.key) })),
        { title: '按年份统计的问题', width: 400, height: 240 },
      ) + legend
    : '<p class="muted">没有数据。</p>';
  const typeChart = model.byDocType.length
    ? hbars(
        model.byDocType.map((d) => ({ label: d.key, parts: sevParts(d), note: `${num(d.findings)}（${num(d.files)} 份）`, href: filterHref('type', d.key) })),
        { title: '按文种统计的问题', labelWidth: 110 },
      ) + legend
    : '<p class="muted">没有数据。</p>';

  const ruleTable = model.byRule.length
    ? `<table><thead><tr><th>规则</th><th>说明</th><th class="n">错误</th><th class="n">警告</th><th class="n">涉及文件</th></tr></thead><tbody>${model.byRule
        .map((r) => `<tr><td><a href="${esc(filterHref('rule', r.key))}"><code>${esc(r.key)}</code></a></td><td>${esc(describe(r.key))}</td><td class="n">${num(r.errors)}</td><td class="n">${num(r.warnings)}</td><td class="n">${num(r.files)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';

  const lengths = model.lengths
    .slice(0, 6)
    .map(
      (g) =>
        `<div><h3>${esc(g.label)}${g.cap !== null ? `：上限 ${num(g.cap)} 字` : '（无字数上限）'}</h3><p class="small muted">${num(g.total)} 份，中位数 ${num(g.median)} 字，最长 ${num(g.max)} 字${g.cap !== null ? `；<span class="${g.over ? 'err' : ''}">超过上限 ${num(g.over)} 份（${pct(g.over, g.total)}）</span>${g.basis ? `，依据：${esc(g.basis)}` : ''}` : ''}</p>${histogram(g, {})}</div>`,
    )
    .join('');

  const worst = model.worst.length
    ? `<table><thead><tr><th>文件</th><th>文种</th><th>发文机关</th><th class="n">年份</th><th class="n">错误</th><th class="n">警告</th></tr></thead><tbody>${model.worst
        .map((f) => `<tr><td>${fileLink(f.id, f.rel_path ?? f.path, pages)}${f.title ? `<div class="small muted">${esc(f.title)}</div>` : ''}</td><td>${esc(f.doc_type ?? '—')}</td><td>${esc(model.files.find((x) => x.id === f.id)?.office ?? f.office_name ?? f.office_code ?? '—')}</td><td class="n">${esc(f.year ?? '—')}</td><td class="n err">${num(f.error_count)}</td><td class="n warn">${num(f.warning_count)}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p class="muted">没有发现问题的文件。</p>';

  const failed = model.notChecked.length
    ? `<table><thead><tr><th>文件</th><th>状态</th><th>原因与处理办法</th></tr></thead><tbody>${model.notChecked
        .slice(0, 500)
        .map((f) => `<tr><td>${fileLink(f.id, f.rel_path ?? f.path, pages)}</td><td class="err">${esc(STATUS[f.status] ?? f.status)}</td><td>${esc(f.reason ?? '')}</td></tr>`)
        .join('')}</tbody></table>${model.notChecked.length > 500 ? `<p class="muted">只列出前 500 个，共 ${num(model.notChecked.length)} 个；完整列表见数据库 files 表（status ≠ 'checked'）。</p>` : ''}`
    : '<p>所有文件都已读取并检查。</p>';

  const runs = `<table><thead><tr><th class="n">#</th><th>开始</th><th>结束</th><th>状态</th><th>分片</th><th>主机</th><th class="n">文件</th><th class="n">检查</th><th class="n">跳过</th><th class="n">无法检查</th></tr></thead><tbody>${model.runs
    .map(
      (r) =>
        `<tr><td class="n">${r.id}</td><td>${esc(r.started_at.replace('T', ' ').slice(0, 19))}</td><td>${esc((r.finished_at ?? '').replace('T', ' ').slice(0, 19))}</td><td>${esc({ done: '完成', interrupted: '中断', running: '进行中', failed: '失败' }[r.status] ?? r.status)}</td><td>${esc(r.shard ?? '—')}</td><td>${esc(r.host ?? '')}${r.source_db ? `<div class="small muted">${esc(r.source_db)}</div>` : ''}</td><td class="n">${num(r.files_total)}</td><td class="n">${num(r.files_audited)}</td><td class="n">${num(r.files_skipped)}</td><td class="n">${num(r.files_failed)}</td></tr>`,
    )
    .join('')}</tbody></table>`;

  const data = JSON.stringify(packFiles(model))
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const roots = [...new Set(model.runs.flatMap((r) => (r.roots ? (JSON.parse(r.roots) as string[]) : [])))];

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; frame-src 'self' about: data:">
<meta name="generator" content="gwlint audit">
<title>${esc(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(model.title)}</h1><div class="sub">${esc(roots.join('、') || '（合并的数据库）')} · 生成于 ${esc(model.generatedAt.replace('T', ' ').slice(0, 19))} UTC · ${num(model.runs.length)} 次运行</div></header>
<main>
<div id="dashboard">
<nav class="toc"><a href="#overview">总览</a><a href="#where">哪些规则、哪些机关、哪些年份</a><a href="#types">文种</a><a href="#lengths">字数与上限</a><a href="#worst">问题最多的文件</a><a href="#failed">无法检查的文件</a><a href="#files">全部文件</a><a href="#runs">运行记录</a></nav>
<div id="overview" class="cards">${cards}</div>
<h2 id="where" style="margin-top:22px">哪些规则最常不合规、在哪些机关、哪些年份</h2>
<div class="grid3">
<section><h3>按规则</h3>${ruleChart}</section>
<section><h3>按发文机关</h3>${officeChart}</section>
<section><h3>按年份（成文日期，缺失时取发文字号年份）</h3>${yearChart}</section>
</div>
<section>${heat(model.ruleByOffice, 'office', '规则 × 发文机关（问题数，点击查看文件）')}</section>
<section>${heat(model.ruleByYear, 'year', '规则 × 年份（问题数，点击查看文件）')}</section>
<section><h2>规则一览</h2>${ruleTable || '<p class="muted">没有发现问题。</p>'}</section>
<section id="types"><h2>按文种</h2>${typeChart}</section>
<section id="lengths"><h2>字数与上限</h2><p class="small muted">正文字数（按 Word 的计数方法）的分布；红色为超过上限的区间，虚线为上限。</p><div class="two">${lengths || '<p class="muted">没有数据。</p>'}</div></section>
<section id="worst"><h2>问题最多的文件</h2>${worst}</section>
<section id="failed"><h2>无法检查的文件（${num(model.notChecked.length)}）</h2>${failed}</section>
<section id="runs"><h2>运行记录</h2>${runs}<p class="small muted">数据库可以用 sqlite3 直接查询，例如：<code>SELECT rule_id, count(*) FROM findings GROUP BY 1 ORDER BY 2 DESC;</code></p></section>
</div>
<div id="files" hidden></div>
<div id="file" hidden></div>
</main>
<script type="application/json" id="gw-data">${data}</script>
<script>(${clientMain.toString()})();</script>
</body>
</html>
`;
}

export interface ReportOptions extends ModelOptions {
  /** Most .docx files (worst first) to also show in their Word layout, rendered from the file on disk. */
  docxViews?: number;
  /** Told about each rendered view (progress). */
  onDocxView?: (done: number, total: number) => void;
}

/** Largest rendered .docx view kept in the report; images inline as data: URIs can make one huge. */
const MAX_DOCX_VIEW = 3 * 1024 * 1024;

/**
 * Adds the Word-layout view (src/html's renderer, findings marked) to the worst .docx pages. It is done here,
 * not during the audit, because it costs about ten times the linting of the file; and only when the file on
 * disk still has the bytes that were audited, so the marks sit where the findings are.
 */
async function addDocxViews(model: ReportModel, max: number, onView?: (done: number, total: number) => void): Promise<void> {
  const wanted = model.files.filter((f) => f.kind === 'docx' && !f.convertedFrom && f.status === 'checked' && f.preview).slice(0, max);
  if (!wanted.length) return;
  const { renderDocxHtml } = await import('../../html/index.js');
  let done = 0;
  for (const f of wanted) {
    onView?.(done++, wanted.length);
    let bytes: Buffer;
    try {
      if (!existsSync(f.path)) continue;
      bytes = readFileSync(f.path);
    } catch {
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') !== f.contentHash) continue;
    const messages: LintMessage[] = f.findings.map((x) => ({
      ruleId: x.rule,
      severity: x.sev === 'error' ? 'error' : 'warning',
      message: x.msg,
      line: x.l,
      column: x.c,
      endLine: x.el,
      endColumn: x.ec,
      cites: [],
      ...(x.ctx !== null ? { context: x.ctx } : {}),
    }));
    try {
      const html = await renderDocxHtml(bytes, messages, { title: f.rel, ...(f.preview!.text !== null && !f.preview!.truncated ? { source: f.preview!.text } : {}) });
      if (html.length <= MAX_DOCX_VIEW) f.preview!.html = html;
    } catch {
      // The text view with its marks is still there.
    }
  }
  onView?.(done, wanted.length);
}

export async function writeReport(db: AuditDb, file: string, opts: ReportOptions = {}): Promise<ReportModel> {
  const model = buildModel(db, opts);
  await addDocxViews(model, opts.docxViews ?? 100, opts.onDocxView);
  mkdirSync(dirname(resolve(file)), { recursive: true });
  writeFileSync(file, renderReport(model));
  return model;
}
