/** Measuring helpers shared by the bench sections. */

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs fn repeatedly for at least `ms` after one warm-up call; returns runs per second. */
export async function rate(fn: () => Promise<void> | void, ms = 1500): Promise<number> {
  await fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    await fn();
    n++;
  }
  return (n * 1000) / (performance.now() - t0);
}
