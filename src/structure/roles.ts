import type { GwBlock, GwDocument, Role } from '../model/types.js';
import { detectCategory, detectDirection, detectDocType } from './doctype.js';
import {
  ATTACHMENT_HEAD,
  ATTACHMENT_NOTE,
  CC,
  COPY_NUMBER,
  DATE_ARABIC,
  DATE_CHINESE,
  DOC_NUMBER_LINE,
  NOTE,
  PRINTED,
  SECRECY,
  SIGNER,
  URGENCY,
  headingLevelOf,
} from './patterns.js';

/**
 * The structure pass: gives every block its 公文 role (GB/T 9704-2012 第7章) and decides 文种, direction and
 * 类别. It reads the draft the way a clerk does — 版头 from the top, 版记 and the signature from the bottom,
 * 正文 in between — so that it works on a full Word draft and on a web extraction without 版头 alike.
 */

/** A block's normalised text without white space: what the heuristics below read. */
const cleanText = (b: GwBlock): string => b.data.norm.replace(/[\s\u3000]+/g, '');

/** Agency-like names: what a 发文机关标志 or 署名 looks like. */
const AGENCY_END = /(人民政府|政府|委员会|委|办公室|办公厅|厅|局|部|院|署|会|处|科|室|中心|小组|党组|支队|大队|公司|集团|大学|学院|学校|街道|社区|镇|乡|村|所|站|队|团|馆)(（[^）]*）)?$/;

/** "…国务院令", "…市人民政府令", "…部令": an issuing body followed by 令. */
const AGENCY_BEFORE_LING = /(国务院|政府|部|委员会|局|署|院|行|会)令$/;

/** Lines that make up a title: no sentence end, not a recipient line, not too long. */
function titleLike(t: string): boolean {
  if (!t || t.length > 80) return false;
  if (/[。；！？]$/.test(t) || /[:：]$/.test(t)) return false;
  if (/[。；]/.test(t)) return false;
  return true;
}

/** A 署名 line: short, no sentence punctuation (an agency, or 职务 + 姓名 as in a 令). */
function isSignatureLike(cleaned: string): boolean {
  const t = cleaned.replace(/&\w+;/g, '');
  return t.length > 0 && t.length <= 40 && !/[。；，,：:]/.test(t);
}

function isDate(t: string): boolean {
  return DATE_ARABIC.test(t) || DATE_CHINESE.test(t) || PLACEHOLDER_DATE.test(t);
}

/**
 * Templates stand in for what the drafter will type: "XX发〔20XX〕XX号", "20XX年XX月XX日", "[此处输入文件标题]".
 * The structure pass reads them as the part they stand for, so a template lints like the draft it becomes.
 */
const X = '[XxＸ×□○＊*]';
const PLACEHOLDER_DATE = new RegExp(`^(\\d{4}|\\d{2}${X}{2}|${X}{4})年(\\d{1,2}|${X}{1,2})月(\\d{1,2}|${X}{1,2})日$`);
const PLACEHOLDER_DOC_NUMBER = new RegExp(`^[\\u4e00-\\u9fa5A-Za-zＸ×]{0,20}[〔\\[［(（【﹝]\\s*(\\d{2,4}|\\d{2}${X}{2}|${X}{2,4})\\s*[〕\\]］)）】﹞]\\s*(\\d+|${X}+)?\\s*号`);
const PLACEHOLDER_PART: [RegExp, Role][] = [
  [/^[\[【［]?\s*此处输入[^\]】］]*(标题)[^\]】］]*[\]】］]?$/, '标题'],
  [/^[\[【［]?\s*此处输入[^\]】］]*(主送机关)[^\]】］]*[\]】］]?[:：]?$/, '主送机关'],
];
/** What a 主送机关 names: bodies, offices, or (wrongly, but it must be seen to be flagged) a leader. */
const RECIPIENT_LIKE = /(政府|局|委|办|厅|部|院|署|会|处|室|科|中心|单位|部门|公司|集团|街道|乡|镇|村|社区|学校|机关|机构|各|长|书记|主任|领导|同志|组|队|所|站|团|馆|行|司|党委|党组|总部|军区|企业|大学|医院|主席|代表|委员|先生|女士|总理|教授|同学|老师)/;
/** "(通政发〔2022〕1号)": the 发文字号 repeated in brackets by a web page. */
const PAREN_DOC_NUMBER = /^[(（][^()（）]*〔\d{4}〕\d+号[)）]$/;

/** Short lines a web page leaves between a title and its recipient. */
function isResidue(t: string): boolean {
  return t.length <= 12 && !/[。；，]/.test(t) ? true : PAREN_DOC_NUMBER.test(t);
}

/** A whole line that only holds a place: "[此处输入正文内容]", "【此处输入主送机关】：", "通知标题". */
const PLACEHOLDER_TEXT = /^[\[【［]\s*此处输入[^\]】］]*[\]】］][:：]?$|^[\[【［][^\]】］]{1,12}[\]】］][:：]$|^(文件|通知|请示|报告|函|公告|通告)?标题$/;

/** Lines of ornaments only (★, rules drawn with dashes): part of no element. */
const ORNAMENT = /^[★☆*＊\-—─━_=·•.。\s]+$/;

function placeholderRole(t: string): Role | undefined {
  for (const [re, role] of PLACEHOLDER_PART) if (re.test(t)) return role;
  return undefined;
}

/** A 成文日期 line, possibly with the 署名 before it on the same line ("××局  2024年1月2日"). */
function dateLine(b: GwBlock): boolean {
  const t = b.data.norm.trim().replace(/&\w+;/g, '').trim();
  if (isDate(t.replace(/\s+/g, ''))) return true;
  return false;
}

function headerRole(b: GwBlock, t: string): Role | undefined {
  if (COPY_NUMBER.test(t)) return '份号';
  if (SECRECY.test(t)) return '密级和保密期限';
  if (URGENCY.test(t)) return '紧急程度';
  if (DOC_NUMBER_LINE.test(t) || PLACEHOLDER_DOC_NUMBER.test(t)) return '发文字号';
  if (SIGNER.test(b.data.norm)) return '签发人';
  if (/文件$/.test(t) && t.length <= 30 && !/关于/.test(t)) return '发文机关标志';
  // 命令（令）: "中华人民共和国国务院令" with its 令号 "第706号" on the next line.
  if (/令$/.test(t) && t.length <= 24 && !/关于|命令$/.test(t) && AGENCY_BEFORE_LING.test(t)) return '发文机关标志';
  if (/^第\s*(\d+|[XxＸ×]*)\s*号$/.test(t)) return '发文字号';
  return undefined;
}

export function assignRoles(doc: GwDocument): void {
  const blocks = doc.children;
  // Each block's cleaned text, read many times by the heuristics below (and at least once for every block).
  const cl = blocks.map(cleanText);
  // The pass in its three parts, each its own function: the top and the bottom of a draft are read a few lines
  // each, the body once per block; a compiler that optimises the per-block loops then need not take in the
  // whole pass with them.
  const { bodyStart, title, recipients } = readHead(blocks, cl);
  const end = readTail(blocks, cl, bodyStart);
  markBody(blocks, cl, bodyStart, end);

  const bodyTexts = blocks.filter((b) => b.data.role === '正文').map((b) => b.data.norm);
  // A 令 has no title of its own: its 版头 ("…国务院令") names the 文种.
  const ling = blocks.findIndex((b, k) => b.data.role === '发文机关标志' && /令$/.test(cl[k]!));
  const lingMark = ling >= 0 ? cl[ling] : undefined;
  const docType = detectDocType(title ?? lingMark, bodyTexts, doc.data.declared);
  if (!title && lingMark !== undefined && docType.value === '命令') docType.reason = `版头“${lingMark}”表明文种为命令（令）`;
  doc.data.docType = docType;
  doc.data.direction = detectDirection(docType.value, recipients, doc.data.declared);
  doc.data.category = detectCategory(docType.value, doc.data.declared);
}

function set(blocks: GwBlock[], i: number, role: Role): void {
  blocks[i]!.data.role = role;
}

/** 主送机关: a short line ending with a colon that names bodies (or a placeholder standing for one). */
function isRecipient(t: string): boolean {
  if (placeholderRole(t) === '主送机关') return true;
  return /[:：]$/.test(t) && t.length <= 160 && !/[。；]/.test(t) && !headingLevelOf(t) && !ATTACHMENT_NOTE.test(t) && RECIPIENT_LIKE.test(t);
}

/** 版头, 标题 and 主送机关, from the top; where the body starts. */
function readHead(blocks: GwBlock[], cl: string[]): { bodyStart: number; title: string | undefined; recipients: string | undefined } {
  const n = blocks.length;
  let i = 0;
  let title: string | undefined;
  let recipients: string | undefined;
  const titleIdx: number[] = [];
  let sawHeader = false;
  // Header parts may come before or after the title (web extractions put 发文字号 after it).
  // Text boxes and table cells at the top of a Word file are 版头 furniture: they do not use up the scan.
  let furniture = 0;
  for (let k = 0; k < Math.min(n, 60) && k - furniture < 14; k++) if (blocks[k]!.data.container === 'textbox' || blocks[k]!.data.container === 'table') furniture++;
  const TOP_SCAN = Math.min(n, 14 + furniture);
  while (i < TOP_SCAN) {
    const b = blocks[i]!;
    const t = cl[i]!;
    const hr = headerRole(b, t);
    if (hr) {
      set(blocks, i, hr);
      sawHeader = true;
      i++;
      continue;
    }
    if (ORNAMENT.test(t)) {
      set(blocks, i, '其他');
      i++;
      continue;
    }
    // In a Word file the 版头's agency name sits in a text box, and the title is the centred line below it.
    if (b.data.container === 'textbox' && titleIdx.length === 0 && t.length <= 30 && !/关于/.test(t) && !startsTitle(blocks, cl, i)) {
      // 联合行文 stacks the agencies ("XXXX人民政府", "发文机关二") beside one "文件" box.
      set(blocks, i, AGENCY_END.test(t) || sawHeader ? '发文机关标志' : '其他');
      sawHeader ||= AGENCY_END.test(t);
      i++;
      continue;
    }
    if (b.data.container === 'table' && titleIdx.length === 0) {
      // A form at the top (明传电报's 发电单位 / 等级 / 签批 table) is 版头 furniture.
      set(blocks, i, headerRole(b, t) ?? '其他');
      i++;
      continue;
    }
    // Two items spaced apart on one line ("XXXX人民政府      2020年2月19日") are a 版头 line, not a title.
    if (title === undefined && b.data.format?.alignment === 'center' && b.data.container !== 'textbox' && titleLike(t) && !isDate(t) && !/\S[\s\u3000]{3,}\S/.test(b.data.text) && !/\d{4}\s*年.*日$/.test(t)) {
      titleIdx.push(i);
      title = placeholderRole(t) === '标题' ? '' : t;
      i++;
      continue;
    }
    if (title === undefined && placeholderRole(t) === '标题') {
      titleIdx.push(i);
      title = '';
      i++;
      continue;
    }
    // An agency name alone above the title, in a red-header draft without "文件" (e.g. 纪要, 函 版头).
    if (!sawHeader && titleIdx.length === 0 && i + 1 < n && AGENCY_END.test(t) && t.length <= 25 && !/关于/.test(t)) {
      const next = cl[i + 1]!;
      // Before 发文字号 it is the 版头 of a 函 or 纪要; before "关于…" it is the first line of a split title.
      if (headerRole(blocks[i + 1]!, next) && !/^关于/.test(next)) {
        set(blocks, i, '发文机关标志');
        sawHeader = true;
        i++;
        continue;
      }
    }
    if (title === undefined && titleLike(t) && startsTitle(blocks, cl, i)) {
      titleIdx.push(i);
      title = t;
      i++;
      continue;
    }
    const titleFromHeading = titleIdx.length > 0 && blocks[titleIdx[0]!]!.data.markdownDepth !== undefined;
    if (title !== undefined && !titleFromHeading && titleIdx[titleIdx.length - 1] === i - 1 && titleLike(t) && !headingLevelOf(t) && b.data.markdownDepth === undefined && continuesTitle(title, t)) {
      titleIdx.push(i);
      title += t;
      i++;
      continue;
    }
    break;
  }
  // Markdown: a level-1 heading further down (after a front matter-less preamble) is the title.
  if (titleIdx.length === 0) {
    const h = blocks.findIndex((b, k) => k < TOP_SCAN && b.data.markdownDepth === 1);
    if (h >= 0 && !blocks[h]!.data.role) {
      titleIdx.push(h);
      title = cl[h]!;
      i = Math.max(i, h + 1);
    }
  }
  for (const k of titleIdx) set(blocks, k, '标题');
  // Header parts right after the title (web order: title, then 发文字号).
  while (i < n && headerRole(blocks[i]!, cl[i]!)) {
    set(blocks, i, headerRole(blocks[i]!, cl[i]!)!);
    i++;
  }
  // 主送机关: a short line ending with a colon, right after the title. Web pages leave residue between the two
  // ("分享:", "字号:", the 发文字号 again in brackets): skip up to three such lines when a recipient follows.
  let r = i;
  while (r < Math.min(n, i + 3) && !isRecipient(cl[r]!) && isResidue(cl[r]!)) r++;
  if (r < n && isRecipient(cl[r]!)) {
    for (let k = i; k < r; k++) set(blocks, k, PAREN_DOC_NUMBER.test(cl[k]!) ? '发文字号' : '其他');
    set(blocks, r, '主送机关');
    recipients = cl[r]!;
    i = r + 1;
  }
  return { bodyStart: i, title, recipients };
}

/** 版记, 附件, 成文日期, 署名 and 附件说明, from the bottom; where the body ends (exclusive). */
function readTail(blocks: GwBlock[], cl: string[], bodyStart: number): number {
  const n = blocks.length;
  let end = n; // exclusive end of what is still unassigned
  // 版记: 抄送 and 印发 lines at the very end.
  for (let k = n - 1; k >= bodyStart; k--) {
    const t = cl[k]!;
    if (PRINTED.test(t)) {
      set(blocks, k, '印发机关和印发日期');
      end = k;
    } else if (CC.test(t)) {
      set(blocks, k, '抄送');
      end = k;
    } else if (/^[-—_─━=]{3,}$/.test(t) && end === k + 1) {
      set(blocks, k, '其他');
      end = k;
    } else break;
  }
  // 成文日期: the first date line after which only 附注, an attached document (附件1 …, or the text a 令 or an
  // 印发 notice issues) or the 版记 follow. The last date in the file may belong to an attachment.
  const afterNotes = (k: number): number => {
    let j = k + 1;
    while (j < end && NOTE.test(cl[j]!)) j++;
    return j;
  };
  let dateIdx = -1;
  let fallback = -1;
  for (let k = bodyStart; k < end; k++) {
    if (!dateLine(blocks[k]!)) continue;
    const j = afterNotes(k);
    if (j >= end || ATTACHMENT_HEAD.test(cl[j]!)) {
      dateIdx = k;
      break;
    }
    const signed = k > bodyStart && isSignatureLike(cl[k - 1]!);
    // Signed, dated, and followed by a document title: what follows is the text this one issues or forwards
    // (印发 / 转发 notices), even when that text ends with a date of its own.
    if (signed && startsTitle(blocks, cl, j)) {
      dateIdx = k;
      break;
    }
    if (fallback < 0 && titleLike(cl[j]!) && signed) fallback = k;
  }
  if (dateIdx < 0) dateIdx = fallback;
  if (dateIdx >= 0) {
    // Everything after the date: 附注 (in brackets), then the attached or issued document.
    set(blocks, dateIdx, '成文日期');
    let k = dateIdx + 1;
    while (k < end && NOTE.test(cl[k]!)) set(blocks, k++, '附注');
    for (; k < end; k++) set(blocks, k, '附件');
    end = dateIdx;
    // 署名: up to four short agency lines right before the date (联合行文).
    let signed = 0;
    for (let s = dateIdx - 1; s >= bodyStart && signed < 4; s--) {
      const t = cl[s]!.replace(/&\w+;/g, '');
      if (t.length > 0 && t.length <= 40 && !/[。；，,：:]/.test(t) && !headingLevelOf(t) && (AGENCY_END.test(t) || signed === 0)) {
        set(blocks, s, '发文机关署名');
        end = s;
        signed++;
      } else break;
    }
  }
  // 附件说明: "附件：…" in the last part of the body, with its numbered continuation lines.
  for (let k = bodyStart; k < end; k++) {
    const t = cl[k]!;
    if (ATTACHMENT_NOTE.test(t) && k >= bodyStart) {
      let j = k;
      set(blocks, j++, '附件说明');
      while (j < end && /^\d+[.．]/.test(cl[j]!) && (j === k + 1 || blocks[j - 1]!.data.role === '附件说明')) set(blocks, j++, '附件说明');
      if (j >= end || blocks.slice(j, end).every((b) => b.data.role)) {
        end = k;
        break;
      }
      // An 附件说明 in the middle of the text is a false start: undo.
      for (let u = k; u < j; u++) delete blocks[u]!.data.role;
    }
  }

  return end;
}

/** 正文 (with heading levels) between the two; 其他 for what is left; placeholders marked. */
function markBody(blocks: GwBlock[], cl: string[], bodyStart: number, end: number): void {
  for (let k = bodyStart; k < end; k++) {
    const b = blocks[k]!;
    if (b.data.role) continue;
    b.data.role = '正文';
    const level = headingLevelOf(cl[k]!);
    if (level) b.data.headingLevel = level;
  }
  // Anything still without a role (e.g. blank-ish lines before the title) is 其他.
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (!b.data.role) b.data.role = '其他';
    if (PLACEHOLDER_TEXT.test(cl[k]!)) b.data.placeholder = true;
  }
}

/** The first title line: it names a matter (关于…) or, with the next lines, ends in a 文种 word. */
function startsTitle(blocks: GwBlock[], cl: string[], i: number): boolean {
  const b = blocks[i]!;
  if (b.data.markdownDepth === 1) return true;
  let joined = '';
  for (let k = i; k < Math.min(blocks.length, i + 4); k++) {
    const bk = blocks[k]!;
    if (!titleLike(cl[k]!) || headerRole(bk, cl[k]!)) break;
    joined += cl[k]!;
    if (/关于/.test(joined) || /(请示|报告|通知|通报|通告|公告|公报|决议|决定|命令|意见|议案|批复|函|纪要|简报|答复|条例|规定|办法|细则|方案|规则)$/.test(joined)) return true;
  }
  return false;
}

/** Whether line `t` continues a title that is not finished yet. */
function continuesTitle(titleSoFar: string, t: string): boolean {
  // A title ends with its 文种; once it does, the next line is something else.
  const core = titleSoFar.replace(/[（(][^（()）]*[）)]$/, '');
  if (/(请示|报告|通知|通报|通告|公告|公报|决议|决定|命令|意见|议案|批复|函|纪要|简报|答复)$/.test(core)) return false;
  return t.length <= 40;
}
