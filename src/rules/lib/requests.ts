import type { GwBlock, GwDocument } from '../../model/types.js';
import type { Segmenter, Token } from '../../util/segmenter.js';
import { sentences } from '../../structure/patterns.js';

/**
 * Finding the sentences of a draft that ask the recipient for something (approve, decide, fund, forward,
 * coordinate) — and telling them apart from sentences that only mention asking.
 *
 * Real prose is full of near-misses: 严格执行重大事项请示报告制度 (an institution), 经请示市政府同意 (past),
 * 已报请市政府批准 (past), 未经批准不得开工 (negation), 新增简报需请示区政府批准 (a rule being stated), 待市政府批准后
 * 实施 (a condition), 请各地认真贯彻落实 (an instruction downward), 恳请批评指正 (politeness), 《关于…的请示》 (a
 * title). So a candidate ask is found by its cue word and then read in its clause: what comes before the cue
 * (tense, negation, modality, condition) and what follows it (an approving action, or only a polite one).
 *
 * Cue and context words are matched as whole words from the jieba segmentation (with rules/dict/office.txt),
 * never as substrings: 不断 is not 不, 经济 is not 经, 申请人 is not 申请, 请示报告制度 is one word.
 */

/** The closing formulas of a 请示 (and, wrongly used, of a 报告): a general ask, not a matter of its own. */
export const CLOSING =
  /(妥否|当否|可否|是否妥当|是否可行|如无不妥|如无不当|如无异议|如可行)[，,]?\s*(请|恳请|敬请|望)(予以|予)?(批示|批复|审批|审定|指示|示复|核示|批准|审示|批转|转发)|(以上|上述)(请示|报告|意见|方案)?[^。；]{0,20}(请|恳请|敬请)(予以|予)?(批示|批复|审批|批准|审定|批转|转发)|特此请示|(特此|专此)报请[^。]{0,10}(批准|审批|审定)/;

/** What a 报告 legitimately ends with (and a 请示 must not). */
export const REPORT_CLOSING = /(特此报告|专此报告|以上报告|现将[^。]{0,30}报告如下|特此函告|特此通知)/;

/** Actions an ask requests of the recipient. */
const ACTION = new Set([
  '批准', '审批', '批复', '批示', '审定', '核准', '准予', '同意', '支持', '解决', '拨付', '拨款', '安排', '协调', '转发', '批转',
  '核拨', '划拨', '追加', '增拨', '给予', '予以', '帮助', '指示', '研究', '定夺', '决定', '审核', '备案', '立项', '核定', '核批',
  '批', '示复', '核示', '审示', '补助', '拨给', '解决问题', '协调解决', '研究解决', '统筹', '倾斜', '考虑', '关心', '调剂', '增加', '下达',
  '帮助解决', '大力支持', '给予支持', '予以支持', '予以批准', '批准为盼', '为盼', '是盼', '盼复', '核减', '免除', '减免', '延期', '豁免',
]);

/** Actions that are only courtesy: asking a superior to read, correct or deliberate is what a 报告 may do. */
const POLITE = new Set([
  '批评指正', '指正', '斧正', '审阅', '阅知', '阅示', '参阅', '审议', '莅临', '指导', '光临', '出席', '参加', '阅', '参考', '关注', '过目',
  '知悉', '查阅', '阅处', '阅研', '批评', '监督', '提出', '提',
]);

/** Cue words. */
const PLEA = new Set(['恳请', '敬请', '特请', '恳求', '请求', '务请', '烦请', '拟请', '诚请', '吁请', '特恳请', '特请求', '恳切']);
const SUBMIT = new Set(['报请', '提请', '呈请', '呈报', '请示']);
const HOPE = new Set(['望', '希望', '恳望', '盼', '期望', '期盼', '恳盼', '盼望', '敬望', '务望']);

/** Words before a cue in its clause that make it a mention. */
const PAST = new Set(['已', '已经', '经', '业经', '曾', '曾经', '均已', '先后', '此前', '前期', '并经', '均经', '已于', '早已', '多次', '一再', '屡次', '曾于', '当时']);
const NEGATION = new Set(['不', '未', '没有', '无需', '无须', '不必', '不再', '不得', '不需', '不需要', '严禁', '禁止', '勿', '不宜', '不能', '未经', '无', '不用', '不要', '尚未', '从未', '并未', '并非', '不是', '非']);
const MODAL = new Set([
  '应', '应当', '应该', '须', '需', '需要', '必须', '要', '一律', '均须', '务必', '可', '可以', '方可', '才能', '得', '按规定', '按程序', '及时',
  '一般', '原则上', '由', '均应', '均要', '应由', '需由', '须经', '须由', '负责', '按照', '依照', '根据', '依据', '执行', '落实', '遵守', '规定',
]);
const CONDITION = new Set(['如', '若', '如果', '待', '一旦', '倘若', '如需', '如有', '假如', '若需', '如遇', '遇有', '凡', '凡是', '对于', '关于', '是否', '能否']);
/** Who is being addressed after 请 / 望 when it is an instruction downward, not an ask upward. */
const DOWNWARD = /^(各|你们|你|各位|全体|广大|有关|相关|大家|各级|各地|各部门|各单位|同志们|下属|所属|区属|市属|县属|本系统)/;
/** Present-tense markers that make 报请 / 提请 / 申请 / 请示 an ask being made now. */
const PRESENT = new Set(['现', '特', '特此', '兹', '今', '故', '为此', '谨', '再次', '现予', '现特', '因此', '据此', '鉴于此', '为', '拟', '特向', '现向', '故此']);
/** What follows 申请 / 请求 when they are nouns. */
const NOUN_AFTER = /^(人|书|表|材料|条件|事项|程序|时间|单位|资格|期限|方式|流程|的|者|范围|对象|主体|报告|文件|理由|数|额|件|类|制度|事宜)/;
/** Institutions named after the cue: 请示报告制度, 请示事项, 请示件. */
const INSTITUTION_AFTER = /^(报告)?(制度|程序|事项|件|类|工作机制|规定|办法|流程|机制|意识|纪律|责任)/;

/** A cheap test: a paragraph without any of these characters asks nothing, and needs no segmenter. */
export const MAY_ASK = /[请盼望申蒙]/;

export type AskKind = 'closing' | 'plea' | 'submit' | 'apply' | 'hope' | 'present';

export interface Ask {
  start: number;
  end: number;
  /** The clause that asks, e.g. "恳请市政府给予专项资金支持". */
  phrase: string;
  kind: AskKind;
  closing: boolean;
  /** 批转 / 转发: the 呈转性报告 wording (a 报告 asking the superior to forward it), legitimate before 2012. */
  forward: boolean;
  sentence: [number, number];
}

export interface AskOptions {
  /**
   * Whole-word reading, or a function that loads it — then it is loaded only when a sentence needs it (a short
   * 请示 whose only asks are its closing never does). Without it a character-based fallback is used.
   */
  segmenter?: Segmenter | (() => Segmenter);
}

function maskQuoted(text: string): string {
  // Blank out quoted and titled text (“…” 《…》 「…」 〈…〉) so that quoted regulation clauses and document titles
  // are never read as asks. Same length, so offsets stay valid.
  return text.replace(/“[^”]*”|《[^》]*》|「[^」]*」|『[^』]*』|〈[^〉]*〉|"[^"]*"|‘[^’]*’/g, (m) => '\u0000'.repeat(m.length));
}

const CLAUSE_END = '，,；;：:。！？!?\u0000';

/** Splits masked text into unmasked runs and segments each, so tokens never straddle quoted text. */
function tokenize(masked: string, s: number, e: number, seg: Segmenter | undefined): Token[] {
  const out: Token[] = [];
  let i = s;
  while (i < e) {
    if (masked[i] === '\u0000') {
      let j = i;
      while (j < e && masked[j] === '\u0000') j++;
      // One placeholder token: it separates clauses as far as tense and negation are concerned.
      out.push({ word: '\u0000', start: i, end: j });
      i = j;
      continue;
    }
    let j = i;
    while (j < e && masked[j] !== '\u0000') j++;
    const run = masked.slice(i, j);
    const toks = seg ? seg.cut(run) : fallbackCut(run);
    for (const t of toks) out.push({ word: t.word, start: t.start + i, end: t.end + i });
    i = j;
  }
  return out;
}

/** Without jieba: longest match against the words this module knows, else one character. */
const KNOWN = [...PLEA, ...SUBMIT, ...HOPE, ...PAST, ...NEGATION, ...MODAL, ...CONDITION, ...ACTION, ...POLITE, ...PRESENT, '申请', '请示报告制度', '请示报告', '请予', '请示', '申请人', '经济', '不断', '已经'].sort((a, b) => b.length - a.length);
function fallbackCut(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const w = KNOWN.find((k) => text.startsWith(k, i)) ?? text[i]!;
    out.push({ word: w, start: i, end: i + w.length });
    i += w.length;
  }
  return out;
}

const isClauseEnd = (w: string): boolean => w.length === 1 && CLAUSE_END.includes(w);

/** A token like 请予批准 / 请批示 / 请审批 that jieba keeps whole (office.txt). */
function fusedPlea(w: string): string | undefined {
  const m = /^请(予以|予|给予)?(.+)$/.exec(w);
  if (!m || w === '请示' || w.startsWith('请示')) return undefined;
  return ACTION.has(m[2]!) || POLITE.has(m[2]!) ? m[2]! : undefined;
}

function mentionBefore(before: Token[], kind: AskKind): boolean {
  for (const t of before) {
    if (PAST.has(t.word) || NEGATION.has(t.word) || CONDITION.has(t.word)) return true;
    if (kind !== 'closing' && MODAL.has(t.word)) return true;
  }
  return false;
}

const SELF = /^(我|我们|本|我局|我委|我办|我厅|我院|我区|我县|我市|我镇|我乡|我街道|我单位|我中心|我部|我处|我司|本局|本单位|局|委|办|厅|院|区|县|市|镇|乡|街道|单位|中心|部|处|司)$/;

/** Whether the words before a cue are only the drafter ("我局") and adverbs ("特", "再次", "诚恳"). */
function firstPersonOrAdverb(before: Token[]): boolean {
  return before.every((b) => SELF.test(b.word) || PRESENT.has(b.word) || /^(再次|诚恳|恳切|特别|在此|谨此|为此|因此|故|并|同时|也|还|尽快|务必)$/.test(b.word) || /^[\s，,]$/.test(b.word));
}

/**
 * Whether a word is a polite or an approving action. jieba keeps some phrases whole ("予以考虑", "莅临指导",
 * "给予支持"), so a word also counts by its parts: a polite word it starts or ends with, or an approving verb
 * after 予以 / 给予 / 帮助 ….
 */
function actionKind(w: string): 'polite' | 'action' | undefined {
  if (POLITE.has(w)) return 'polite';
  if (ACTION.has(w)) return 'action';
  if (w.length >= 3) {
    for (const p of POLITE) if (p.length >= 2 && (w.startsWith(p) || w.endsWith(p))) return 'polite';
    const rest = w.replace(/^(予以|给予|请予|予|帮助|大力|积极|尽快|及时|早日|认真|统筹|加快)/, '');
    if (rest !== w && (ACTION.has(rest) || POLITE.has(rest))) return POLITE.has(rest) ? 'polite' : 'action';
  }
  return undefined;
}

/** The first approving (or polite) action after index k in the clause; the polite one wins if it comes first. */
function actionAfter(tokens: Token[], k: number, limit = 12): { action?: Token; polite?: Token; index: number } {
  for (let i = k; i < tokens.length && i < k + limit; i++) {
    const w = tokens[i]!.word;
    if (isClauseEnd(w)) break;
    const kind = actionKind(w);
    if (kind === 'polite') return { polite: tokens[i]!, index: i };
    if (kind === 'action') return { action: tokens[i]!, index: i };
    const fused = fusedPlea(w);
    if (fused) return POLITE.has(fused) ? { polite: tokens[i]!, index: i } : { action: tokens[i]!, index: i };
  }
  return { index: -1 };
}

/** The asks in one block of normalised text. */
export function findAsks(norm: string, opts: AskOptions = {}): Ask[] {
  const masked = maskQuoted(norm);
  const out: Ask[] = [];
  for (const [s, e] of sentences(masked)) {
    if (!MAY_ASK.test(masked.slice(s, e))) continue;
    const bare = bareClosing(masked, norm, s, e);
    if (bare) {
      out.push(bare);
      continue;
    }
    const seg = typeof opts.segmenter === 'function' ? opts.segmenter() : opts.segmenter;
    const tokens = tokenize(masked, s, e, seg);
    const found = askInSentence(masked, norm, tokens, s, e);
    if (found) out.push(found);
  }
  return out;
}

/**
 * How many sentences of a block would need reading word by word: those that may ask and are not a closing
 * formula opening its clause. A rule can skip the segmenter when this says there is nothing to compare.
 */
export function sentencesToRead(norm: string): number {
  const masked = maskQuoted(norm);
  let n = 0;
  for (const [s, e] of sentences(masked)) if (MAY_ASK.test(masked.slice(s, e)) && !bareClosing(masked, norm, s, e)) n++;
  return n;
}

/** The closing formulas of a block that need no reading of words ("妥否，请批示。"). */
export function bareClosings(norm: string): Ask[] {
  const masked = maskQuoted(norm);
  const out: Ask[] = [];
  for (const [s, e] of sentences(masked)) {
    const a = bareClosing(masked, norm, s, e);
    if (a) out.push(a);
  }
  return out;
}

/** A closing formula with nothing before it in its clause ("妥否，请批示。"): an ask, whatever the words around. */
function bareClosing(masked: string, norm: string, s: number, e: number): Ask | undefined {
  const c = CLOSING.exec(masked.slice(s, e));
  if (!c) return undefined;
  const start = s + c.index;
  let i = start - 1;
  while (i >= s && !CLAUSE_END.includes(masked[i]!)) i--;
  if (masked.slice(i + 1, start).trim() !== '') return undefined;
  return makeAsk(masked, norm, s, e, start, 'closing', /批转|转发/.test(c[0]));
}

function makeAsk(masked: string, norm: string, s: number, e: number, start: number, kind: AskKind, forward: boolean): Ask {
  let end = clauseEndOffset(masked, start, e);
  // A closing formula runs on over its comma: "妥否，请批示".
  if (kind === 'closing') {
    const m = CLOSING.exec(masked.slice(start, e));
    if (m) end = Math.max(end, start + m.index + m[0].length);
  }
  return { start, end, phrase: norm.slice(start, end), kind, closing: kind === 'closing', forward, sentence: [s, e] };
}

function clauseStartIndex(tokens: Token[], k: number): number {
  let i = k - 1;
  while (i >= 0 && !isClauseEnd(tokens[i]!.word)) i--;
  return i + 1;
}

function clauseEndOffset(masked: string, from: number, e: number): number {
  let end = from;
  while (end < e && !CLAUSE_END.includes(masked[end]!)) end++;
  return end;
}

function askInSentence(masked: string, norm: string, tokens: Token[], s: number, e: number): Ask | undefined {
  const sent = masked.slice(s, e);
  const make = (start: number, kind: AskKind, forward: boolean): Ask => makeAsk(masked, norm, s, e, start, kind, forward);
  const tokenAt = (offset: number): number => {
    const k = tokens.findIndex((t) => t.end > offset);
    return k < 0 ? tokens.length : k;
  };

  // 1. Closing formulas.
  const c = CLOSING.exec(sent);
  if (c) {
    const start = s + c.index;
    const k = tokenAt(start);
    // The formula's own 如无不妥 is a condition word: only what precedes the formula in its clause counts.
    const before = tokens.slice(clauseStartIndex(tokens, k), k);
    if (!mentionBefore(before, 'closing')) return make(start, 'closing', /批转|转发/.test(c[0]));
  }
  // 2. Present-tense 请示如下 ("现就有关问题请示如下").
  const p = /(现|特|兹)(就|将|把|对)?[^。；]{0,40}?请示如下/.exec(sent);
  // "现将有关事项请示如下：一是恳请…" — the ask that follows the announcement is the one that says what.
  const present = p ? make(s + p.index, 'present', false) : undefined;
  const from = p ? s + p.index + p[0].length : s;
  // 3. "如蒙同意，…": the approval is asked for by assuming it.
  const ifGranted = /如蒙(同意|批准|支持|采纳|允准|俯允|批复同意)/.exec(sent);
  if (ifGranted) {
    const k = tokenAt(s + ifGranted.index);
    if (!mentionBefore(tokens.slice(clauseStartIndex(tokens, k), k), 'hope')) return make(s + ifGranted.index, 'hope', false);
  }

  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.start < from) continue;
    const w = t.word;
    const plea = PLEA.has(w) || w === '请' || fusedPlea(w) !== undefined;
    // Most words are no cue: the clause around the word is read only for one that is.
    if (!plea && !SUBMIT.has(w) && w !== '申请' && !HOPE.has(w)) continue;
    const cs = clauseStartIndex(tokens, k);
    const before = tokens.slice(cs, k);
    const after = masked.slice(t.end, e);
    let kind: AskKind | undefined;
    let forward = false;

    if (plea) {
      const next = tokens[k + 1]?.word ?? '';
      if (w === '请求' && (before[before.length - 1]?.word === '的' || NOUN_AFTER.test(after))) continue;
      // Reported: "大连市请求尽快审批…", "你省请求国家…" — someone else's request, told.
      if ((w === '请求' || w === '请') && before.length > 0 && !firstPersonOrAdverb(before)) continue;
      if (DOWNWARD.test(next) || DOWNWARD.test(after)) continue;
      const fused = fusedPlea(w);
      const act = fused ? { action: POLITE.has(fused) ? undefined : t, polite: POLITE.has(fused) ? t : undefined, index: k } : actionAfter(tokens, k + 1);
      if (act.polite) continue;
      // 恳请 / 敬请 … asks whatever the verb; a bare 请 only with an approving action.
      if (!act.action && (w === '请' || w === '请求' || w === '拟请')) continue;
      if (act.action && tokens[act.index + 1]?.word === '的') continue;
      kind = 'plea';
      forward = /批转|转发/.test(act.action?.word ?? '');
    } else if (SUBMIT.has(w)) {
      if (INSTITUTION_AFTER.test(after)) continue;
      // Asking now: 现报请 / 特向…请示 / 现提请…审批. Otherwise it describes a procedure (报请市政府批准后实施).
      if (!before.some((b) => PRESENT.has(b.word))) continue;
      const act = actionAfter(tokens, k + 1);
      if (w !== '请示' && (!act.action || act.polite)) continue;
      // 请示 as a verb asks now only when it ends its clause or says what follows: "特向市政府请示如下".
      if (w === '请示' && !/^(如下)?([，,；;：:。！!]|$)/.test(after)) continue;
      kind = 'submit';
    } else if (w === '申请') {
      if (NOUN_AFTER.test(after) || after.startsWith('了') || after.startsWith('过')) continue;
      // "申请区政府信息公开的事项": the clause is a noun phrase about applications, not one being made.
      if (/^[^，,；;：:。]*的(事项|人|单位|材料|项目|企业|问题|情况|条件|资金|经费|对象|范围|公民|组织)/.test(after)) continue;
      const prefix = masked.slice(before[0]?.start ?? t.start, t.start).replace(/\s/g, '');
      // The drafter applying now: 特申请 / 现申请 / 我局申请 / a clause that starts with 申请.
      const firstPerson = /^(我|本)(局|委|办|厅|院|区|县|市|镇|乡|街道|单位|中心|部|处|室|校|所|站|公司|们)?(现|特|特此|再次)?$/.test(prefix);
      const present = before.length > 0 && before.every((b) => PRESENT.has(b.word) || /^[，,\s]$/.test(b.word));
      if (!(before.length === 0 || present || firstPerson)) continue;
      // "失业人员可…，申请享受…": the subject and its modal sit in the clause before.
      if (mentionBefore(tokens.slice(0, k), 'apply')) continue;
      kind = 'apply';
    } else if (HOPE.has(w)) {
      if (DOWNWARD.test(after)) continue;
      const act = actionAfter(tokens, k + 1);
      if (!act.action || act.polite) continue;
      if (tokens[act.index + 1]?.word === '的') continue;
      kind = 'hope';
    } else continue;

    if (mentionBefore(before, kind)) continue;
    return make(t.start, kind, forward);
  }
  return present;
}

/** Whether a block's text is (or ends with) a request closing. */
export function endsWithRequestClosing(norm: string): RegExpExecArray | null {
  return CLOSING.exec(maskQuoted(norm));
}

const STOP = new Set([
  '关于', '有关', '问题', '事项', '工作', '情况', '请示', '报告', '申请', '我们', '我局', '我区', '我委', '相关', '进一步', '一个', '其他', '以及',
  '资金', '经费', '支持', '批准', '给予', '予以', '解决', '同意', '市政府', '区政府', '县政府', '省政府', '上级', '领导', '恳请', '请求', '为盼',
  '妥否', '请批示', '特此', '如下', '以上', '上述', '目前', '当前', '现在', '今年', '明年', '万元', '元', '名', '个', '项', '所需', '需要',
  '尽快', '及时', '切实', '全力', '积极', '专项', '专项资金', '研究', '协调', '安排', '拨付', '追加', '帮助', '政策', '方面', '部分', '一些', '为此',
  '镇区', '城区', '辖区', '全区', '全镇', '全市', '全县', '本区', '本镇', '本市', '区里', '市里', '年度', '另外', '此外', '同时', '我馆', '我镇', '我县', '我市', '贵局',
]);

/** The content words of a text (what a matter is about): nouns and verbs of two characters or more, minus the ask's own words. */
export function contentWords(text: string, seg?: Segmenter): Set<string> {
  const masked = text.replace(/[“”《》「」『』"]/g, ' ');
  const toks = seg ? seg.cut(masked) : fallbackCut(masked);
  const out = new Set<string>();
  for (const t of toks) {
    const w = t.word;
    if (w.length < 2 || !/^[\u4e00-\u9fff]+$/.test(w)) continue;
    if (STOP.has(w) || ACTION.has(w) || PLEA.has(w) || HOPE.has(w) || POLITE.has(w) || PAST.has(w) || MODAL.has(w)) continue;
    out.add(w);
  }
  return out;
}

/**
 * Whether a draft predates the 条例 (in force 2012-07-01): its 成文日期, else the year in its 发文字号. Older
 * 报告 legitimately ask the superior to forward them (呈转性报告: “以上意见如无不妥，请批转各地执行”).
 */
export function before2012(doc: GwDocument): boolean {
  const dated = [...doc.children].reverse().find((b) => b.data.role === '成文日期');
  const d = dated ? writtenDate(dated.data.norm) : undefined;
  if (d) return d.year < 2012 || (d.year === 2012 && d.month < 7);
  const number = doc.data.declared['发文字号'];
  const m = typeof number === 'string' ? /[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]/.exec(number) : null;
  return m ? Number(m[1]) < 2012 : false;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Year and month of a 成文日期 line: 2024年3月1日 or 一九九七年二月四日. */
function writtenDate(text: string): { year: number; month: number } | undefined {
  const a = /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(text);
  if (a) return { year: Number(a[1]), month: Number(a[2]) };
  const c = /([〇○零一二三四五六七八九]{4})\s*年\s*(十[一二]?|[一二三四五六七八九])\s*月/.exec(text);
  if (!c) return undefined;
  const year = [...c[1]!].reduce((n, ch) => n * 10 + CN_DIGIT[ch]!, 0);
  const mm = c[2]!;
  const month = mm.startsWith('十') ? 10 + (mm.length > 1 ? CN_DIGIT[mm[1]!]! : 0) : CN_DIGIT[mm]!;
  return { year, month };
}

/**
 * The paragraph a draft closes with: the last 正文 block that reads as prose. Lines after it that the
 * structure pass left in the 正文 (an agency name or a date without its pair, "此页无正文") are skipped.
 */
export function closingBlock(blocks: GwBlock[]): GwBlock | undefined {
  for (let i = blocks.length - 1; i >= 0; i--) {
    const b = blocks[i]!;
    if (b.data.role !== '正文') continue;
    const t = b.data.norm.replace(/[\s\u3000]+/g, '');
    if (!t) continue;
    if (/[。！？!?；;，,]/.test(t) || CLOSING.test(t) || REPORT_CLOSING.test(t)) return b;
    if (t.length > 40) return b;
  }
  return undefined;
}
