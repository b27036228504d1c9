import type { Rule, RuleContext } from '../engine/types.js';
import type { GwBlock } from '../model/types.js';
import { NOT_DOC_TYPES } from '../structure/doctype.js';
import { TIAOLI_9_7 } from './lib/routing-cites.js';
import { findAsks } from './lib/requests.js';

/** The 15 文种 of 条例 第八条 as titles end with them (复函 and 答复 are 函, 会议纪要 is 纪要, 令 is 命令). */
const DOC_TYPE_END = /(决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|复函|答复|函|纪要|简报)$/;
const STATUTE_END = /(条例|规定|办法|细则|规则|章程|准则|标准)$/;
/** Marks a title may carry: 书名号, quotation marks, brackets, connecting dashes (and the 顿号, see `allowEnumerationComma`). */
const ALLOWED = /[《》〈〉“”‘’"'（）()〔〕\[\]【】—–\-－~～·]/;
const PUNCT = /[，。；：！？、,;:!?…]|\.(?!\d)/g;

/** The title's lines joined without spaces (centred, letter-spaced 标 题), each character with its block and offset. */
interface Title {
  text: string;
  at: { block: GwBlock; index: number }[];
}

function readTitle(blocks: GwBlock[]): Title | undefined {
  let text = '';
  const map: Title['at'] = [];
  for (const b of blocks) {
    const raw = b.data.norm;
    for (let i = 0; i < raw.length; i++) {
      if (/[\s\u3000]/.test(raw[i]!)) continue;
      text += raw[i];
      map.push({ block: b, index: i });
    }
  }
  return text ? { text, at: map } : undefined;
}

/** The original-script text of a span of the joined title. */
function original(t: Title, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end && k < t.at.length; k++) out += t.at[k]!.block.data.text[t.at[k]!.index];
  return out;
}

/** A span of the joined title as a block span (cut at the end of the first line it touches). */
function at(t: Title, start: number, end: number): { block: GwBlock; start: number; end: number } {
  const first = t.at[Math.min(start, t.at.length - 1)]!;
  let last = first;
  for (let k = start; k < end && k < t.at.length; k++) if (t.at[k]!.block === first.block) last = t.at[k]!;
  return { block: first.block, start: first.index, end: last.index + 1 };
}

export const titleForm: Rule = {
  meta: {
    id: 'title-form',
    description: {
      zh: '标题由发文机关名称、事由和文种组成（关于……的+文种），只用一个法定文种，除书名号、引号、括号和连接号外不用标点',
      en: 'A title is issuer + 关于 subject 的 + one legal 文种, with no punctuation except 书名号, quotation marks, brackets and dashes',
    },
    severity: 'error',
    recommended: true,
    fixable: false,
    cites: [TIAOLI_9_7],
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        allowEnumerationComma: { type: 'boolean', description: '允许标题中并列机关、地名之间用顿号（国务院、中央军委关于……）' },
        requireIssuer: { type: 'boolean', description: '要求标题写出发文机关名称（不以“关于”开头）' },
      },
    },
    defaultOptions: { allowEnumerationComma: true, requireIssuer: false },
    messages: {
      noDocType: {
        zh: '标题没有以文种结尾：标题由发文机关名称、事由和文种组成，应写成“关于……的请示／报告／通知”等',
        en: 'The title does not end with a 文种: write it as 关于……的请示／报告／通知',
      },
      notDocType: {
        zh: '“{{word}}”不是法定文种：{{advice}}',
        en: '“{{word}}” is not a legal 文种: {{advice}}',
      },
      punctuation: {
        zh: '标题中不用“{{mark}}”：标题除书名号、引号、括号和连接号外一般不用标点符号',
        en: 'No “{{mark}}” in a title: only 书名号, quotation marks, brackets and dashes',
      },
      missingDe: {
        zh: '标题“关于……{{docType}}”缺少“的”：应为“关于……的{{docType}}”',
        en: 'The title lacks 的 before the 文种: 关于……的{{docType}}',
      },
      noIssuer: {
        zh: '标题缺少发文机关名称：标题由发文机关名称、事由和文种组成',
        en: 'The title lacks the issuing body’s name',
      },
    },
    docs: {
      rationale: {
        zh: '标题是公文的“名片”，上级据文种决定如何办理：请示要批复，报告只阅知。“请示报告”“申请报告”混用两个文种，办理方式不明；“总结”“汇报”“要点”“方案”不是法定文种——汇报工作用报告，要点和方案用通知印发。标题中除书名号、引号、括号和连接号外一般不用标点；并列的机关名、地名之间的顿号（“国务院、中央军委关于……”）是通行写法，默认不报（allowEnumerationComma: false 时报）。法规规章文本（“……条例”“……办法”）随令或通知发布，本身不检查文种。是否要求标题写出发文机关由 requireIssuer 选项决定（有版头的草稿常省略）。',
        en: 'The 文种 tells the superior what to do with the document. Compounds (请示报告, 申请报告) and non-文种 (总结, 汇报, 要点, 方案) are flagged with the 文种 that fits; a title carries no punctuation but 书名号, quotation marks, brackets and dashes (the enumeration comma between names is accepted unless allowEnumerationComma is false). Statute texts are not checked. requireIssuer asks for the issuer in the title.',
      },
      examples: {
        invalid: [
          { code: '# 关于2024年防汛工作的请示报告\n\n市政府：\n\n今年汛期排查隐患点42处，已全部整改到位。\n\n特此报告。' },
          { code: '# 关于购置执法车辆，更新执法装备的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' },
        ],
        valid: [{ code: '# 区城管局关于购置执法车辆的请示\n\n市政府：\n\n恳请批准购置执法车辆2辆。\n\n妥否，请批示。' }],
      },
    },
  },
  create(context) {
    return {
      'document:exit'() {
        const t = readTitle(context.blocksWithRole('标题'));
        if (!t) return;
        checkTitle(context, t);
      },
    };
  },
};

function checkTitle(context: RuleContext, t: Title): void {
  const report = (messageId: string, start: number, end: number, data?: Record<string, string>): void => {
    const p = at(t, start, end);
    context.report({ messageId, block: p.block, start: p.start, end: p.end, ...(data ? { data } : {}) });
  };
  // A trailing note in brackets ("（试行）", "（征求意见稿）") is not part of the 文种.
  const core = t.text.replace(/[。；，？！?!：:.,;]+$/, '').replace(/[（(][^（()）]*[）)]$/, '');
  // Punctuation, wherever it is.
  for (const m of t.text.matchAll(PUNCT)) {
    const mark = m[0];
    if (ALLOWED.test(mark)) continue;
    if (mark === '、' && context.options.allowEnumerationComma !== false) continue;
    // "……" and "…" as one mark.
    if (mark === '…' && t.text[m.index! - 1] === '…') continue;
    report('punctuation', m.index!, m.index! + (mark === '…' && t.text[m.index! + 1] === '…' ? 2 : 1), { mark: mark === '…' ? '……' : mark });
  }
  if (STATUTE_END.test(core)) return;
  // The 文种.
  const bad = NOT_DOC_TYPES.map((n) => ({ n, m: n.re.exec(core) })).find((x) => x.m);
  if (bad) {
    const word = bad.m![0];
    const start = bad.m!.index;
    report('notDocType', start, start + word.length, { word: original(t, start, start + word.length), advice: advice(word, context) });
    return;
  }
  const end = DOC_TYPE_END.exec(core);
  if (!end) {
    // Only a title that reads as a 公文's: Chinese, and naming its matter (关于…) or followed by a 主送机关.
    const han = (core.match(/[\u4e00-\u9fff]/g) ?? []).length;
    if (han * 2 >= core.length && (core.includes('关于') || context.blocksWithRole('主送机关').length > 0)) {
      report('noDocType', Math.max(0, core.length - 1), core.length);
    }
    return;
  }
  const docType = end[1]!;
  // 关于 + 事由 + 的 + 文种.
  const about = core.lastIndexOf('关于');
  if (about >= 0 && !/的$/.test(core.slice(0, end.index)) && !/^(复函|答复)$/.test(docType)) {
    // "关于印发《…》的通知" has its 的; "关于…意见报告的通知" (转发) too. Only a title whose last 关于 never reaches a 的.
    if (!core.slice(about).includes('的')) report('missingDe', end.index, end.index + docType.length, { docType });
  }
  if (context.options.requireIssuer && core.startsWith('关于')) report('noIssuer', 0, 2);
}

function advice(word: string, context: RuleContext): string {
  if (word === '请示报告' || word === '报告请示') {
    const asks = context.blocksWithRole('正文').some((b) => findAsks(b.data.norm, { segmenter: context.segmenter }).length > 0);
    return asks
      ? '请示和报告是两个文种。本文提出了请求事项，应以“请示”行文（关于……的请示）'
      : '请示和报告是两个文种。本文没有请求事项，应以“报告”行文（关于……的报告）';
  }
  if (word === '申请报告' || /^申请/.test(word)) return '向上级机关请求批准应以“请示”行文（关于……的请示）；向不相隶属的机关请求批准用“函”';
  if (/总结|汇报|说明/.test(word)) return '向上级机关汇报工作、反映情况应以“报告”行文（关于……的报告）';
  return '要点、计划、方案、规划、安排、预案应作为附件，以“通知”印发（关于印发……的通知）';
}
