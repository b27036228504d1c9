import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, validateProfile } from '../../src/engine/config.js';
import { ROOT } from '../helpers.js';
import { validateTerms } from '../../src/rules/terminology.js';

// The runtime trusts built-in profiles (cold start); this is where they are held to the schema.
describe('built-in profiles', () => {
  const dir = join(ROOT, 'rules', 'profiles');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json'))) {
    it(`${f} follows rules/schema/profile.schema.json`, () => {
      const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string };
      expect(() => validateProfile(join(dir, f), data)).not.toThrow();
      expect(data.name).toBe(f.replace(/\.json$/, ''));
    });
  }

  it('names the key when a profile is broken', () => {
    try {
      validateProfile('x.json', { name: 'x', title: 't', rules: { 'length-cap': { severity: 'error' } } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).keyPath).toBe('rules.length-cap');
      expect((e as ConfigError).expected).toContain('缺少必需的键“cites”');
    }
  });

  it('the built-in terminology list follows rules/schema/terminology.schema.json', () => {
    const file = join(ROOT, 'rules', 'data', 'terminology.json');
    expect(() => validateTerms(file, JSON.parse(readFileSync(file, 'utf8')))).not.toThrow();
    expect(() => validateTerms(file, { terms: [{ pattern: 1 }] })).toThrow(/terms\[0\]/);
  });
});
