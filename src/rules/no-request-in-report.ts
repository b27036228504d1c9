import type { Rule } from '../engine/types.js';
import { findAsks } from './lib/requests.js';
import { TIAOLI_15_4 } from './lib/cites.js';

export const noRequestInReport: Rule = {
  meta: {
    id: 'no-request-in-report',
    description: {
      zh: '报告中不得夹带请示事项：报告里请求上级批准、审批、拨款、转发的句子应改为另行请示',
      en: 'A 报告 must not carry requests: sentences asking the recipient to approve, fund or forward belong in a separate 请示',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_4],
    messages: {
      ask: {
        zh: '报告中夹带请示事项：“{{phrase}}”。请示事项应另行以请示行文，报告只陈述情况',
        en: 'A 报告 carries a request: “{{phrase}}”. Send the request as a separate 请示; a 报告 only reports',
      },
    },
    docs: {
      rationale: {
        zh: '报告是陈述性公文，上级对报告不作批复；夹带的请示事项得不到办理。只提及请示的句子（“严格执行重大事项请示报告制度”“经请示市政府同意”、引号或书名号里的文字）不算。',
        en: 'A 报告 gets no reply, so a request hidden in it is never handled. Sentences that only mention requesting (请示报告制度, 经请示…同意, quoted text) are not flagged.',
      },
      examples: {
        invalid: [{ code: '# 关于2024年工作情况的报告\n\n市政府：\n\n今年完成各项任务。恳请市政府给予资金支持。\n\n特此报告。' }],
        valid: [{ code: '# 关于2024年工作情况的报告\n\n市政府：\n\n我局严格执行重大事项请示报告制度，经请示市政府同意，启动了改造工程。\n\n特此报告。' }],
      },
    },
  },
  create(context) {
    if (context.docType !== '报告') return {};
    return {
      'role:正文'(block) {
        for (const ask of findAsks(block.data.norm)) {
          context.report({ messageId: 'ask', block, start: ask.start, end: ask.end, data: { phrase: block.data.text.slice(ask.start, ask.end) } });
        }
      },
    };
  },
};
