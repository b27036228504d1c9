import { relative } from 'node:path';
import { eastAsianWidth } from 'get-east-asian-width';
import { citeShort } from '../rules/lib/cites.js';
import { thousands } from '../util/template.js';
import type { Formatter } from './types.js';

const S = {
  zh: { error: '错误', warning: '警告', problems: '个问题', errors: '个错误', warnings: '个警告', fixable: '个可用 --fix 自动修正', clean: '✔ 未发现问题', files: '个文件', chars: '正文', charUnit: '字', unknownType: '文种未识别', over: '超过 --max-warnings', fatal: '无法检查' },
  en: { error: 'error', warning: 'warning', problems: 'problems', errors: 'errors', warnings: 'warnings', fixable: 'fixable with --fix', clean: '✔ No problems found', files: 'files', chars: 'body', charUnit: 'chars', unknownType: '文种 unknown', over: 'more than --max-warnings', fatal: 'cannot lint' },
};

/** Terminal columns: CJK characters and full-width marks take two. */
function stringWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += eastAsianWidth(ch.codePointAt(0)!);
  return w;
}

const pad = (s: string, w: number): string => s + ' '.repeat(Math.max(0, w - stringWidth(s)));

/** The human report: grouped by file, aligned for CJK text, each finding with its rule and the clause it cites. */
export const stylish: Formatter = (results, ctx) => {
  const t = S[ctx.locale];
  const c = (code: number, s: string): string => (ctx.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const dim = (s: string): string => c(2, s);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    errors += r.errorCount;
    warnings += r.warningCount;
    fixable += r.fixableCount;
    if (r.messages.length === 0) continue;
    const rel = relative(ctx.cwd, r.filePath) || r.filePath;
    const about =
      r.charCount === null
        ? ''
        : `  ${dim(`${r.docType ?? t.unknownType}${r.direction ? ` · ${r.direction}` : ''} · ${t.chars} ${thousands(r.charCount)} ${t.charUnit}`)}`;
    out += `\n${c(4, rel)}${about}\n`;
    const rows = r.messages.map((m) => ({
      place: `${m.line}:${m.column}`,
      sev: m.severity === 'error' ? t.error : t.warning,
      m,
    }));
    const wPlace = Math.max(...rows.map((x) => x.place.length));
    const wSev = Math.max(...rows.map((x) => stringWidth(x.sev)));
    for (const { place, sev, m } of rows) {
      const sevText = m.severity === 'error' ? c(31, pad(sev, wSev)) : c(33, pad(sev, wSev));
      const rule = m.ruleId ? dim(m.ruleId) : '';
      out += `  ${dim(place.padStart(wPlace))}  ${sevText}  ${m.message}  ${rule}\n`;
      const indent = ' '.repeat(2 + wPlace + 2 + wSev + 2);
      if (m.context) out += `${indent}${dim(`原文：${m.context}`)}\n`;
      if (m.cites.length) out += `${indent}${dim(`依据：${m.cites.map(citeShort).join('；')}`)}\n`;
    }
  }
  const total = errors + warnings;
  if (total === 0) {
    out += `${c(32, t.clean)}${dim(`（${results.length} ${t.files}）`)}\n`;
  } else {
    out += `\n${c(errors ? 31 : 33, `✖ ${total} ${t.problems}（${errors} ${t.errors}，${warnings} ${t.warnings}）`)}\n`;
    if (fixable) out += `  ${fixable} ${t.fixable}\n`;
  }
  if (ctx.maxWarningsExceeded) {
    out += c(31, `✖ ${ctx.maxWarningsExceeded.foundWarnings} ${t.warnings}，${t.over}（${ctx.maxWarningsExceeded.maxWarnings}）`) + '\n';
  }
  return out;
};
