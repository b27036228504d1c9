import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import type { LintMessage } from '../../src/engine/types.js';
import { FIXTURES } from '../helpers.js';

/**
 * Every profile against its drafts in fixtures/profiles/<name>/: the 合规 drafts lint clean, each 违规 draft gives
 * exactly these findings — rule/message@line:column and the clause the message names (or, for messages that
 * name none, the cites of the setting). Every line here was read against the draft and the regulation.
 */
const EXPECTED: Record<string, Record<string, string[]>> = {
  'national': {
    '报告-夹带请示.md': [
      'no-request-in-report/ask@11:14 条例 第十五条（四）',
    ],
    '请示-合规.md': [],
    '请示-违规.md': [
      'signer-required/missing@1:3 条例 第九条（六）',
      'date-validity/noSuchDay@5:40 条例 第二十条（四）',
      'one-request-per-doc/another@7:19 条例 第十五条（四）',
    ],
  },
  'jinghai': {
    '专项-超长.md': [
      'length-cap/overCap@191:16 静海 第六十条',
    ],
    '报告-夹带请示.md': [
      'no-request-in-report/ask@11:14 静海 第五十五条、条例 第十五条（四）',
    ],
    '纪要-签发人不符.md': [
      'minutes-signer/wrongRole@3:5 静海 第五十一条',
    ],
    '请示-一文多事.md': [
      'figures-add-up/partsExceed@9:41 静海 第五十六条',
      'one-request-per-doc/another@11:19 静海 第五十五条、条例 第十五条（四）',
      'date-validity/noSuchDay@11:32 静海 第五十六条、条例 第二十条（四）',
    ],
    '请示-会议-合规.md': [],
    '请示-会议-违规.md': [
      'signer-required/missing@1:3 静海 第五十五条、条例 第九条（六）',
      'single-main-recipient/several@3:5 静海 第五十五条',
      'date-validity/weekday@5:21 静海 第五十六条、条例 第二十条（四）',
      'meeting-request/late@5:21 静海 第五十三条',
      'meeting-request/tooMany@5:65 静海 第五十四条',
      'meeting-request/missingAttachments@11:1 静海 第五十三条',
    ],
    '请示-部门分歧-违规.md': [
      'no-leader-recipient/toLeader@7:1 静海 第五十五条',
      'consultation-evidence/noOpinion@9:22 静海 第五十五条',
      'dissent-listed/oneSide@9:43 静海 第五十五条',
      'dissent-listed/noProposal@9:43 静海 第五十五条',
      'late-submission-date/noDate@11:20 静海 第五十六条',
    ],
  },
  'hongshan': {
    '報告-夾帶請示.md': [
      'no-request-in-report/ask@11:14 洪山 五十一、条例 第十五条（四）',
    ],
    '紀要-專題會議-違規.md': [
      'minutes-signer/wrongRole@3:5 洪山 四十七',
    ],
    '請示-合規.md': [],
    '請示-議題-違規.md': [
      'meeting-request/late@9:44 洪山 四十四',
      'one-request-per-doc/another@11:10 洪山 五十一、条例 第十五条（四）',
    ],
    '請示-邀請-違規.md': [
      'no-leader-recipient/toLeader@7:1 洪山 五十一',
      'date-validity/weekday@9:5 条例 第二十条（四）',
      'meeting-request/late@9:5 洪山 六十八',
      'consultation-evidence/noOpinion@9:36 洪山 五十二',
    ],
    '請示-部門分歧-違規.md': [
      'signer-required/missing@5:3 洪山 五十一、条例 第九条（六）',
      'single-main-recipient/several@7:5 洪山 五十一',
      'dissent-listed/sideLacks@9:49 洪山 五十二',
      'dissent-listed/sideLacks@9:80 洪山 五十二',
    ],
    '请示-合规-简体.md': [],
    '通知-規範性文件-違規.md': [
      'normative-doc-no-licensing/sets@11:13 洪山 二十',
      'normative-doc-no-licensing/sets@11:48 洪山 二十',
      'normative-doc-validity/tooLong@13:18 洪山 二十',
    ],
  },
  'tongzhou': {
    '报告-夹带请示.md': [
      'no-request-in-report/ask@11:14 通州 五十五、条例 第十五条（四）',
    ],
    '纪要-专题会议-违规.md': [
      'minutes-signer/notPresider@3:5 通州 五十四',
    ],
    '请示-代拟稿-违规.md': [
      'disclosure-attribute/missing@5:3 通州 二十三',
      'legality-review/noLegality@5:3 通州 十六、通州 五十一',
      'signer-required/missing@5:3 通州 五十五、条例 第九条（六）',
      'legality-review/noFairCompetition@5:14 通州 十六',
      'one-request-per-doc/another@11:10 通州 五十五、条例 第十五条（四）',
    ],
    '请示-合规.md': [],
    '请示-外事邀请-违规.md': [
      'date-validity/weekday@9:18 条例 第二十条（四）',
      'meeting-request/late@9:18 通州 六十五',
    ],
    '请示-议题-违规.md': [
      'single-main-recipient/several@7:5 通州 五十五',
      'meeting-request/late@9:36 通州 四十八',
    ],
    '请示-部门分歧-违规.md': [
      'no-leader-recipient/toLeader@7:1 通州 五十五',
      'consultation-evidence/noOpinion@9:22 通州 五十六',
      'dissent-listed/sideLacks@9:49 通州 五十六',
      'dissent-listed/sideLacks@9:80 通州 五十六',
    ],
    '通知-规范性文件-违规.md': [
      'legality-review/noLegality@5:3 通州 十六、通州 五十一',
      'normative-doc-no-licensing/sets@11:13 通州 十七',
      'normative-doc-no-licensing/sets@11:44 通州 十七',
    ],
  },
  'zhifu': {
    '报告-夹带请示.md': [
      'date-validity/noSuchDay@9:33 条例 第二十条（四）',
      'no-request-in-report/ask@11:14 芝罘 五十四、条例 第十五条（四）',
    ],
    '纪要-区长专题会议-违规.md': [
      'minutes-signer/wrongRole@3:5 芝罘 五十',
    ],
    '请示-合规.md': [],
    '请示-议题-违规.md': [
      'meeting-request/late@9:34 芝罘 四十八',
    ],
    '请示-邀请-违规.md': [
      'no-leader-recipient/toLeader@7:1 芝罘 五十三',
      'meeting-request/late@9:5 芝罘 八十',
    ],
    '请示-非正式-违规.md': [
      'seal-and-signature/noDocNumber@1:3 芝罘 五十四、条例 第九条（十三）',
      'signer-required/missing@1:3 芝罘 五十四、条例 第九条（六）',
      'single-main-recipient/several@3:5 芝罘 五十三',
      'one-request-per-doc/another@7:19 芝罘 五十四、条例 第十五条（四）',
      'seal-and-signature/noSignature@9:1 芝罘 五十四、条例 第九条（十三）',
      'seal-and-signature/noDate@9:1 芝罘 五十四、条例 第九条（十三）',
    ],
    '通知-规范性文件-违规.md': [
      'normative-doc-validity/noValidity@5:3 芝罘 十九',
      'normative-doc-validity/noRegistration@5:3 芝罘 十九',
    ],
  },
  'tianjin-jgsw': {
    '会议计划-违规.md': [
      'meeting-request/planMissing@3:3 天津机关事务局 第三十条',
    ],
    '报告-夹带请示.md': [
      'no-request-in-report/ask@11:9 天津机关事务局 第三十二条、条例 第十五条（四）',
    ],
    '纪要-局长办公会议-违规.md': [
      'minutes-signer/wrongRole@3:5 天津机关事务局 第二十七条',
    ],
    '请示-合规.md': [],
    '请示-处室-违规.md': [
      'signer-required/missing@1:3 天津机关事务局 第三十三条、条例 第九条（六）',
      'no-leader-recipient/toLeader@3:1 天津机关事务局 第三十三条',
      'consultation-evidence/noOpinion@5:28 天津机关事务局 第三十五条',
      'consultation-evidence/noOpinion@5:41 天津机关事务局 第三十五条',
      'date-validity/weekday@5:51 条例 第二十条（四）',
    ],
    '请示-违规.md': [
      'signer-required/missing@1:3 天津机关事务局 第三十三条、条例 第九条（六）',
      'single-main-recipient/several@3:4 天津机关事务局 第三十三条、天津机关事务局 第三十六条',
      'one-request-per-doc/another@7:19 天津机关事务局 第三十二条、条例 第十五条（四）',
    ],
    '通知-规范性文件-违规.md': [
      'normative-doc-no-licensing/sets@11:5 天津机关事务局 第十条',
      'normative-doc-no-licensing/sets@11:38 天津机关事务局 第十条',
    ],
  },
};

const DIR = join(FIXTURES, 'profiles');

/** The 3,500-字 专项 draft that 静海 and 通州 judge differently (their caps are 4000 and 3000). */
const SHARED_3500 = join(DIR, 'shared', '专项-3500字.md');
const SHARED: Record<string, string[]> = {
  jinghai: [],
  tongzhou: ['disclosure-attribute/missing@9:3 通州 二十三', 'length-cap/overCap@147:29 通州 五十五、通州 七十八'],
};

/** The clause a finding rests on: what its message names after “依据”, else the cites of the setting. */
function basis(m: LintMessage): string {
  const named = /（依据 ([^（）]*(?:（[^）]*）[^（）]*)*)）/.exec(m.message);
  return named ? named[1]! : m.cites.map((c) => c.short ?? c.article).join('、');
}

const describeFinding = (m: LintMessage): string => `${m.ruleId}/${m.messageId}@${m.line}:${m.column} ${basis(m)}`;

interface ProfileJson {
  extends?: string;
  rules: Record<string, { severity: string }>;
}

function readProfile(name: string): ProfileJson {
  return JSON.parse(readFileSync(join(FIXTURES, '..', 'rules', 'profiles', `${name}.json`), 'utf8')) as ProfileJson;
}

/** The rules a profile turns on, with the ones it inherits. */
function configured(name: string): string[] {
  const p = readProfile(name);
  const inherited = p.extends ? configured(p.extends) : [];
  const own = Object.entries(p.rules);
  const off = new Set(own.filter(([, s]) => s.severity === 'off').map(([id]) => id));
  return [...new Set([...inherited.filter((id) => !off.has(id)), ...own.filter(([, s]) => s.severity !== 'off').map(([id]) => id)])].sort();
}

for (const [profile, files] of Object.entries(EXPECTED)) {
  describe(`profile ${profile}`, () => {
    const linter = new Linter({ noConfig: true, profile });
    const seen = new Set<string>();

    it('has a fixture folder listing exactly these drafts', () => {
      expect(readdirSync(join(DIR, profile)).filter((f) => f.endsWith('.md')).sort()).toEqual(Object.keys(files).sort());
    });

    for (const [file, expected] of Object.entries(files)) {
      it(`${file}: ${expected.length ? `exactly ${expected.length} finding(s) with their clauses` : 'lints clean'}`, async () => {
        const r = await linter.lintFile(join(DIR, profile, file));
        const got = r.messages.map(describeFinding);
        expect(got).toEqual(expected);
        for (const m of r.messages) seen.add(m.ruleId!);
      });
    }

    if (SHARED[profile]) {
      it(`shared/专项-3500字.md: ${SHARED[profile]!.length ? `exactly ${SHARED[profile]!.length} finding(s)` : 'lints clean'}`, async () => {
        const r = await linter.lintFile(SHARED_3500);
        expect(r.charCount).toBe(3500);
        expect(r.messages.map(describeFinding)).toEqual(SHARED[profile]);
        for (const m of r.messages) seen.add(m.ruleId!);
      });
    }

    it('a 违规 draft breaks every clause the profile configures', () => {
      expect([...seen].sort()).toEqual(configured(profile));
    });
  });
}

describe('洪山 in its own script', () => {
  it('quotes the traditional text at the mapped place and cites the traditional clause', async () => {
    const r = await new Linter({ noConfig: true, profile: 'hongshan' }).lintFile(join(DIR, 'hongshan', '通知-規範性文件-違規.md'));
    const m = r.messages.find((x) => x.ruleId === 'normative-doc-no-licensing')!;
    expect(m.message).toContain('“須經區城市管理執法局批准後方可”');
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([11, 13, 11, 28]);
    expect(m.cites[0]!.clause).toBe('規範性檔案不得設定行政許可、行政處罰、行政強制等事項,');
  });

  it('lints the simplified and the traditional version of the same draft alike', async () => {
    const linter = new Linter({ noConfig: true, profile: 'hongshan' });
    const simplified = readFileSync(join(DIR, 'hongshan', '请示-合规-简体.md'), 'utf8');
    const traditional = readFileSync(join(DIR, 'hongshan', '請示-合規.md'), 'utf8');
    expect(traditional).not.toBe(simplified);
    expect(traditional.length).toBe(simplified.length);
    // Without the consultation sentence and the replies listed as attachments.
    const broken = (s: string): string => s.replace(/(已書面徵求|已书面征求)[^\n]*\n/, '\n').replace(/\n附件：[^]*?\n\n/, '\n');
    const a = await linter.lintText(broken(simplified), 'a.md');
    const b = await linter.lintText(broken(traditional), 'b.md');
    expect(a.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(b.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`));
    expect(a.messages.map((m) => m.ruleId)).toEqual(['consultation-evidence', 'consultation-evidence']);
  });
});
