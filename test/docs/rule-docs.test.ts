import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocs, stalePages, type ExampleProblem } from '../../scripts/gen-docs.js';
import { getValidator } from '../../src/engine/validate.js';
import { builtinRules } from '../../src/rules/index.js';
import { ROOT } from '../helpers.js';

let files: Map<string, string>;
let problems: ExampleProblem[];

beforeAll(async () => {
  ({ files, problems } = await renderDocs());
}, 120000);

describe('generated rule reference (docs/rules)', () => {
  it('is committed exactly as the metadata generates it (run `npm run docs` after changing a rule)', () => {
    const outdated: string[] = [];
    for (const [rel, text] of files) {
      const abs = join(ROOT, rel);
      if (!existsSync(abs) || readFileSync(abs, 'utf8') !== text) outdated.push(rel);
    }
    expect(outdated, 'pages that differ from what `npm run docs` writes').toEqual([]);
    expect(stalePages(files), 'pages of rules that no longer exist').toEqual([]);
  });

  it('has one page per built-in rule and an index linking them all', () => {
    const index = files.get('docs/rules/README.md')!;
    for (const r of builtinRules) {
      expect(files.has(`docs/rules/${r.meta.id}.md`), r.meta.id).toBe(true);
      expect(index).toContain(`](${r.meta.id}.md)`);
    }
  });

  it('quotes every clause a rule cites, word for word', () => {
    for (const r of builtinRules) {
      const page = files.get(`docs/rules/${r.meta.id}.md`)!;
      for (const c of r.meta.cites) {
        expect(page, `${r.meta.id}: ${c.article}`).toContain(`### ${c.regulation} ${c.article}`);
        expect(page.replace(/\n> /g, '\n'), `${r.meta.id}: ${c.article}`).toContain(c.clause);
      }
    }
  });

  it('shows the wrong examples with the findings gwlint really gives, and the right ones as clean', () => {
    expect(problems, 'examples that do not behave as labelled').toEqual([]);
    const page = files.get('docs/rules/signer-required.md')!;
    expect(page).toContain('### ✗ 错误示例');
    expect(page).toContain('### ✓ 正确示例');
    expect(page).toMatch(/- `1:3–1:\d+` 错误：请示是上行文，应在版头标注“签发人：姓名”/);
  });

  it('would catch an example that does not do what its label says', async () => {
    const { signerRequired } = await import('../../src/rules/signer-required.js');
    const broken = { ...signerRequired, meta: { ...signerRequired.meta, docs: { examples: { valid: signerRequired.meta.docs!.examples!.invalid!, invalid: [] } } } };
    const mod = await import('../../src/rules/index.js');
    const saved = [...mod.builtinRules];
    mod.builtinRules.splice(0, mod.builtinRules.length, broken);
    try {
      const { problems: p } = await renderDocs();
      expect(p.map((x) => `${x.rule}:${x.which}`)).toEqual(['signer-required:valid']);
    } finally {
      mod.builtinRules.splice(0, mod.builtinRules.length, ...saved);
    }
  });

  it('every rule’s metadata has the shape the docs and plugins rely on', () => {
    const v = getValidator('rule-meta');
    for (const r of builtinRules) expect(v(r.meta) ? [] : v.errors, r.meta.id).toEqual([]);
  });
});
