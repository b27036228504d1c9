import { createHash } from 'node:crypto';

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

/**
 * Parses `K/N` with K counted from 0, as a Kubernetes Indexed Job ($JOB_COMPLETION_INDEX) and a Slurm array
 * started at 0 ($SLURM_ARRAY_TASK_ID) number their tasks. Accepting 1-based K as well would make one spec
 * mean two shards, so K = N is refused with a hint rather than guessed.
 */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new Error(`--shard 应为 K/N 形式（K 从 0 开始，例如 --shard 0/8 … 7/8），收到“${spec}”`);
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 100000) throw new Error(`--shard 的 N 应在 1 到 100000 之间，收到 ${n}`);
  if (k >= n) throw new Error(`--shard 的 K 从 0 开始计数，应小于 N（收到 ${spec}；共 ${n} 片时为 0/${n} … ${n - 1}/${n}）`);
  return { index: k, count: n };
}

/**
 * Which shard a file belongs to, from its path relative to the folder it was found under, so the split is
 * the same on every machine whatever the archive's mount point. sha1 spreads similar names evenly.
 */
export function shardOf(relPath: string, count: number): number {
  if (count <= 1) return 0;
  const h = createHash('sha1').update(relPath.normalize('NFC')).digest();
  return h.readUInt32BE(0) % count;
}

export function formatShard(s: Shard): string {
  return `${s.index}/${s.count}`;
}
