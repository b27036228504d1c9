import type { Category, DeclaredMeta, Detection, Direction, DocType, GwBlock } from '../model/types.js';

/** Title endings and the 文种 they name; longest first. Aliases (复函, 答复, 令) map to the 条例's names. */
const TITLE_SUFFIXES: [string, DocType, string?][] = [
  ['研究报告', '研究报告'],
  ['会议纪要', '纪要'],
  ['请示', '请示'],
  ['报告', '报告'],
  ['批复', '批复'],
  ['复函', '函', '复函属于函'],
  ['答复', '函', '对建议、提案的答复以函行文'],
  ['函', '函'],
  ['通知', '通知'],
  ['通报', '通报'],
  ['通告', '通告'],
  ['公告', '公告'],
  ['公报', '公报'],
  ['决议', '决议'],
  ['决定', '决定'],
  ['命令', '命令'],
  ['令', '命令'],
  ['意见', '意见'],
  ['议案', '议案'],
  ['纪要', '纪要'],
  ['简报', '简报'],
];

/** Closings that give the 文种 away when the title cannot (a draft without a title, a text extraction). */
const BODY_CUES: [RegExp, DocType][] = [
  [/(妥否|当否|可否|是否可行)[，,]?\s*请(批示|批复|审批|审定|指示)|以上请示|特此请示|请予(批准|审批|批复)/, '请示'],
  [/特此报告|专此报告|以上报告/, '报告'],
  [/特此批复|此复。?$/, '批复'],
  [/特此函(告|复|达)|请(即)?函复|盼复/, '函'],
  [/特此通知/, '通知'],
  [/特此通报/, '通报'],
  [/特此公告/, '公告'],
  [/特此通告/, '通告'],
];

/** Legal texts published through a 令 or a 通知: they carry no 文种 of their own. */
const STATUTE_END = /(条例|规定|办法|细则|规则|章程|准则|标准)$/;

/**
 * Title endings that are not 文种, with the 文种 the draft is taken for (null: it is an attachment to be issued
 * by a 通知) and why. title-form tells the drafter; here they decide which rules apply.
 */
export const NOT_DOC_TYPES: { re: RegExp; fits: DocType | null; why: string }[] = [
  { re: /(请示报告|报告请示)$/, fits: null, why: '请示和报告是两个文种' },
  { re: /申请报告$/, fits: '请示', why: '“申请报告”不是文种，请求批准用请示' },
  { re: /(工作总结|总结)$/, fits: '报告', why: '总结不是文种，向上级汇报工作用报告' },
  { re: /(情况汇报|工作汇报|汇报)$/, fits: '报告', why: '汇报不是文种，向上级汇报工作用报告' },
  { re: /情况说明$/, fits: '报告', why: '情况说明不是文种，向上级反映情况用报告' },
  { re: /申请书?$/, fits: '请示', why: '申请不是文种，向上级请求批准用请示' },
  { re: /(工作要点|要点|计划|方案|规划|安排|预案)$/, fits: null, why: '不是文种，应以通知印发' },
];

/** An ask in the body's last paragraphs: what makes a "请示报告" a 请示. */
const BODY_ASK = /(妥否|当否|可否|如无不妥|如无不当)[，,]?\s*请|请(予以|予)?(批示|批复|审批|批准)|恳请|特此请示|特申请|现申请|请求[^。，]{0,20}(批准|审批|拨付|支持)/;

export function detectDocType(title: string | undefined, bodyTexts: string[], declared: DeclaredMeta): Detection<DocType> {
  if (declared.docType) return { value: declared.docType, confidence: 1, reason: `元数据声明文种为“${declared.docType}”` };
  if (title) {
    const t = title.replace(/[\s\u3000]/g, '').replace(/[（(][^（()）]*[）)]$/, '').replace(/[。；，]$/, '');
    for (const { re, fits, why } of NOT_DOC_TYPES) {
      const m = re.exec(t);
      if (!m) continue;
      if (m[0] === '请示报告' || m[0] === '报告请示') {
        const asks = BODY_ASK.test(bodyTexts.join('\n'));
        return { value: asks ? '请示' : '报告', confidence: 0.7, reason: `标题以“${m[0]}”结尾（${why}）；正文${asks ? '提出请求，按请示处理' : '没有请求事项，按报告处理'}` };
      }
      return { value: fits, confidence: fits ? 0.65 : 0.8, reason: `标题以“${m[0]}”结尾：${why}${fits ? `，按${fits}处理` : ''}` };
    }
    for (const [suffix, type, why] of TITLE_SUFFIXES) {
      if (t.endsWith(suffix)) {
        const reason = `标题以“${suffix}”结尾${why ? `（${why}）` : ''}`;
        return { value: type, confidence: why ? 0.85 : 0.95, reason };
      }
    }
    const statute = STATUTE_END.exec(t);
    if (statute) return { value: null, confidence: 0.8, reason: `标题以“${statute[1]}”结尾：法规规章文本，随“令”或“通知”发布，本身不是文种` };
  }
  const tail = bodyTexts.slice(-8).join('\n');
  for (const [re, type] of BODY_CUES) {
    const m = re.exec(tail);
    if (m) return { value: type, confidence: 0.7, reason: `正文结尾有“${m[0]}”` };
  }
  return { value: null, confidence: 0, reason: title ? '标题未写明文种' : '未找到标题' };
}

const DEFAULT_DIRECTION: Partial<Record<DocType, [Direction, number]>> = {
  请示: ['上行', 0.95],
  报告: ['上行', 0.85],
  议案: ['上行', 0.95],
  函: ['平行', 0.9],
  批复: ['下行', 0.95],
  命令: ['下行', 0.95],
  决定: ['下行', 0.9],
  决议: ['下行', 0.85],
  通知: ['下行', 0.8],
  通报: ['下行', 0.8],
  公告: ['下行', 0.9],
  通告: ['下行', 0.9],
  公报: ['下行', 0.85],
  意见: ['下行', 0.6],
  纪要: ['下行', 0.5],
  简报: ['下行', 0.5],
};

export function detectDirection(docType: DocType | null, recipients: string | undefined, declared: DeclaredMeta): Detection<Direction> {
  if (declared.direction) return { value: declared.direction, confidence: 1, reason: `元数据声明为${declared.direction}文` };
  const r = recipients?.replace(/[:：]\s*$/, '') ?? '';
  // "各省、自治区…" / "各区属单位": addressed to many subordinates.
  const many = /^各|[，、]各/.test(r);
  if (docType) {
    const d = DEFAULT_DIRECTION[docType];
    if (d) {
      if (many && d[0] !== '下行' && docType !== '请示') return { value: '下行', confidence: 0.7, reason: `主送“${r.slice(0, 12)}…”为多个下级机关` };
      return { value: d[0], confidence: d[1], reason: `${docType}通常为${d[0]}文` };
    }
  }
  if (many) return { value: '下行', confidence: 0.6, reason: `主送“${r.slice(0, 12)}…”为多个下级机关` };
  return { value: null, confidence: 0, reason: '无法判断行文方向' };
}

export function detectCategory(docType: DocType | null, declared: DeclaredMeta): Detection<Category> {
  if (declared.category) return { value: declared.category, confidence: 1, reason: `元数据声明类别为“${declared.category}”` };
  if (docType === '简报') return { value: '简报', confidence: 0.95, reason: '文种为简报' };
  if (docType === '研究报告') return { value: '研究报告', confidence: 0.95, reason: '文种为研究报告' };
  return { value: '文件稿', confidence: 0.5, reason: '未声明类别，按文件稿计；部署全局性、综合性工作的文件可声明“类别: 综合”' };
}

export function blockTexts(blocks: GwBlock[]): string[] {
  return blocks.map((b) => b.data.norm);
}
