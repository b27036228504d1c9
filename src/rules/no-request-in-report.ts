import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { before2012, closingBlock, findAsks, MAY_ASK } from './lib/requests.js';
import { TIAOLI_15_4 } from './lib/cites.js';
import { ZHIFU_54_REQUESTS } from './lib/routing-cites.js';

/**
 * 报告中不得夹带请示事项. A request closing in a 报告's last paragraph ("妥否，请批示") is request-closing's finding,
 * so that one mistake gives one message; every other ask in the body is reported here.
 */
export const noRequestInReport: Rule = {
  meta: {
    id: 'no-request-in-report',
    description: {
      zh: '报告中不得夹带请示事项：报告里请求上级批准、审批、拨款、协调、转发的句子应改为另行请示',
      en: 'A 报告 must not carry requests: sentences asking the recipient to approve, fund, coordinate or forward belong in a separate 请示',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_4, ZHIFU_54_REQUESTS],
    messages: {
      ask: {
        zh: '报告中夹带请示事项：“{{phrase}}”。请示事项应另行以请示行文，报告只汇报工作、反映情况',
        en: 'A 报告 carries a request: “{{phrase}}”. Send the request as a separate 请示; a 报告 only reports',
      },
    },
    docs: {
      rationale: {
        zh: '报告是陈述性公文，上级对报告一般只阅知、不作批复，夹带在报告里的请示事项得不到办理。只提及请示的句子不算：制度名称（“严格执行重大事项请示报告制度”）、已经发生的事（“经请示市政府同意”“已报请市政府批准”）、否定（“未经批准不得开工”）、规定的陈述（“新增简报需请示区政府批准”）、条件（“待市政府批准后实施”）、对下级的要求（“请各街道认真落实”）、礼貌用语（“恳请批评指正”“请予审议”），以及引号、书名号里的文字。2012年7月1日《条例》施行以前的呈转性报告（“以上意见如无不妥，请批转各地执行”）按当时的做法不报。报告末段的请示结语（“妥否，请批示”）由 request-closing 报告。',
        en: 'A 报告 gets no reply, so a request hidden in it is never handled. Sentences that only mention requesting are not flagged: institutions (请示报告制度), the past (经请示…同意, 已报请…批准), negation, stated rules (需请示…批准), conditions (待…批准后), instructions downward (请各街道…), courtesy (恳请批评指正, 请予审议) and quoted text. Pre-2012 呈转性报告 wording is accepted. A request closing in the last paragraph is reported by request-closing.',
      },
      examples: {
        invalid: [{ code: '# 关于2024年城区防汛工作情况的报告\n\n市政府：\n\n今年汛期排查隐患点42处，已全部整改。部分泵站设备老化，恳请市政府给予专项资金支持。\n\n特此报告。' }],
        valid: [
          {
            code: '# 关于2024年城区防汛工作情况的报告\n\n市政府：\n\n我局严格执行重大事项请示报告制度，经请示市政府同意，于6月启动泵站改造，改造资金已报请市政府批准。\n\n特此报告。',
          },
        ],
      },
    },
  },
  create(context) {
    if (context.docType !== '报告') return {};
    const blocks: GwBlock[] = [];
    return {
      'role:正文'(block) {
        // Only paragraphs that could ask pay for the segmenter.
        if (MAY_ASK.test(block.data.norm)) blocks.push(block);
      },
      'document:exit'(doc) {
        if (blocks.length === 0) return;
        const segmenter = context.segmenter;
        const old = before2012(doc);
        const last = closingBlock(doc.children);
        for (const block of blocks) {
          for (const ask of findAsks(block.data.norm, { segmenter })) {
            if (ask.closing && block === last) continue;
            if (old && ask.forward) continue;
            context.report({ messageId: 'ask', block, start: ask.start, end: ask.end, data: { phrase: block.data.text.slice(ask.start, ask.end) } });
          }
        }
      },
    };
  },
};
