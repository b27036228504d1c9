import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** --changed-since cannot be answered: not a repository, unknown ref, no common history. Exit code 2. */
export class ChangedFilesError extends Error {}

function git(args: string[], cwd: string): { ok: boolean; out: string; err: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) {
    throw new ChangedFilesError(`--changed-since 需要 git，但无法运行 git：${(r.error as NodeJS.ErrnoException).code ?? r.error.message}`);
  }
  return { ok: r.status === 0, out: r.stdout, err: r.stderr.trim().split('\n')[0] ?? '' };
}

const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return resolve(p);
  }
};

/**
 * The drafts that differ from `ref`: what a merge request adds or edits, plus what is edited but not yet
 * committed. Precisely: files that differ between the merge base of `ref` and HEAD and the working tree
 * (committed, staged or not), and untracked files that .gitignore does not exclude; deleted files are left
 * out. In CI the working tree is HEAD, so this is `git diff --name-only REF...HEAD`; on a desk it also
 * covers the edit in progress. Paths come back absolute and resolved through symlinks.
 */
export function changedSince(ref: string, cwd: string): Set<string> {
  if (!ref || ref.startsWith('-')) throw new ChangedFilesError(`--changed-since 的参数“${ref}”不是 git 引用（分支、标签或提交），例如 --changed-since origin/main`);
  const top = git(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) throw new ChangedFilesError(`--changed-since 只能在 git 仓库中使用（${cwd} 不在仓库内）`);
  const root = top.out.trim();
  if (!git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root).ok) {
    throw new ChangedFilesError(`--changed-since：git 中没有“${ref}”这个分支、标签或提交；在 CI 中先取回它（如 git fetch origin ${ref.replace(/^origin\//, '')}）`);
  }
  const base = git(['merge-base', ref, 'HEAD'], root);
  if (!base.ok) {
    throw new ChangedFilesError(`--changed-since：“${ref}”与当前提交没有共同的历史（浅克隆？）；在 CI 中用完整历史检出（actions/checkout 的 fetch-depth: 0，GitLab 的 GIT_DEPTH: 0）`);
  }
  // -z: names as bytes, unquoted — Chinese file names would otherwise come back octal-escaped.
  const diff = git(['-c', 'core.quotepath=off', 'diff', '--name-only', '-z', '--no-ext-diff', '--diff-filter=d', base.out.trim()], root);
  if (!diff.ok) throw new ChangedFilesError(`--changed-since：git diff 失败：${diff.err}`);
  const untracked = git(['ls-files', '--others', '--exclude-standard', '-z'], root);
  if (!untracked.ok) throw new ChangedFilesError(`--changed-since：git ls-files 失败：${untracked.err}`);
  const rootReal = real(root);
  const out = new Set<string>();
  for (const name of [...diff.out.split('\0'), ...untracked.out.split('\0')]) {
    if (name) out.add(resolve(rootReal, name));
  }
  return out;
}

/** Keeps the files (absolute paths) that are in `changed`, comparing through symlinks. */
export function onlyChanged(files: string[], changed: Set<string>): string[] {
  return files.filter((f) => changed.has(f) || changed.has(real(f)));
}
