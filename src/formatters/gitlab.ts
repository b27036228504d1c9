import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { citeShort } from '../rules/lib/cites.js';
import type { Formatter } from './types.js';

/**
 * GitLab code quality report (the Code Climate issue subset GitLab reads): shown in the merge request widget
 * and diff. Paths are relative to the project root (CI_PROJECT_DIR when set). The fingerprint leaves the line
 * out, so a finding that only moved is not reported as fixed-and-new; repeats of the same finding in a file
 * are told apart by their order.
 */
export const gitlab: Formatter = (results, ctx) => {
  const root = process.env.CI_PROJECT_DIR;
  const issues: unknown[] = [];
  for (const r of results) {
    let path = r.filePath;
    for (const base of root ? [root, ctx.cwd] : [ctx.cwd]) {
      const rel = relative(base, r.filePath);
      if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
        path = rel.split(sep).join('/');
        break;
      }
    }
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const check = m.ruleId ?? 'gwlint/unreadable-file';
      const key = `${check}\u0000${path}\u0000${m.message}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const cites = m.cites.map(citeShort).join('；');
      const basis = !cites ? '' : ctx.locale === 'en' ? ` (basis: ${cites})` : `（依据：${cites}）`;
      issues.push({
        type: 'issue',
        check_name: check,
        description: m.message + basis,
        categories: ['Style'],
        severity: m.fatal ? 'blocker' : m.severity === 'error' ? 'major' : 'minor',
        fingerprint: createHash('sha256').update(`${key}\u0000${n}`).digest('hex'),
        location: {
          path,
          lines: { begin: m.line, end: m.endLine },
        },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
};
