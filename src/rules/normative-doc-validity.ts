import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { draftDate, epochDay, findDateMentions, formatYMD, isValidDate, type YMD } from './lib/calendar.js';
import { citeShort } from './lib/cites.js';
import { detectNormative } from './lib/normative.js';

export const HONGSHAN_20_VALIDITY: Cite = {
  regulation: '武汉市洪山区人民政府工作规则',
  article: '二十',
  clause: '區政府制定的規範性檔案,除具體實施法律、法規、規章的規範性檔案外,政府規範性檔案應按規定明確有效期,有效期最長不得超過5年。',
  short: '洪山 二十',
};

export const ZHIFU_19: Cite = {
  regulation: '烟台市芝罘区人民政府工作规则（烟芝政发〔2022〕2号）',
  article: '十九',
  clause: '并实行“三统一”(统一登记、统一编制登记号、统一公布)制度和有效期制度。',
  short: '芝罘 十九',
};

const CN_YEARS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** "有效期5年", "有效期为三年", "有效期两年", "有效期36个月". */
const SPAN = /有效期(?:为|是)?\s*(\d{1,3}|[一两二三四五六七八九十])\s*(年|个月)/;
/** "有效期至2029年6月30日", "有效期到…止". */
const UNTIL = /有效期(?:至|到|截至|截止到?)/;
/** "自2024年7月1日起施行", "自印发之日起施行". */
const FROM = /自([^，。；]{0,20}?)起(?:施行|实施|执行|生效)/;
const FOREVER = /长期有效|永久有效|有效期[^。；，]{0,4}(?:长期|不限)/;
const REGISTRATION = /(?:统一)?登记号\s*[:：]/;

interface Statement {
  block: GwBlock;
  start: number;
  end: number;
  /** Months, when the span can be read; Infinity for 长期有效. */
  months?: number;
  /** The last day, for "有效期至…". */
  until?: YMD;
  text: string;
}

function addMonths(x: YMD, months: number): YMD {
  const total = x.y * 12 + (x.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: Math.min(x.d, last) };
}

export const normativeDocValidity: Rule = {
  meta: {
    id: 'normative-doc-validity',
    description: {
      zh: '规范性文件应写明有效期（不超过规定年限），需要时标注统一登记号',
      en: 'A normative document (规范性文件) states its period of validity (within the limit) and, where required, its registration number',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [HONGSHAN_20_VALIDITY, ZHIFU_19],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxYears: { type: 'integer', minimum: 1, description: '有效期上限（年）；省略时只要求写明有效期' },
        requireRegistration: { type: 'boolean', description: '要求标注统一登记号（“三统一”）' },
        exemptImplementing: { type: 'boolean', description: '具体实施法律、法规、规章的规范性文件不要求有效期（洪山 二十）' },
      },
    },
    defaultOptions: { requireRegistration: false, exemptImplementing: false },
    messages: {
      noValidity: {
        zh: '规范性文件未写明有效期（{{why}}）：应明确有效期{{limit}}（依据 {{basis}}）',
        en: 'This normative document states no period of validity ({{why}}){{limit}} (per {{basis}})',
      },
      tooLong: {
        zh: '有效期“{{text}}”超过 {{max}} 年：规范性文件有效期最长不得超过 {{max}} 年（依据 {{basis}}）',
        en: 'The validity “{{text}}” exceeds {{max}} years (per {{basis}})',
      },
      noRegistration: {
        zh: '规范性文件未标注统一登记号（{{why}}）：应实行统一登记、统一编制登记号、统一公布（依据 {{basis}}）',
        en: 'This normative document has no registration number (统一登记号) ({{why}}) (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '洪山、芝罘等地对规范性文件实行有效期制度，洪山规定有效期最长不超过5年，芝罘另要求统一登记号。是否为规范性文件按：元数据声明（`规范性文件: 是`）、标题印发“……办法/规定/细则”、正文“本办法自……起施行”依次判断。有效期可写“有效期5年”“有效期至2029年6月30日”，后者从“自……起施行”的日期（无则成文日期）起算。',
        en: 'Hongshan and Zhifu run a validity-period system for normative documents (Hongshan: at most 5 years; Zhifu also requires a registration number). A draft counts as normative when it says so in its metadata, when its title issues a rule text (…办法/规定/细则), or when its body has “本办法自……起施行”.',
      },
      examples: {
        invalid: [{ code: '# 关于印发《洪山区停车管理办法》的通知\n\n各街道：\n\n现将《洪山区停车管理办法》印发给你们，请认真执行。\n\n本办法自2024年7月1日起施行。\n\n区城管局\n\n2024年6月1日' }],
        valid: [{ code: '# 关于印发《洪山区停车管理办法》的通知\n\n各街道：\n\n现将《洪山区停车管理办法》印发给你们，请认真执行。\n\n本办法自2024年7月1日起施行，有效期5年。\n\n区城管局\n\n2024年6月1日' }],
      },
    },
  },
  create(context) {
    const o = context.options as { maxYears?: number; requireRegistration?: boolean; exemptImplementing?: boolean };
    const basis = context.cites.map(citeShort).join('、');
    return {
      'document:exit'(doc) {
        const n = detectNormative(doc);
        if (!n.value) return;
        const title = doc.children.find((b) => b.data.role === '标题') ?? doc.children[0];
        const at = title ? { block: title } : {};
        const docDate = draftDate(doc);
        let statement: Statement | undefined;
        let effective: YMD | undefined;
        for (const b of doc.children) {
          const t = b.data.norm;
          const f = FROM.exec(t);
          if (f && !effective) {
            const d = findDateMentions(f[1]!).find((x) => x.year !== undefined && isValidDate(x.year, x.month, x.day));
            if (d) effective = { y: d.year!, m: d.month, d: d.day };
          }
          if (statement) continue;
          const forever = FOREVER.exec(t);
          if (forever) {
            statement = { block: b, start: forever.index, end: forever.index + forever[0].length, months: Infinity, text: b.data.text.slice(forever.index, forever.index + forever[0].length) };
            continue;
          }
          const s = SPAN.exec(t);
          if (s) {
            const k = /^\d+$/.test(s[1]!) ? Number(s[1]) : CN_YEARS[s[1]!]!;
            statement = { block: b, start: s.index, end: s.index + s[0].length, months: s[2] === '年' ? k * 12 : k, text: b.data.text.slice(s.index, s.index + s[0].length) };
            continue;
          }
          const u = UNTIL.exec(t);
          if (u) {
            const rest = t.slice(u.index);
            const d = findDateMentions(rest).find((x) => x.year !== undefined && isValidDate(x.year, x.month, x.day));
            const end = d ? u.index + d.end : u.index + u[0].length;
            statement = { block: b, start: u.index, end, text: b.data.text.slice(u.index, end) };
            if (d) statement.until = { y: d.year!, m: d.month, d: d.day };
          }
        }
        const exempt = o.exemptImplementing && n.implementing;
        if (!statement && !exempt) {
          const limit = o.maxYears ? (context.locale === 'en' ? ` (at most ${o.maxYears} years)` : `，最长不超过 ${o.maxYears} 年`) : '';
          context.report({ messageId: 'noValidity', ...at, data: { why: n.reason, limit, basis } });
        }
        if (statement && o.maxYears) {
          let over = statement.months !== undefined && statement.months > o.maxYears * 12;
          const until = statement.until;
          const start = effective ?? docDate;
          if (until && start) over = epochDay(until) > epochDay(addMonths(start, o.maxYears * 12));
          if (over) {
            context.report({
              messageId: 'tooLong',
              block: statement.block,
              start: statement.start,
              end: statement.end,
              data: { text: statement.text + (until && start ? `，自${formatYMD(start)}起` : ''), max: o.maxYears, basis },
            });
          }
        }
        if (o.requireRegistration && !doc.children.some((b) => REGISTRATION.test(b.data.norm))) {
          context.report({ messageId: 'noRegistration', ...at, data: { why: n.reason, basis } });
        }
      },
    };
  },
};
