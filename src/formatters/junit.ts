import { relative } from 'node:path';
import { citeShort } from '../rules/lib/cites.js';
import type { Formatter } from './types.js';

/**
 * Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab/newline/return, lone
 * surrogates and U+FFFE/U+FFFF. A draft can contain them (pasted from Word); the report must still parse.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    // Attribute values normalise raw newlines to spaces; keep them as written.
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure): one <testsuite> per file, one <testcase> per
 * finding — as ESLint's junit format, findings of either severity are <failure>s (type says which) and a file
 * that could not be read is an <error>. A clean file is one passing test case, so it shows as checked.
 */
export const junit: Formatter = (results, ctx) => {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites: string[] = [];
  for (const r of results) {
    const rel = relative(ctx.cwd, r.filePath).split('\\').join('/') || r.filePath;
    const name = xmlEscape(rel);
    const cases: string[] = [];
    let f = 0;
    let e = 0;
    if (r.messages.length === 0) {
      cases.push(`    <testcase classname="${name}" name="gwlint" file="${name}" />`);
    }
    for (const m of r.messages) {
      const where = `${m.line}:${m.column}`;
      const body = [
        `${where}${m.endLine !== m.line || m.endColumn !== m.column ? `-${m.endLine}:${m.endColumn}` : ''} ${m.severity} ${m.message}${m.ruleId ? ` (${m.ruleId})` : ''}`,
        ...(m.context ? [`${ctx.locale === 'en' ? 'Context: ' : '原文：'}${m.context}`] : []),
        ...(m.cites.length ? [`${ctx.locale === 'en' ? 'Basis: ' : '依据：'}${m.cites.map(citeShort).join('；')}`] : []),
      ].join('\n');
      const caseName = xmlEscape(`${where} ${m.ruleId ?? 'fatal'}`);
      if (m.fatal) {
        e++;
        cases.push(`    <testcase classname="${name}" name="${caseName}" file="${name}" line="${m.line}">\n      <error type="fatal" message="${xmlEscape(m.message)}">${xmlEscape(body)}</error>\n    </testcase>`);
      } else {
        f++;
        cases.push(`    <testcase classname="${name}" name="${caseName}" file="${name}" line="${m.line}">\n      <failure type="${m.severity}" message="${xmlEscape(m.message)}">${xmlEscape(body)}</failure>\n    </testcase>`);
      }
    }
    const n = Math.max(1, r.messages.length);
    tests += n;
    failures += f;
    errors += e;
    suites.push(`  <testsuite name="${name}" tests="${n}" failures="${f}" errors="${e}" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gwlint" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
};
