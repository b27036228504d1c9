import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { sentences } from '../structure/patterns.js';
import { citeShort } from './lib/cites.js';
import { findUnits } from './lib/units.js';

export const JINGHAI_55_DISSENT: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十五条',
  clause: '意见不一致时,牵头部门主要负责人要主动沟通协商,如仍不能达成一致,牵头部门应列明各方理由和依据并提出办理建议,报请分管副区长协调决定。',
  short: '静海 第五十五条',
};

export const HONGSHAN_52_DISSENT: Cite = {
  regulation: '武汉市洪山区人民政府工作规则',
  article: '五十二',
  clause: '協商後仍不能取得一致意見的,主辦部門應當列出各方理據,提出意見建議報請區政府協調或者決定。',
  short: '洪山 五十二',
};

export const TONGZHOU_56_DISSENT: Cite = {
  regulation: '北京市通州区人民政府工作规则（通政发〔2022〕1号）',
  article: '五十六',
  clause: '经协商后仍然存在意见分歧的,应在文中列明各方理据,并提出办理建议。',
  short: '通州 五十六',
};

/** The draft reports that departments disagree. */
const DISSENT = /意见(?:不一致|不统一|分歧)|存在(?:意见)?分歧|(?:未能|未|仍未|尚未|没有|不能|难以)(?:能)?(?:达成|取得)一致|有不同意见|持不同意见|仍有分歧|分歧意见/;
/** …and not the opposite: 无分歧, 不存在分歧, 已达成一致. */
const NO_DISSENT = /(?:无|没有|不存在)(?:意见)?分歧|已(?:经)?(?:达成|取得)一致/;
/** One side's position: "区财政局认为", "我局认为", "一种意见认为". */
const SIDE = /((?:[\u4e00-\u9fa5]{1,14}?(?:局|委员会|委|办公室|办|中心|处|室|部门|单位|街道|乡|镇|公司))|我(?:局|委|办|单位|部门|们)|(?:第?[一二三]|另一)种意见|一方|另一方)(?:则|均|也)?(?:认为|主张|坚持|提出|的意见(?:是|为)|意见(?:是|为))/g;
const REASON = /理由|原因|因为|由于|鉴于|考虑到|主要考虑|出于|以免|否则|导致|造成/;
const BASIS = /依据|根据|按照|依照|规定|《[^》]+》|第[一二三四五六七八九十百\d]+条|文件精神/;
/** A proposal for handling: 建议…, 拟按…办理, 倾向于…, 我局意见是…. */
const PROPOSAL = /(?:^|[，,：:])\s*(?:综上[，,]?\s*)?(?:我(?:局|委|办|单位|们)|本(?:局|委|办|单位))?(?:经研究[，,]?\s*)?(?:提出如下)?(?:办理)?(?:建议|倾向(?:于|性意见)|拟(?:按|采纳|采用|同意|按照))|办理建议|倾向性意见|(?:我(?:局|委|办|单位))(?:的)?意见(?:是|为)/;

interface SideStatement {
  block: GwBlock;
  start: number;
  end: number;
  name: string;
  /** The statement: from this side to the next side (or the paragraph's end). */
  text: string;
}

export const dissentListed: Rule = {
  meta: {
    id: 'dissent-listed',
    description: {
      zh: '请示反映部门间意见分歧的，应列明各方的理由和依据，并提出办理建议',
      en: 'A 请示 that reports disagreement between departments lists each side’s reasons and basis and proposes a handling',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [JINGHAI_55_DISSENT, HONGSHAN_52_DISSENT, TONGZHOU_56_DISSENT],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        docTypes: { type: 'array', items: { type: 'string' }, minItems: 1 },
        requireBasis: { type: 'boolean', description: '各方意见既要有理由，也要有依据（“理由和依据”“理据”）' },
      },
    },
    defaultOptions: { docTypes: ['请示'], requireBasis: true },
    messages: {
      oneSide: {
        zh: '请示反映意见分歧（“{{phrase}}”），但未列明各方意见：应写明各方（如“甲局认为……理由是……依据……”“乙局认为……”）的理由和依据（依据 {{basis}}）',
        en: 'The 请示 reports a disagreement (“{{phrase}}”) without setting out each side: state what each department holds, why and on what basis (per {{basis}})',
      },
      sideLacks: {
        zh: '{{side}}的意见未写明{{missing}}：意见分歧应列明各方理由和依据（依据 {{basis}}）',
        en: 'The position of {{side}} gives no {{missingEn}}: each side’s reasons and basis must be set out (per {{basis}})',
      },
      noProposal: {
        zh: '请示反映意见分歧（“{{phrase}}”），但未提出办理建议：应在文中提出倾向性意见或办理建议（依据 {{basis}}）',
        en: 'The 请示 reports a disagreement (“{{phrase}}”) but proposes no handling (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '部门之间意见不一致时，报请上级协调的请示要让领导看清分歧所在：各方认为什么、为什么、依据什么，以及主办部门建议怎么办。只写“意见不一致，请协调”的请示，上级无从决定。',
        en: 'When departments disagree, the 请示 asking for a decision must show each position, its reasons and basis, and the lead department’s proposal; “we disagree, please coordinate” gives the decision-maker nothing to decide on.',
      },
      examples: {
        invalid: [{ code: '# 关于老旧小区改造资金来源的请示\n\n区政府：\n\n我局与区财政局就改造资金来源意见不一致，请区政府协调。\n\n妥否，请批示。\n\n区住房建设委\n\n2024年3月1日' }],
        valid: [
          {
            code: '# 关于老旧小区改造资金来源的请示\n\n区政府：\n\n我局与区财政局就改造资金来源意见不一致。我局认为应由区级财政全额安排，理由是该项目列入区政府民生实事，依据《区政府2024年民生实事项目清单》。区财政局认为应由街道自筹30%，理由是区级财力紧张，依据《区级财政资金管理办法》第十二条。我局建议由区级财政全额安排。\n\n妥否，请批示。\n\n区住房建设委\n\n2024年3月1日',
          },
        ],
      },
    },
  },
  create(context) {
    const types = (context.options.docTypes as string[] | undefined) ?? ['请示'];
    if (!context.docType || !types.includes(context.docType)) return {};
    const requireBasis = context.options.requireBasis !== false;
    const basis = context.cites.map(citeShort).join('、');
    let dissent: { block: GwBlock; start: number; end: number } | undefined;
    const sides: SideStatement[] = [];
    let proposal = false;
    return {
      'role:正文'(block) {
        const t = block.data.norm;
        for (const [s, e] of sentences(t)) {
          const sent = t.slice(s, e);
          if (!dissent) {
            const m = DISSENT.exec(sent);
            if (m && !NO_DISSENT.test(sent)) dissent = { block, start: s + m.index, end: s + m.index + m[0].length };
          }
          // A proposal only counts once the disagreement has been raised.
          if (dissent && PROPOSAL.test(sent)) proposal = true;
        }
        if (!dissent) return;
        const found: { start: number; end: number; name: string }[] = [];
        SIDE.lastIndex = 0;
        for (let m = SIDE.exec(t); m; m = SIDE.exec(t)) found.push({ start: m.index, end: m.index + m[0].length, name: m[1]! });
        found.forEach((f, i) => {
          const next = found[i + 1]?.start ?? t.length;
          // "经协商区财政局认为": the side is the department, not the words before it.
          const unit = findUnits(f.name).filter((u) => u.end === f.name.length).pop();
          const from = f.start + (unit?.start ?? 0);
          sides.push({ block, start: from, end: f.end, name: block.data.text.slice(from, f.start + f.name.length), text: t.slice(f.start, next) });
        });
      },
      'document:exit'() {
        if (!dissent) return;
        const phrase = dissent.block.data.text.slice(dissent.start, dissent.end);
        const distinct = new Set(sides.map((s) => s.name));
        if (distinct.size < 2) {
          context.report({ messageId: 'oneSide', block: dissent.block, start: dissent.start, end: dissent.end, data: { phrase, basis } });
        } else {
          for (const s of sides) {
            const reason = REASON.test(s.text);
            const based = BASIS.test(s.text);
            let missing: [string, string] | undefined;
            if (requireBasis) {
              if (!reason && !based) missing = ['理由和依据', 'reasons or basis'];
              else if (!reason) missing = ['理由', 'reasons'];
              else if (!based) missing = ['依据', 'basis'];
            } else if (!reason && !based) missing = ['理由或依据', 'reasons or basis'];
            if (missing) {
              context.report({ messageId: 'sideLacks', block: s.block, start: s.start, end: s.end, data: { side: s.name, missing: missing[0]!, missingEn: missing[1]!, basis } });
            }
          }
        }
        if (!proposal) context.report({ messageId: 'noProposal', block: dissent.block, start: dissent.start, end: dissent.end, data: { phrase, basis } });
      },
    };
  },
};
