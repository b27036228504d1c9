import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { buildFixture, VARIANTS } from '../../fixtures/docx/build.js';
import { brief, lineOf, textOf } from './harness.js';

/**
 * The built fixtures through the whole linter (every recommended rule, text and layout): the compliant 请示
 * is clean in both scripts, and each variant gives exactly its one finding, at its place.
 */
const linter = new Linter({ noConfig: true });

describe('docx fixtures built in code', () => {
  for (const script of ['simplified', 'traditional'] as const) {
    it(`the compliant 请示 (${script}) lints clean with all rules`, async () => {
      const r = await linter.lintText(await buildFixture('compliant', script), '请示.docx');
      expect(r.messages.map(brief)).toEqual([]);
      expect([r.docType, r.direction]).toEqual(['请示', '上行']);
    });
  }

  it('has a variant for every layout rule', () => {
    expect([...new Set(VARIANTS.map((v) => v.rule))].sort()).toEqual(['fonts', 'line-grid', 'page-number', 'page-setup', 'paragraph-indent']);
  });

  for (const v of VARIANTS) {
    it(`${v.id}: exactly one ${v.rule} finding`, async () => {
      const r = await linter.lintText(await buildFixture(v.id), `${v.id}.docx`);
      expect(r.messages.map(brief)).toHaveLength(1);
      const m = r.messages[0]!;
      expect([m.ruleId, m.messageId, m.message]).toEqual([v.rule, v.messageId, v.message]);
      if (v.at) {
        // A place the drafter finds in Word: the paragraph's line in the plain-text view and its quoted text.
        expect(m.line).toBe(lineOf(v.at));
        expect(textOf(v.at)).toContain(m.context!.replace(/^…|…$/g, ''));
      } else {
        // Page setup, the grid and footers are not in a paragraph: the message itself says where (页面设置, 页脚).
        expect([m.line, m.column, m.context]).toEqual([1, 1, undefined]);
        expect(m.message).toMatch(/布局|页面设置|页脚|插入|磅/);
      }
    });
  }

  // The layout rules read formatting, not words: a traditional-script draft breaks them the same way.
  for (const id of ['top-margin-30mm', 'heading2-heiti', 'grid-30-chars', 'paragraph-no-indent', 'page-number-centred']) {
    it(`${id} in traditional script gives the same one finding`, async () => {
      const v = VARIANTS.find((x) => x.id === id)!;
      const r = await linter.lintText(await buildFixture(id, 'traditional'), `${id}.docx`);
      expect(r.messages.map((m) => `${m.ruleId}/${m.messageId} ${m.message}`)).toEqual([`${v.rule}/${v.messageId} ${v.message}`]);
    });
  }

  it('span of a run-in heading covers the heading only', async () => {
    const r = await linter.lintText(await buildFixture('heading2-heiti'), 'x.docx');
    const m = r.messages[0]!;
    // “（一）维修费用上升。” is 10 characters: columns 1–11 of its line.
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([lineOf('h2a'), 1, lineOf('h2a'), 11]);
  });

  it('signer name finding points at the name only', async () => {
    const r = await linter.lintText(await buildFixture('signer-name-fangsong'), 'x.docx');
    const m = r.messages[0]!;
    const line = '江财发〔2024〕15号\t签发人：王建华';
    expect([m.line, m.column, m.endColumn]).toEqual([lineOf('docNumber'), line.indexOf('王建华') + 1, line.length + 1]);
  });
});
