import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AuditDb, FileRow, FindingRow } from './db.js';

/** Writes in chunks: an archive's export can be far larger than one string should be. */
class ChunkWriter {
  private fd: number;
  private buf: string[] = [];
  private size = 0;
  constructor(file: string) {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    this.fd = openSync(file, 'w');
  }
  write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buf.length) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function groupFindings(findings: FindingRow[]): Map<number, FindingRow[]> {
  const by = new Map<number, FindingRow[]>();
  for (const f of findings) {
    let list = by.get(f.file_id);
    if (!list) by.set(f.file_id, (list = []));
    list.push(f);
  }
  return by;
}

/** One JSON object per file, its findings nested: what a script or a data tool reads line by line. */
export function exportJsonl(db: AuditDb, file: string): number {
  const by = groupFindings(db.findings());
  const w = new ChunkWriter(file);
  let n = 0;
  for (const f of db.files()) {
    w.write(JSON.stringify(fileObject(f, by.get(f.id) ?? [])) + '\n');
    n++;
  }
  w.close();
  return n;
}

export function fileObject(f: FileRow, findings: FindingRow[]): Record<string, unknown> {
  return {
    path: f.path,
    relPath: f.rel_path,
    status: f.status,
    reason: f.reason,
    kind: f.kind,
    convertedFrom: f.converted_from,
    docType: f.doc_type,
    direction: f.direction,
    category: f.category,
    charCount: f.char_count,
    cap: f.cap_limit !== null ? { limit: f.cap_limit, basis: f.cap_basis } : null,
    title: f.title,
    docNumber: f.doc_number,
    officeCode: f.office_code,
    officeName: f.office_name,
    date: f.doc_date,
    year: f.year,
    errorCount: f.error_count,
    warningCount: f.warning_count,
    contentHash: f.content_hash,
    auditedAt: f.audited_at,
    findings: findings.map((x) => ({
      ruleId: x.rule_id,
      severity: x.severity,
      message: x.message,
      line: x.line,
      column: x.col,
      endLine: x.end_line,
      endColumn: x.end_col,
      cites: x.cites,
      ...(x.context ? { context: x.context } : {}),
    })),
  };
}

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = String(v);
  // A cell that starts like a formula is run by spreadsheets: a hostile document could put one in a title.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_COLUMNS = ['path', 'status', 'doc_type', 'category', 'office', 'doc_number', 'year', 'rule_id', 'severity', 'line', 'column', 'message', 'cites'];

/**
 * One row per finding, plus one per file that could not be checked (rule_id empty, its reason as message).
 * UTF-8 with a BOM so that Excel, which most offices open it with, reads the Chinese correctly.
 */
export function exportCsv(db: AuditDb, file: string): number {
  const by = groupFindings(db.findings());
  const w = new ChunkWriter(file);
  w.write('\uFEFF' + CSV_COLUMNS.join(',') + '\r\n');
  let n = 0;
  for (const f of db.files()) {
    const base = [f.path, f.status, f.doc_type, f.category, f.office_name ?? f.office_code, f.doc_number, f.year];
    if (f.status !== 'checked') {
      w.write([...base, '', 'fatal', '', '', f.reason, ''].map(csvField).join(',') + '\r\n');
      n++;
      continue;
    }
    for (const x of by.get(f.id) ?? []) {
      w.write([...base, x.rule_id, x.severity, x.line, x.col, x.message, x.cites].map(csvField).join(',') + '\r\n');
      n++;
    }
  }
  w.close();
  return n;
}
