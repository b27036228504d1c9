import { isAbsolute, relative, sep } from 'node:path';
import { citeShort } from '../rules/lib/cites.js';
import type { Formatter } from './types.js';

/** Workflow-command escaping, as the Actions runner decodes it: data keeps `:` and `,`; properties may not. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function repoPath(file: string, cwd: string): string {
  // Annotations are placed by repository-relative path; the workspace is the checkout root when gwlint runs
  // in a sub-folder.
  const ws = process.env.GITHUB_WORKSPACE;
  for (const base of ws ? [ws, cwd] : [cwd]) {
    const rel = relative(base, file);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file;
}

/**
 * GitHub Actions annotations: one `::error`/`::warning` workflow command per finding, shown inline on the
 * pull request's "Files changed" tab. The runner shows at most 10 annotations of each level per step; SARIF
 * upload (code scanning) has no such limit.
 */
export const github: Formatter = (results, ctx) => {
  let out = '';
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const file = repoPath(r.filePath, ctx.cwd);
    for (const m of r.messages) {
      if (m.severity === 'error') errors++;
      else warnings++;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId ?? 'gwlint')}`,
      ].join(',');
      const basis = m.cites.length ? `${ctx.locale === 'en' ? ' (basis: ' : '（依据：'}${m.cites.map(citeShort).join('；')}${ctx.locale === 'en' ? ')' : '）'}` : '';
      out += `::${m.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(m.message + basis)}\n`;
    }
  }
  out +=
    ctx.locale === 'en'
      ? `gwlint: ${results.length} files, ${errors} errors, ${warnings} warnings\n`
      : `gwlint：${results.length} 个文件，${errors} 个错误，${warnings} 个警告\n`;
  if (ctx.maxWarningsExceeded) {
    const { foundWarnings, maxWarnings } = ctx.maxWarningsExceeded;
    out += `::error title=gwlint::${escapeData(ctx.locale === 'en' ? `${foundWarnings} warnings, more than --max-warnings ${maxWarnings}` : `${foundWarnings} 个警告，超过 --max-warnings（${maxWarnings}）`)}\n`;
  }
  return out;
};
