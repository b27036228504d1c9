import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { citeShort } from './lib/cites.js';

export const TONGZHOU_23: Cite = {
  regulation: '北京市通州区人民政府工作规则（通政发〔2022〕1号）',
  article: '二十三',
  clause: '区政府各部门拟制公文时,要明确主动公开、依申请公开、不予公开等属性,拟不公开的,要依法依规说明理由。',
  short: '通州 二十三',
};

type Attr = '主动公开' | '依申请公开' | '不予公开';

/** How drafts state it: "（此件主动公开）", "（此件公开发布）", "公开方式：依申请公开", "信息公开选项：不予公开". */
const NOTE = /^[（(]?\s*(?:此件|本件|本文件|本文)\s*(主动公开|依申请公开|不予公开|不公开|免予公开|公开发布)/;
const LABEL = /(?:信息)?公开(?:方式|属性|类型|选项)\s*[:：]\s*(主动公开|依申请公开|不予公开|不公开|免予公开)/;
const REASON_LABEL = /(?:不予公开|不公开|免予公开)(?:的)?(?:理由|原因|依据)\s*[:：]\s*[^\s）)]{2,}/;

function attrOf(word: string): Attr {
  if (word === '主动公开' || word === '公开发布') return '主动公开';
  if (word === '依申请公开') return '依申请公开';
  return '不予公开';
}

interface Found {
  block: GwBlock;
  start: number;
  end: number;
  attr: Attr;
  /** What follows the attribute in the same line: a reason when it says why. */
  rest: string;
}

function find(block: GwBlock): Found | undefined {
  const t = block.data.norm;
  const lead = t.length - t.trimStart().length;
  let base = lead;
  let m = NOTE.exec(t.slice(lead));
  if (!m) {
    base = 0;
    m = LABEL.exec(t);
  }
  if (!m) return undefined;
  const start = base + m.index + m[0].lastIndexOf(m[1]!);
  const end = start + m[1]!.length;
  return { block, start, end, attr: attrOf(m[1]!), rest: t.slice(end) };
}

/** A reason in the rest of the line: "，理由：涉及…", "（属于内部管理信息）", "，因涉及国家秘密". */
function hasReason(rest: string): boolean {
  const content = rest.replace(/[\s，,；;：:。（）()]/g, '');
  if (content.length < 4) return false;
  return /理由|原因|依据|根据|因|属于|涉及|按照|依照|第.{1,4}条/.test(rest);
}

export const disclosureAttribute: Rule = {
  meta: {
    id: 'disclosure-attribute',
    description: {
      zh: '公文应标明公开属性（主动公开、依申请公开或不予公开）；不予公开的应说明理由',
      en: 'A draft states its disclosure attribute (主动公开, 依申请公开 or 不予公开); 不予公开 gives a reason',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [TONGZHOU_23],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        docTypes: { type: 'array', items: { type: 'string' }, description: '只检查这些文种；省略时检查全部公文' },
      },
    },
    defaultOptions: {},
    messages: {
      missing: {
        zh: '未标明公开属性：拟制公文应明确主动公开、依申请公开或不予公开（如在成文日期下一行写“（此件主动公开）”；依据 {{basis}}）',
        en: 'No disclosure attribute: state 主动公开, 依申请公开 or 不予公开 (e.g. “（此件主动公开）” under the date; per {{basis}})',
      },
      noReason: {
        zh: '标为“{{attr}}”但未说明理由：拟不公开的，应依法依规说明理由（依据 {{basis}}）',
        en: 'Marked “{{attr}}” without a reason: a draft not to be disclosed must say why (per {{basis}})',
      },
      conflict: {
        zh: '公开属性前后不一：此处为“{{attr}}”，第 {{line}} 行为“{{first}}”',
        en: 'Conflicting disclosure attributes: “{{attr}}” here, “{{first}}” on line {{line}}',
      },
    },
    docs: {
      rationale: {
        zh: '通州区要求各部门拟制公文时即确定公开属性，便于公开前保密审查。属性写在附注（“（此件主动公开）”“（此件公开发布）”）或版记（“公开方式：依申请公开”）均可；正文里提到“依申请公开工作”不算标明。',
        en: 'Tongzhou has every draft carry its disclosure attribute, so that the secrecy review can start from it. It may sit in the 附注 (“（此件主动公开）”) or the 版记 (“公开方式：依申请公开”); a mention in the body does not count.',
      },
      examples: {
        invalid: [{ code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区水务局\n\n2024年5月6日' }],
        valid: [{ code: '# 关于做好防汛工作的通知\n\n各街道：\n\n请做好防汛工作。\n\n区水务局\n\n2024年5月6日\n\n（此件主动公开）' }],
      },
    },
  },
  create(context) {
    const types = context.options.docTypes as string[] | undefined;
    if (types && (!context.docType || !types.includes(context.docType))) return {};
    const basis = context.cites.map(citeShort).join('、');
    const found: Found[] = [];
    const reasonBlocks: GwBlock[] = [];
    return {
      block(block) {
        const f = find(block);
        if (f) found.push(f);
        if (REASON_LABEL.test(block.data.norm)) reasonBlocks.push(block);
      },
      'document:exit'(doc) {
        if (found.length === 0) {
          const title = doc.children.find((b) => b.data.role === '标题') ?? doc.children[0];
          context.report({ messageId: 'missing', ...(title ? { block: title } : {}), data: { basis } });
          return;
        }
        const first = found[0]!;
        for (const f of found) {
          if (f.attr !== first.attr) {
            context.report({
              messageId: 'conflict',
              block: f.block,
              start: f.start,
              end: f.end,
              data: { attr: f.attr, first: first.attr, line: first.block.position.start.line },
            });
          }
          if (f.attr === '不予公开' && !hasReason(f.rest) && reasonBlocks.length === 0) {
            context.report({ messageId: 'noReason', block: f.block, start: f.start, end: f.end, data: { attr: f.block.data.text.slice(f.start, f.end), basis } });
          }
        }
      },
    };
  },
};
