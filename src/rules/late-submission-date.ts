import type { Cite, Rule } from '../engine/types.js';
import { sentences } from '../structure/patterns.js';
import { draftDate, epochDay, findDateMentions, formatYMD, isValidDate, resolveYear, type YMD } from './lib/calendar.js';
import { citeShort } from './lib/cites.js';

export const JINGHAI_56_LATE: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十六条',
  clause: '如收文时间离上报时间较近,要第一时间向上级部门请示沟通,积极争取缓报,并在请示件中明确具体上报时间;',
  short: '静海 第五十六条',
};

/** Asking to submit later: 缓报, 延期报送, 推迟上报, 暂缓报送 … */
const DEFER = /缓报|(?:延期|推迟|延后|暂缓|延迟|推后)(?:至[^，。；]{0,12})?(?:报送|上报|提交|报告|报)|晚报/;
/** A month's end is a concrete day too: "6月底前", "6月末". */
const MONTH_END = /(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:底|末)/;
/** Words that promise a time without giving one. */
const VAGUE = /尽快|近期|适时|另行|稍后|随后|待[^，。；]{1,12}后|择期|尽早/;

export const lateSubmissionDate: Rule = {
  meta: {
    id: 'late-submission-date',
    description: {
      zh: '请示申请缓报的，应写明具体上报时间，且该时间晚于成文日期',
      en: 'A 请示 asking to submit late (缓报) states the concrete date it will submit, after the draft’s own date',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [JINGHAI_56_LATE],
    messages: {
      noDate: {
        zh: '申请缓报但未写明具体上报时间{{vague}}：应在请示中明确上报日期（如“于2024年6月28日前报送”；依据 {{basis}}）',
        en: 'Asks to submit late without a concrete date{{vague}}: state the date (e.g. “于2024年6月28日前报送”; per {{basis}})',
      },
      notAfter: {
        zh: '缓报后的上报时间{{date}}不晚于成文日期{{docDate}}：请核对日期（依据 {{basis}}）',
        en: 'The deferred date {{date}} is not after the draft’s date {{docDate}} (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '静海区允许来不及办理的公文争取缓报，但要求在请示件中明确具体上报时间。“尽快”“近期”“另行报送”不是具体时间；写到日（或“6月底前”）才算。',
        en: 'Jinghai lets a unit ask for more time, but the 请示 must name the date it will submit. “尽快” or “另行报送” is not a date; a day (or a month’s end) is.',
      },
      examples: {
        invalid: [{ code: '# 关于申请缓报2024年统计年报的请示\n\n区政府：\n\n因基础数据尚未汇总完毕，我局申请缓报2024年统计年报，将尽快报送。\n\n妥否，请批示。\n\n区统计局\n\n2024年3月1日' }],
        valid: [{ code: '# 关于申请缓报2024年统计年报的请示\n\n区政府：\n\n因基础数据尚未汇总完毕，我局申请缓报2024年统计年报，于2024年3月15日前报送。\n\n妥否，请批示。\n\n区统计局\n\n2024年3月1日' }],
      },
    },
  },
  create(context) {
    if (context.docType !== '请示') return {};
    const basis = context.cites.map(citeShort).join('、');
    let docDate: YMD | undefined;
    return {
      document(doc) {
        docDate = draftDate(doc);
      },
      'role:正文'(block) {
        const t = block.data.norm;
        const m = DEFER.exec(t);
        if (!m) return;
        // The date may be in the same sentence or the ones after it in the paragraph.
        const sents = sentences(t);
        const from = sents.findIndex(([s, e]) => m.index >= s && m.index < e);
        const scope = t.slice(sents[Math.max(0, from)]?.[0] ?? 0);
        const offset = t.length - scope.length;
        const dates = findDateMentions(scope).filter((d) => isValidDate(d.year, d.month, d.day));
        if (dates.length === 0 && !MONTH_END.test(scope)) {
          const v = VAGUE.exec(scope);
          context.report({
            messageId: 'noDate',
            block,
            start: m.index,
            end: m.index + m[0].length,
            data: { basis, vague: v ? (context.locale === 'en' ? ` (“${v[0]}” is not one)` : `（“${v[0]}”不是具体时间）`) : '' },
          });
          return;
        }
        const d = dates[0];
        if (d && docDate) {
          const when: YMD = d.year !== undefined ? { y: d.year, m: d.month, d: d.day } : resolveYear(d.month, d.day, docDate);
          if (epochDay(when) <= epochDay(docDate)) {
            context.report({
              messageId: 'notAfter',
              block,
              start: offset + d.start,
              end: offset + d.end,
              data: { date: formatYMD(when), docDate: formatYMD(docDate), basis },
            });
          }
        }
      },
    };
  },
};
