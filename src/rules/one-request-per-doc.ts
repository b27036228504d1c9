import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { findAsks, type Ask } from './lib/requests.js';
import { TIAOLI_15_4 } from './lib/cites.js';

/**
 * 一文一事: a 请示 asks for one matter. Asks in the same paragraph are read as one matter ("批准建设并给予资金
 * 支持"); the general closing (妥否，请批示) is not a matter. Asks under different 一级 headings or in separate
 * paragraphs are separate matters.
 */
export const oneRequestPerDoc: Rule = {
  meta: {
    id: 'one-request-per-doc',
    description: {
      zh: '请示应当一文一事：一份请示只请求一个事项',
      en: 'A 请示 asks for one matter only (一文一事)',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_15_4],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxMatters: { type: 'integer', minimum: 1 } },
    },
    defaultOptions: { maxMatters: 1 },
    messages: {
      another: {
        zh: '请示应当一文一事：此处另提请求“{{phrase}}”，与第 {{firstLine}} 行的“{{first}}”是不同事项，应分别行文',
        en: 'One matter per 请示: “{{phrase}}” is a second request besides “{{first}}” on line {{firstLine}}; send them separately',
      },
    },
    docs: {
      examples: {
        invalid: [
          {
            code: '# 关于建设档案馆和增加编制的请示\n\n市政府：\n\n一、恳请批准建设区档案馆。\n\n二、恳请增加事业编制5名。\n\n妥否，请批示。',
          },
        ],
        valid: [{ code: '# 关于建设档案馆的请示\n\n市政府：\n\n恳请批准建设区档案馆，并给予资金支持。\n\n妥否，请批示。' }],
      },
    },
  },
  create(context) {
    if (context.docType !== '请示') return {};
    const max = (context.options.maxMatters as number) ?? 1;
    const matters: { block: GwBlock; ask: Ask; section: number }[] = [];
    let section = 0;
    return {
      'role:正文'(block) {
        if (block.data.headingLevel === 1) section++;
        const asks = findAsks(block.data.norm).filter((a) => !a.closing);
        if (asks.length === 0) return;
        const prev = matters[matters.length - 1];
        // Same paragraph, or the same 一级 section continuing one request: one matter.
        if (prev && (prev.block === block || (prev.section === section && section > 0 && !block.data.headingLevel))) return;
        matters.push({ block, ask: asks[0]!, section });
      },
      'document:exit'() {
        if (matters.length <= max) return;
        const first = matters[0]!;
        for (const m of matters.slice(max)) {
          context.report({
            messageId: 'another',
            block: m.block,
            start: m.ask.start,
            end: m.ask.end,
            data: {
              phrase: m.block.data.text.slice(m.ask.start, m.ask.end),
              first: first.block.data.text.slice(first.ask.start, first.ask.end),
              firstLine: first.block.position.start.line,
            },
          });
        }
      },
    };
  },
};
