import type { Cite, Rule } from '../engine/types.js';
import { draftDate, findDateMentions, formatYMD, isValidDate, WEEKDAY_NAMES, weekdayOf, writtenYearBefore, type YMD } from './lib/calendar.js';
import { citeShort, TIAOLI } from './lib/cites.js';
import { daysInMonth } from './lib/dates.js';

export const TIAOLI_20_4: Cite = {
  regulation: TIAOLI,
  article: '第二十条（四）',
  clause: '文种是否正确，格式是否规范；人名、地名、时间、数字、段落顺序、引文等是否准确；文字、数字、计量单位和标点符号等用法是否规范。',
  short: '条例 第二十条（四）',
};

export const JINGHAI_56_DATES: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十六条',
  clause: '要严格履行程序规定,严格规范文字表述,对资金、人员、日期等数据反复校准确认,确保真实准确。',
  short: '静海 第五十六条',
};

/**
 * Dates that cannot be right, anywhere in the text: a day the month does not have (2月30日, 4月31日, 2023年2月29日),
 * a month that does not exist (13月), and a weekday that disagrees with its date (2024年5月20日（星期二）).
 * How the 成文日期 is written (汉字 or 阿拉伯数字, 〇 or 零) is date-format's business, not this rule's.
 */
export const dateValidity: Rule = {
  meta: {
    id: 'date-validity',
    description: {
      zh: '日期必须真实存在，所注星期必须与日期相符',
      en: 'Dates must exist, and a weekday written with a date must match it',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_20_4],
    messages: {
      noSuchMonth: {
        zh: '日期“{{text}}”不存在：没有{{month}}月（依据 {{basis}}）',
        en: 'The date “{{text}}” does not exist: there is no month {{month}} (per {{basis}})',
      },
      noSuchDay: {
        zh: '日期“{{text}}”不存在：{{why}}（依据 {{basis}}）',
        en: 'The date “{{text}}” does not exist: {{whyEn}} (per {{basis}})',
      },
      weekday: {
        zh: '“{{text}}”星期不符：{{date}}是星期{{actual}}{{assumed}}（依据 {{basis}}）',
        en: '“{{text}}”: the weekday is wrong, {{date}} is a {{actualEn}}{{assumedEn}} (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '公文中的日期要经得起核对：不存在的日期（2月30日、4月31日、非闰年的2月29日）和与日期不符的星期，都说明日期写错了。未写年份的日期按同一段前文写明的年份、其次按成文日期的年份判断星期；按成文日期推定年份时，前后一年星期相符的不报。',
        en: 'Dates in an official document must check out: a day the month does not have, or a weekday that does not match, means the date is wrong. A date without a year takes the last year written before it in the paragraph, else the draft’s year; with an assumed year, a weekday that fits the year before or after is not reported.',
      },
      examples: {
        invalid: [{ code: '# 关于召开防汛工作会议的通知\n\n各街道：\n\n定于2024年2月30日召开防汛工作会议，5月20日（星期二）前报送名单。\n\n区水务局\n\n2024年1月15日' }],
        valid: [{ code: '# 关于召开防汛工作会议的通知\n\n各街道：\n\n定于2024年2月29日召开防汛工作会议，5月20日（星期一）前报送名单。\n\n区水务局\n\n2024年1月15日' }],
      },
    },
  },
  create(context) {
    const basis = context.cites.map(citeShort).join('、');
    const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    let docYear: number | undefined;
    return {
      document(doc) {
        docYear = draftDate(doc)?.y;
      },
      block(block) {
        const mentions = findDateMentions(block.data.norm);
        mentions.forEach((d, i) => {
          const text = block.data.text.slice(d.start, d.end);
          const span = { block, start: d.start, end: d.end };
          if (d.month < 1 || d.month > 12) {
            context.report({ messageId: 'noSuchMonth', ...span, data: { text, month: d.month, basis } });
            return;
          }
          // A year written in this paragraph decides 2月29日; one assumed from the draft's date does not.
          const written = d.year ?? writtenYearBefore(mentions, i);
          if (!isValidDate(written, d.month, d.day)) {
            const max = daysInMonth(written, d.month);
            const leap = d.month === 2 && d.day === 29 && written !== undefined;
            const why = leap ? `${written}年不是闰年，2月只有28天` : `${d.month}月只有${max}天`;
            const whyEn = leap ? `${written} is not a leap year, February has 28 days` : `month ${d.month} has ${max} days`;
            context.report({ messageId: 'noSuchDay', ...span, data: { text, why, whyEn, basis } });
            return;
          }
          if (!d.weekday) return;
          const year = written ?? docYear;
          if (year === undefined) return;
          const date: YMD = { y: year, m: d.month, d: d.day };
          const actual = weekdayOf(date);
          if (actual === d.weekday.value) return;
          if (written === undefined) {
            // The year is only assumed: a weekday that fits the year before or after may well be meant.
            const fits = [year - 1, year + 1].some((y) => isValidDate(y, d.month, d.day) && weekdayOf({ y, m: d.month, d: d.day }) === d.weekday!.value);
            if (fits) return;
          }
          context.report({
            messageId: 'weekday',
            block,
            start: d.start,
            end: d.weekday.end,
            data: {
              text: block.data.text.slice(d.start, d.weekday.end),
              date: formatYMD(date),
              actual: WEEKDAY_NAMES[actual]!,
              actualEn: WEEKDAY_EN[actual]!,
              assumed: written === undefined ? `（按成文日期推定为${year}年）` : '',
              assumedEn: written === undefined ? ` (year ${year} assumed from the draft’s date)` : '',
              basis,
            },
          });
        });
      },
    };
  },
};
