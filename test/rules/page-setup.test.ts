import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { pageSetup } from '../../src/rules/page-setup.js';
import { buildFixture, mmToTwips } from '../../fixtures/docx/build.js';
import { brief, buildWith, lintDocxWith } from '../layout/harness.js';

// Markdown and text drafts carry no page setup: the rule does not run on them, in either script.
new RuleTester().run('page-setup (text inputs)', pageSetup, {
  valid: [
    { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准。' },
    { code: '# 關於購置執法車輛的請示\n\n市政府：\n\n懇請批准。' },
    { filename: 'draft.txt', code: '关于购置执法车辆的请示\n市政府：\n恳请批准。' },
    { filename: 'draft.txt', code: '關於購置執法車輛的請示\n市政府：\n懇請批准。' },
  ],
  invalid: [],
});

describe('page-setup on .docx', () => {
  it('applies to docx only and cites 5.1 and 5.2.1', () => {
    expect(pageSetup.meta.appliesTo).toEqual(['docx']);
    expect(pageSetup.meta.cites.map((c) => c.article)).toEqual(['5.1', '5.2.1']);
  });

  for (const script of ['simplified', 'traditional'] as const) {
    it(`passes the compliant 请示 (${script})`, async () => {
      expect(await lintDocxWith(pageSetup, await buildFixture('compliant', script))).toEqual([]);
    });
  }

  it('reports each fault once, at the start of the document, with found and expected values', async () => {
    const m = await lintDocxWith(pageSetup, await buildFixture('top-margin-30mm'));
    expect(m.map(brief)).toEqual(['page-setup/top@1:1-1:1 天头（上边距）30.0 mm，应为 37±1 mm（布局→页边距）']);
    expect(m[0]!.severity).toBe('error');
  });

  it('reports a Word default page (2.54 / 3.17 cm margins) three ways', async () => {
    const bytes = await buildWith((s) => {
      s.page.top = s.page.bottom = 1440;
      s.page.left = s.page.right = 1800;
    });
    expect((await lintDocxWith(pageSetup, bytes)).map((m) => m.message)).toEqual([
      '天头（上边距）25.4 mm，应为 37±1 mm（布局→页边距）',
      '订口（左边距）31.7 mm，应为 28±1 mm（布局→页边距）',
      '版心 146.5×246.2 mm，应为 156×225 mm：按当前天头和订口，右边距应为 22.3 mm、下边距应为 46.6 mm（布局→页边距）',
    ]);
  });

  it('counts the gutter as part of the binding margin', async () => {
    const ok = await buildWith((s) => {
      s.page.left = mmToTwips(25);
      s.page.gutter = mmToTwips(3);
      s.page.right = s.page.width - s.page.left - s.page.gutter - 8844;
    });
    expect(await lintDocxWith(pageSetup, ok)).toEqual([]);
    const wide = await buildWith((s) => {
      s.page.gutter = mmToTwips(5);
      s.page.right = s.page.width - s.page.left - s.page.gutter - 8844;
    });
    expect((await lintDocxWith(pageSetup, wide)).map((m) => m.message)).toEqual(['订口（左边距，含装订线 5.0 mm）33.0 mm，应为 28±1 mm（布局→页边距）']);
  });

  it('reports A4 turned to landscape as the wrong paper', async () => {
    const bytes = await buildWith((s) => {
      [s.page.width, s.page.height] = [s.page.height, s.page.width];
    });
    const m = await lintDocxWith(pageSetup, bytes);
    expect(m.map((x) => x.messageId)).toEqual(['paper', 'textArea']);
    expect(m[0]!.message).toBe('纸张 297×210 mm，应为 A4（210×297 mm）（布局→纸张大小）');
  });

  it('stays within a tolerance of 1 mm, and the tolerance is an option', async () => {
    const edge = await buildWith((s) => {
      s.page.top = mmToTwips(37.9);
      s.page.bottom = s.page.height - s.page.top - 12756;
    });
    expect(await lintDocxWith(pageSetup, edge)).toEqual([]);
    const v = await buildFixture('top-margin-30mm');
    expect(await lintDocxWith(pageSetup, v, { topToleranceMm: 7.5 })).toEqual([]);
    expect((await lintDocxWith(pageSetup, v, { topMm: 30 })).map((m) => m.messageId)).toEqual([]);
  });

  it('speaks English when asked', async () => {
    const m = await lintDocxWith(pageSetup, await buildFixture('left-margin-25mm'), {}, 'en');
    expect(m.map((x) => x.message)).toEqual(['Binding (left) margin is 25.0 mm; it should be 28±1 mm']);
  });
});
