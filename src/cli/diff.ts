import { relative } from 'node:path';
import type { LintResult } from '../engine/types.js';

/**
 * A line diff of what --fix would write. Drafts are short and fixes touch few lines, so a plain
 * longest-common-subsequence over lines is enough and keeps the output readable.
 */
export function diffLines(file: string, cwd: string, r: LintResult): string {
  const a = (r.source ?? '').split('\n');
  const b = (r.output ?? '').split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  let out = `--- ${relative(cwd, file)}\n+++ ${relative(cwd, file)}（修正后）\n`;
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      i++;
      j++;
    } else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      // Removed lines before the lines that replace them, as diff(1) shows them.
      out += `-${i + 1}: ${a[i]}\n`;
      i++;
    } else {
      out += `+${j + 1}: ${b[j]}\n`;
      j++;
    }
  }
  return out;
}
