import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver, findConfigFile } from '../../src/engine/config.js';

const root = mkdtempSync(join(tmpdir(), 'gwlint-config-lookup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// root/gwlint.config.json, root/a/b/c (no config), root/a/x/.gwlintrc.yaml, root/a/x/y (no config)
const dirs = ['a/b/c', 'a/x/y', 'z'].map((d) => join(root, d));
for (const d of dirs) mkdirSync(d, { recursive: true });
writeFileSync(join(root, 'gwlint.config.json'), '{}');
writeFileSync(join(root, 'a/x/.gwlintrc.yaml'), 'rules: {}\n');

describe('findConfigFile', () => {
  it('finds the nearest config file upwards, with or without a memo, and the memo agrees', () => {
    const seen = new Map<string, string | undefined>();
    for (const d of [...dirs, join(root, 'a/b'), join(root, 'a/x'), root]) {
      const plain = findConfigFile(d);
      expect(findConfigFile(d, seen)).toBe(plain);
      expect(findConfigFile(d, seen)).toBe(plain);
    }
    expect(findConfigFile(join(root, 'a/b/c'))).toBe(join(root, 'gwlint.config.json'));
    expect(findConfigFile(join(root, 'a/x/y'))).toBe(join(root, 'a/x/.gwlintrc.yaml'));
  });

  it('remembers every folder on the way up, so siblings share their parents’ answer', () => {
    const seen = new Map<string, string | undefined>();
    findConfigFile(join(root, 'a/b/c'), seen);
    for (const d of ['a/b/c', 'a/b', 'a', '.']) expect(seen.get(join(root, d))).toBe(join(root, 'gwlint.config.json'));
    // Above the config file nothing was visited.
    expect(seen.has(join(root, '..'))).toBe(false);
  });

  it('a resolver keeps its answers for its life; a new resolver sees a config file added since', () => {
    const dir = join(root, 'z');
    const first = new ConfigResolver({ rules: new Map() });
    expect(first.configFileFor(join(dir, 'draft.md'))).toBe(join(root, 'gwlint.config.json'));
    writeFileSync(join(dir, '.gwlintrc.json'), '{}');
    try {
      expect(first.configFileFor(join(dir, 'draft.md'))).toBe(join(root, 'gwlint.config.json'));
      expect(new ConfigResolver({ rules: new Map() }).configFileFor(join(dir, 'draft.md'))).toBe(join(dir, '.gwlintrc.json'));
    } finally {
      rmSync(join(dir, '.gwlintrc.json'));
    }
  });
});
