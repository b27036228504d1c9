import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, validateProfile } from '../../src/engine/config.js';
import type { Cite } from '../../src/engine/types.js';
import { normalize } from '../../src/model/normalize.js';
import { builtinRules } from '../../src/rules/index.js';
import { articleCoverage, labelArticles, profileNames, readmeClauses, readProfile, renderAll, uncovered } from '../../scripts/gen-profile-docs.js';
import { ROOT, SHARED } from '../helpers.js';

const REGULATIONS = join(SHARED, 'regulations');
const ids = new Set(builtinRules.map((r) => r.meta.id));

/** A clause is quoted exactly when each piece between “……” occurs in the published text, in order. */
function quotedExactly(text: string, clause: string): boolean {
  let at = 0;
  for (const piece of clause.split('……')) {
    const i = text.indexOf(piece, at);
    if (i < 0) return false;
    at = i + piece.length;
  }
  return true;
}

describe('profiles as data', () => {
  for (const name of profileNames()) {
    describe(name, () => {
      const p = readProfile(name);
      const file = p.regulation?.file;
      const text = file ? readFileSync(join(REGULATIONS, file), 'utf8') : undefined;

      it('follows the schema', () => {
        expect(() => validateProfile(`${name}.json`, JSON.parse(readFileSync(join(ROOT, 'rules', 'profiles', `${name}.json`), 'utf8')))).not.toThrow();
      });

      it('names only rules that exist, and says why a rule is off', () => {
        for (const [id, s] of Object.entries(p.rules)) {
          expect(ids.has(id), id).toBe(true);
          if (s.severity === 'off') expect(s.why, id).toBeTruthy();
        }
        for (const c of p.coveredBy ?? []) for (const id of c.rules) expect(ids.has(id), id).toBe(true);
      });

      it('extends national (unless it is national)', () => {
        expect(p.extends).toBe(name === 'national' ? undefined : 'national');
      });

      if (text) {
        it('quotes its own regulation exactly as published', () => {
          const own = (c: Cite): boolean => c.regulation.startsWith(p.regulation!.name!);
          const quotes = [
            ...Object.values(p.rules).flatMap((s) => s.cites.filter(own).map((c) => c.clause)),
            ...(p.notEnforced ?? []).map((n) => n.clause),
            ...(p.coveredBy ?? []).map((c) => c.clause),
          ];
          expect(quotes.length).toBeGreaterThan(5);
          for (const q of quotes) expect(quotedExactly(text, q), q).toBe(true);
        });

        it('leaves no clause of the regulations README unaccounted for', () => {
          expect(uncovered(p)).toEqual([]);
        });
      }
    });
  }

  it('cites 洪山 in traditional script', () => {
    const p = readProfile('hongshan');
    const clauses = Object.values(p.rules).flatMap((s) => s.cites.filter((c) => c.regulation.startsWith('武汉市洪山区')).map((c) => c.clause));
    expect(clauses.length).toBeGreaterThan(5);
    // Each has characters that simplify differently: it is the traditional text, not a conversion of it.
    for (const c of clauses) expect(normalize(c, true), c).not.toBe(c);
  });

  it('the rules’ own default cites quote the regulations exactly too', () => {
    const files: Record<string, string> = {
      天津市静海区人民政府工作规则: 'jinghai-2023.txt',
      武汉市洪山区人民政府工作规则: 'hongshan-traditional.txt',
      北京市通州区人民政府工作规则: 'tongzhou-2022.txt',
      烟台市芝罘区人民政府工作规则: 'zhifu-2022.txt',
      天津市机关事务管理局工作规则: 'tianjin-jgsw-2020.txt',
    };
    const mine = ['disclosure-attribute', 'dissent-listed', 'consultation-evidence', 'seal-and-signature', 'normative-doc-validity', 'normative-doc-no-licensing', 'meeting-request', 'minutes-signer', 'late-submission-date', 'date-validity', 'legality-review', 'figures-add-up'];
    for (const rule of builtinRules.filter((r) => mine.includes(r.meta.id))) {
      for (const c of rule.meta.cites) {
        const key = Object.keys(files).find((k) => c.regulation.startsWith(k));
        if (!key) continue;
        expect(quotedExactly(readFileSync(join(REGULATIONS, files[key]!), 'utf8'), c.clause), `${rule.meta.id}: ${c.clause}`).toBe(true);
      }
    }
  });
});

describe('a broken profile names the key', () => {
  const base = { name: 'x', title: 't', rules: {} };
  const problem = (data: unknown): { keyPath: string; expected: string } => {
    try {
      validateProfile('x.json', data);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return { keyPath: (e as ConfigError).keyPath, expected: (e as ConfigError).expected };
    }
    throw new Error('expected a ConfigError');
  };

  it('a setting without its clause', () => {
    expect(problem({ ...base, rules: { 'disclosure-attribute': { severity: 'error' } } })).toEqual({ keyPath: 'rules.disclosure-attribute', expected: '缺少必需的键“cites”' });
  });

  it('a clause not enforced without the reason', () => {
    expect(problem({ ...base, notEnforced: [{ article: '五十五', clause: '越级报送' }] })).toEqual({ keyPath: 'notEnforced[0]', expected: '缺少必需的键“why”' });
  });

  it('an unknown kind of reason', () => {
    expect(problem({ ...base, notEnforced: [{ article: '五十五', clause: '越级报送', why: 'w', kind: 'other' }] }).keyPath).toBe('notEnforced[0].kind');
  });

  it('a typo in a key', () => {
    expect(problem({ ...base, rules: { 'length-cap': { severity: 'error', cites: [{ regulation: 'r', article: 'a', clause: 'c' }], option: {} } } })).toEqual({
      keyPath: 'rules.length-cap',
      expected: '不认识的键“option”',
    });
  });

  it('covered-by without the rules', () => {
    expect(problem({ ...base, coveredBy: [{ article: '五十一', clause: 'c', rules: [] }] })).toEqual({ keyPath: 'coveredBy[0].rules', expected: '至少 1 项' });
  });
});

describe('the regulations README, read clause by clause', () => {
  it('parses article labels', () => {
    expect(labelArticles('第五十五条')).toEqual([55]);
    expect(labelArticles('四十四 / 六十八')).toEqual([44, 68]);
    expect(labelArticles('第二十六至二十八条')).toEqual([26, 27, 28]);
    expect(labelArticles('四十八 / 六十七 / 八十')).toEqual([48, 67, 80]);
  });

  it('finds every bullet of each body', () => {
    expect(readmeClauses('jinghai-2023.txt').map((c) => c.label)).toEqual(['第五十五条', '第五十六条', '第五十八条', '第六十条', '第五十一条', '第五十三条', '第五十四条']);
    expect(readmeClauses('tianjin-jgsw-2020.txt').map((c) => c.label)).toEqual(['第三十三条', '第三十五条', '第三十六条', '第二十六至二十八条', '第三十条', '第三十七条']);
    expect(readmeClauses('hongshan-traditional.txt')).toHaveLength(7);
    expect(readmeClauses('tongzhou-2022.txt')).toHaveLength(8);
    expect(readmeClauses('zhifu-2022.txt')).toHaveLength(5);
  });

  it('a README clause the profile neither enforces nor explains is reported', () => {
    const p = readProfile('tongzhou');
    const readme = readFileSync(join(REGULATIONS, 'README.md'), 'utf8').replace('- 七十八: 政策性文件 ≤ 10 pages.', '- 七十八: 政策性文件 ≤ 10 pages.\n- 九十九: a clause nobody looked at.');
    expect(uncovered(p, readme)).toEqual(['九十九 (99)']);
  });

  it('静海 第五十五条: enforced in parts, the rest explained', () => {
    const cov = articleCoverage(readProfile('jinghai'), 55);
    expect([...new Set(cov.enforced.map((e) => e.rule))].sort()).toEqual(
      ['consultation-evidence', 'dissent-listed', 'no-leader-recipient', 'no-request-in-report', 'one-request-per-doc', 'signer-required', 'single-main-recipient'].sort(),
    );
    expect(cov.notEnforced.map((n) => n.clause)).toContain('不得多头报文和违规越级行文');
  });

  it('出访不超过3个国家 is conduct, not drafting: not among the checkable clauses', () => {
    const all = profileNames().flatMap((n) => Object.values(readProfile(n).rules).flatMap((s) => s.cites.map((c) => c.clause)));
    expect(all.some((c) => c.includes('出访'))).toBe(false);
  });
});

describe('docs/profiles', () => {
  it('are what scripts/gen-profile-docs.ts generates from the profiles (npm run docs:profiles)', () => {
    for (const [path, content] of renderAll()) {
      expect(existsSync(path), path).toBe(true);
      expect(readFileSync(path, 'utf8'), path).toBe(content);
    }
  });
});
