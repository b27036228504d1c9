import type { Cite, Rule } from '../engine/types.js';
import { sentences } from '../structure/patterns.js';
import { citeShort } from './lib/cites.js';
import { detectNormative } from './lib/normative.js';

export const HONGSHAN_20_POWERS: Cite = {
  regulation: '武汉市洪山区人民政府工作规则',
  article: '二十',
  clause: '規範性檔案不得設定行政許可、行政處罰、行政強制等事項,不得減損公民、法人和其他組織合法權益或者增加其義務。',
  short: '洪山 二十',
};

export const TONGZHOU_17: Cite = {
  regulation: '北京市通州区人民政府工作规则（通政发〔2022〕1号）',
  article: '十七',
  clause: '规范性文件不得设定行政许可、行政处罚、行政强制等事项,没有法律法规依据的,不得减损公民、法人和其他组织的合法权益或增加其义务,不得排除、限制竞争。',
  short: '通州 十七',
};

export const TIANJIN_JGSW_10: Cite = {
  regulation: '天津市机关事务管理局工作规则',
  article: '第十条',
  clause: '制定的规范性文件必须符合国家法律法规和我市政策规定,不得超越局职权范围,不得设定行政许可、行政处罚、行政强制等事项,不得减损公民、法人和其他组织合法权益或增加其义务。',
  short: '天津机关事务局 第十条',
};

type Kind = '许可' | '处罚' | '强制';

/** Sentences that set up a licence, a penalty or a coercive measure by themselves. */
const SETTINGS: [Kind, RegExp][] = [
  ['许可', /(?:须|需|需要|必须|应当|应)(?:先)?(?:经|经过|取得|办理|申领|申请)[^。；，]{0,20}?(?:许可证?|批准|审批|核准|批准文件)(?:后|，)?(?:方可|才能|方能)?/],
  ['许可', /未经[^。；，]{0,15}?(?:批准|许可|审批|核准)[，,]?\s*(?:的[，,]?\s*)?(?:一律)?不得/],
  ['许可', /实行[^。；，]{0,12}?(?:许可|审批)(?:制度|管理)/],
  ['处罚', /处(?:以)?[^。；，]{0,24}?罚款/],
  ['处罚', /没收(?:违法所得|非法财物|[^。；，]{0,8}?(?:工具|物品|设备|车辆))/],
  ['处罚', /(?:责令)?(?:停产停业|停业整顿)/],
  ['处罚', /(?:暂扣|吊销)[^。；，]{0,8}?(?:许可证|执照|证照|证书)/],
  ['处罚', /(?:行政)?拘留/],
  ['处罚', /(?:给予|予以)(?:警告|通报批评)(?:处罚)?/],
  ['强制', /(?:查封|扣押)(?:[^。；，]{0,10}?(?:场所|设施|财物|物品|设备|车辆|工具))?/],
  ['强制', /冻结[^。；，]{0,6}?(?:存款|汇款|账户|资金)/],
  ['强制', /强制(?:拆除|执行|清除|划拨|拖移|拖离|排除|隔离)/],
  ['强制', /加处罚款|滞纳金/],
];

/** The sentence only points at a power that a law already sets: 依照《…》…予以处罚, 由…依法查处. */
const BY_LAW = /(?:依照|依据|按照|根据)[^。；]{0,40}?(?:《[^》]+》|法律|法规|规章|有关规定)|依法(?:予以|给予|进行|实施|作出)?|法律、(?:行政)?法规(?:另有)?规定/;
/** The sentence forbids or disclaims setting one: 不得设定行政许可, 本办法不设定…. */
const DISCLAIMS = /不得(?:设定|增设|设立)|不(?:设定|增设|设立)|禁止设定|严禁设定/;

function masked(text: string): string {
  return text.replace(/《[^》]*》|“[^”]*”/g, (m) => '\u0000'.repeat(m.length));
}

export const normativeDocNoLicensing: Rule = {
  meta: {
    id: 'normative-doc-no-licensing',
    description: {
      zh: '规范性文件不得设定行政许可、行政处罚、行政强制：标出自行设定这些事项的句子',
      en: 'A normative document (规范性文件) must not set up administrative licences, penalties or coercive measures: flags the sentences that do',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [HONGSHAN_20_POWERS, TONGZHOU_17, TIANJIN_JGSW_10],
    messages: {
      sets: {
        zh: '规范性文件不得设定行政{{kind}}：“{{phrase}}”。确需的，应写明所依据的法律、法规、规章（如“依照《……》第×条予以处罚”；依据 {{basis}}）',
        en: 'A normative document must not set up an administrative {{kindEn}}: “{{phrase}}”. Cite the law, regulation or rule that does (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '行政许可、行政处罚、行政强制只能由法律、法规、规章设定。规范性文件里“须经批准方可”“处以罚款”“予以查封”等句子若没有写明法律依据，就是自行设定。写明“依照《……》予以处罚”“由……依法查处”的句子只是引用，不标出；引号和书名号里的文字也不标出。',
        en: 'Licences, penalties and coercive measures can only be set by laws, regulations and rules. A normative document that says “须经批准方可…” or “处以罚款” without citing such a source sets them up itself. Sentences that cite the source (依照《…》予以处罚, 依法查处) are not flagged.',
      },
      examples: {
        invalid: [{ code: '# 关于印发《停车管理办法》的通知\n\n各街道：\n\n在道路两侧设置停车泊位，须经区城管局批准后方可设置。违反本办法的，处以500元罚款。\n\n本办法自2024年7月1日起施行，有效期5年。\n\n区城管局\n\n2024年6月1日' }],
        valid: [{ code: '# 关于印发《停车管理办法》的通知\n\n各街道：\n\n违反本办法规定的，由区城管局依照《中华人民共和国道路交通安全法》有关规定予以处罚。\n\n本办法自2024年7月1日起施行，有效期5年。\n\n区城管局\n\n2024年6月1日' }],
      },
    },
  },
  create(context) {
    const basis = context.cites.map(citeShort).join('、');
    const EN: Record<Kind, string> = { 许可: 'licence', 处罚: 'penalty', 强制: 'coercive measure' };
    let normative = false;
    return {
      document(doc) {
        normative = detectNormative(doc).value;
      },
      block(block) {
        if (!normative || (block.data.role !== '正文' && block.data.role !== '附件')) return;
        const t = masked(block.data.norm);
        for (const [s, e] of sentences(t)) {
          const sent = t.slice(s, e);
          if (DISCLAIMS.test(sent)) continue;
          const taken: [number, number][] = [];
          for (const [kind, re] of SETTINGS) {
            const m = re.exec(sent);
            if (!m) continue;
            const start = s + m.index;
            const end = start + m[0].length;
            if (taken.some(([a, b]) => start < b && end > a)) continue;
            if (BY_LAW.test(sent.slice(0, m.index + m[0].length))) continue;
            taken.push([start, end]);
            context.report({
              messageId: 'sets',
              block,
              start,
              end,
              data: { kind, kindEn: EN[kind], phrase: block.data.text.slice(start, end), basis },
            });
          }
        }
      },
    };
  },
};
