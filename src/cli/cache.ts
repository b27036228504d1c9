import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from '../engine/api.js';
import type { LintResult } from '../engine/types.js';
import { rulesDataPath } from '../util/paths.js';

/** Bumped when the cache file's layout changes. */
const FORMAT = 1;
export const DEFAULT_CACHE_NAME = '.gwlintcache';

interface Entry {
  /** sha256 of the file's bytes. */
  content: string;
  /** sha256 of what decides the result besides the content: the resolved config, locale, plugins. */
  config: string;
  result: Omit<LintResult, 'filePath' | 'output' | 'source'>;
}

interface CacheFile {
  format: number;
  version: string;
  engine: string;
  entries: Record<string, Entry>;
}

const sha = (x: string | Uint8Array): string => createHash('sha256').update(x).digest('hex');

let engineHash: string | undefined;

/**
 * What the built-in rules are: every compiled source file of gwlint and every data file under rules/
 * (profiles, dictionaries, schemas). A release changes the version anyway; hashing the code as well means a
 * rule edited in a checkout (or a profile corrected in place) never serves a stale result.
 */
export function engineFingerprint(): string {
  if (engineHash) return engineHash;
  const h = createHash('sha256');
  const codeRoot = dirname(dirname(fileURLToPath(import.meta.url)));
  const walk = (root: string, dir: string, keep: (name: string) => boolean): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(root, p, keep);
      else if (e.isFile() && keep(e.name)) h.update(relative(root, p)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  // The parts that decide a result; the CLI, formatters and servers only present it.
  for (const part of ['engine', 'model', 'parsers', 'rules', 'structure', 'util']) {
    walk(codeRoot, join(codeRoot, part), (n) => (n.endsWith('.js') || n.endsWith('.ts')) && !n.endsWith('.d.ts'));
  }
  walk(rulesDataPath(), rulesDataPath(), () => true);
  return (engineHash = h.digest('hex'));
}

export interface CacheStats {
  hits: number;
  misses: number;
}

/**
 * The --cache store: one JSON file mapping each draft (by path relative to the cache file) to the result it
 * had for a given content hash and configuration hash. A different gwlint version, engine fingerprint or
 * plugin set drops everything; a changed config or profile changes the per-file config hash. A broken or
 * foreign cache file is ignored and rewritten, never an error.
 */
export class LintCache {
  readonly stats: CacheStats = { hits: 0, misses: 0 };
  private data: CacheFile;
  private dirty = false;

  private constructor(
    readonly location: string,
    private readonly version: string,
    private readonly engine: string,
    data: CacheFile | undefined,
  ) {
    this.data = data && data.format === FORMAT && data.version === version && data.engine === engine ? data : { format: FORMAT, version, engine, entries: {} };
    if (this.data !== data) this.dirty = true;
  }

  /**
   * `location`: a file, or a folder (an existing one, or a path ending in a separator) to put .gwlintcache in.
   */
  static open(location: string | undefined, cwd: string, version: string): LintCache {
    let file = resolve(cwd, location ?? DEFAULT_CACHE_NAME);
    const looksLikeDir = location !== undefined && /[\\/]$/.test(location);
    let isDir = looksLikeDir;
    try {
      isDir = isDir || statSync(file).isDirectory();
    } catch {
      /* does not exist yet */
    }
    if (isDir) file = join(file, DEFAULT_CACHE_NAME);
    let data: CacheFile | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
      if (parsed && typeof parsed === 'object' && parsed.entries && typeof parsed.entries === 'object') data = parsed;
    } catch {
      data = undefined;
    }
    return new LintCache(file, version, engineFingerprint(), data);
  }

  private key(filePath: string): string {
    const rel = relative(dirname(this.location), filePath);
    return rel.startsWith('..') || isAbsolute(rel) ? filePath : rel.split(sep).join('/');
  }

  /** Lints `filePath` through the cache: `lint` runs only when the content or configuration changed. */
  async lint(filePath: string, linter: Linter, opts: { extra: string; fix: boolean }, lint: () => Promise<LintResult>): Promise<LintResult> {
    let bytes: Buffer;
    try {
      bytes = await readFile(filePath);
    } catch {
      // Missing or unreadable: the linter says why, and there is nothing to key a cache entry on.
      this.stats.misses++;
      return lint();
    }
    await linter.prepare(filePath);
    const config = linter.configFor(filePath);
    const configFile = linter.resolver.configFileFor(filePath);
    const configHash = sha(JSON.stringify([config, opts.extra, await linter.plugins.fingerprintFor(configFile)]));
    const content = sha(bytes);
    const key = this.key(filePath);
    const hit = this.data.entries[key];
    // With --fix a result that has fixes must be linted again: the fixes are applied by linting.
    if (hit && hit.content === content && hit.config === configHash && !(opts.fix && hit.result.fixableCount > 0)) {
      this.stats.hits++;
      return { ...structuredClone(hit.result), filePath };
    }
    this.stats.misses++;
    const result = await lint();
    // A fatal result may come from a passing condition (a file locked by Word); a fixed one describes text
    // that is no longer on disk. Neither is kept.
    if (result.output === undefined && !result.messages.some((m) => m.fatal)) {
      const { filePath: _p, output: _o, source: _s, ...rest } = result;
      this.data.entries[key] = { content, config: configHash, result: rest };
      this.dirty = true;
    } else if (hit) {
      delete this.data.entries[key];
      this.dirty = true;
    }
    return result;
  }

  /** Writes the cache (atomically), dropping entries of files that no longer exist. */
  save(): void {
    const base = dirname(this.location);
    for (const key of Object.keys(this.data.entries)) {
      const abs = isAbsolute(key) ? key : join(base, key);
      try {
        statSync(abs);
      } catch {
        delete this.data.entries[key];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    mkdirSync(base, { recursive: true });
    const tmp = `${this.location}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, JSON.stringify(this.data));
      renameSync(tmp, this.location);
    } catch (e) {
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing to clean */
      }
      throw e;
    }
    this.dirty = false;
  }
}
