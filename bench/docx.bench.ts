import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { Linter } from '../src/engine/api.js';
import { clearPartCaches, readDocx } from '../src/parsers/docx/index.js';
import { XmlScanner } from '../src/parsers/docx/scanner.js';
import type { BenchSection } from './bench.js';
import { generateDocx, generateTextDocxOfSize } from './docx-gen.js';
import { median, rate } from './lib.js';

/**
 * docx throughput against the floor measured in the same run: the floor is what any reader of the package
 * must do — fflate unzip plus a saxes parse (no handlers) of the parts gwlint reads — with nothing built and
 * nothing linted. Peak memory of a 20 MB document is measured in a fresh process each, against the floor's.
 */

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(here, '..', '..');
const CORPUS = resolve(ROOT, '..', 'shared', 'corpus');
const FOLDERS = ['templates-gbt9704', 'format-pairs', 'real-docx'];

/** The parts the reader opens (relationships, body, styles, numbering, theme, settings, headers, footers, notes). */
const READ_PARTS = /^(_rels\/\.rels|word\/_rels\/document\.xml\.rels|word\/(document|styles|numbering|settings|footnotes|comments)\.xml|word\/theme\/theme1\.xml|word\/(header|footer)\d*\.xml)$/;

const noop = (): void => {};

/** Every event is delivered (to handlers that do nothing): a parse, not a scan that skips work. */
function floor(bytes: Uint8Array): void {
  const parts = unzipSync(bytes, { filter: (f) => READ_PARTS.test(f.name) });
  const decoder = new TextDecoder();
  for (const name in parts) {
    const p = new SaxesParser();
    p.on('opentag', noop);
    p.on('closetag', noop);
    p.on('text', noop);
    p.write(decoder.decode(parts[name])).close();
  }
}



/** Peak RSS (MB) of a fresh node process that runs `body` on the file at argv[1]. */
function peakRss(body: string, file: string): { mb: number; ok: boolean; out: string } {
  const script = `${body}\nprocess.stdout.write(String(process.resourceUsage().maxRSS / 1024));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return { mb: Number(r.stdout.trim().split('\n').pop()), ok: r.status === 0, out: (r.stderr || '').slice(0, 300) };
}

const dist = (p: string): string => pathToFileURL(resolve(here, '..', p)).href;

export const section: BenchSection = {
  title: 'docx: reader and lint throughput against unzip + XML parse; peak memory of a 20 MB document',
  async run() {
    const corpus = FOLDERS.flatMap((f) => {
      const dir = join(CORPUS, f);
      return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.docx')).map((n) => join(dir, n)) : [];
    });
    const generated = [
      { name: 'generated 5,000 字', ...generateDocx({ paragraphs: 28, chars: 180, seed: 1 }) },
      { name: 'generated 50,000 字', ...generateDocx({ paragraphs: 280, chars: 180, seed: 2 }) },
    ];
    const files = [...corpus.map((f) => ({ name: f, bytes: readFileSync(f) as Uint8Array })), ...generated.map((g) => ({ name: g.name, bytes: g.bytes }))];
    const linter = new Linter({ noConfig: true });
    const dir = mkdtempSync(join(tmpdir(), 'gwlint-docx-bench-'));
    try {
      // Short windows, many rounds, subject right after its floor: these machines are shared, and load moves
      // within seconds, so ratios are taken per round (neighbouring measurements) and their median reported.
      const base: number[] = [];
      const reader: number[] = [];
      const cold: number[] = [];
      const lint: number[] = [];
      const readerRatio: number[] = [];
      const coldRatio: number[] = [];
      const lintRatio: number[] = [];
      for (let round = 0; round < 9; round++) {
        const b = await rate(() => { for (const f of files) floor(f.bytes); }, 600);
        const r = await rate(() => { for (const f of files) readDocx(f.bytes, 'x.docx'); }, 600);
        // Every part read afresh: what a file that shares nothing with the ones before it costs.
        const c = await rate(() => { for (const f of files) { clearPartCaches(); readDocx(f.bytes, 'x.docx'); } }, 600);
        const l = await rate(async () => { for (const f of files) await linter.lintText(f.bytes, 'x.docx'); }, 600);
        base.push(b);
        reader.push(r);
        cold.push(c);
        lint.push(l);
        readerRatio.push(r / b);
        coldRatio.push(c / b);
        lintRatio.push(l / b);
      }

      // The XML tokeniser alone, on the same parts: gwlint's scanner against saxes (the floor's parser).
      const decoder = new TextDecoder();
      const xmlParts = files.flatMap((f) => Object.values(unzipSync(f.bytes, { filter: (e) => READ_PARTS.test(e.name) })).map((u) => decoder.decode(u)));
      const tokRatio: number[] = [];
      for (let round = 0; round < 5; round++) {
        const sx = await rate(() => {
          for (const x of xmlParts) {
            const p = new SaxesParser({ xmlns: false, position: false });
            p.on('opentag', noop);
            p.on('closetag', noop);
            p.on('text', noop);
            p.write(x).close();
          }
        }, 500);
        const sc = await rate(() => {
          for (const x of xmlParts) {
            const p = new XmlScanner({ open: noop, close: noop, text: noop });
            p.write(x);
            p.close();
          }
        }, 500);
        tokRatio.push(sc / sx);
      }
      const fps = (r: number[]): number => median(r) * files.length;

      // One large document alone (reading dominated by the body), same comparison.
      const big = generateDocx({ paragraphs: 2800, chars: 180, seed: 3 });
      const bigRatio: number[] = [];
      const bigBase: number[] = [];
      const bigRead: number[] = [];
      for (let round = 0; round < 5; round++) {
        const b = await rate(() => floor(big.bytes), 800);
        const r = await rate(() => { readDocx(big.bytes, 'x.docx'); }, 800);
        bigBase.push(b);
        bigRead.push(r);
        bigRatio.push(r / b);
      }

      // Peak memory: 20 MB of text only (the worst case: every byte is read) and 20 MB as drafts usually get
      // that large (photos and scans, ~18 MB, stored, plus a 100,000-字 text).
      const text20 = join(dir, 'text-20mb.docx');
      const mixed20 = join(dir, 'mixed-20mb.docx');
      const t = generateTextDocxOfSize(20 * 1024 * 1024, 4);
      writeFileSync(text20, t.bytes);
      const m = generateDocx({ paragraphs: 560, chars: 180, seed: 5, imageBytes: 20 * 1024 * 1024 - 120 * 1024 });
      writeFileSync(mixed20, m.bytes);
      const floorBody = `import { readFileSync } from 'node:fs'; import { unzipSync } from 'fflate'; import { SaxesParser } from 'saxes';
        const parts = unzipSync(readFileSync(process.argv[1]), { filter: (f) => ${READ_PARTS}.test(f.name) });
        for (const n in parts) { const p = new SaxesParser(); for (const e of ['opentag', 'closetag', 'text']) p.on(e, () => {}); p.write(new TextDecoder().decode(parts[n])).close(); }`;
      const readBody = `import { readFileSync } from 'node:fs'; const { readDocx } = await import(${JSON.stringify(dist('src/parsers/docx/index.js'))});
        const d = readDocx(readFileSync(process.argv[1]), 'x.docx'); if (!d.children.length) process.exit(3);`;
      const lintBody = `const { Linter } = await import(${JSON.stringify(dist('src/engine/api.js'))});
        const r = await new Linter({ noConfig: true }).lintFile(process.argv[1]); if (r.messages.some((m) => m.fatal)) { console.error(r.messages[0].message); process.exit(3); }`;
      const rows: string[] = [];
      for (const [label, file, chars] of [
        ['20 MB, text only', text20, t.chars],
        ['20 MB, photos + text', mixed20, m.chars],
      ] as const) {
        const f = peakRss(floorBody, file);
        const r = peakRss(readBody, file);
        const l = peakRss(lintBody, file);
        const mark = (x: { mb: number; ok: boolean; out: string }): string => (x.ok ? `${x.mb.toFixed(0)} MB` : `failed: ${x.out}`);
        rows.push(`| ${label} (${(chars / 10000).toFixed(0)} 万字) | ${mark(f)} | ${mark(r)} | ${mark(l)} |`);
      }

      const sizes = files.reduce((n, f) => n + f.bytes.length, 0);
      return [
        `files: ${corpus.length} corpus .docx + ${generated.length} generated, ${(sizes / 1024).toFixed(0)} KB in all`,
        `| measure | floor (fflate unzip + saxes parse) | gwlint readDocx | gwlint lintText | reader / floor | lint / floor |`,
        `| --- | --- | --- | --- | --- | --- |`,
        `| files/s over the set | ${fps(base).toFixed(0)} | ${fps(reader).toFixed(0)} | ${fps(lint).toFixed(0)} | ${median(readerRatio).toFixed(2)} | ${median(lintRatio).toFixed(2)} |`,
        `| readDocx with no part shared between files | | ${fps(cold).toFixed(0)} | | ${median(coldRatio).toFixed(2)} | |`,
        `| one ${(big.chars / 10000).toFixed(0)} 万字 document, files/s | ${median(bigBase).toFixed(1)} | ${median(bigRead).toFixed(1)} | | ${median(bigRatio).toFixed(2)} | |`,
        `(rates: medians of ${base.length} rounds; ratios: median of the per-round ratios)`,
        `XML tokenising alone, same parts: gwlint's scanner ${median(tokRatio).toFixed(2)}× saxes's throughput`,
        ``,
        `| peak RSS of a fresh process | floor | readDocx | gwlint lintFile |`,
        `| --- | --- | --- | --- |`,
        ...rows,
        ``,
        `targets: reader and lint at least 0.5 of the floor's throughput; peak RSS under 200 MB for a 20 MB document`,
      ].join('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
