import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { TIAOLI_8 } from './lib/routing-cites.js';
import { before2012, closingBlock, findAsks, MAY_ASK } from './lib/requests.js';

/** A specific ask that can stand as a 请示's closing: it asks for a decision ("恳请市政府批准"). */
const DECIDING = /(批准|审批|批示|批复|审定|核准|同意|示复|核示|审示|批转|定夺|决定|核批)/;
/** Closings that belong to other 文种. */
const OTHER_CLOSING = /(特此报告|专此报告|特此函告|特此函复|特此通知|特此通报|特此公告|特此通告|此复)[。！]?\s*$/;

export const requestClosing: Rule = {
  meta: {
    id: 'request-closing',
    description: {
      zh: '请示以请求批示的结语收尾（妥否，请批示／当否，请批复）；报告以“特此报告”收尾，不用请示结语',
      en: 'A 请示 closes by asking for a decision (妥否，请批示 / 当否，请批复); a 报告 closes with 特此报告, never with a request closing',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_8],
    messages: {
      missing: {
        zh: '请示的结尾没有请求批示的结语：应在正文末尾写明“妥否，请批示”“当否，请批复”或“以上请示如无不妥，请批准”等',
        en: 'The 请示 does not close by asking for a decision: end the body with 妥否，请批示 / 当否，请批复 / 以上请示如无不妥，请批准',
      },
      wrongClosing: {
        zh: '请示以“{{phrase}}”收尾，这是{{kind}}的结语：请示应以“妥否，请批示”“当否，请批复”等请求批示的结语收尾',
        en: 'The 请示 closes with “{{phrase}}”, the closing of a {{kind}}: close with 妥否，请批示 / 当否，请批复',
      },
      reportClosing: {
        zh: '报告以请示的结语“{{phrase}}”收尾：报告不得请求批示，结语应为“特此报告”；需要上级批准的事项应另行请示',
        en: 'The 报告 closes with the request closing “{{phrase}}”: a 报告 asks for nothing — close with 特此报告 and send the request as a 请示',
      },
    },
    docs: {
      rationale: {
        zh: '请示是请求上级指示、批准的公文，结尾要明确提出请求，上级据此批复；报告只汇报工作、反映情况，结语为“特此报告”，用了“妥否，请批示”就成了夹带请示。正文没有任何请求事项的“请示”由 doc-type 报告（它更像报告）。2012年7月1日以前的呈转性报告（“如无不妥，请批转各地执行”）不报。',
        en: 'A 请示 must say what it asks, so the superior can reply; a 报告 closes with 特此报告 — a request closing turns it into a hidden 请示. A 请示 with no ask at all is reported by doc-type. Pre-2012 呈转性报告 closings are accepted.',
      },
      examples: {
        invalid: [
          { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n为保障执法工作，恳请批准购置执法车辆2辆，所需资金从本年度预算列支。\n\n特此报告。' },
          { code: '# 关于2024年防汛工作情况的报告\n\n市政府：\n\n今年汛期排查隐患点42处，已全部整改到位。\n\n妥否，请批示。' },
        ],
        valid: [
          { code: '# 关于购置执法车辆的请示\n\n市政府：\n\n为保障执法工作，恳请批准购置执法车辆2辆，所需资金从本年度预算列支。\n\n妥否，请批示。' },
          { code: '# 关于2024年防汛工作情况的报告\n\n市政府：\n\n今年汛期排查隐患点42处，已全部整改到位。\n\n特此报告。' },
        ],
      },
    },
  },
  create(context) {
    if (context.docType !== '请示' && context.docType !== '报告') return {};
    return {
      'document:exit'(doc) {
        const last = closingBlock(doc.children);
        if (!last) return;
        // Loaded only if a sentence needs reading word by word: "妥否，请批示。" alone never does.
        const segmenter = context.segmenter;
        if (context.docType === '报告') {
          for (const ask of findAsks(last.data.norm, { segmenter })) {
            if (!ask.closing) continue;
            if (ask.forward && before2012(doc)) continue;
            context.report({ messageId: 'reportClosing', block: last, start: ask.start, end: ask.end, data: { phrase: last.data.text.slice(ask.start, ask.end) } });
          }
          return;
        }
        const asks = findAsks(last.data.norm, { segmenter });
        if (asks.some((a) => a.closing || a.kind === 'present' || DECIDING.test(a.phrase))) return;
        // 请示: a body without any ask is doc-type's finding (it reads as a 报告).
        const body = doc.children.filter((b) => b.data.role === '正文');
        const anyAsk = asks.length > 0 || body.some((b) => MAY_ASK.test(b.data.norm) && findAsks(b.data.norm, { segmenter }).length > 0);
        if (!anyAsk) return;
        // "特此请示" or a deciding ask may sit one paragraph up when the last line is a short courtesy line.
        const prev = previousBody(body, last);
        if (prev && findAsks(prev.data.norm, { segmenter }).some((a) => a.closing) && last.data.norm.trim().length <= 12) return;
        const other = OTHER_CLOSING.exec(last.data.norm);
        if (other) {
          const kind = /报告/.test(other[1]!) ? '报告' : /函/.test(other[1]!) ? '函' : /复/.test(other[1]!) ? '批复' : other[1]!.slice(2);
          context.report({ messageId: 'wrongClosing', block: last, start: other.index, end: other.index + other[1]!.length, data: { phrase: other[1]!, kind } });
          return;
        }
        context.report({ messageId: 'missing', block: last });
      },
    };
  },
};

function previousBody(body: GwBlock[], last: GwBlock): GwBlock | undefined {
  const i = body.indexOf(last);
  return i > 0 ? body[i - 1] : undefined;
}
