import type { Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { bareClosings, findAsks, type Ask, MAY_ASK } from './lib/requests.js';
import type { Segmenter } from '../util/segmenter.js';
import { functionOf, isGovernment, levelOf, ORGANISATION_SCHEMA, recipientsOf, SENDER_SCHEMA, senderOf, superiorsOf, findInTree, type OrgTree } from './lib/organisation.js';
import { TIAOLI_8 } from './lib/routing-cites.js';

/** A title whose 事由 is itself a request: "关于申请拨付…的报告", "关于恳请解决…的报告". */
const REQUEST_SUBJECT = /关于(申请|请求|恳请|要求|请予|提请|报请|争取)/;

/**
 * The 文种 the title names against what the document does. Three disagreements, each with its reason:
 * a 报告 whose subject is a request (it is a 请示); a 请示 that asks nothing (it reads as a 报告); a 请示 to a body
 * that is not the sender's superior (不相隶属: a 函), and a 函 that asks the sender's own superior for approval
 * (a 请示). What the title word itself should be (请示报告, 总结 …) is title-form's.
 */
export const docType: Rule = {
  meta: {
    id: 'doc-type',
    description: {
      zh: '文种与行文内容、行文关系一致：请求上级批准用请示，汇报工作用报告，向不相隶属机关请求批准用函',
      en: 'The 文种 fits what the document does and to whom: 请示 asks a superior, 报告 reports to it, 函 asks a body that is not its superior',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_8],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { organisation: ORGANISATION_SCHEMA, sender: SENDER_SCHEMA },
    },
    messages: {
      reportAsks: {
        zh: '文种用错：标题是报告，但本文是在请求（第 {{line}} 行“{{phrase}}”）。请求上级批准应以请示行文，标题改为“关于……的请示”',
        en: 'Wrong 文种: titled a 报告, but it asks (line {{line}}: “{{phrase}}”). Asking a superior takes a 请示',
      },
      requestNoAsk: {
        zh: '文种用错：标题是请示，但正文没有提出任何请求事项。只汇报情况的应以报告行文；确有请求的，应写明请求事项并以“妥否，请批示”等结语收尾',
        en: 'Wrong 文种: titled a 请示, but the body asks for nothing. Reporting takes a 报告; a 请示 states its request',
      },
      requestToPeer: {
        zh: '文种用错：主送机关“{{recipient}}”不是发文机关“{{sender}}”的上级（{{why}}）。请示只报上级机关；向不相隶属的机关请求批准应以函行文',
        en: 'Wrong 文种: “{{recipient}}” is not the superior of “{{sender}}” ({{why}}). A 请示 goes to a superior; ask other bodies with a 函',
      },
      letterToSuperior: {
        zh: '文种用错：“{{recipient}}”是发文机关“{{sender}}”的上级机关，本文又请求批准（第 {{line}} 行“{{phrase}}”）。向上级机关请求批准应以请示行文，不用函',
        en: 'Wrong 文种: “{{recipient}}” is the superior of “{{sender}}” and the text asks for approval (line {{line}}). Ask a superior with a 请示, not a 函',
      },
    },
    docs: {
      rationale: {
        zh: '文种决定公文怎么办理：请示要批复，报告只阅知，函在不相隶属机关之间商洽、请求批准。标题写成报告却在请求批准，上级不会批复；写成请示却没有请求事项，上级无从批复；向平级或不相隶属的部门报请示，对方无权批复。隶属关系由机关名称推断（同级政府部门之间、不同系统的部门之间为不相隶属；本级政府、党委和上级同系统部门为上级），配置 organisation 选项（机关 → 直接上级）时以它为准。',
        en: 'The 文种 decides how a document is handled. A 报告 that asks, a 请示 that asks nothing, a 请示 to a body that cannot approve it, and a 函 to one’s own superior are flagged with the reason. Relations are read from the names, or from the organisation option.',
      },
      examples: {
        invalid: [
          { code: '# 关于申请拨付防汛专项资金的报告\n\n市政府：\n\n部分泵站设备老化，排涝能力不足。恳请市政府拨付防汛专项资金300万元。\n\n特此报告。' },
          { code: '# 区教育局关于调剂教师编制的请示\n\n区财政局：\n\n恳请同意调剂教师编制10名。\n\n妥否，请批示。\n\n区教育局\n\n2024年3月1日' },
        ],
        valid: [
          { code: '# 关于申请拨付防汛专项资金的请示\n\n市政府：\n\n部分泵站设备老化，排涝能力不足。恳请市政府拨付防汛专项资金300万元。\n\n妥否，请批示。' },
          { code: '# 区教育局关于商请调剂教师编制的函\n\n区财政局：\n\n请贵局支持调剂教师编制10名。\n\n特此函达。\n\n区教育局\n\n2024年3月1日' },
        ],
      },
    },
  },
  create(context) {
    const type = context.docType;
    if (type !== '报告' && type !== '请示' && type !== '函') return {};
    return {
      'document:exit'(doc) {
        const titleBlocks = doc.children.filter((b) => b.data.role === '标题');
        const title = titleBlocks.map((b) => b.data.norm.replace(/[\s\u3000]+/g, '')).join('');
        if (!title) return;
        const body = doc.children.filter((b) => b.data.role === '正文');
        // Asks are read only when a judgement needs them, so a plain 请示 does not load the segmenter.
        let asks: { block: GwBlock; ask: Ask }[] | undefined;
        const allAsks = (): { block: GwBlock; ask: Ask }[] => {
          if (!asks) {
            asks = [];
            for (const b of body) if (MAY_ASK.test(b.data.norm)) for (const ask of findAsks(b.data.norm, { segmenter: context.segmenter })) asks.push({ block: b, ask });
          }
          return asks;
        };
        const titleBlock = titleBlocks[titleBlocks.length - 1]!;
        const titleEnd = titleBlock.data.text.trimEnd().length;
        const wordStart = Math.max(0, titleEnd - (type === '函' ? 1 : 2));
        const where = (): { line: number; phrase: string } | undefined => {
          const first = allAsks()[0];
          return first ? { line: first.block.position.start.line, phrase: first.block.data.text.slice(first.ask.start, first.ask.end) } : undefined;
        };

        if (type === '报告') {
          const w = REQUEST_SUBJECT.test(title) && /报告$/.test(title) ? where() : undefined;
          if (w) context.report({ messageId: 'reportAsks', block: titleBlock, start: wordStart, end: titleEnd, data: w });
          return;
        }
        if (type === '请示' && body.length > 0 && !hasAsk(body, context.segmenter)) {
          context.report({ messageId: 'requestNoAsk', block: titleBlock, start: wordStart, end: titleEnd });
          return;
        }
        // Routing: who is asked.
        const main = doc.children.find((b) => b.data.role === '主送机关');
        const recipients = main ? recipientsOf(main) : [];
        if (recipients.length !== 1) return;
        const recipient = recipients[0]!.name.replace(/[\s\u3000]+/g, '');
        const sender = senderOf(doc, context.options.sender as string | undefined);
        if (!sender) return;
        const relation = relate(sender, recipient, context.options.organisation as OrgTree | undefined);
        if (type === '请示' && relation.kind === 'unrelated') {
          context.report({ messageId: 'requestToPeer', block: main!, start: recipients[0]!.start, end: recipients[0]!.end, data: { recipient: main!.data.text.slice(recipients[0]!.start, recipients[0]!.end), sender, why: relation.why } });
        }
        if (type === '函' && relation.kind === 'superior') {
          const approving = allAsks().find((a) => /批准|审批|批示|批复|核准/.test(a.ask.phrase));
          if (approving) {
            const at = { line: approving.block.position.start.line, phrase: approving.block.data.text.slice(approving.ask.start, approving.ask.end) };
            context.report({ messageId: 'letterToSuperior', block: titleBlock, start: wordStart, end: titleEnd, data: { recipient: main!.data.text.slice(recipients[0]!.start, recipients[0]!.end), sender, ...at } });
          }
        }
      },
    };
  },
};

/** Whether any paragraph asks; a closing formula is found without the segmenter, so it is tried first. */
function hasAsk(body: GwBlock[], segmenter: () => Segmenter): boolean {
  const maybe = body.filter((b) => MAY_ASK.test(b.data.norm));
  if (maybe.some((b) => bareClosings(b.data.norm).length > 0)) return true;
  return maybe.some((b) => findAsks(b.data.norm, { segmenter }).length > 0);
}

type Relation = { kind: 'superior' | 'unrelated' | 'unknown'; why: string };

/** How the recipient stands to the sender, from the organisation tree or else from the two names. */
export function relate(sender: string, recipient: string, tree?: OrgTree): Relation {
  if (tree) {
    const s = findInTree(tree, sender);
    const r = findInTree(tree, recipient);
    if (s && r) {
      if (superiorsOf(tree, s).includes(r)) return { kind: 'superior', why: '按机关隶属关系为上级' };
      return { kind: 'unrelated', why: '按机关隶属关系不是上级' };
    }
  }
  const sl = levelOf(sender);
  const rl = levelOf(recipient);
  // The general office of a government or party committee receives for it: not a peer to be sent a 函.
  if (/(政府|党委|区委|市委|县委|省委)办公(室|厅)$|^(区委|市委|县委|省委)办$/.test(recipient)) return { kind: 'unknown', why: '' };
  if (isGovernment(recipient)) {
    // 本级或上级政府、党委: a superior of every department at or below its level.
    if (sl !== undefined && rl !== undefined && rl <= sl && (rl < sl || !isGovernment(sender))) return { kind: 'superior', why: '本级或上级政府' };
    if (sl !== undefined && rl !== undefined && rl === sl && isGovernment(sender)) return { kind: 'unrelated', why: '同级政府之间不相隶属' };
    return { kind: 'unknown', why: '' };
  }
  const sf = functionOf(sender);
  const rf = functionOf(recipient);
  if (!sf || !rf || sl === undefined || rl === undefined) return { kind: 'unknown', why: '' };
  if (sf === rf || sf.includes(rf) || rf.includes(sf)) return rl < sl ? { kind: 'superior', why: '上级主管部门' } : { kind: 'unknown', why: '' };
  if (isGovernment(sender)) return { kind: 'unknown', why: '' };
  if (rl === sl) return { kind: 'unrelated', why: '同级部门之间不相隶属' };
  return { kind: 'unrelated', why: '不同系统的部门之间不相隶属' };
}
