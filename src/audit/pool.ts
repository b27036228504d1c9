import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rssNow } from './rss.js';
import type { FileReport, TaskMessage, WorkerInit, WorkerMessage } from './protocol.js';

export interface PoolOptions {
  jobs: number;
  /** Time one file may take, from dispatch to answer. */
  timeoutMs: number;
  /** JS heap one worker may use (V8 old generation). */
  memoryMb: number;
  init: WorkerInit;
  /** Process-wide RSS ceiling (bytes) for the watchdog; default derived from jobs × memoryMb. */
  rssLimit?: number;
}

export type Outcome =
  | { status: 'done'; report: FileReport; ms: number; heapUsed: number }
  | { status: 'timeout' | 'memory' | 'crashed'; reason: string; ms: number };

interface Job {
  id: number;
  path: string;
  resolve: (o: Outcome) => void;
  /** Run with no other file beside it (after the process passed its memory ceiling). */
  alone?: boolean;
  /** Process RSS when the file was handed to its worker. */
  rssAtStart?: number;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** The file the worker is linting. */
  job: Job | null;
  /**
   * The file it lints next, already sent: the worker starts it the moment it answers for `job`, instead of
   * waiting for this thread to receive the answer and send another file (about 0.3 ms a file: with one job a
   * worker was busy 0.65 of a bench:audit run, 0.77 with this). Not timed or blamed until it becomes `job`.
   */
  next: Job | null;
  startedAt: number;
  /** When the file being linted runs out of time (performance.now() clock); the watchdog checks it. */
  deadline: number;
  /** Set once the pool has given up on this worker, so its late events are ignored. */
  dead: boolean;
}

/** The compiled worker; when running from the TypeScript sources (tests), the one in dist/. */
export function workerUrl(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const p = fileURLToPath(here).replace(/([\\/])src([\\/])audit([\\/])worker\.js$/, '$1dist$2src$2audit$3worker.js');
  return pathToFileURL(p);
}

export class PoolError extends Error {}

/** How much a file running alone must have grown the process by before it is blamed for passing the ceiling. */
const LONE_GROWTH = 64 * 1048576;

const YOUNG_MB = Number(process.env.GWLINT_AUDIT_YOUNG_MB || 16);

/**
 * A worker_threads pool that isolates files from each other: each worker lints one file at a time; a file
 * that overruns its time, exhausts its worker's heap, or crashes it becomes an outcome with a reason, and
 * the worker is replaced. Nothing a file does can stop the pool.
 *
 * V8's heap limit does not cover ArrayBuffers (inflated zip entries live there), so a watchdog also stops
 * the longest-running file when the process as a whole passes its RSS ceiling.
 */
export class Pool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  /** Files that were running when the process passed its memory ceiling: each runs again, alone. */
  private suspects: Job[] = [];
  private calmUntil = 0;
  private nextId = 1;
  private closed = false;
  private failedStarts = 0;
  private watchdog: NodeJS.Timeout;
  private readonly url = workerUrl();
  private rssLimit: number;
  /** Largest heap a worker reported after a file. */
  heapPeak = 0;
  replaced = 0;
  fatal: string | null = null;
  private onFatal: ((message: string) => void) | null = null;

  constructor(private readonly opts: PoolOptions) {
    this.rssLimit = 0;
    this.grow(opts.jobs);
    // One timer for every limit rather than a timer per file (setTimeout and clearTimeout per file were 3% of
    // this thread's work): a file's time limit is then kept to within a quarter of a second.
    this.watchdog = setInterval(() => this.tick(), Math.max(10, Math.min(250, opts.timeoutMs / 4)));
    this.watchdog.unref();
  }

  /**
   * Starts workers until there are `jobs` (a pool can start small, before the caller knows how many files there
   * are). The memory ceiling is set again from the process as it is now: the caller's own memory grows too.
   */
  grow(jobs: number): void {
    while (this.slots.length < jobs && !this.closed && !this.fatal) this.slots.push(this.spawn());
    this.rssLimit = this.opts.rssLimit ?? rssNow() + this.slots.length * (this.opts.memoryMb + 64) * 1048576 + 256 * 1048576;
  }

  /** Called when the engine refuses to run at all (configuration error): the caller should stop the run. */
  setFatalHandler(fn: (message: string) => void): void {
    this.onFatal = fn;
    // Workers start before the caller is ready to hear of it (see grow): tell it now if they already failed.
    if (this.fatal) fn(this.fatal);
  }

  private spawn(): Slot {
    const worker = new Worker(this.url, {
      workerData: this.opts.init,
      // A young generation of 16 MB: linting a draft allocates many short-lived strings, and with a worker's
      // default, garbage collection took 28% of a worker's time in a profile of bench:audit, 13% with 16 MB;
      // 48 MB was no faster and took more memory. GWLINT_AUDIT_YOUNG_MB overrides it for such measurements.
      resourceLimits: { maxOldGenerationSizeMb: this.opts.memoryMb, ...(YOUNG_MB ? { maxYoungGenerationSizeMb: YOUNG_MB } : {}), stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, job: null, next: null, startedAt: 0, deadline: Infinity, dead: false };
    worker.on('message', (m: WorkerMessage) => this.onMessage(slot, m));
    worker.on('error', (e: Error & { code?: string }) => {
      if (slot.dead) return;
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') this.fail(slot, 'memory', `内存超过上限（每个文件 ${this.opts.memoryMb} MB）`);
      else this.fail(slot, 'crashed', `检查进程崩溃：${e.message}`);
    });
    worker.on('exit', (code) => {
      if (slot.dead || this.closed) return;
      this.fail(slot, 'crashed', `检查进程意外退出（退出码 ${code}）`);
    });
    return slot;
  }

  private onMessage(slot: Slot, m: WorkerMessage): void {
    if (slot.dead) return;
    if (m.type === 'ready') {
      slot.ready = true;
      this.failedStarts = 0;
      this.pump();
      return;
    }
    const job = slot.job;
    if (!job || job.id !== m.id) return;
    this.clear(slot);
    // The worker has gone on to the file sent ahead: time it from now.
    const next = slot.next;
    slot.next = null;
    if (next) this.start(slot, next);
    if (m.type === 'fatal') {
      this.fatal = m.message;
      this.onFatal?.(m.message);
      job.resolve({ status: 'crashed', reason: m.message, ms: 0 });
      return;
    }
    if (m.heapUsed > this.heapPeak) this.heapPeak = m.heapUsed;
    job.resolve({ status: 'done', report: m.report, ms: m.ms, heapUsed: m.heapUsed });
    this.pump();
  }

  private clear(slot: Slot): void {
    slot.deadline = Infinity;
    slot.job = null;
  }

  /**
   * Gives up on a worker: its file (if any) gets the reason, and a fresh worker takes its place. The file sent
   * ahead had not started: it goes back to the front of the queue.
   */
  private fail(slot: Slot, status: 'timeout' | 'memory' | 'crashed', reason: string): void {
    if (slot.dead) return;
    slot.dead = true;
    const job = slot.job;
    const ms = job ? performance.now() - slot.startedAt : 0;
    this.clear(slot);
    if (slot.next) this.queue.unshift(slot.next);
    slot.next = null;
    void slot.worker.terminate();
    const i = this.slots.indexOf(slot);
    if (job) {
      job.resolve({ status, reason, ms });
    } else if (!slot.ready && ++this.failedStarts >= 3) {
      // Workers that die before their first file will keep dying: the installation is broken, not a file.
      this.fatal = `检查进程无法启动：${reason}`;
      this.onFatal?.(this.fatal);
      for (const j of this.queue.splice(0)) j.resolve({ status: 'crashed', reason: this.fatal, ms: 0 });
      if (i >= 0) this.slots.splice(i, 1);
      return;
    }
    if (i >= 0 && !this.closed) {
      this.slots[i] = this.spawn();
      this.replaced++;
    }
  }

  /** The watchdog: files past their time, then the process's memory. */
  private tick(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (slot.job && !slot.dead && now >= slot.deadline) this.fail(slot, 'timeout', `检查超时（超过 ${Math.round(this.opts.timeoutMs / 1000)} 秒）`);
    }
    this.checkMemory();
  }

  /**
   * Process memory past the ceiling. A thread's memory outside its JS heap cannot be measured from here, so
   * with several files running nobody can say which one it is: all of them are stopped and run again one at
   * a time, and only a file that passes the ceiling while running alone is given the verdict.
   */
  private checkMemory(): void {
    if (performance.now() < this.calmUntil || rssNow() <= this.rssLimit) return;
    const busy = this.slots.filter((s) => s.job && !s.dead);
    if (busy.length === 0) return;
    if (busy.length === 1) {
      // Memory of threads stopped before this one started may not have gone back yet (the allocator keeps
      // some): a file running alone is judged only once the process has also grown while it ran.
      const started = busy[0]!.job!.rssAtStart ?? 0;
      if (rssNow() <= started + LONE_GROWTH) return;
      this.fail(busy[0]!, 'memory', `内存超过上限（进程占用超过 ${Math.round(this.rssLimit / 1048576)} MB）`);
    } else {
      for (const s of busy) {
        // Detach the file first: stopping the thread then gives it no outcome, and it runs again later.
        const job = s.job!;
        s.job = null;
        this.fail(s, 'crashed', '');
        this.suspects.push(job);
      }
    }
    // Give the stopped threads' memory time to go back before judging again.
    this.calmUntil = performance.now() + 1000;
  }

  private pump(): void {
    if (this.closed) return;
    if (this.suspects.length || this.slots.some((s) => s.job?.alone)) {
      // Suspects run alone, once the memory of the stopped threads is back under the ceiling.
      if (this.slots.some((s) => s.job && !s.dead)) return;
      if (rssNow() > this.rssLimit && performance.now() < this.calmUntil + 5000) {
        setTimeout(() => this.pump(), 100).unref();
        return;
      }
      const slot = this.slots.find((s) => s.ready && !s.job && !s.dead);
      const job = this.suspects.shift();
      if (!slot || !job) return;
      job.alone = true;
      this.dispatch(slot, job);
      return;
    }
    // Every idle worker gets a file before any worker gets one ahead.
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || slot.dead) continue;
      const job = this.queue.shift();
      if (!job) return;
      this.dispatch(slot, job);
    }
    for (const slot of this.slots) {
      if (!slot.ready || !slot.job || slot.next || slot.dead) continue;
      const job = this.queue.shift();
      if (!job) return;
      slot.next = job;
      this.send(slot, job);
    }
  }

  private dispatch(slot: Slot, job: Job): void {
    this.start(slot, job);
    this.send(slot, job);
  }

  /** The worker is (now) linting this file: its time limit runs from here. */
  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.startedAt = performance.now();
    job.rssAtStart = rssNow();
    slot.deadline = slot.startedAt + this.opts.timeoutMs;
  }

  private send(slot: Slot, job: Job): void {
    const msg: TaskMessage = { type: 'task', id: job.id, path: job.path };
    slot.worker.postMessage(msg);
  }

  /** Number of files waiting for a worker (not counting those being linted). */
  get waiting(): number {
    return this.queue.length;
  }

  get busy(): number {
    return this.slots.filter((s) => s.job).length;
  }

  lint(path: string): Promise<Outcome> {
    if (this.fatal) return Promise.resolve({ status: 'crashed', reason: this.fatal, ms: 0 });
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, path, resolve });
      this.pump();
    });
  }

  /** Stops every worker; files still queued or running get no outcome (the caller is abandoning them). */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.watchdog);
    this.queue.length = 0;
    this.suspects.length = 0;
    await Promise.all(
      this.slots.map((s) => {
        s.dead = true;
        return s.worker.terminate();
      }),
    );
    this.slots = [];
  }
}
