import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { basisOf } from './lib/basis.js';
import { detectNormative } from './lib/normative.js';

export const TONGZHOU_16: Cite = {
  regulation: '北京市通州区人民政府工作规则（通政发〔2022〕1号）',
  article: '十六',
  clause:
    '区政府各部门、各街道乡镇提请区政府决策的重大事项、提请以区政府或区政府办公室名义下发的文件,需附具本部门本单位法制机构的内部合法性审查意见,报送区政府法制部门进行合法性审查;涉及市场准入和退出、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准等市场主体经济活动的,承办单位须在研究、起草过程中进行公平竞争审查,并在提交区政府审议时,就公平竞争审查情况作出说明。',
  short: '通州 十六',
};

export const TONGZHOU_51: Cite = {
  regulation: '北京市通州区人民政府工作规则（通政发〔2022〕1号）',
  article: '五十一',
  clause: '提请区政府常务会议、区长专题会议研究的重大事项、拟以区政府或区政府办公室名义制发的规范性文件,应当附具区政府法制部门出具的合法性审查意见。',
  short: '通州 五十一',
};

/** A 请示 asking the government to issue a document in its own name (代拟稿), or to decide a major matter. */
const IN_GOV_NAME = /以区(?:政府|人民政府)(?:办公室)?(?:的)?名义(?:印发|下发|制发|发文|行文|出台)|代区(?:政府|人民政府)(?:办公室)?拟|代拟稿/;
const MAJOR = /重大事项|重大决策|重大行政决策/;
const REVIEWED = /合法性(?:审查|审核)|法制审核|法律审核/;
const NOT_REVIEWED = /(?:未|没有|尚未|未经|未进行)[^。；，]{0,6}(?:合法性(?:审查|审核)|法制审核)/;
const MARKET = /市场准入|市场退出|准入和退出|产业发展|招商引资|招标投标|政府采购|经营行为规范|资质标准/;
const FAIR = /公平竞争审查/;

export const legalityReview: Rule = {
  meta: {
    id: 'legality-review',
    description: {
      zh: '规范性文件、以政府名义发文的代拟稿和重大事项请示应附合法性审查意见；涉及市场主体经济活动的应说明公平竞争审查情况',
      en: 'Normative documents, drafts to be issued in the government’s name and requests on major matters attach a legality review; drafts touching market activity report their fair-competition review',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [TONGZHOU_16, TONGZHOU_51],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        fairCompetition: { type: 'boolean', description: '同时检查公平竞争审查说明' },
        legalityArticle: { type: 'string' },
        fairCompetitionArticle: { type: 'string' },
      },
    },
    defaultOptions: { fairCompetition: true },
    messages: {
      noLegality: {
        zh: '{{what}}应附具合法性审查意见，但文中未见合法性审查情况（依据 {{basis}}）',
        en: '{{whatEn}} must attach a legality review opinion, but the draft shows none (per {{basis}})',
      },
      noFairCompetition: {
        zh: '涉及“{{topic}}”等市场主体经济活动，应就公平竞争审查情况作出说明（依据 {{basis}}）',
        en: 'The draft touches market activity (“{{topic}}”): report the fair-competition review (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '通州区要求提请区政府决策的重大事项、以区政府或区政府办公室名义下发的文件和规范性文件附具合法性审查意见；涉及市场准入和退出、产业发展、招商引资、招标投标、政府采购、经营行为规范、资质标准的，要说明公平竞争审查情况。写在附件说明（“附件：合法性审查意见”）或正文（“已经本局法制机构合法性审查”“已进行公平竞争审查”）均可。',
        en: 'Tongzhou wants a legality review attached to major-matter requests, drafts issued in the government’s name and normative documents, and a fair-competition review reported for drafts that touch market activity. Either the 附件说明 or a sentence in the body will do.',
      },
      examples: {
        invalid: [{ code: '# 关于代区政府起草《招商引资奖励办法》的请示\n\n区政府：\n\n为优化营商环境，我局代拟了《招商引资奖励办法》，拟以区政府名义印发。\n\n妥否，请批示。\n\n区商务局\n\n2024年3月1日' }],
        valid: [
          {
            code: '# 关于代区政府起草《招商引资奖励办法》的请示\n\n区政府：\n\n为优化营商环境，我局代拟了《招商引资奖励办法》，拟以区政府名义印发。起草中已进行公平竞争审查，未发现排除、限制竞争的内容。\n\n妥否，请批示。\n\n附件：1.招商引资奖励办法（代拟稿）\n2.合法性审查意见\n\n区商务局\n\n2024年3月1日',
          },
        ],
      },
    },
  },
  create(context) {
    const o = context.options as { fairCompetition?: boolean; legalityArticle?: string; fairCompetitionArticle?: string };
    return {
      'document:exit'(doc) {
        const blocks = doc.children;
        const title = blocks.find((b) => b.data.role === '标题') ?? blocks[0];
        const all = blocks.map((b) => b.data.norm).join('\n');
        const normative = detectNormative(doc).value;
        const request = context.docType === '请示';
        let what: [string, string] | undefined;
        if (normative) what = ['规范性文件', 'A normative document'];
        else if (request && IN_GOV_NAME.test(all)) what = ['拟以区政府名义下发的文件', 'A draft to be issued in the government’s name'];
        else if (request && MAJOR.test(all)) what = ['提请区政府决策的重大事项', 'A request on a major matter'];
        if (!what) return;
        const at = title ? { block: title } : {};
        if (!REVIEWED.test(all.replace(new RegExp(NOT_REVIEWED.source, 'g'), ''))) {
          context.report({ messageId: 'noLegality', ...at, data: { what: what[0], whatEn: what[1], basis: basisOf(context.cites, o.legalityArticle) } });
        }
        if (o.fairCompetition !== false && !FAIR.test(all)) {
          let hit: { block: GwBlock; index: number; text: string } | undefined;
          for (const b of blocks) {
            if (b.data.role !== '正文' && b.data.role !== '标题') continue;
            const m = MARKET.exec(b.data.norm);
            if (m) {
              hit = { block: b, index: m.index, text: m[0] };
              break;
            }
          }
          if (hit) {
            context.report({
              messageId: 'noFairCompetition',
              block: hit.block,
              start: hit.index,
              end: hit.index + hit.text.length,
              data: { topic: hit.block.data.text.slice(hit.index, hit.index + hit.text.length), basis: basisOf(context.cites, o.fairCompetitionArticle ?? '十六') },
            });
          }
        }
      },
    };
  },
};
