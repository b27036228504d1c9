import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The gwlint package folder (where rules/ and package.json live), from src/ or dist/src/ alike. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return (root = dir);
    dir = dirname(dir);
  }
  throw new Error('gwlint: cannot find its package folder (rules/ missing)');
}

export function rulesDataPath(...parts: string[]): string {
  return join(packageRoot(), 'rules', ...parts);
}
