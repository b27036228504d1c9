import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findAsks } from '../src/rules/lib/requests.js';
import { getSegmenter } from '../src/util/segmenter.js';
import type { BenchSection } from './bench.js';
import { median, rate } from './lib.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'govcn-text');



/**
 * The cost of reading requests word by word: findAsks (jieba + the mention/ask reading) against jieba's bare
 * segmentation of the same paragraphs, and what loading the segmenter adds to one CLI run — a 报告 that may
 * ask loads it, a short 请示 (ask + closing) and a 通知 do not.
 */
export const section: BenchSection = {
  title: 'requests: findAsks against bare jieba, and the segmenter’s share of a cold start',
  async run() {
    const paras = readdirSync(CORPUS)
      .filter((f) => f.endsWith('.txt'))
      .flatMap((f) => readFileSync(join(CORPUS, f), 'utf8').split('\n'))
      .filter((l) => l.length > 0 && !l.startsWith('#'));
    const chars = paras.reduce((n, p) => n + p.length, 0);
    const seg = getSegmenter();
    const cut: number[] = [];
    const asks: number[] = [];
    for (let round = 0; round < 3; round++) {
      cut.push(await rate(() => { for (const p of paras) seg.cut(p); }));
      asks.push(await rate(() => { for (const p of paras) findAsks(p, { segmenter: seg }); }));
    }
    const cutCps = median(cut) * chars;
    const askCps = median(asks) * chars;

    const dir = mkdtempSync(join(tmpdir(), 'gwlint-bench-req-'));
    const drafts = {
      notice: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n特此通知。\n',
      request: '# 关于购置车辆的请示\n\n区政府：\n\n恳请批准购置车辆2辆。\n\n妥否，请批示。\n',
      report: '# 关于防汛工作情况的报告\n\n市政府：\n\n今年汛期平稳。恳请市政府给予资金支持。\n\n特此报告。\n',
    };
    const ms: Record<string, number[]> = { node: [], notice: [], request: [], report: [] };
    const rss: Record<string, number[]> = { notice: [], request: [], report: [] };
    for (const [k, v] of Object.entries(drafts)) writeFileSync(join(dir, `${k}.md`), v);
    // /usr/bin/time is not everywhere: each run reports its own peak RSS on exit.
    writeFileSync(join(dir, 'rss.cjs'), "process.on('exit', () => process.stderr.write('RSS=' + process.resourceUsage().maxRSS + '\\n'));\n");
    for (let i = 0; i < 7; i++) {
      let t = performance.now();
      spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' });
      ms.node!.push(performance.now() - t);
      for (const k of Object.keys(drafts)) {
        t = performance.now();
        const r = spawnSync(process.execPath, ['--require', join(dir, 'rss.cjs'), join(ROOT, 'bin', 'gwlint.js'), '--no-config-lookup', join(dir, `${k}.md`)], { encoding: 'utf8' });
        ms[k]!.push(performance.now() - t);
        const m = /RSS=(\d+)/.exec(r.stderr);
        if (m) rss[k]!.push(Number(m[1]) / 1024);
      }
    }
    const n = median(ms.node!);
    const row = (k: string): string => `| ${k} | ${median(ms[k]!).toFixed(0)} | ${(median(ms[k]!) / n).toFixed(1)}× | ${rss[k]!.length ? median(rss[k]!).toFixed(0) : '—'} |`;
    return [
      `corpus paragraphs: ${paras.length}, ${chars.toLocaleString('en-US')} characters`,
      `| measure | jieba cut only (baseline) | findAsks | ratio |`,
      `| --- | --- | --- | --- |`,
      `| chars/s | ${Math.round(cutCps).toLocaleString('en-US')} | ${Math.round(askCps).toLocaleString('en-US')} | ${(askCps / cutCps).toFixed(2)} of baseline |`,
      ``,
      `(findAsks reads only sentences that may ask, so it can be faster than cutting everything)`,
      ``,
      `| gwlint one draft (median of 7) | wall ms | × bare node (${n.toFixed(0)} ms) | peak RSS MB |`,
      `| --- | --- | --- | --- |`,
      row('notice'),
      row('request'),
      row('report'),
    ].join('\n');
  },
};
