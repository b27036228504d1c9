import type { Rule } from '../engine/types.js';
import { type DateMatch, dayNumber, findDates, impossible, parseIsoDay } from './lib/dates.js';
import { GBT_7_3_5_4, GBT_7_4_3 } from './lib/element-cites.js';

/** GB/T 9704-2012 took effect on 2012-07-01; before it, GB/T 9704-1999 wanted 成文日期 in Chinese numerals. */
const DEFAULT_ARABIC_FROM = '2012-07-01';

/** Roles whose date GB/T 9704 formats, and what the message calls them. */
const FORMATTED: Record<string, string> = { 成文日期: '成文日期', 印发机关和印发日期: '印发日期' };

function arabic(d: DateMatch): string {
  return `${d.year!.value}年${d.month.value}月${d.day.value}日`;
}

export const dateFormat: Rule = {
  meta: {
    id: 'date-format',
    description: {
      zh: '成文日期、印发日期用阿拉伯数字标全年月日，不编虚位（2012年7月1日以前的公文可用汉字）',
      en: 'The date of issue and the printing date use Arabic numerals without leading zeros (Chinese numerals before 2012-07-01)',
    },
    severity: 'error',
    recommended: true,
    fixable: true,
    cites: [GBT_7_3_5_4, GBT_7_4_3],
    schema: {
      type: 'object',
      properties: {
        arabicFrom: {
          type: 'string',
          pattern: '^\\d{4}-\\d{1,2}-\\d{1,2}$',
          description: '从该日期（含）起成文的公文，成文日期须用阿拉伯数字；此前的可用汉字（GB/T 9704-1999）',
        },
      },
      additionalProperties: false,
    },
    defaultOptions: { arabicFrom: DEFAULT_ARABIC_FROM },
    messages: {
      chinese: {
        zh: '{{what}}应用阿拉伯数字标注：“{{found}}”应写作“{{expected}}”',
        en: 'The {{what}} is written in Arabic numerals: “{{found}}” should be “{{expected}}”',
      },
      leadingZero: {
        zh: '{{what}}中的月、日不编虚位（1不编为01）：“{{found}}”应写作“{{expected}}”',
        en: 'No leading zeros in the {{what}}: “{{found}}” should be “{{expected}}”',
      },
    },
    docs: {
      rationale: {
        zh: 'GB/T 9704-2012 自2012年7月1日起实施，要求成文日期用阿拉伯数字（2014年9月20日）。此前的 GB/T 9704-1999 要求用汉字（一九九七年一月二十日），所以成文日期早于2012年7月1日的公文用汉字日期是对的：本规则按成文日期本身判断公文所处的年代，只对此后的汉字日期报错（可用 arabicFrom 选项调整）。汉字日期可自动改为阿拉伯数字，虚位可自动删去。日期是否真实存在（如“2月30日”）由 date-validity 检查。',
        en: 'GB/T 9704-2012 (in force from 2012-07-01) wants Arabic numerals; its 1999 predecessor wanted Chinese numerals, so a document dated before 2012-07-01 rightly writes 一九九七年一月二十日. The rule judges a document’s era by its own date and only flags Chinese numerals from then on (option arabicFrom). Whether a date exists is date-validity’s business.',
      },
      examples: {
        invalid: [
          { code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区防汛办\n\n二〇一四年九月二十日' },
          { code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区防汛办\n\n2024年02月01日' },
        ],
        valid: [
          { code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区防汛办\n\n2014年9月20日' },
          { code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区防汛办\n\n一九九七年一月二十日' },
        ],
      },
    },
  },
  create(context) {
    const from = parseIsoDay(String(context.options.arabicFrom ?? DEFAULT_ARABIC_FROM)) ?? parseIsoDay(DEFAULT_ARABIC_FROM)!;
    return {
      block(block) {
        const what = FORMATTED[block.data.role ?? ''];
        const { text } = block.data;
        if (!what) return;
        for (const d of findDates(block.data.norm, { requireYear: true })) {
          // A date that cannot exist is date-validity's to report; rewriting its digits would hide nothing.
          if (impossible({ year: d.year!.value, month: d.month.value, day: d.day.value })) continue;
          const found = text.slice(d.start, d.end);
          // The structure pass only takes a line with a full year for a 成文日期 or 印发日期.
          const year = d.year!;
          if (year.text.length !== 4) continue;
          if (d.kind !== 'arabic') {
            // A document of the 1999 standard's time rightly wrote its date in Chinese numerals.
            if (dayNumber(year.value, d.month.value, d.day.value) < from) continue;
            const expected = arabic(d);
            context.report({ messageId: 'chinese', block, start: d.start, end: d.end, data: { what, found, expected }, fix: { text: expected } });
            continue;
          }
          if (/^0/.test(d.month.text) || /^0/.test(d.day.text)) {
            // Rebuild from the draft's own text, dropping only the zeros (keeps its spacing and script).
            const expected =
              text.slice(d.start, d.month.start) +
              d.month.text.replace(/^0/, '') +
              text.slice(d.month.end, d.day.start) +
              d.day.text.replace(/^0/, '') +
              text.slice(d.day.end, d.end);
            context.report({ messageId: 'leadingZero', block, start: d.start, end: d.end, data: { what, found, expected }, fix: { text: expected } });
          }
        }
      },
    };
  },
};
