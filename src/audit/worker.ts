import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { Linter, fatalResult } from '../engine/api.js';
import { ConfigError } from '../engine/config.js';
import type { LintResult } from '../engine/types.js';
import type { GwDocument } from '../model/types.js';
import { InputError } from '../parsers/types.js';
import { extractMeta } from './meta.js';
import { hashBytes, hashFile } from './hash.js';
import type { FileReport, FindingRow, Preview, TaskMessage, WorkerInit, WorkerMessage } from './protocol.js';
import { citeShort } from '../rules/lib/cites.js';

/**
 * One audit worker: lints one file at a time through the engine's Linter and sends back the result with what
 * the report groups by (office, year …) and a preview. The pool owns the time and memory limits; this side
 * only has to never throw for a file's faults, which lintFile already guarantees.
 */

const init = workerData as WorkerInit;
const port = parentPort!;
// Whole files: a worker the pool stops mid-file must not leave a file open behind it. Their bytes are hashed as
// they are read, so no file is read twice.
let readHash: string | undefined;
// The report needs the structured document (roles give 发文字号 and 成文日期), which lintFile does not return:
// the Linter hands it over as it is built, so nothing is parsed twice.
let lastDoc: GwDocument | null = null;
const linter = new Linter({
  ...init.linter,
  readWholeFiles: true,
  onFileRead: (bytes) => {
    readHash = hashBytes(bytes);
  },
  onDocument: (doc) => {
    lastDoc = doc;
  },
});

const LEGACY = new Set(['.doc', '.wps']);

function convertLegacy(path: string): Promise<{ out: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'gwlint-soffice-'));
  const args = [
    // A private profile: concurrent soffice processes sharing one profile block or crash each other.
    `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
    '--headless',
    '--norestore',
    '--nologo',
    '--convert-to',
    'docx',
    '--outdir',
    dir,
    path,
  ];
  return new Promise((resolvePromise, reject) => {
    execFile(init.soffice!, args, { timeout: init.sofficeTimeoutMs, killSignal: 'SIGKILL', maxBuffer: 1024 * 1024 }, (err, _stdout, stderr) => {
      const out = join(dir, `${basename(path, extname(path))}.docx`);
      if (existsSync(out)) return resolvePromise({ out, dir });
      rmSync(dir, { recursive: true, force: true });
      const why = err && 'killed' in err && err.killed ? '转换超时' : (String(stderr).trim().split('\n').pop() ?? '') || (err?.message ?? '未生成 .docx');
      reject(new InputError(`LibreOffice 未能把此文件转换为 .docx（${why}）`, '用 Word 或 WPS 打开后另存为 .docx 再检查'));
    });
  });
}

const utf8 = new TextEncoder();

/** The worker's side of a file's row: counts as data, findings and preview as UTF-8 bytes (see FileReport). */
function pack(result: LintResult, contentHash: string, doc: GwDocument | null, convertedFrom: string | undefined): FileReport {
  const { messages, output: _output, source: _source, ...rest } = result;
  let fatal: string | null = null;
  const rows: FindingRow[] = [];
  let errors = 0;
  for (const m of messages) {
    if (m.fatal) {
      fatal ??= m.message;
      continue;
    }
    if (m.severity === 'error') errors++;
    rows.push([m.ruleId, m.severity, m.message, m.line, m.column, m.endLine, m.endColumn, m.cites.map(citeShort).join('；'), m.context ?? null]);
  }
  const report: FileReport = {
    result: rest,
    fatal,
    findingCount: rows.length,
    errors,
    findings: rows.length ? utf8.encode(JSON.stringify(rows)) : null,
    kind: doc?.data.kind ?? null,
    meta: null,
    preview: null,
    contentHash,
    ...(convertedFrom ? { convertedFrom } : {}),
  };
  if (!doc || fatal) return report;
  const source = doc.data.source;
  const preview: Preview = {
    kind: doc.data.kind,
    text: utf8.encode(source.length > init.previewMax ? source.slice(0, init.previewMax) : source),
    truncated: source.length > init.previewMax,
  };
  report.meta = extractMeta(doc);
  report.preview = preview;
  return report;
}

async function lintOne(path: string): Promise<FileReport> {
  lastDoc = null;
  readHash = undefined;
  const ext = extname(path).toLowerCase();
  let result: LintResult;
  let convertedFrom: string | undefined;
  let lintedPath = path;
  let tmp: string | undefined;
  if (LEGACY.has(ext) && init.soffice) {
    try {
      const c = await convertLegacy(path);
      tmp = c.dir;
      lintedPath = c.out;
      convertedFrom = ext;
    } catch (e) {
      return pack(fatalResult(path, e, init.linter.locale ?? 'zh'), hashFile(path), null, undefined);
    }
  }
  try {
    result = await linter.lintFile(lintedPath);
    result.filePath = path;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  const doc = lastDoc as GwDocument | null;
  lastDoc = null;
  // Hashed here, in parallel, rather than on the main thread that decides what to lint: from the bytes the
  // engine read, or (a converted file, one refused before it was read) from the file itself.
  const contentHash = (!convertedFrom && readHash) || hashFile(path);
  return pack(result, contentHash, doc, convertedFrom);
}

/** The report's byte arrays move to the main thread instead of being copied. */
function transferList(r: FileReport): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  if (r.findings) out.push(r.findings.buffer as ArrayBuffer);
  if (r.preview) out.push(r.preview.text.buffer as ArrayBuffer);
  return out;
}

/** Answers one task; never rejects. */
async function answer(msg: TaskMessage): Promise<void> {
  const t0 = performance.now();
  let report: FileReport;
  try {
    report = await lintOne(msg.path);
  } catch (e) {
    if (e instanceof ConfigError) {
      const reply: WorkerMessage = { type: 'fatal', id: msg.id, message: `配置错误：${e.file}${e.keyPath ? ` 中的 ${e.keyPath}` : ''}：${e.expected}` };
      port.postMessage(reply);
      return;
    }
    report = pack(
      fatalResult(msg.path, new InputError(`检查时出错：${(e as Error)?.message ?? String(e)}`, '这可能是 gwlint 的缺陷，请附上该文件报告问题'), init.linter.locale ?? 'zh'),
      hashFile(msg.path),
      null,
      undefined,
    );
  }
  const reply: WorkerMessage = { type: 'done', id: msg.id, report, ms: performance.now() - t0, heapUsed: getHeapStatistics().used_heap_size };
  port.postMessage(reply, transferList(report));
}

// The pool sends the next file before this one is answered (see Slot.next in pool.ts): one at a time, in order,
// so the pool's clock and its verdicts follow the file actually running.
const tasks: TaskMessage[] = [];
let running = false;
async function drain(): Promise<void> {
  running = true;
  for (let msg = tasks.shift(); msg; msg = tasks.shift()) await answer(msg);
  running = false;
}

port.on('message', (msg: TaskMessage) => {
  if (msg.type !== 'task') return;
  tasks.push(msg);
  if (!running) void drain();
});

const ready: WorkerMessage = { type: 'ready' };
port.postMessage(ready);
