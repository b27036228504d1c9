import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { Linter } from '../src/engine/api.js';
import type { BenchSection } from './bench.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** CPU time a process has used, in ms (Linux /proc; clock ticks at the usual 100 Hz). */
function cpuMsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** A 请示 of about 5,000 字 of 正文, built from the fixture drafts' own paragraphs. */
async function draft5000(): Promise<{ text: string; charCount: number; bodyLine: number }> {
  const src = readFileSync(join(ROOT, 'fixtures', 'drafts', '通知-防汛工作.md'), 'utf8');
  const paras = src
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 30 && !l.startsWith('#'));
  const head = ['# 某某区水务局关于申请防汛专项经费的请示', '', '区人民政府：', ''];
  const tail = ['', '妥否，请批示。', '', '某某区水务局', '', '2024年5月6日', ''];
  const linter = new Linter({ noConfig: true });
  const body: string[] = [];
  for (let i = 0; ; i++) {
    body.push(paras[i % paras.length]!, '');
    const text = [...head, ...body, ...tail].join('\n');
    const r = await linter.lintText(text, 'draft.md');
    if ((r.charCount ?? 0) >= 5000) return { text, charCount: r.charCount!, bodyLine: head.length + 2 };
  }
}

export const section: BenchSection = {
  title: 'lsp: edit-to-diagnostics latency of the language server on a 5,000-字 draft',
  async run() {
    const { text, charCount, bodyLine } = await draft5000();
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-lsp-bench-'));
    const file = join(dir, '请示.md');
    const uri = pathToFileURL(file).href;

    // Baseline: the bare engine call the server makes, in this process, on the same text after the same edits.
    const linter = new Linter({ cwd: dir });
    const bare: number[] = [];
    let bareCpu = 0;
    let t = text;
    for (let i = 0; i < 60; i++) {
      const lines = t.split('\n');
      lines[bodyLine] = '某' + lines[bodyLine];
      t = lines.join('\n');
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      await linter.lintText(t, file);
      if (i >= 10) {
        bare.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        bareCpu += (c.user + c.system) / 1000;
      }
    }

    const proc = spawn(process.execPath, [join(ROOT, 'bin', 'gwlint-language-server.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const waiters = new Map<number, (p: PublishDiagnosticsParams) => void>();
    conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === uri && p.version !== undefined) waiters.get(p.version)?.(p);
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
      capabilities: {},
    });
    await conn.sendNotification(InitializedNotification.type, {});
    const published = (v: number): Promise<PublishDiagnosticsParams> => new Promise((done) => waiters.set(v, done));

    let version = 1;
    let wait = published(version);
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
    await wait;
    const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
    const type = async (): Promise<number> => {
      version++;
      wait = published(version);
      const t0 = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 0 } }, text: '某' }],
      });
      await wait;
      return performance.now() - t0;
    };

    // Warm-up, then one keystroke at a time with a typist's pause (150 ms) between them.
    for (let i = 0; i < 10; i++) {
      await type();
      await sleep(150);
    }
    const paced: number[] = [];
    const cpu0 = cpuMsOf(proc.pid!);
    for (let i = 0; i < 50; i++) {
      paced.push(await type());
      await sleep(150);
    }
    const cpu1 = cpuMsOf(proc.pid!);
    const serverCpu = cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / 50 : null;

    // Fast typing: 10 keystrokes 30 ms apart; time from the last keystroke to the diagnostics that include it.
    const burst: number[] = [];
    for (let round = 0; round < 8; round++) {
      let last = 0;
      let lastVersion = 0;
      for (let k = 0; k < 10; k++) {
        version++;
        lastVersion = version;
        last = performance.now();
        await conn.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version },
          contentChanges: [{ range: { start: { line: bodyLine, character: 0 }, end: { line: bodyLine, character: 0 } }, text: '某' }],
        });
        if (k < 9) await sleep(30);
      }
      await published(lastVersion);
      burst.push(performance.now() - last);
      await sleep(300);
    }

    proc.kill();
    conn.dispose();
    rmSync(dir, { recursive: true, force: true });

    const b50 = quantile(bare, 0.5);
    const bareCpuEach = bareCpu / bare.length;
    const p50 = quantile(paced, 0.5);
    const p95 = quantile(paced, 0.95);
    return [
      `draft: a 请示 of ${charCount.toLocaleString('en-US')} 字 of 正文 (${text.length.toLocaleString('en-US')} characters), one character typed per edit`,
      `| measure | median ms | p95 ms | ratio to baseline median |`,
      `| --- | --- | --- | --- |`,
      `| baseline: bare lintText in-process | ${b50.toFixed(1)} | ${quantile(bare, 0.95).toFixed(1)} | 1.00 |`,
      `| server: didChange → publishDiagnostics, keystrokes 150 ms apart | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${(p50 / b50).toFixed(2)} |`,
      `| server: last of 10 keystrokes 30 ms apart → its diagnostics | ${quantile(burst, 0.5).toFixed(1)} | ${quantile(burst, 0.95).toFixed(1)} | ${(quantile(burst, 0.5) / b50).toFixed(2)} |`,
      ``,
      `CPU per edit (less sensitive to other load): bare lintText ${bareCpuEach.toFixed(1)} ms; server process ${serverCpu === null ? 'n/a' : `${serverCpu.toFixed(1)} ms (${(serverCpu / bareCpuEach).toFixed(2)}× bare)`}`,
      `machine load average during the run: ${loadavg()[0]!.toFixed(1)} (1 min)`,
      `target: edit to diagnostics under 50 ms after warm-up (keystrokes after a pause): median ${p50 < 50 ? 'met' : 'NOT met'}, p95 ${p95 < 50 ? 'met' : 'NOT met'}`,
      `(fast typing is coalesced: edits that arrive while a lint runs, or within debounceMs (100) of the last, are linted once)`,
    ].join('\n');
  },
};
