import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock, GwDocument } from '../model/types.js';
import { sentences } from '../structure/patterns.js';
import { basisOf } from './lib/basis.js';
import { draftDate, epochDay, findDateMentions, formatYMD, fromEpochDay, isValidDate, resolveYear, type YMD } from './lib/calendar.js';
import { daysBetween, uncertaintyNote, workingDaysBefore, workingDaysBetween } from './lib/workdays.js';

export const JINGHAI_53: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十三条',
  clause: '一类、二类会议召开前,牵头单位应提前10个工作日向区政府报送请示,附会议建议方案、会议文件、讲话素材、基本情况等相关材料。',
  short: '静海 第五十三条',
};

export const JINGHAI_54: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十四条',
  clause: '一类、二类会议规模分别不得超过300人、190人,不安排工作关联度不高的领导同志和单位参会,杜绝陪会现象。',
  short: '静海 第五十四条',
};

interface Lead {
  days: number;
  /** Working days (工作日), counted with the public-holiday calendar; else calendar days. */
  working: boolean;
}

interface ClassifiedCheck {
  kind: 'classified';
  article?: string;
  /** Meeting classes and their size caps: { "一类会议": { "maxAttendance": 300 } }. */
  classes: Record<string, { maxAttendance?: number }>;
  lead?: Lead;
  /** Materials the 请示 attaches; "名称|别名|别名". */
  attachments?: string[];
  /** Articles for the parts, when they rest on different clauses: { lead, attachments, attendance }. */
  articles?: { lead?: string; attachments?: string; attendance?: string };
}

interface TopicCheck {
  kind: 'topic';
  article?: string;
  /** Meetings a topic is put to: 常务会议, 区长专题会议 … */
  meetings: string[];
  lead: Lead;
}

interface InvitationCheck {
  kind: 'invitation';
  article?: string;
  /** Only invitations to 外事 events (通州 六十五). */
  foreign?: boolean;
  lead: Lead;
}

interface PlanCheck {
  kind: 'plan';
  article?: string;
  /** What an annual meeting plan lists; "名称|别名|别名". */
  items: string[];
}

type Check = ClassifiedCheck | TopicCheck | InvitationCheck | PlanCheck;

const LEAD_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['days', 'working'],
  properties: { days: { type: 'integer', minimum: 1 }, working: { type: 'boolean' } },
};

const HOLD = /召开|举办|举行|开幕|开展|会议时间|活动时间|时间[:：]/;
const WHEN = /拟于|定于|计划于|将于|拟定于|预计于/;
const MEETING_REQUEST = /(?:召开|举办|举行)[^。；，]{0,30}?(?:会议|大会|座谈会|推进会|培训会|调度会|部署会|动员会|论坛)/;
const ONE_OR_TWO = /(一类|二类)会议/;
const IN_GOV_NAME = /以区(?:政府|人民政府)名义(?:召开|举办)/;
const LEADER_ATTENDS = /(?:区政府(?:主要)?领导(?:同志)?|区长|副区长|常务副区长)[^。；]{0,12}?(?:出席|参加|讲话|到会)/;
const DISTRICT_WIDE = /全区(?:性)?[^。；]{0,24}?(?:会议|大会)/;
const ATTENDANCE = [
  /(?:参会|与会|参加会议|出席|会议规模|规模)[^。；，\d]{0,10}?(?:约|共|为|控制在|不超过|拟定)?\s*(\d{1,5})\s*(?:人|名)/g,
  /(\d{1,5})\s*(?:人|名)(?:左右)?(?:参加|参会|出席|与会)/g,
];
const INVITE = /邀请[^。；]{0,30}?(?:常务副区长|副区长|区长|区政府(?:主要)?领导(?:同志)?|区领导|区政府负责同志|局领导|局长)[^。；]{0,24}?(?:出席|参加|莅临|到会|讲话|致辞)/;
const EVENT = /召开|举办|举行|开幕|开展|接待|会见|访问|仪式|活动|会议时间|活动时间|时间[:：]/;
const FOREIGN = /外事|外宾|外国|国外|境外|涉外|驻华|国际(?:会议|组织|友城|友好)|代表团|使馆|领事/;

const DEFAULT_ALIASES: Record<string, string[]> = {
  会议建议方案: ['会议建议方案', '会议方案', '建议方案'],
  会议文件: ['会议文件', '会议材料'],
  讲话素材: ['讲话素材', '讲话稿', '讲话材料', '讲话提纲'],
  基本情况: ['基本情况', '情况说明'],
};

function aliases(item: string): { name: string; words: string[] } {
  const parts = item.split('|').map((s) => s.trim()).filter(Boolean);
  const name = parts[0]!;
  return { name, words: parts.length > 1 ? parts : DEFAULT_ALIASES[name] ?? [name] };
}

interface EventDate {
  date: YMD;
  block: GwBlock;
  start: number;
  end: number;
}

/** The date of the meeting or event: the first date in a sentence that says it will be held (拟于…召开). */
function eventDate(doc: GwDocument, ref: YMD, near: RegExp = HOLD): EventDate | undefined {
  let fallback: EventDate | undefined;
  for (const b of doc.children) {
    if (b.data.role !== '正文') continue;
    const t = b.data.norm;
    for (const [s, e] of sentences(t)) {
      const sent = t.slice(s, e);
      if (!near.test(sent)) continue;
      const d = findDateMentions(sent).find((x) => isValidDate(x.year, x.month, x.day));
      if (!d) continue;
      const date = d.year !== undefined ? { y: d.year, m: d.month, d: d.day } : resolveYear(d.month, d.day, ref);
      const hit = { date, block: b, start: s + d.start, end: s + d.end };
      if (WHEN.test(sent)) return hit;
      fallback ??= hit;
    }
  }
  return fallback;
}

export const meetingRequest: Rule = {
  meta: {
    id: 'meeting-request',
    description: {
      zh: '会议和活动请示：按规定提前报送（工作日按法定节假日和调休计算），附齐所需材料，会议规模不超过上限；年度会议计划列明规定事项',
      en: 'Meeting and event requests: sent the required (working) days ahead, with the required materials, within the attendance cap; annual meeting plans list the required items',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [JINGHAI_53, JINGHAI_54],
    schema: {
      type: 'object',
      additionalProperties: false,
      required: ['checks'],
      properties: {
        checks: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['kind'],
            properties: {
              kind: { enum: ['classified', 'topic', 'invitation', 'plan'] },
              article: { type: 'string' },
              classes: {
                type: 'object',
                additionalProperties: { type: 'object', additionalProperties: false, properties: { maxAttendance: { type: 'integer', minimum: 1 } } },
              },
              lead: LEAD_SCHEMA,
              attachments: { type: 'array', items: { type: 'string' } },
              articles: {
                type: 'object',
                additionalProperties: false,
                properties: { lead: { type: 'string' }, attachments: { type: 'string' }, attendance: { type: 'string' } },
              },
              meetings: { type: 'array', items: { type: 'string' }, minItems: 1 },
              foreign: { type: 'boolean' },
              items: { type: 'array', items: { type: 'string' }, minItems: 1 },
            },
            allOf: [
              { if: { properties: { kind: { const: 'classified' } } }, then: { required: ['classes'] } },
              { if: { properties: { kind: { const: 'topic' } } }, then: { required: ['meetings', 'lead'] } },
              { if: { properties: { kind: { const: 'invitation' } } }, then: { required: ['lead'] } },
              { if: { properties: { kind: { const: 'plan' } } }, then: { required: ['items'] } },
            ],
          },
        },
      },
    },
    defaultOptions: {
      checks: [
        {
          kind: 'classified',
          classes: { 一类会议: { maxAttendance: 300 }, 二类会议: { maxAttendance: 190 } },
          lead: { days: 10, working: true },
          attachments: ['会议建议方案', '会议文件', '讲话素材', '基本情况'],
          articles: { lead: '第五十三条', attachments: '第五十三条', attendance: '第五十四条' },
        },
      ],
    },
    messages: {
      late: {
        zh: '{{what}}应提前{{need}}报送：成文日期{{docDate}}距{{event}}{{eventDate}}仅{{have}}，最迟应于{{latest}}报送{{note}}（依据 {{basis}}）',
        en: '{{whatEn}} must be sent {{needEn}} ahead: dated {{docDate}}, only {{haveEn}} before the {{eventEn}} on {{eventDate}}; send by {{latest}}{{note}} (per {{basis}})',
      },
      notBefore: {
        zh: '成文日期{{docDate}}不早于{{event}}{{eventDate}}：{{what}}应提前{{need}}报送（依据 {{basis}}）',
        en: 'Dated {{docDate}}, not before the {{eventEn}} on {{eventDate}}: {{whatEn}} must be sent {{needEn}} ahead (per {{basis}})',
      },
      missingAttachments: {
        zh: '{{cls}}请示应附{{all}}等材料，缺少：{{missing}}（依据 {{basis}}）',
        en: 'A 请示 for a {{cls}} attaches {{all}}; missing: {{missing}} (per {{basis}})',
      },
      tooMany: {
        zh: '{{cls}}规模不得超过 {{max}} 人，此处为 {{count}} 人（依据 {{basis}}）',
        en: 'A {{cls}} may have at most {{max}} attendees; this one has {{count}} (per {{basis}})',
      },
      planMissing: {
        zh: '年度会议计划应列明{{all}}，缺少：{{missing}}（依据 {{basis}}）',
        en: 'An annual meeting plan lists {{all}}; missing: {{missing}} (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '各地工作规则对会议和活动请示规定了报送时限和内容。静海区一类、二类会议请示须提前10个工作日报送并附会议建议方案、会议文件、讲话素材、基本情况，规模分别不超过300人、190人；通州、芝罘、洪山对提请常务会议的议题和邀请区领导的请示也规定了提前天数。工作日按 rules/data/holidays.json（国务院办公厅历年节假日安排通知）计算：周一至周五除去放假日，加上调休上班日；“提前N个工作日”指成文日期（含）至会议日期（不含）之间至少有N个工作日。会议日期取正文中“拟于……召开”等句子里的日期，未写年份时按成文日期推定。',
        en: 'Work rules set how early meeting and event requests go and what they carry. Working days come from rules/data/holidays.json (the State Council General Office holiday notices): Monday–Friday minus holidays, plus the weekend days worked instead. “N working days ahead” means at least N working days from the draft’s date (inclusive) to the meeting (exclusive).',
      },
      examples: {
        invalid: [
          {
            code: '# 关于召开全区安全生产工作会议的请示\n\n区政府：\n\n我局拟于2024年5月20日召开全区安全生产工作会议（一类会议），参会人员约350人。\n\n妥否，请批示。\n\n附件：会议建议方案\n\n区应急管理局\n\n2024年5月13日',
          },
        ],
        valid: [
          {
            code: '# 关于召开全区安全生产工作会议的请示\n\n区政府：\n\n我局拟于2024年5月20日召开全区安全生产工作会议（一类会议），参会人员约200人。\n\n妥否，请批示。\n\n附件：1.会议建议方案\n2.会议文件\n3.讲话素材\n4.基本情况\n\n区应急管理局\n\n2024年4月30日',
          },
        ],
      },
    },
  },
  create(context) {
    const checks = (context.options.checks as Check[] | undefined) ?? [];
    const needText = (l: Lead): [string, string] => [l.working ? `${l.days}个工作日` : `${l.days}天`, l.working ? `${l.days} working days` : `${l.days} days`];

    return {
      'document:exit'(doc) {
        const blocks = doc.children;
        const body = blocks.filter((b) => b.data.role === '正文');
        const title = blocks.filter((b) => b.data.role === '标题').map((b) => b.data.norm).join('');
        const bodyText = body.map((b) => b.data.norm).join('\n');
        const all = blocks.map((b) => b.data.norm).join('\n');
        const docDate = draftDate(doc);
        const titleBlock = blocks.find((b) => b.data.role === '标题') ?? blocks[0];

        const checkLead = (what: [string, string], event: string, eventEn: string, lead: Lead, ev: EventDate | undefined, article: string | undefined): void => {
          if (!docDate || !ev) return;
          const basis = basisOf(context.cites, article);
          const [need, needEn] = needText(lead);
          const at = { block: ev.block, start: ev.start, end: ev.end };
          const common = { what: what[0], whatEn: what[1], event, eventEn, need, needEn, docDate: formatYMD(docDate), eventDate: formatYMD(ev.date), basis };
          if (epochDay(ev.date) <= epochDay(docDate)) {
            context.report({ messageId: 'notBefore', ...at, data: common });
            return;
          }
          let have: number;
          let latest: YMD;
          let note = '';
          if (lead.working) {
            const c = workingDaysBetween(docDate, ev.date);
            have = c.count;
            latest = workingDaysBefore(ev.date, lead.days);
            note = uncertaintyNote(c.uncertainYears, context.locale);
          } else {
            have = daysBetween(docDate, ev.date);
            latest = fromEpochDay(epochDay(ev.date) - lead.days);
          }
          if (have >= lead.days) return;
          context.report({
            messageId: 'late',
            ...at,
            data: {
              ...common,
              have: lead.working ? ` ${have} 个工作日` : ` ${have} 天`,
              haveEn: lead.working ? `${have} working days` : `${have} days`,
              latest: formatYMD(latest),
              note,
            },
          });
        };

        for (const check of checks) {
          if (check.kind === 'classified') {
            if (context.docType !== '请示' || !(MEETING_REQUEST.test(title) || MEETING_REQUEST.test(bodyText))) continue;
            const names = Object.keys(check.classes);
            let cls = ONE_OR_TWO.exec(all)?.[0];
            if (!cls && IN_GOV_NAME.test(all)) cls = '一类会议';
            else if (!cls && DISTRICT_WIDE.test(all) && LEADER_ATTENDS.test(all)) cls = '二类会议';
            if (!cls || !names.includes(cls)) continue;
            const articles = check.articles ?? {};
            if (check.lead) {
              checkLead([`${cls}请示`, `A 请示 for a ${cls}`], '会议召开日期', 'meeting', check.lead, docDate ? eventDate(doc, docDate) : undefined, articles.lead ?? check.article);
            }
            if (check.attachments?.length) {
              const pool = blocks
                .filter((b) => b.data.role === '附件说明' || b.data.role === '附件' || (b.data.role === '正文' && /附/.test(b.data.norm)))
                .map((b) => b.data.norm)
                .join('\n');
              const items = check.attachments.map(aliases);
              const missing = items.filter((i) => !i.words.some((w) => pool.includes(w))).map((i) => i.name);
              if (missing.length) {
                const note = blocks.find((b) => b.data.role === '附件说明') ?? [...body].pop() ?? titleBlock;
                context.report({
                  messageId: 'missingAttachments',
                  ...(note ? { block: note } : {}),
                  data: { cls, all: items.map((i) => i.name).join('、'), missing: missing.join('、'), basis: basisOf(context.cites, articles.attachments ?? check.article) },
                });
              }
            }
            const max = check.classes[cls]?.maxAttendance;
            if (max) {
              for (const b of body) {
                for (const re of ATTENDANCE) {
                  re.lastIndex = 0;
                  for (let m = re.exec(b.data.norm); m; m = re.exec(b.data.norm)) {
                    const count = Number(m[1]);
                    if (count <= max) continue;
                    const start = m.index + m[0].lastIndexOf(m[1]!);
                    context.report({
                      messageId: 'tooMany',
                      block: b,
                      start,
                      end: start + m[1]!.length,
                      data: { cls, max, count, basis: basisOf(context.cites, articles.attendance ?? check.article) },
                    });
                  }
                }
              }
            }
          } else if (check.kind === 'topic') {
            if (context.docType !== '请示' || !docDate) continue;
            const meetings = check.meetings.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
            const topic = new RegExp(`提请[^。；]{0,24}?(?:${meetings})[^。；]{0,12}?(?:审议|研究|讨论|审定)`);
            if (!topic.test(title) && !topic.test(bodyText)) continue;
            const ev = eventDate(doc, docDate, new RegExp(`(?:${meetings})`));
            checkLead(['提请会议研究的议题材料', 'A topic for the meeting'], '会议日期', 'meeting', check.lead, ev, check.article);
          } else if (check.kind === 'invitation') {
            if ((context.docType !== '请示' && context.docType !== '函') || !docDate) continue;
            if (!INVITE.test(all)) continue;
            if (check.foreign && !FOREIGN.test(all)) continue;
            const ev = eventDate(doc, docDate, EVENT);
            const what: [string, string] = check.foreign
              ? ['邀请区领导出席外事活动的请示', 'An invitation to a foreign-affairs event']
              : ['邀请区领导参加活动的请示', 'An invitation to a district leader'];
            checkLead(what, '活动日期', 'event', check.lead, ev, check.article);
          } else if (check.kind === 'plan') {
            if (!/会议计划/.test(title)) continue;
            const items = check.items.map(aliases);
            const missing = items.filter((i) => !i.words.some((w) => all.includes(w))).map((i) => i.name);
            if (missing.length) {
              context.report({
                messageId: 'planMissing',
                ...(titleBlock ? { block: titleBlock } : {}),
                data: { all: items.map((i) => i.name).join('、'), missing: missing.join('、'), basis: basisOf(context.cites, check.article) },
              });
            }
          }
        }
      },
    };
  },
};
