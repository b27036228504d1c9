import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import type { Rule } from '../../src/engine/types.js';

/** The wrong and right examples shown on a rule's doc page do what the page says: findings, and none. */
export function checkExamples(rule: Rule): void {
  const tester = new RuleTester();
  const ex = rule.meta.docs?.examples ?? {};
  describe(`${rule.meta.id} doc examples`, () => {
    it('has a rationale and at least one wrong and one right example', () => {
      expect(rule.meta.docs?.rationale?.zh).toBeTruthy();
      expect(ex.invalid?.length).toBeGreaterThan(0);
      expect(ex.valid?.length).toBeGreaterThan(0);
    });
    for (const [i, e] of (ex.invalid ?? []).entries()) {
      it(`wrong example ${i + 1} gives findings`, async () => {
        const { messages } = await tester.verify(rule, { code: e.code, filename: e.kind === 'text' ? 'x.txt' : 'x.md', ...(e.options ? { options: e.options } : {}), ...(e.declared ? { declared: e.declared } : {}) });
        expect(messages.length).toBeGreaterThan(0);
      });
    }
    for (const [i, e] of (ex.valid ?? []).entries()) {
      it(`right example ${i + 1} is clean`, async () => {
        const { messages } = await tester.verify(rule, { code: e.code, filename: e.kind === 'text' ? 'x.txt' : 'x.md', ...(e.options ? { options: e.options } : {}), ...(e.declared ? { declared: e.declared } : {}) });
        expect(messages.map((m) => m.message)).toEqual([]);
      });
    }
  });
}
