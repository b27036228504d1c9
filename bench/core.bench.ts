import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { Linter } from '../src/engine/api.js';
import type { BenchSection } from './bench.js';
import { median, rate } from './lib.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'govcn-text');



export const section: BenchSection = {
  title: 'core: lint throughput on the corpus texts and CLI cold start',
  async run() {
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).map((f) => join(CORPUS, f));
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const processor = unified().use(remarkParse);
    const linter = new Linter({ noConfig: true });

    // Baseline and subject alternate so that machine noise hits both alike.
    const base: number[] = [];
    const lint: number[] = [];
    for (let round = 0; round < 3; round++) {
      base.push(await rate(() => { for (const t of texts) processor.parse(t); }));
      lint.push(await rate(async () => { for (let i = 0; i < texts.length; i++) await linter.lintText(texts[i]!, files[i]!); }));
    }
    const baseCps = median(base) * chars;
    const lintCps = median(lint) * chars;

    // Cold start: `gwlint one.md` as a new process, against bare `node` started the same way.
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-bench-'));
    const one = join(dir, 'one.md');
    writeFileSync(one, '# 关于购置车辆的请示\n\n区政府：\n\n恳请批准购置车辆2辆。\n\n妥否，请批示。\n');
    const time = (args: string[]): number => {
      const t = performance.now();
      spawnSync(process.execPath, args, { encoding: 'utf8' });
      return performance.now() - t;
    };
    const nodeMs: number[] = [];
    const cliMs: number[] = [];
    const tradMs: number[] = [];
    const trad = join(dir, 'trad.md');
    writeFileSync(trad, '# 關於購置車輛的請示\n\n區政府：\n\n懇請批准購置車輛2輛。\n\n妥否，請批示。\n');
    for (let i = 0; i < 7; i++) {
      nodeMs.push(time(['-e', '']));
      cliMs.push(time([join(ROOT, 'bin', 'gwlint.js'), '--no-config-lookup', one]));
      tradMs.push(time([join(ROOT, 'bin', 'gwlint.js'), '--no-config-lookup', trad]));
    }
    const rss = process.memoryUsage().rss / 1048576;
    return [
      `corpus: ${files.length} texts, ${chars.toLocaleString('en-US')} characters`,
      `| measure | baseline (bare remark-parse) | gwlint lintText | ratio |`,
      `| --- | --- | --- | --- |`,
      `| throughput, chars/s | ${Math.round(baseCps).toLocaleString('en-US')} | ${Math.round(lintCps).toLocaleString('en-US')} | ${(lintCps / baseCps).toFixed(2)} of baseline |`,
      ``,
      `| cold start (median of 7) | bare node | gwlint one.md | gwlint traditional.md |`,
      `| --- | --- | --- | --- |`,
      `| wall ms | ${median(nodeMs).toFixed(0)} | ${median(cliMs).toFixed(0)} (${(median(cliMs) / median(nodeMs)).toFixed(1)}× node) | ${median(tradMs).toFixed(0)} (${(median(tradMs) / median(nodeMs)).toFixed(1)}× node) |`,
      ``,
      `target: gwlint one.md under 300 ms wall; bench process RSS ${rss.toFixed(0)} MB`,
    ].join('\n');
  },
};
