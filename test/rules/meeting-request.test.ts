import { RuleTester } from '../../src/engine/rule-tester.js';
import { meetingRequest } from '../../src/rules/meeting-request.js';

const tester = new RuleTester();

const ALL_ATTACHED = '附件：1.会议建议方案\n2.会议文件\n3.讲话素材\n4.基本情况';
const meeting = (body: string, date: string, attachments = ALL_ATTACHED): string =>
  `# 关于召开全区安全生产工作会议的请示\n\n区政府：\n\n${body}\n\n妥否，请批示。\n\n${attachments}\n\n区应急管理局\n\n${date}`;
const ONE = '我局拟于2024年5月20日召开全区安全生产工作会议（一类会议），参会人员约200人。';
const BASIS53 = '静海 第五十三条';
const BASIS54 = '静海 第五十四条';

const TONGZHOU = {
  checks: [
    { kind: 'topic', meetings: ['常务会议', '区长专题会议'], lead: { days: 3, working: false } },
    { kind: 'invitation', foreign: true, lead: { days: 7, working: true } },
  ],
};
const HONGSHAN_INVITE = { checks: [{ kind: 'invitation', lead: { days: 3, working: true } }] };
const TIANJIN_PLAN = {
  checks: [
    {
      kind: 'plan',
      items: ['会议数量|会议总数|共计', '会议名称', '召开的理由|召开理由|理由', '主要内容', '时间地点|时间、地点|时间和地点', '参会人数', '工作人员数', '所需经费|经费', '列支渠道'],
    },
  ],
};

tester.run('meeting-request', meetingRequest, {
  valid: [
    { name: 'ten working days ahead, all attached, within the cap', code: meeting(ONE, '2024年4月30日') },
    { name: 'exactly ten working days (a 调休 Saturday counts)', code: meeting(ONE, '2024年5月7日') },
    { name: 'a 二类会议 inferred from a leader attending', code: meeting('我局拟于2024年5月20日召开全区防汛工作会议，恳请区长出席并讲话，参会人员约150人。', '2024年4月30日') },
    { name: 'a meeting of no class is not checked', code: meeting('我局拟于2024年5月20日召开防汛业务培训会。', '2024年5月17日', '') },
    { name: 'no 成文日期: the lead time cannot be judged', code: '# 关于召开全区安全生产工作会议的请示\n\n区政府：\n\n我局拟于2024年5月20日召开全区安全生产工作会议（一类会议）。\n\n附件：1.会议建议方案\n2.会议文件\n3.讲话素材\n4.基本情况' },
    { name: '通州: a topic three days ahead', code: '# 关于提请区政府常务会议审议停车管理办法的请示\n\n区政府：\n\n拟提请2024年5月20日区政府常务会议审议《停车管理办法》。\n\n妥否，请批示。\n\n区城管委\n\n2024年5月16日', options: TONGZHOU },
    { name: '通州: a domestic invitation is not a 外事 one', code: '# 关于邀请区长出席开工仪式的请示\n\n区政府：\n\n我委拟于2024年5月20日举办开工仪式，恳请邀请区长出席并致辞。\n\n妥否，请批示。\n\n区城管委\n\n2024年5月16日', options: TONGZHOU },
    {
      name: '天津: a plan that lists everything',
      code: '# 2025年度会议计划\n\n局办公室：\n\n全年计划召开会议共计2个，列明会议名称、召开理由、主要内容、时间地点、参会人数、工作人员数、所需经费及列支渠道如下。\n\n综合处\n\n2024年12月2日',
      options: TIANJIN_PLAN,
    },
    { name: 'text input', filename: 'draft.txt', code: meeting(ONE, '2024年4月30日').replace(/\n\n/g, '\n') },
    {
      name: 'traditional script',
      code: '# 關於召開全區安全生產工作會議的請示\n\n區政府：\n\n我局擬於2024年5月20日召開全區安全生產工作會議（一類會議），參會人員約200人。\n\n妥否，請批示。\n\n附件：1.會議建議方案\n2.會議文件\n3.講話素材\n4.基本情況\n\n區應急管理局\n\n2024年4月30日',
    },
  ],
  invalid: [
    {
      name: 'late, too big and short of materials',
      code: meeting('我局拟于2024年5月20日召开全区安全生产工作会议（一类会议），参会人员约350人。', '2024年5月13日', '附件：会议建议方案'),
      errors: [
        {
          messageId: 'late',
          message: `一类会议请示应提前10个工作日报送：成文日期2024年5月13日距会议召开日期2024年5月20日仅 5 个工作日，最迟应于2024年5月7日报送（依据 ${BASIS53}）`,
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 15,
        },
        { messageId: 'tooMany', message: `一类会议规模不得超过 300 人，此处为 350 人（依据 ${BASIS54}）`, line: 5, column: 39, endColumn: 42 },
        { messageId: 'missingAttachments', message: `一类会议请示应附会议建议方案、会议文件、讲话素材、基本情况等材料，缺少：会议文件、讲话素材、基本情况（依据 ${BASIS53}）`, line: 9, column: 1, endColumn: 10 },
      ],
    },
    {
      name: 'the National Day holiday does not count as working days',
      code: meeting('我局拟于2024年10月8日召开全区安全生产工作会议（一类会议）。', '2024年9月20日'),
      errors: [
        {
          messageId: 'late',
          message: `一类会议请示应提前10个工作日报送：成文日期2024年9月20日距会议召开日期2024年10月8日仅 8 个工作日，最迟应于2024年9月18日报送（依据 ${BASIS53}）`,
          line: 5,
          column: 5,
          endColumn: 15,
        },
      ],
    },
    {
      name: 'a 二类会议 over 190',
      code: meeting('我局拟于2024年5月20日召开全区防汛工作会议（二类会议），参会人员约200人。', '2024年4月30日'),
      errors: [{ messageId: 'tooMany', message: `二类会议规模不得超过 190 人，此处为 200 人（依据 ${BASIS54}）`, line: 5, column: 37, endColumn: 40 }],
    },
    {
      name: 'dated after the meeting',
      code: meeting(ONE, '2024年5月21日'),
      errors: [{ messageId: 'notBefore', message: `成文日期2024年5月21日不早于会议召开日期2024年5月20日：一类会议请示应提前10个工作日报送（依据 ${BASIS53}）` }],
    },
    {
      name: 'a year whose holidays are not yet published is counted provisionally',
      code: meeting('我局拟于2027年1月8日召开全区安全生产工作会议（一类会议）。', '2027年1月4日'),
      errors: [{ messageId: 'late', message: /仅 4 个工作日，最迟应于2026年12月24日报送（2027年放假调休安排未公布，按法定节日和周末计）/ }],
    },
    {
      name: '通州: a topic two days ahead',
      code: '# 关于提请区政府常务会议审议停车管理办法的请示\n\n区政府：\n\n拟提请2024年5月20日区政府常务会议审议《停车管理办法》。\n\n妥否，请批示。\n\n区城管委\n\n2024年5月18日',
      options: TONGZHOU,
      errors: [
        {
          messageId: 'late',
          message: '提请会议研究的议题材料应提前3天报送：成文日期2024年5月18日距会议日期2024年5月20日仅 2 天，最迟应于2024年5月17日报送（依据 静海 第五十三条、静海 第五十四条）',
          line: 5,
          column: 4,
          endColumn: 14,
        },
      ],
    },
    {
      name: '通州: a 外事 invitation five working days ahead',
      code: '# 关于邀请区长会见外宾的请示\n\n区政府：\n\n我委拟于2024年5月20日接待外国友好城市代表团，恳请邀请区长出席会见。\n\n妥否，请批示。\n\n区外办\n\n2024年5月13日',
      options: TONGZHOU,
      errors: [{ messageId: 'late', message: /^邀请区领导出席外事活动的请示应提前7个工作日报送：成文日期2024年5月13日距活动日期2024年5月20日仅 5 个工作日，最迟应于2024年5月10日报送/ }],
    },
    {
      name: '洪山: an invitation two working days ahead',
      code: '# 关于邀请区长出席开工仪式的请示\n\n区政府：\n\n我委拟于2024年5月20日举办开工仪式，恳请邀请区长出席并致辞。\n\n妥否，请批示。\n\n区城管委\n\n2024年5月16日',
      options: HONGSHAN_INVITE,
      errors: [{ messageId: 'late', message: /^邀请区领导参加活动的请示应提前3个工作日报送：成文日期2024年5月16日距活动日期2024年5月20日仅 2 个工作日，最迟应于2024年5月15日报送/, line: 5, column: 5, endColumn: 15 }],
    },
    {
      name: '天津: a plan without its money',
      code: '# 2025年度会议计划\n\n局办公室：\n\n全年计划召开会议共计2个，列明会议名称、召开理由、主要内容、时间地点、参会人数、工作人员数。\n\n综合处\n\n2024年12月2日',
      options: TIANJIN_PLAN,
      errors: [
        {
          messageId: 'planMissing',
          message: '年度会议计划应列明会议数量、会议名称、召开的理由、主要内容、时间地点、参会人数、工作人员数、所需经费、列支渠道，缺少：所需经费、列支渠道（依据 静海 第五十三条、静海 第五十四条）',
          line: 1,
          column: 3,
        },
      ],
    },
    {
      name: 'English locale',
      code: meeting(ONE, '2024年5月13日'),
      locale: 'en',
      errors: [
        {
          messageId: 'late',
          message: 'A 请示 for a 一类会议 must be sent 10 working days ahead: dated 2024年5月13日, only 5 working days before the meeting on 2024年5月20日; send by 2024年5月7日 (per 静海 第五十三条)',
        },
      ],
    },
    {
      name: 'text input',
      filename: 'draft.txt',
      code: meeting(ONE, '2024年5月13日').replace(/\n\n/g, '\n'),
      errors: [{ messageId: 'late', line: 3, column: 5, endColumn: 15 }],
    },
    {
      name: 'traditional script',
      code: '# 關於召開全區安全生產工作會議的請示\n\n區政府：\n\n我局擬於2024年5月20日召開全區安全生產工作會議（一類會議），參會人員約350人。\n\n妥否，請批示。\n\n附件：會議建議方案\n\n區應急管理局\n\n2024年5月13日',
      errors: [
        { messageId: 'late', line: 5, column: 5, endColumn: 15 },
        { messageId: 'tooMany', line: 5, column: 39, endColumn: 42 },
        { messageId: 'missingAttachments', message: `一类会议请示应附会议建议方案、会议文件、讲话素材、基本情况等材料，缺少：会议文件、讲话素材、基本情况（依据 ${BASIS53}）`, line: 9, column: 1 },
      ],
    },
  ],
});
