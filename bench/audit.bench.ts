import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Document as DocxDocument, Paragraph as DocxParagraph, TextRun as DocxTextRun } from 'docx';
import type { BenchSection } from './bench.js';

// Loaded only by the parent: the audit child (this file with --child) must not pay for them in its CPU time.
type Docx = typeof import('docx');
let docx!: Docx;
let unzipSync!: typeof import('fflate').unzipSync;
let SaxesParser!: typeof import('saxes').SaxesParser;

/**
 * `npm run bench:audit`: throughput of `gwlint audit` on a synthetic archive of 2,000+ .docx (built here with
 * `docx`: varied lengths, 文种, offices, years and faults) plus the shared corpus, against the floor measured
 * in the same run on the same files — read + unzip + XML parse of every part, no linting. Each audit runs in
 * a child process (this file again, with --child) so its peak RSS is its own.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SYNTHETIC = Number(process.env.GWLINT_BENCH_AUDIT_FILES ?? 2000);
/** Bump when the generator changes, so a cached archive is rebuilt. */
const GENERATOR_VERSION = 2;

// ---------------------------------------------------------------- synthetic archive

/** Deterministic, so every run (and every machine) audits the same archive. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OFFICES = [
  { name: '天津市静海区人民政府', code: '津静政发', short: '静海区人民政府' },
  { name: '天津市静海区人民政府办公室', code: '津静政办发', short: '静海区人民政府办公室' },
  { name: '北京市通州区人民政府', code: '通政发', short: '通州区人民政府' },
  { name: '静海区教育局', code: '静教发', short: '静海区教育局' },
  { name: '静海区财政局', code: '静财发', short: '静海区财政局' },
  { name: '静海区水务局', code: '静水发', short: '静海区水务局' },
  { name: '烟台市芝罘区人民政府', code: '烟芝政发', short: '芝罘区人民政府' },
];
const TYPES = ['通知', '请示', '报告', '函', '意见', '批复', '纪要', '决定'] as const;
const MATTERS = ['加强防汛抗旱工作', '做好冬季供暖保障', '开展安全生产大检查', '推进营商环境优化', '申请专项资金', '调整工作领导小组成员', '规范公文处理', '加强档案管理', '做好节假日值班', '推进老旧小区改造'];
const SENTENCES = [
  '各单位要充分认识做好此项工作的重要性，切实加强组织领导，明确责任分工，确保各项任务落到实处。',
  '要坚持问题导向，聚焦群众反映强烈的突出问题，制定切实可行的工作方案，按时完成各项目标任务。',
  '各街道、各委办局要结合本单位实际，认真研究部署，细化工作措施，及时报送工作进展情况。',
  '要加强统筹协调，形成工作合力，对工作中发现的问题及时研究解决，重大事项及时请示报告。',
  '要严格落实工作责任制，对工作不力、造成不良影响的，依规依纪严肃追究有关人员责任。',
  '财政部门要做好资金保障，审计部门要加强监督检查，确保资金使用规范、安全、高效。',
  '请各单位于每月5日前将上月工作情况报送区政府办公室，联系电话：68000000。',
];
const HEADINGS = ['一、总体要求', '二、主要任务', '三、保障措施', '四、工作要求'];

type Fault = 'no-signer' | 'too-long' | 'wrong-font' | 'small-size' | 'no-date' | 'bad-margin' | 'request-in-report';

function run(text: string, font: string, size: number, bold = false): DocxTextRun {
  return new docx.TextRun({ text, font: { eastAsia: font, ascii: 'Times New Roman', hAnsi: 'Times New Roman' }, size, bold });
}

function para(text: string, font: string, size: number, align?: (typeof docx.AlignmentType)[keyof typeof docx.AlignmentType], indent = true): DocxParagraph {
  return new docx.Paragraph({
    children: [run(text, font, size)],
    ...(align ? { alignment: align } : {}),
    ...(indent ? { indent: { firstLine: 640 } } : {}),
    spacing: { line: 560, lineRule: 'exact' as never },
  });
}

function docSpec(i: number): { type: (typeof TYPES)[number]; faults: Fault[]; build: () => DocxDocument; name: string } {
  const r = prng(i * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const office = pick(OFFICES);
  const type = pick(TYPES);
  const year = 2014 + Math.floor(r() * 11);
  const faults: Fault[] = [];
  for (const f of ['no-signer', 'wrong-font', 'small-size', 'no-date', 'bad-margin'] as Fault[]) if (r() < 0.18) faults.push(f);
  if (r() < 0.08) faults.push('too-long');
  if (type === '报告' && r() < 0.4) faults.push('request-in-report');
  const upward = type === '请示' || type === '报告';
  const matter = pick(MATTERS);
  // Most drafts are one to three pages; a few are long (and some of those break the 字数 cap).
  const paragraphs = faults.includes('too-long') ? 70 + Math.floor(r() * 40) : 3 + Math.floor(r() ** 2 * 30);
  const bodyFont = faults.includes('wrong-font') ? '宋体' : '仿宋_GB2312';
  const bodySize = faults.includes('small-size') ? 21 : 32;
  const build = (): DocxDocument => {
    const { AlignmentType } = docx;
    const ps: DocxParagraph[] = [];
    ps.push(para(`${office.short}文件`, '方正小标宋简体', 72, AlignmentType.CENTER, false));
    const number = `${office.code}〔${year}〕${1 + Math.floor(r() * 150)}号`;
    ps.push(para(upward && !faults.includes('no-signer') ? `${number}　　签发人：王某某` : number, bodyFont, 32, upward ? AlignmentType.LEFT : AlignmentType.CENTER, false));
    ps.push(para(`${office.short}关于${matter}的${type}`, '方正小标宋简体', 44, AlignmentType.CENTER, false));
    ps.push(para(upward ? '区人民政府：' : '各街道、各委办局：', bodyFont, bodySize, undefined, false));
    for (let k = 0; k < paragraphs; k++) {
      if (k % 6 === 0 && k / 6 < HEADINGS.length) ps.push(para(HEADINGS[k / 6]!, '黑体', 32));
      const n = 1 + Math.floor(r() * 3);
      ps.push(para(Array.from({ length: n }, () => pick(SENTENCES)).join(''), bodyFont, bodySize));
    }
    if (type === '请示') ps.push(para('妥否，请批示。', bodyFont, bodySize));
    if (faults.includes('request-in-report')) ps.push(para('以上报告如无不妥，请批准。', bodyFont, bodySize));
    ps.push(para(office.short, bodyFont, bodySize, AlignmentType.RIGHT, false));
    if (!faults.includes('no-date')) ps.push(para(`${year}年${1 + Math.floor(r() * 12)}月${1 + Math.floor(r() * 28)}日`, bodyFont, bodySize, AlignmentType.RIGHT, false));
    const margin = faults.includes('bad-margin') ? { top: 1440, bottom: 1440, left: 1800, right: 1800 } : { top: 2098, bottom: 1984, left: 1587, right: 1474 };
    return new docx.Document({ sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin } }, children: ps }] });
  };
  return { type, faults, build, name: `${year}/${office.code}/${String(i).padStart(5, '0')}-${type}.docx` };
}

/** The bench archive (built on first use, then cached in the temp folder); shared with instructions.bench. */
export async function benchArchive(): Promise<{ dir: string; ms: number; built: boolean }> {
  docx ??= await import('docx');
  const dir = join(tmpdir(), 'gwlint-bench-audit-archive');
  return { dir, ...(await buildArchive(dir, SYNTHETIC)) };
}

async function buildArchive(dir: string, n: number): Promise<{ ms: number; built: boolean }> {
  const marker = join(dir, `.generated-v${GENERATOR_VERSION}-${n}`);
  if (existsSync(marker)) return { ms: 0, built: false };
  rmSync(dir, { recursive: true, force: true });
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const spec = docSpec(i);
    const p = join(dir, 'synthetic', spec.name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, await docx.Packer.toBuffer(spec.build()));
  }
  const corpus = join(ROOT, '..', 'shared', 'corpus');
  if (existsSync(corpus)) cpSync(corpus, join(dir, 'corpus'), { recursive: true });
  writeFileSync(marker, '');
  return { ms: performance.now() - t, built: true };
}

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (['.docx', '.md', '.txt'].includes(extname(e.name).toLowerCase())) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// ---------------------------------------------------------------- the floor

/** Loads what the floor uses (fflate, saxes): only processes that measure the floor pay for them. */
export async function loadFloor(): Promise<void> {
  ({ unzipSync } = await import('fflate'));
  ({ SaxesParser } = await import('saxes'));
}

/** What any .docx reader must at least do: read the bytes, unzip, parse every XML part. Text: read + decode. */
export function floorPass(files: string[]): { ms: number; cpuMs: number; parts: number } {
  const dec = new TextDecoder();
  let parts = 0;
  const c0 = process.cpuUsage();
  const t = performance.now();
  for (const f of files) {
    const bytes = readFileSync(f);
    if (!f.endsWith('.docx')) {
      dec.decode(bytes);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(bytes, { filter: (e) => /\.(xml|rels)$/i.test(e.name) });
    } catch {
      continue;
    }
    for (const data of Object.values(entries)) {
      const p = new SaxesParser();
      p.on('error', () => undefined);
      try {
        p.write(dec.decode(data)).close();
      } catch {
        /* a broken part costs what it cost */
      }
      parts++;
    }
  }
  const c = process.cpuUsage(c0);
  return { ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000, parts };
}

// ---------------------------------------------------------------- one audit, in a child process

interface ChildResult {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  baseRssMb: number;
  heapPeakMb: number;
  audited: number;
  failed: number;
  findings: number;
  /** Share of the run the main thread was busy (walk, hashing, database): if near 1 it limits scaling. */
  mainBusy: number;
  /** The files recorded after the first `mark` of them, timed inside this same run: the warm rate. */
  steady: { files: number; ms: number; cpuMs: number } | null;
}

async function child(): Promise<void> {
  const [, , , archive, db, jobs, markArg] = process.argv;
  const mark = Number(markArg ?? 0);
  const { runAudit } = await import('../src/audit/run.js');
  let atMark: { t: number; cpu: NodeJS.CpuUsage } | null = null;
  rmSync(db!, { force: true });
  const base = process.memoryUsage.rss();
  const elu0 = performance.eventLoopUtilization();
  const c0 = process.cpuUsage();
  const t = performance.now();
  const s = await runAudit({
    roots: [archive!],
    db: db!,
    jobs: Number(jobs),
    timeoutMs: 120_000,
    memoryMb: 512,
    shard: null,
    soffice: null,
    force: true,
    retryFailed: false,
    useIgnore: false,
    linter: { cwd: archive!, noConfig: true },
    cwd: archive!,
    argv: ['audit', 'bench'],
    progress: null,
    previewMax: 200_000,
    // process.cpuUsage counts every thread of the process: the workers, the main thread and V8's compilers.
    onRecorded: (n) => {
      if (n === mark) atMark = { t: performance.now(), cpu: process.cpuUsage() };
    },
  });
  const end = performance.now();
  const ms = end - t;
  const c = process.cpuUsage(c0);
  const m = atMark as { t: number; cpu: NodeJS.CpuUsage } | null;
  const cm = m ? process.cpuUsage(m.cpu) : null;
  const out: ChildResult = {
    ms,
    cpuMs: (c.user + c.system) / 1000,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: base / 1048576,
    heapPeakMb: s.heapPeak / 1048576,
    audited: s.audited,
    failed: s.failed,
    findings: s.findings,
    mainBusy: performance.eventLoopUtilization(elu0).utilization,
    steady: m && cm ? { files: s.audited - mark, ms: end - m.t, cpuMs: (cm.user + cm.system) / 1000 } : null,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

const REPEAT = Math.max(1, Number(process.env.GWLINT_BENCH_AUDIT_REPEAT ?? 3));

/**
 * The best of several runs of one child: least CPU and, separately, shortest wall time (with the CPU of that
 * same run, for the cores it used); the largest memory any of them reached.
 */
function best(rs: ChildResult[]): ChildResult & { wallRunCpuMs: number } {
  const byCpu = rs.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
  const byWall = rs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const rss = rs.reduce((a, b) => (b.maxRssMb - b.baseRssMb > a.maxRssMb - a.baseRssMb ? b : a));
  const steadies = rs.flatMap((r) => (r.steady ? [r.steady] : []));
  const steady = steadies.length
    ? { files: steadies[0]!.files, ms: Math.min(...steadies.map((x) => x.ms)), cpuMs: Math.min(...steadies.map((x) => x.cpuMs)) }
    : null;
  return { ...byCpu, ms: byWall.ms, mainBusy: byWall.mainBusy, wallRunCpuMs: byWall.cpuMs, maxRssMb: rss.maxRssMb, baseRssMb: rss.baseRssMb, heapPeakMb: Math.max(...rs.map((r) => r.heapPeakMb)), steady };
}

/**
 * `cpus` (e.g. '0') runs the child on those cores only, through taskset. `mark`: time the files recorded after
 * the first `mark` (the warm part of the run) as well as the whole run.
 */
function auditInChild(archive: string, jobs: number, db: string, cpus?: string, mark = 0): ChildResult {
  const args = [fileURLToPath(import.meta.url), '--child', archive, db, String(jobs), String(mark)];
  const r = cpus ? spawnSync('taskset', ['-c', cpus, process.execPath, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }) : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`audit child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

function tasksetAvailable(): boolean {
  return process.platform === 'linux' && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

// ---------------------------------------------------------------- the section

const f1 = (x: number): string => x.toFixed(1);
const f2 = (x: number): string => x.toFixed(2);

export const section: BenchSection = {
  title: `audit: gwlint audit on ${SYNTHETIC.toLocaleString('en-US')} synthetic .docx + the corpus, against the unzip+XML-parse floor`,
  async run() {
    await loadFloor();
    const { dir: archive, ...gen } = await benchArchive();
    const files = listFiles(archive);
    const docxCount = files.filter((f) => f.endsWith('.docx')).length;
    const bytes = files.reduce((a, f) => a + statSync(f).size, 0);

    // Floor: one warm-up pass (page cache, JIT), then three; more warm passes come from the floor's children between
    // the audits below, so that the floor and the audit are both sampled across the whole bench (on a shared
    // machine busy and quiet spells of a minute or more come and go within one run of this bench).
    floorPass(files);
    const floors = [floorPass(files), floorPass(files), floorPass(files)];

    // The engine alone, for the breakdown: Linter.lintFile, no pool and no database, in a fresh process that lints
    // the archive once before it is timed over a second pass — as warm as the audit's worker is when its warm rate
    // is timed (V8 goes on optimising the engine for thousands of files: three more passes in one process came
    // out 1.5 times as fast, which set a warmer engine against a cooler audit).
    const engineRuns: number[] = [];

    const work = mkdtempSync(join(tmpdir(), 'gwlint-bench-audit-db-'));
    // A run pays once for starting threads and engine, the dictionary, the database, and for V8 compiling the
    // engine's hot code in each thread (about a second of CPU): the archive twice over (hard links), timed from
    // the start of the second copy, gives the warm per-file cost, comparable with the warm floor.
    const copies = (name: string, n: number): string => {
      const dir = join(work, name);
      for (const sub of ['a', 'b', 'c'].slice(0, n)) {
        for (const f of files) {
          const to = join(dir, sub, relative(archive, f));
          mkdirSync(dirname(to), { recursive: true });
          try {
            linkSync(f, to);
          } catch {
            copyFileSync(f, to); // another file system
          }
        }
      }
      return dir;
    };
    const twice = copies('twice', 2);
    // Scaling as cores are added: --jobs 1 confined to one core against --jobs 2 on two. On two cores, --jobs 1
    // alone already uses more than one (the main thread's database work and V8's compiler threads run beside the
    // worker), so --jobs 2 / --jobs 1 there measures how much of a core those take, not how the work scales.
    const taskset = availableParallelism() >= 2 && tasksetAvailable();
    // The same once warm: each worker of --jobs 2 sees half the files, and V8 goes on optimising a worker's code
    // for its first thousand files or two, so both run over the archive thrice and are timed over the third copy:
    // every worker has linted the archive at least once when the clock starts, and the database is as large.
    const thrice = taskset ? copies('thrice', 3) : '';
    // Each child runs REPEAT times, taking turns, and the best is kept, as for the floor: on a shared machine noise
    // only ever adds.
    const runs = {
      one: [] as ChildResult[],
      two: [] as ChildResult[],
      oneCore: [] as ChildResult[],
      double: [] as ChildResult[],
      warmOneCore: [] as ChildResult[],
      warmTwo: [] as ChildResult[],
      floorCold: [] as FloorPass[],
    };
    for (let r = 0; r < REPEAT; r++) {
      runs.one.push(auditInChild(archive, 1, join(work, 'j1.sqlite')));
      runs.two.push(auditInChild(archive, 2, join(work, 'j2.sqlite')));
      if (taskset) runs.oneCore.push(auditInChild(archive, 1, join(work, 'c1.sqlite'), '0'));
      // The warm rate: the archive's second copy, timed inside the run that went through the first copy before it
      // (the difference of two separate runs, as measured before, gave 0.44 and 0.68 of the floor in two runs of
      // this bench minutes apart).
      runs.double.push(auditInChild(twice, 1, join(work, 'twice.sqlite'), undefined, files.length));
      if (taskset) {
        runs.warmOneCore.push(auditInChild(thrice, 1, join(work, 'w1.sqlite'), '0', 2 * files.length));
        runs.warmTwo.push(auditInChild(thrice, 2, join(work, 'w2.sqlite'), undefined, 2 * files.length));
      }
      // The floor once more as a whole run in a fresh process, to set against the audit's whole run (both cold).
      const fc = floorInChild(archive);
      runs.floorCold.push(fc.cold);
      floors.push(...fc.warm);
      engineRuns.push(engineInChild(archive));
    }
    rmSync(work, { recursive: true, force: true });
    const [one, two, double] = [best(runs.one), best(runs.two), best(runs.double)];
    const oneCore = taskset ? best(runs.oneCore) : null;
    const [warmOneCore, warmTwo] = taskset ? [best(runs.warmOneCore).steady, best(runs.warmTwo).steady] : [null, null];
    const floorCold = runs.floorCold.reduce((a, b) => (b.cpuMs < a.cpuMs ? b : a));
    const floor = { ms: Math.min(...floors.map((f) => f.ms)), cpuMs: Math.min(...floors.map((f) => f.cpuMs)), parts: floors[0]!.parts };
    const floorRate = files.length / (floor.ms / 1000);
    const floorCpuRate = files.length / (floor.cpuMs / 1000);
    const warm = double.steady;
    if (!warm) throw new Error(`the ${double.audited}-file audit never reached ${files.length} files: no warm rate`);
    const warmCpuRate1 = warm.files / (warm.cpuMs / 1000);

    const engineCpuRate = files.length / (Math.min(...engineRuns) / 1000);
    const rate1 = one.audited / (one.ms / 1000);
    const rate2 = two.audited / (two.ms / 1000);
    const cpuRate1 = one.audited / (one.cpuMs / 1000);
    const perWorker1 = one.maxRssMb - one.baseRssMb;
    const perWorker2 = (two.maxRssMb - two.baseRssMb) / 2;
    const lines = [
      `archive: ${files.length.toLocaleString('en-US')} files (${docxCount.toLocaleString('en-US')} .docx), ${f1(bytes / 1048576)} MB${gen.built ? `; generated in ${f1(gen.ms / 1000)} s` : ' (cached in ' + archive + ')'}`,
      `machine: ${availableParallelism()} cores, load average ${loadavg().map(f1).join(' ')} (shared machines: read the ratios, not the seconds); each figure the best of ${REPEAT} runs (GWLINT_BENCH_AUDIT_REPEAT)`,
      '',
      `floor (read + unzip + saxes parse of ${floor.parts.toLocaleString('en-US')} XML parts, 1 thread, best of ${floors.length} warm passes across the bench): ${f1(floorRate)} files/s wall, ${f1(floorCpuRate)} files per CPU-second`,
      `engine alone (Linter.lintFile, 1 thread, second pass, no pool or database): ${f1(engineCpuRate)} files per CPU-second`,
      `audit --jobs 1: ${f1(rate1)} files/s wall, ${f1(cpuRate1)} files per CPU-second (main thread + worker), ${one.failed} unreadable, ${one.findings.toLocaleString('en-US')} findings`,
      `audit --jobs 2: ${f1(rate2)} files/s wall`,
      `main thread busy: ${f2(one.mainBusy)} of the run with 1 job, ${f2(two.mainBusy)} with 2 (near 1 would make it the bottleneck)`,
      '',
      `per core, audit / floor, warm (files per CPU-second over the last ${warm.files.toLocaleString('en-US')} files of a ${double.audited.toLocaleString('en-US')}-file run — the archive twice — against the warm floor): ${f2(warmCpuRate1 / floorCpuRate)}  (target ≥ 0.50)`,
      `  of which the engine: engine alone (warm) / floor ${f2(engineCpuRate / floorCpuRate)}; the audit pipeline (threads, hashing, database) keeps ${f2(warmCpuRate1 / engineCpuRate)} of the engine's rate`,
      `per core, whole ${one.audited.toLocaleString('en-US')}-file run, start-up and warm-up included: ${f2(cpuRate1 / floorCpuRate)} of the floor (the run's fixed cost: ${f2((one.cpuMs - one.audited / warmCpuRate1 * 1000) / 1000)} CPU-s)`,
      `  against the floor's own whole run (a fresh process, one pass; both cold): ${f2(cpuRate1 / (files.length / (floorCold.cpuMs / 1000)))}`,
      `wall, audit --jobs 1 / floor: ${f2(rate1 / floorRate)}`,
      `scaling --jobs 2 / --jobs 1: ${f2(rate2 / rate1)}× wall  (near 2× only with a core free for the main thread and V8's compiler); CPU used ${f2(one.wallRunCpuMs / one.ms)} and ${f2(two.wallRunCpuMs / two.ms)} cores`,
      `  files per CPU-second with 2 jobs / with 1: ${f2(two.audited / two.cpuMs / (one.audited / one.cpuMs))} (1.00 = no cost to parallelism; wall scaling ≈ this × cores actually free)`,
      oneCore
        ? `scaling with cores, --jobs 2 on two cores / --jobs 1 on one core (taskset): ${f2(rate2 / (oneCore.audited / (oneCore.ms / 1000)))}× wall  (target near 2×)`
        : 'scaling with cores: skipped (needs two cores and taskset)',
      ...(warmOneCore && warmTwo
        ? [
            `  warm, each worker having linted the archive at least once (the archive's third copy timed, ${warmTwo.files.toLocaleString('en-US')} files): ${f2(warmTwo.files / warmTwo.ms / (warmOneCore.files / warmOneCore.ms))}× wall; CPU used ${f2(warmOneCore.cpuMs / warmOneCore.ms)} and ${f2(warmTwo.cpuMs / warmTwo.ms)} cores`,
          ]
        : []),
      `peak RSS per worker: ${f1(perWorker1)} MB with 1 job, ${f1(perWorker2)} MB with 2 (process peak minus the main thread before the pool; target < 300 MB); worker JS heap peak ${f1(Math.max(one.heapPeakMb, two.heapPeakMb))} MB`,
    ];
    return lines.join('\n');
  },
};

type FloorPass = ReturnType<typeof floorPass>;

/** The floor in a fresh process: its first pass as a whole run of its own (cold, as the audit child), then two warm. */
async function floorChild(): Promise<void> {
  await loadFloor();
  const files = listFiles(process.argv[3]!);
  const cold = floorPass(files);
  const warm = [floorPass(files), floorPass(files)];
  process.stdout.write(JSON.stringify({ cold, warm }) + '\n');
}

function floorInChild(archive: string): { cold: FloorPass; warm: FloorPass[] } {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--floor-child', archive], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`floor child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { cold: FloorPass; warm: FloorPass[] };
}

/** The engine's CPU over a second pass of the archive, in a fresh process (see the section). */
async function engineChild(): Promise<void> {
  const archive = process.argv[3]!;
  const files = listFiles(archive);
  const { Linter } = await import('../src/engine/api.js');
  const { tuneForBatch } = await import('../src/util/v8-tuning.js');
  tuneForBatch(); // as the audit's workers run
  const linter = new Linter({ cwd: archive, noConfig: true });
  for (const f of files) await linter.lintFile(f);
  const c0 = process.cpuUsage();
  for (const f of files) await linter.lintFile(f);
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ cpuMs: (c.user + c.system) / 1000 }) + '\n');
}

function engineInChild(archive: string): number {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--engine-child', archive], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`engine child failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { cpuMs: number }).cpuMs;
}

if (process.argv[2] === '--child') await child();
if (process.argv[2] === '--engine-child') await engineChild();
if (process.argv[2] === '--floor-child') await floorChild();
