import { thousands } from '../util/template.js';
/**
 * Progress for a long audit: a redrawn bar on a terminal, plain timestamped lines otherwise (CI logs, `nohup`,
 * a scheduler's log file), where carriage returns would make one unreadable line.
 */

export interface ProgressState {
  total: number;
  /** Linted or refused by the pool (timeouts etc.). */
  audited: number;
  /** Unchanged since an earlier run. */
  skipped: number;
  failed: number;
  findings: number;
}

export interface ProgressOptions {
  stream: NodeJS.WriteStream | NodeJS.WritableStream;
  tty: boolean;
  /** Seconds between plain lines. */
  intervalSec: number;
  /** Terminal width for the bar. */
  columns?: number;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '--:--';
  const s = Math.round(sec);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${String(r).padStart(2, '0')}` : `${m}:${String(r).padStart(2, '0')}`;
}

const num = thousands;

export class Progress {
  private state: ProgressState = { total: 0, audited: 0, skipped: 0, failed: 0, findings: 0 };
  private readonly start = performance.now();
  /** (time, audited) samples for a rate over the last ~10 s, so the ETA follows the archive's mix. */
  private samples: [number, number][] = [];
  private timer: NodeJS.Timeout | null = null;
  private lastPlain = 0;
  private drawn = false;

  constructor(private readonly opts: ProgressOptions) {}

  begin(total: number): void {
    this.state.total = total;
    const every = this.opts.tty ? 120 : 1000;
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
    if (!this.opts.tty) this.plain('开始');
  }

  update(s: Partial<ProgressState>): void {
    Object.assign(this.state, s);
  }

  /** Files per second over the recent window (whole run when it is young). */
  rate(): number {
    const t = performance.now();
    this.samples.push([t, this.state.audited]);
    while (this.samples.length > 2 && t - this.samples[0]![0] > 10_000) this.samples.shift();
    const [t0, a0] = this.samples[0]!;
    const dt = (t - t0) / 1000;
    if (dt < 1) {
      const all = (t - this.start) / 1000;
      return all > 0 ? this.state.audited / all : 0;
    }
    return (this.state.audited - a0) / dt;
  }

  line(): string {
    const s = this.state;
    const done = s.audited + s.skipped;
    const pct = s.total ? Math.floor((done / s.total) * 100) : 100;
    const rate = this.rate();
    const left = s.total - done;
    const eta = rate > 0 ? left / rate : Number.NaN;
    const parts = [
      `${num(done)}/${num(s.total)} ${pct}%`,
      `${rate.toFixed(rate < 10 ? 1 : 0)} 个/秒`,
      `剩余 ${left === 0 ? '0:00' : formatDuration(eta)}`,
      `发现问题 ${num(s.findings)}`,
    ];
    if (s.skipped) parts.push(`未变跳过 ${num(s.skipped)}`);
    if (s.failed) parts.push(`无法检查 ${num(s.failed)}`);
    return parts.join(' · ');
  }

  private bar(width: number): string {
    const s = this.state;
    const done = s.audited + s.skipped;
    const frac = s.total ? Math.min(1, done / s.total) : 1;
    const full = Math.round(frac * width);
    return '█'.repeat(full) + '░'.repeat(width - full);
  }

  private tick(): void {
    if (this.opts.tty) this.draw();
    else if (performance.now() - this.lastPlain >= this.opts.intervalSec * 1000) this.plain('进度');
  }

  private draw(): void {
    const text = this.line();
    // The bar takes what the text leaves of the line; CJK characters are two columns wide.
    const cols = this.opts.columns ?? (this.opts.stream as NodeJS.WriteStream).columns ?? 100;
    const textWidth = [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
    const width = Math.max(10, Math.min(40, cols - textWidth - 4));
    this.opts.stream.write(`\r\x1b[K${this.bar(width)} ${text}`);
    this.drawn = true;
  }

  private plain(what: string): void {
    this.lastPlain = performance.now();
    const t = formatDuration((performance.now() - this.start) / 1000);
    this.opts.stream.write(`gwlint audit [${t}] ${what}：${this.line()}\n`);
  }

  /** Final state, then stop redrawing. */
  end(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.opts.tty) {
      this.draw();
      if (this.drawn) this.opts.stream.write('\n');
    } else {
      this.plain('结束');
    }
  }

  elapsedSec(): number {
    return (performance.now() - this.start) / 1000;
  }
}
