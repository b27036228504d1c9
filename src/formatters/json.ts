import type { Formatter } from './types.js';

/**
 * The JSON contract (docs/json-output.md): an array with one object per file. Fields are listed explicitly so
 * that internal additions never leak into what CI users parse.
 */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      docType: r.docType,
      direction: r.direction,
      category: r.category,
      charCount: r.charCount,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        cites: m.cites.map((c) => ({ regulation: c.regulation, article: c.article, clause: c.clause })),
        ...(m.fatal ? { fatal: true } : {}),
        ...(m.fix ? { fix: m.fix } : {}),
        ...(m.context ? { context: m.context } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      fixableCount: r.fixableCount,
      ...(r.output !== undefined ? { output: r.output } : {}),
    })),
    null,
    2,
  ) + '\n';
