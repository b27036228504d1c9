import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RuleTester } from '../../src/engine/rule-tester.js';
import { noRequestInReport } from '../../src/rules/no-request-in-report.js';
import { findAsks } from '../../src/rules/lib/requests.js';
import { getSegmenter } from '../../src/util/segmenter.js';
import { checkExamples } from './examples.js';
import { ROOT } from '../helpers.js';

const tester = new RuleTester();
const report = (body: string): string => `# 关于2024年城区防汛工作情况的报告\n\n市政府：\n\n${body}\n\n特此报告。`;
const MSG = (p: string): string => `报告中夹带请示事项：“${p}”。请示事项应另行以请示行文，报告只汇报工作、反映情况`;

tester.run('no-request-in-report', noRequestInReport, {
  valid: [
    { name: 'institution, past, quoted title', code: report('我局严格执行重大事项请示报告制度，经请示市政府同意，启动了泵站改造。按照《关于申请防汛专项资金的请示》的批复，资金已到位。') },
    { name: 'stated rule, condition, negation', code: report('新增简报需请示区政府批准。待市政府批准后实施。未经批准不得开工。不需要市政府追加资金。') },
    { name: 'instruction downward and courtesy', code: report('请各街道认真落实整改措施。恳请批评指正。现将有关情况报告如下，请予审议。') },
    { name: 'reported requests of others', code: report('企业普遍请求延长补贴申报期限。大连市请求尽快审批庄河电厂项目。') },
    { name: 'a 请示 may ask (not this rule)', code: '# 关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' },
    { name: 'closing in the last paragraph is request-closing’s', code: '# 关于防汛工作情况的报告\n\n市政府：\n\n今年汛期平稳。\n\n妥否，请批示。' },
    {
      name: 'pre-2012 呈转性报告',
      filename: 'draft.txt',
      code: '关于1997年防震减灾工作意见的报告\n国务院：\n一、加强监测预报。\n以上意见如无不妥，请批转各地区、各部门贯彻执行。\n国家地震局\n一九九七年一月二十日',
    },
    { name: 'traditional, mentions only', code: '# 關於公文處理工作情況的報告\n\n區政府：\n\n各部門嚴格執行請示報告制度，經請示區政府同意後辦理。\n\n特此報告。' },
  ],
  invalid: [
    {
      name: '恳请 … 给予 支持',
      code: report('部分泵站设备老化，恳请市政府给予专项资金支持。'),
      errors: [{ messageId: 'ask', message: MSG('恳请市政府给予专项资金支持'), line: 5, column: 10, endLine: 5, endColumn: 23 }],
    },
    {
      name: 'text input: 请予批准 and 特申请',
      filename: 'draft.txt',
      code: '关于食品安全专项整治情况的报告\n区政府：\n检测设备不足。请予批准购置快速检测设备5台。\n为此，特申请追加经费50万元。\n特此报告。',
      errors: [
        { message: MSG('请予批准购置快速检测设备5台'), line: 3, column: 8, endColumn: 22 },
        { message: MSG('申请追加经费50万元'), line: 4, column: 5, endColumn: 15 },
      ],
    },
    {
      name: 'traditional script, positions in the original',
      code: '# 關於用地保障情況的報告\n\n區政府：\n\n尚有7個項目無法供地。懇請區政府協調解決用地指標問題。\n\n特此報告。',
      errors: [{ message: MSG('懇請區政府協調解決用地指標問題'), line: 5, column: 12, endColumn: 27 }],
    },
    {
      name: '如蒙同意 and 现报请…审批',
      code: report('北支河淤积严重。如蒙同意，我局将立即组织实施。计划草案已修改完善，现报请市政府审批。'),
      errors: [
        { line: 5, column: 9, endColumn: 13 },
        { line: 5, column: 35, endColumn: 42 },
      ],
    },
    {
      name: 'a modern 报告 asking to forward it',
      code: report('以上意见如无不妥，请批转各街道执行。') + '\n\n区应急局\n\n2024年2月20日',
      errors: [{ line: 5, column: 1 }],
    },
    { name: 'English locale', locale: 'en', code: report('请市政府协调解决。'), errors: [{ message: 'A 报告 carries a request: “请市政府协调解决”. Send the request as a separate 请示; a 报告 only reports' }] },
  ],
});

describe('findAsks', () => {
  const seg = getSegmenter();
  const asks = (t: string): string[] => findAsks(t, { segmenter: seg }).map((a) => a.phrase);
  it('reads whole words, so 不断 is not a negation and 经济 is not past tense', () => {
    expect(asks('为不断加大投入，恳请市政府给予支持。')).toEqual(['恳请市政府给予支持']);
    expect(asks('经济下行压力较大，请市政府协调解决。')).toEqual(['请市政府协调解决']);
  });
  it('gives the same answers without jieba for the words it knows (fallback)', () => {
    expect(findAsks('恳请市政府给予专项资金支持。').map((a) => a.phrase)).toEqual(['恳请市政府给予专项资金支持']);
    expect(findAsks('经请示市政府同意，已启动改造。')).toEqual([]);
  });
  it('marks closings and forwarding asks', () => {
    const [c] = findAsks('以上意见如无不妥，请批转各地执行。', { segmenter: seg });
    expect(c).toMatchObject({ kind: 'closing', closing: true, forward: true, phrase: '以上意见如无不妥，请批转' });
  });
});

checkExamples(noRequestInReport);

describe('the segmenter is loaded only when a sentence needs reading', () => {
  // A fresh process each (the test runner may have loaded jieba already), on the built dist as the CLI runs.
  const loads = (code: string, file: string): boolean => {
    const script = `
      import { Linter } from ${JSON.stringify(pathToFileURL(resolve(ROOT, 'dist/src/engine/api.js')).href)};
      import { createRequire } from 'node:module';
      await new Linter({ noConfig: true }).lintText(${JSON.stringify(code)}, ${JSON.stringify(file)});
      process.stdout.write(String(Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('@node-rs'))));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: ROOT });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout === 'true';
  };
  it('not for a 通知, nor for a short 请示 whose only sentences are its ask and closing', () => {
    expect(loads('# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n特此通知。', 'a.md')).toBe(false);
    expect(loads('# 关于购置车辆的请示\n\n区政府：\n\n恳请批准购置车辆2辆。\n\n妥否，请批示。', 'b.md')).toBe(false);
  });
  it('for a 报告 that may ask', () => {
    expect(loads(report('恳请市政府给予专项资金支持。'), 'c.md')).toBe(true);
  });
});
