import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Ignore } from 'ignore';

const ALWAYS_IGNORED = ['node_modules/', '.git/'];

export interface FileListOptions {
  cwd: string;
  extensions: string[];
  ignorePath?: string;
  useIgnore: boolean;
  /** Extra patterns from the config's ignorePatterns (relative to cwd). */
  extraIgnores?: string[];
}

export class NoFilesError extends Error {
  constructor(readonly pattern: string) {
    super(`没有找到与“${pattern}”匹配的文件`);
  }
}

// ignore and tinyglobby are loaded on first need: `gwlint one.md` needs neither (cold start).
async function loadIgnore(opts: FileListOptions): Promise<Ignore> {
  const ignore = (await import('ignore')).default;
  const ig = ignore().add(ALWAYS_IGNORED);
  if (!opts.useIgnore) return ig;
  const path = opts.ignorePath ? resolve(opts.cwd, opts.ignorePath) : join(opts.cwd, '.gwlintignore');
  if (existsSync(path)) ig.add(readFileSync(path, 'utf8'));
  if (opts.extraIgnores) ig.add(opts.extraIgnores);
  return ig;
}

/**
 * Expands the command line's files, folders and globs into files to lint. A file named explicitly is linted
 * whatever its extension (an unsupported one gets a clear message); folders and globs pick the supported ones.
 */
export async function listFiles(patterns: string[], opts: FileListOptions): Promise<string[]> {
  let ig: Ignore | undefined;
  const exts = new Set(opts.extensions.map((e) => e.toLowerCase()));
  const isIgnored = (abs: string): boolean => {
    const rel = relative(opts.cwd, abs).split(sep).join('/');
    return rel !== '' && !rel.startsWith('..') && ig!.ignores(rel);
  };
  const out = new Set<string>();
  for (const pattern of patterns) {
    const abs = resolve(opts.cwd, pattern);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isFile()) {
      out.add(abs);
      continue;
    }
    let found: string[];
    ig ??= await loadIgnore(opts);
    const { glob } = await import('tinyglobby');
    if (st?.isDirectory()) {
      found = await glob(['**/*'], { cwd: abs, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
    } else {
      found = await glob([pattern.split(sep).join('/')], { cwd: opts.cwd, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] });
    }
    const kept = found.filter((f) => exts.has(extname(f).toLowerCase()) && !isIgnored(f));
    if (kept.length === 0 && !st) throw new NoFilesError(pattern);
    for (const f of kept.sort()) out.add(resolve(f));
  }
  return [...out];
}
