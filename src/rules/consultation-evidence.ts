import type { Cite, Rule } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { sentences } from '../structure/patterns.js';
import { citeShort, TIAOLI } from './lib/cites.js';
import { findUnits, sameUnit, SUPERIOR, type UnitMention } from './lib/units.js';

export const TIAOLI_19_6: Cite = {
  regulation: TIAOLI,
  article: '第十九条（六）',
  clause: '公文涉及其他地区或者部门职权范围内的事项，起草单位必须征求相关地区或者部门意见，力求达成一致。',
  short: '条例 第十九条（六）',
};

export const JINGHAI_55_CONSULT: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十五条',
  clause: '请示性公文涉及其他部门职权的,牵头部门须主动书面征求意见,相关部门须按时书面回复或者会签;',
  short: '静海 第五十五条',
};

/** The sentence gives the other department a part: its remit, an approval, money, a task. */
const REMIT = /职责|职权|职能|负责|主管|审批|审核|审定|批准|核准|核定|安排|拨付|配合|协助|支持|办理|管理|权限|出具|监管|执法|牵头|涉及|承担|会同/;
/** The sentence shows the department's opinion was sought or given. */
const EVIDENCE = /征求[^。；]{0,30}?意见|会签|书面(?:回复|回覆|意见|复函|覆函|反馈)|复函|覆函|回复(?:意见)?|回覆|反馈(?:了)?意见|无异议|表示同意|(?:协商|商定|商议|沟通|会商)(?:一致)?|(?<!不)达成一致|(?<!不)意见一致|(?:均|已|并|审核|研究|书面)同意/;
const NEGATED = /(?:未|没有|尚未|仍未|未能|不|无法|来不及)[^。；，]{0,4}$/;
/** Words that stand for every department named elsewhere. */
const GENERIC = /相关部门|有关部门|相关单位|有关单位|上述部门|上述单位|以上部门|各相关|相关处室|有关处室|上述处室|两部门|两单位|各部门|各单位|各处室|[二三四五六七八九十两]个部门/;

interface Touch {
  unit: UnitMention;
  block: GwBlock;
  sentence: [number, number];
}

/** A sentence as a short quote: without its end mark, at most 30 characters. */
function quote(s: string): string {
  const t = s.trim().replace(/[。；;！!？?]$/, '');
  return t.length > 30 ? `${t.slice(0, 29)}…` : t;
}

function evidenceIn(text: string): boolean {
  const m = EVIDENCE.exec(text);
  return Boolean(m) && !NEGATED.test(text.slice(0, m!.index));
}

export const consultationEvidence: Rule = {
  meta: {
    id: 'consultation-evidence',
    description: {
      zh: '请示涉及其他部门职权的，应写明已征求该部门意见（书面回复或会签）',
      en: 'A 请示 that touches another department’s remit shows that department’s opinion (a written reply or 会签)',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [TIAOLI_19_6, JINGHAI_55_CONSULT],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        docTypes: { type: 'array', items: { type: 'string' }, minItems: 1, description: '检查的文种；默认只检查请示' },
        ignore: { type: 'array', items: { type: 'string' }, description: '不视为“其他部门”的机构名称（如本单位的简称）' },
      },
    },
    defaultOptions: { docTypes: ['请示'], ignore: [] },
    messages: {
      noOpinion: {
        zh: '{{docType}}涉及{{unit}}的职权（“{{phrase}}”），但未见其书面意见或会签：应事先书面征求意见，并写明其回复或会签情况（依据 {{basis}}）',
        en: 'This {{docType}} touches the remit of {{unit}} (“{{phrase}}”) but shows no written opinion or 会签 from it (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '请示涉及其他部门职权的，起草单位应先书面征求其意见，由其书面回复或会签，并在请示中写明，上级才能据此决定。“其他部门”指正文中以职责、审批、资金、配合等方式牵涉的区级部门或局内处室（不含主送机关、上级机关和发文单位自己）。写明“已征求××意见”“××已书面回复同意”“已会签”“经与××协商一致”即可；泛称“相关部门”的同类说明对所有部门有效。',
        en: 'A 请示 that touches another department’s remit must show that department’s written opinion or 会签. “Another department” is a district department or bureau section the body gives a role (remit, approval, money, cooperation), other than the recipient, the superior bodies and the drafter itself.',
      },
      examples: {
        invalid: [{ code: '# 关于建设城东停车场的请示\n\n区政府：\n\n项目用地涉及区规划和自然资源局职责，建设资金需区财政局安排。\n\n妥否，请批示。\n\n区城市管理委\n\n2024年3月1日' }],
        valid: [{ code: '# 关于建设城东停车场的请示\n\n区政府：\n\n项目用地涉及区规划和自然资源局职责，建设资金需区财政局安排。已书面征求区规划和自然资源局、区财政局意见，两部门均书面回复同意。\n\n妥否，请批示。\n\n区城市管理委\n\n2024年3月1日' }],
      },
    },
  },
  create(context) {
    const types = (context.options.docTypes as string[] | undefined) ?? ['请示'];
    if (!context.docType || !types.includes(context.docType)) return {};
    const ignore = (context.options.ignore as string[] | undefined) ?? [];
    const basis = context.cites.map(citeShort).join('、');
    const docType = context.docType;
    const self: string[] = [];
    const touches: Touch[] = [];
    const evidence: { units: string[]; generic: boolean }[] = [];
    return {
      document(doc) {
        for (const b of doc.children) {
          if (b.data.role === '发文机关署名' || b.data.role === '发文机关标志' || b.data.role === '主送机关') {
            self.push(b.data.norm.replace(/[\s\u3000：:]+/g, '').replace(/文件$/, ''));
          }
        }
      },
      block(block) {
        const role = block.data.role;
        const t = block.data.norm;
        // Evidence may sit anywhere: the body, the 附件说明 (“附件：区财政局复函”), a 会签 line in the 版头.
        for (const [s, e] of sentences(t)) {
          const sent = t.slice(s, e);
          const inAttachmentNote = role === '附件说明' && /意见|复函|覆函|回复|回覆|会签/.test(sent);
          if (evidenceIn(sent) || inAttachmentNote) {
            evidence.push({ units: findUnits(sent).map((u) => u.name), generic: GENERIC.test(sent) || /会签/.test(sent) });
          }
          if (role !== '正文') continue;
          const units = findUnits(sent);
          // The remit words must be the sentence's own, not part of a name ("停车管理服务中心" is not "管理").
          let bare = sent;
          for (const u of units) bare = bare.slice(0, u.start) + '\u0000'.repeat(u.end - u.start) + bare.slice(u.end);
          if (!REMIT.test(bare)) continue;
          for (const u of units) {
            const name = u.name;
            if (SUPERIOR.test(name) || self.some((x) => x.includes(name) || sameUnit(x, name)) || ignore.some((x) => sameUnit(x, name))) continue;
            if (touches.some((x) => sameUnit(x.unit.name, name))) continue;
            touches.push({ unit: { name, start: s + u.start, end: s + u.end }, block, sentence: [s, e] });
          }
        }
      },
      'document:exit'() {
        const generic = evidence.some((e) => e.generic);
        for (const t of touches) {
          if (generic || evidence.some((e) => e.units.some((n) => sameUnit(n, t.unit.name)))) continue;
          context.report({
            messageId: 'noOpinion',
            block: t.block,
            start: t.unit.start,
            end: t.unit.end,
            data: { docType, unit: t.block.data.text.slice(t.unit.start, t.unit.end), phrase: quote(t.block.data.text.slice(...t.sentence)), basis },
          });
        }
      },
    };
  },
};
