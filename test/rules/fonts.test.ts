import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { fonts } from '../../src/rules/fonts.js';
import { FontMatcher, sizeLabel } from '../../src/rules/lib/fonts.js';
import { buildFixture, FACE, para } from '../../fixtures/docx/build.js';
import { brief, buildWith, lineOf, lintDocxWith, textOf } from '../layout/harness.js';

// Markdown and text carry no fonts: the rule does not run on them, in either script.
new RuleTester().run('fonts (text inputs)', fonts, {
  valid: [
    { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n一、购置理由\n\n恳请批准。' },
    { code: '# 關於購置執法車輛的請示\n\n市政府：\n\n一、購置理由\n\n懇請批准。' },
    { filename: 'draft.txt', code: '关于购置执法车辆的请示\n市政府：\n恳请批准。' },
    { filename: 'draft.txt', code: '關於購置執法車輛的請示\n市政府：\n懇請批准。' },
  ],
  invalid: [],
});

describe('font alias table', () => {
  const m = new FontMatcher();
  it('knows the names one face goes by', () => {
    for (const n of ['仿宋', '仿宋_GB2312', 'FangSong', 'fangsong_gb2312', '方正仿宋_GBK', 'STFangsong', '华文仿宋']) expect(m.familyOf(n)).toBe('仿宋');
    for (const n of ['方正小标宋简体', '小标宋', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S']) expect(m.familyOf(n)).toBe('小标宋');
    for (const n of ['黑体', 'SimHei', '方正黑体_GBK']) expect(m.familyOf(n)).toBe('黑体');
    for (const n of ['楷体', '楷体_GB2312', 'KaiTi', 'KaiTi_GB2312', '方正楷体_GBK']) expect(m.familyOf(n)).toBe('楷体');
    for (const n of ['宋体', 'SimSun', '新宋体']) expect(m.familyOf(n)).toBe('宋体');
  });
  it('does not take other faces for them', () => {
    for (const n of ['等线', 'Calibri', '微软雅黑', '华文中宋', undefined]) expect(m.familyOf(n)).toBeUndefined();
  });
  it('takes extra names from the options', () => {
    expect(new FontMatcher({ 小标宋: ['华文中宋'] }).familyOf('华文中宋')).toBe('小标宋');
  });
  it('names sizes as Word does', () => {
    expect([44, 32, 28, 21, 31].map(sizeLabel)).toEqual(['二号（22 磅）', '三号（16 磅）', '四号（14 磅）', '五号（10.5 磅）', '15.5 磅']);
  });
});

describe('fonts on .docx', () => {
  for (const script of ['simplified', 'traditional'] as const) {
    it(`passes the compliant 请示 (${script})`, async () => {
      expect(await lintDocxWith(fonts, await buildFixture('compliant', script))).toEqual([]);
    });
  }

  it('reports the title face over the whole title', async () => {
    const t = textOf('title');
    const l = lineOf('title');
    expect((await lintDocxWith(fonts, await buildFixture('title-songti'))).map(brief)).toEqual([
      `fonts/font@${l}:1-${l}:${t.length + 1} 标题字体为“宋体”，应为小标宋体（GB/T 9704 7.3.1）`,
    ]);
    expect((await lintDocxWith(fonts, await buildFixture('title-xiaoer'))).map(brief)).toEqual([
      `fonts/size@${l}:1-${l}:${t.length + 1} 标题字号为小二（18 磅），应为二号（22 磅）（GB/T 9704 7.3.1）`,
    ]);
  });

  it('reports one finding per paragraph and problem, however many runs', async () => {
    const bytes = await buildWith((s) => {
      const p = para(s, 'p1');
      const t = p.runs[0]!.text;
      p.runs = [
        { ...p.runs[0]!, text: t.slice(0, 5), font: FACE.宋体 },
        { ...p.runs[0]!, text: t.slice(5, 20) },
        { ...p.runs[0]!, text: t.slice(20, 30), font: FACE.黑体, size: 30 },
        { ...p.runs[0]!, text: t.slice(30) },
      ];
    });
    const l = lineOf('p1');
    expect((await lintDocxWith(fonts, bytes)).map(brief)).toEqual([
      `fonts/font@${l}:1-${l}:31 正文字体为“宋体、黑体”，应为仿宋体（GB/T 9704 7.3.3）`,
      `fonts/size@${l}:21-${l}:31 正文字号为小三（15 磅），应为三号（16 磅）（GB/T 9704 7.3.3）`,
    ]);
  });

  it('checks heading levels: 黑体, 楷体, then 仿宋, and the 正文 after a run-in heading', async () => {
    expect((await lintDocxWith(fonts, await buildFixture('heading1-fangsong'))).map((m) => m.message)).toEqual(['一级标题字体为“仿宋_GB2312”，应为黑体（GB/T 9704 7.3.3）']);
    const bytes = await buildWith((s) => {
      para(s, 'h2b').runs[1]!.font = FACE.楷体;
      para(s, 'h3a').runs[0]!.font = FACE.楷体;
    });
    const h2b = lineOf('h2b');
    expect((await lintDocxWith(fonts, bytes)).map(brief)).toEqual([
      // “（二）出车任务增加。” is 楷体 as it should be; the sentence after it is 正文.
      `fonts/font@${h2b}:11-${h2b}:${textOf('h2b').length + 1} 正文字体为“楷体_GB2312”，应为仿宋体（GB/T 9704 7.3.3）`,
      // “1.车型选择。选用……”, all in 楷体: the heading and the sentence after it are two parts.
      `fonts/font@${lineOf('h3a')}:1-${lineOf('h3a')}:8 三级标题字体为“楷体_GB2312”，应为仿宋体（GB/T 9704 7.3.3）`,
      `fonts/font@${lineOf('h3a')}:8-${lineOf('h3a')}:${textOf('h3a').length + 1} 正文字体为“楷体_GB2312”，应为仿宋体（GB/T 9704 7.3.3）`,
    ]);
  });

  it('checks the 签发人 label and name apart', async () => {
    const line = textOf('docNumber');
    const l = lineOf('docNumber');
    expect((await lintDocxWith(fonts, await buildFixture('signer-name-fangsong'))).map(brief)).toEqual([
      `fonts/font@${l}:${line.indexOf('王') + 1}-${l}:${line.length + 1} 签发人姓名字体为“仿宋_GB2312”，应为楷体（GB/T 9704 7.2.6）`,
    ]);
    const label = await buildWith((s) => {
      para(s, 'docNumber').runs[1]!.font = FACE.黑体;
    });
    expect((await lintDocxWith(fonts, label)).map(brief)).toEqual([
      `fonts/font@${l}:${line.indexOf('签') + 1}-${l}:${line.indexOf('王') + 1} “签发人”字体为“黑体”，应为仿宋体（GB/T 9704 7.2.6）`,
    ]);
  });

  it('checks 抄送 and 印发 in 四号', async () => {
    expect((await lintDocxWith(fonts, await buildFixture('cc-sanhao'))).map((m) => m.message)).toEqual(['抄送字号为三号（16 磅），应为四号（14 磅）（GB/T 9704 7.4.2）']);
    const bytes = await buildWith((s) => {
      for (const r of para(s, 'printed').runs) r.size = 32;
    });
    expect((await lintDocxWith(fonts, bytes)).map((m) => m.message)).toEqual(['印发机关和印发日期字号为三号（16 磅），应为四号（14 磅）（GB/T 9704 7.4.3）']);
  });

  it('accepts every alias of a face', async () => {
    const bytes = await buildWith((s) => {
      para(s, 'title').runs[0]!.font = '方正小标宋_GBK';
      para(s, 'p1').runs[0]!.font = 'FangSong';
      para(s, 'h1a').runs[0]!.font = 'SimHei';
      para(s, 'h2a').runs[0]!.font = 'KaiTi';
      para(s, 'closing').runs[0]!.font = '方正仿宋_GBK';
    });
    expect(await lintDocxWith(fonts, bytes)).toEqual([]);
  });

  it('takes extra aliases, other parts and a size tolerance from its options', async () => {
    const zhongsong = await buildWith((s) => {
      para(s, 'title').runs[0]!.font = '华文中宋';
    });
    expect((await lintDocxWith(fonts, zhongsong)).map((m) => m.messageId)).toEqual(['font']);
    expect(await lintDocxWith(fonts, zhongsong, { fontAliases: { 小标宋: ['华文中宋'] } })).toEqual([]);
    expect(await lintDocxWith(fonts, await buildFixture('title-songti'), { parts: { title: false } })).toEqual([]);
    expect(await lintDocxWith(fonts, await buildFixture('title-songti'), { parts: { title: { font: '宋体' } } })).toEqual([]);
    expect(await lintDocxWith(fonts, await buildFixture('cc-sanhao'), { parts: { cc: { size: 32 } } })).toEqual([]);
    expect(await lintDocxWith(fonts, await buildFixture('title-xiaoer'), { sizeTolerance: 8 })).toEqual([]);
  });

  it('leaves centred lines filed under 正文 alone: their role is a guess', async () => {
    const bytes = await buildWith((s) => {
      const p = para(s, 'p1');
      p.align = 'center';
      p.runs[0]!.font = FACE.宋体;
    });
    expect(await lintDocxWith(fonts, bytes)).toEqual([]);
  });

  it('reports the same in a traditional-script draft', async () => {
    const m = await lintDocxWith(fonts, await buildFixture('body-songti', 'traditional'));
    expect(m.map((x) => [x.line, x.message])).toEqual([[lineOf('p1'), '正文字体为“宋体”，应为仿宋体（GB/T 9704 7.3.3）']]);
  });

  it('speaks English when asked', async () => {
    const m = await lintDocxWith(fonts, await buildFixture('body-sihao'), {}, 'en');
    expect(m.map((x) => x.message)).toEqual(['正文 is set in 四号（14 磅）; it should be 三号（16 磅） (GB/T 9704 7.3.3)']);
  });
});
