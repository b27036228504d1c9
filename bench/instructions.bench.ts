import { spawnSync } from 'node:child_process';
import { linkSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchSection } from './bench.js';
import { benchArchive, floorPass, listFiles, loadFloor } from './audit.bench.js';

/**
 * `npm run bench:instructions`: the audit's per-core target (issue 7) in instructions instead of seconds.
 * Seconds on these shared two-core machines move by ±15% between runs, which hides any change smaller than
 * that; callgrind counts the instructions a process executes, whatever else the machine does, and repeats to
 * ~0.1%. Three processes run under it, each on the same sample of the bench archive, with V8 on one thread
 * (--single-threaded: compilation and garbage collection are counted where they happen, and deterministically):
 *
 *   floor   read + unzip (fflate) + XML parse (saxes) of every part — the same floor as bench:audit;
 *   engine  Linter.lintFile on each file in one thread — no pool, no database;
 *   audit   `gwlint audit --jobs 1` — start-up, worker, database and all.
 *
 * A whole run has the instructions of an empty `node` start subtracted (the same for all), so the ratios
 * compare work, and the audit's own start-up (its modules, worker, SQLite) stays in its count as it does in a
 * real run. Warm costs are the difference between two passes over the sample and one. Instructions are not time — wasm, JIT code and the garbage collector differ in
 * instructions per cycle — but a change that saves instructions saves time, and these numbers do not drift.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE = Number(process.env.GWLINT_BENCH_IR_FILES ?? 300);

function valgrindAvailable(): boolean {
  return spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Instructions executed by `node --single-threaded …args` (all threads), from callgrind. */
function instructions(args: string[]): number {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    cwd: ROOT,
  });
  const m = /Collected\s*:\s*([\d,]+)/.exec(r.stderr);
  if (!m) throw new Error(`callgrind gave no count (exit ${r.status}): ${r.stderr.slice(-2000)}`);
  return Number(m[1]!.replace(/,/g, ''));
}

// ---------------------------------------------------------------- the children (this file, with a mode)

async function engineChild(files: string[], cwd: string, passes: number): Promise<void> {
  const { Linter } = await import('../src/engine/api.js');
  const linter = new Linter({ cwd, noConfig: true, readWholeFiles: true });
  for (let p = 0; p < passes; p++) for (const f of files) await linter.lintFile(f);
}

// ---------------------------------------------------------------- the section

const f2 = (x: number): string => x.toFixed(2);
const g = (x: number): string => `${(x / 1e9).toFixed(2)} G`;
const m = (x: number): string => `${(x / 1e6).toFixed(1)} M`;

export const section: BenchSection = {
  title: `instructions: audit, engine and floor on ${SAMPLE} files of the bench archive, counted by callgrind`,
  async run() {
    if (!valgrindAvailable()) return 'valgrind not found: skipped (Debian: apt-get install valgrind)';
    const { dir: archive } = await benchArchive();
    // Every k-th file, so the sample keeps the archive's mix of real corpus drafts and synthetic ones.
    const all = listFiles(archive);
    const step = Math.max(1, Math.floor(all.length / SAMPLE));
    const files = all.filter((_, i) => i % step === 0).slice(0, SAMPLE);
    const work = mkdtempSync(join(tmpdir(), 'gwlint-bench-ir-'));
    try {
      const link = (root: string): void => {
        for (const f of files) {
          const to = join(root, relative(archive, f));
          mkdirSync(dirname(to), { recursive: true });
          try {
            linkSync(f, to);
          } catch {
            copyFileSync(f, to);
          }
        }
      };
      const sample = join(work, 'sample');
      link(sample);
      // The sample twice over, for the audit's warm cost: what a second copy of the same files adds to a run.
      const twice = join(work, 'twice');
      link(join(twice, 'a'));
      link(join(twice, 'b'));
      const auditRun = (dir: string, db: string): number =>
        instructions([join(ROOT, 'bin', 'gwlint.js'), 'audit', dir, '--db', join(work, db), '--jobs', '1', '--force', '--no-progress', '--no-config-lookup']);
      const me = fileURLToPath(import.meta.url);
      const n = files.length;
      const empty = instructions(['-e', '0']);
      const floor1 = instructions([me, '--floor', sample, '1']);
      // Warm: the cost of a second pass over the same files, as bench:audit takes the floor's best warm pass.
      const floorWarm = (instructions([me, '--floor', sample, '2']) - floor1) / n;
      const engine1 = instructions([me, '--engine', sample, '1']);
      const engineWarm = (instructions([me, '--engine', sample, '2']) - engine1) / n;
      const audit1 = auditRun(sample, 'ir.sqlite');
      const audit = (audit1 - empty) / n;
      const auditWarm = (auditRun(twice, 'ir2.sqlite') - audit1) / n;
      const floorCold = (floor1 - empty) / n;
      const engineCold = (engine1 - empty) / n;
      return [
        `sample: ${n} files (every ${step}th of ${all.length.toLocaleString('en-US')}); per file, from instruction counts; a whole run has an empty node start (${g(empty)}) taken off`,
        '',
        `floor (read + unzip + saxes parse):  warm ${m(floorWarm)}   whole run ${m(floorCold)}`,
        `engine alone (Linter.lintFile):      warm ${m(engineWarm)}   whole run ${m(engineCold)}`,
        `gwlint audit --jobs 1:               warm ${m(auditWarm)}   whole run ${m(audit)}  (start-up, worker thread, database included)`,
        '',
        `per core, audit / floor, warm (as bench:audit's warm line): ${f2(floorWarm / auditWarm)}   (target ≥ 0.50; counted in instructions, not time)`,
        `per core, whole audit run / warm floor (as bench:audit's whole-run line): ${f2(floorWarm / audit)}  (target ≥ 0.50)`,
        `per core, whole audit run / whole floor run: ${f2(floorCold / audit)}`,
        `engine alone / floor, warm: ${f2(floorWarm / engineWarm)}; whole runs: ${f2(floorCold / engineCold)}; the audit keeps ${f2(engineCold / audit)} of the engine's whole-run rate`,
      ].join('\n');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};

const mode = process.argv[2];
if (mode === '--floor' || mode === '--engine') {
  const dir = process.argv[3]!;
  const passes = Number(process.argv[4] ?? 1);
  const files = listFiles(dir);
  if (mode === '--floor') {
    await loadFloor();
    for (let p = 0; p < passes; p++) floorPass(files);
  } else await engineChild(files, dir, passes);
}
