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
import { parserFor, registerParser, supportedExtensions } from '../parsers/registry.js';
import { InputError, type Parser } from '../parsers/types.js';
import { extractMeta } from './meta.js';
import type { FileReport, Preview, TaskMessage, WorkerInit, WorkerMessage } from './protocol.js';

/**
 * One audit worker: lints one file at a time through the engine's Linter and sends back the result with what
 * the report groups by (office, year …) and a preview. The pool owns the time and memory limits; this side
 * only has to never throw for a file's faults, which lintFile already guarantees.
 */

const init = workerData as WorkerInit;
const port = parentPort!;
const linter = new Linter(init.linter);

// The report needs the structured document (roles give 发文字号 and 成文日期), which lintFile does not
// return. Wrapping each reader keeps the last document it built, so nothing is parsed twice. Plugins named by
// a config may register readers later, so the wrapping is checked again before each file.
let lastDoc: GwDocument | null = null;
const WRAPPED = Symbol('gwlint.audit.wrapped');
async function wrapParsers(): Promise<void> {
  const seen = new Set<Parser>();
  for (const ext of supportedExtensions()) {
    const real = await parserFor(`x${ext}`);
    if (!real || seen.has(real) || (real as Parser & { [WRAPPED]?: boolean })[WRAPPED]) continue;
    seen.add(real);
    const wrapper: Parser & { [WRAPPED]: boolean } = {
      ...real,
      [WRAPPED]: true,
      async parse(input) {
        const doc = await real.parse(input);
        lastDoc = doc;
        return doc;
      },
    };
    registerParser(wrapper);
  }
}
await wrapParsers();

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

async function lintOne(path: string): Promise<FileReport> {
  lastDoc = null;
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
      return { result: fatalResult(path, e, init.linter.locale ?? 'zh'), kind: null, meta: null, preview: null };
    }
  }
  try {
    await linter.prepare(lintedPath);
    await wrapParsers();
    result = await linter.lintFile(lintedPath);
    result.filePath = path;
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
  // Fixes and fixed output are for editors; an audit keeps findings only.
  delete result.output;
  delete result.source;
  for (const m of result.messages) delete m.fix;

  const doc = lastDoc as GwDocument | null;
  lastDoc = null;
  const fatal = result.messages.some((m) => m.fatal);
  if (!doc || fatal) return { result, kind: doc?.data.kind ?? null, meta: null, preview: null, ...(convertedFrom ? { convertedFrom } : {}) };

  const source = doc.data.source;
  const preview: Preview = {
    kind: doc.data.kind,
    text: source.length > init.previewMax ? source.slice(0, init.previewMax) : source,
    truncated: source.length > init.previewMax,
  };
  return { result, kind: doc.data.kind, meta: extractMeta(doc), preview, ...(convertedFrom ? { convertedFrom } : {}) };
}

port.on('message', (msg: TaskMessage) => {
  if (msg.type !== 'task') return;
  const t0 = performance.now();
  lintOne(msg.path).then(
    (report) => {
      const reply: WorkerMessage = { type: 'done', id: msg.id, report, ms: performance.now() - t0, heapUsed: getHeapStatistics().used_heap_size };
      port.postMessage(reply);
    },
    (e: unknown) => {
      if (e instanceof ConfigError) {
        const reply: WorkerMessage = { type: 'fatal', id: msg.id, message: `配置错误：${e.file}${e.keyPath ? ` 中的 ${e.keyPath}` : ''}：${e.expected}` };
        port.postMessage(reply);
        return;
      }
      const report: FileReport = {
        result: fatalResult(msg.path, new InputError(`检查时出错：${(e as Error)?.message ?? String(e)}`, '这可能是 gwlint 的缺陷，请附上该文件报告问题'), init.linter.locale ?? 'zh'),
        kind: null,
        meta: null,
        preview: null,
      };
      const reply: WorkerMessage = { type: 'done', id: msg.id, report, ms: performance.now() - t0, heapUsed: getHeapStatistics().used_heap_size };
      port.postMessage(reply);
    },
  );
});

const ready: WorkerMessage = { type: 'ready' };
port.postMessage(ready);
