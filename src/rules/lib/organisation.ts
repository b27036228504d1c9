import type { GwBlock, GwDocument } from '../../model/types.js';

/**
 * Who sends a draft and to whom: the bodies named in 主送机关 and 抄送, the sender, their administrative level
 * and kind — enough to tell a superior from a peer or a subordinate. An organisation tree given as a rule
 * option (body → its direct superior) overrides the guesses made from names.
 */

export interface NamedBody {
  name: string;
  /** Offsets in the block's text. */
  start: number;
  end: number;
}

/** The rule option shared by the routing rules. */
export const ORGANISATION_SCHEMA = {
  type: 'object',
  description: '机关隶属关系：每个机关 → 其直接上级机关（名称按公文中的写法，可用简称）',
  additionalProperties: { type: 'string', minLength: 1 },
} as const;

export const SENDER_SCHEMA = { type: 'string', minLength: 1, description: '发文机关（不写时从署名、版头或标题推断）' } as const;

/**
 * Splits a 主送 / 抄送 list into bodies: "市政府、市财政局：" → 市政府, 市财政局. Separators inside brackets
 * ("省（自治区、直辖市）人民政府") do not split.
 */
export function splitBodies(text: string, from = 0): NamedBody[] {
  const out: NamedBody[] = [];
  let depth = 0;
  let start = from;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /[\s\u3000]/.test(text[s]!)) s++;
    while (e > s && /[\s\u3000。.]/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ name: text.slice(s, e), start: s, end: e });
  };
  for (let i = from; i < text.length; i++) {
    const ch = text[i]!;
    if ('（(〔[【'.includes(ch)) depth++;
    else if ('）)〕]】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '、，,；;'.includes(ch)) {
      push(i);
      start = i + 1;
    } else if (depth === 0 && (ch === '：' || ch === ':') && i >= text.replace(/[\s\u3000]+$/, '').length - 1) {
      push(i);
      start = text.length;
      break;
    }
  }
  if (start < text.length) push(text.length);
  return out;
}

/** The bodies a 主送机关 line names, with the trailing colon left out. */
export function recipientsOf(block: GwBlock): NamedBody[] {
  return splitBodies(block.data.norm);
}

/** The bodies an 抄送 line names, after its label. */
export function ccOf(block: GwBlock): NamedBody[] {
  const m = /^\s*抄\s*送\s*[:：]\s*/.exec(block.data.norm);
  return m ? splitBodies(block.data.norm, m[0].length) : [];
}

const AGENCY = /(人民政府|政府|委员会|党委|党组|委|办公室|办公厅|厅|局|部|院|署|会|处|科|室|中心|小组|支队|大队|公司|集团|大学|学院|学校|街道|街道办事处|办事处|社区|镇|乡|村|所|站|队|馆)$/;

/** The drafting body: the 署名, else the 发文机关标志, else the title's words before 关于, else declared 发文机关. */
export function senderOf(doc: GwDocument, declared?: string): string | undefined {
  if (declared) return declared;
  const clean = (b: GwBlock): string => b.data.norm.replace(/[\s\u3000]+/g, '').replace(/&\w+;/g, '');
  const signed = doc.children.find((b) => b.data.role === '发文机关署名' && AGENCY.test(clean(b)));
  if (signed) return clean(signed);
  const mark = doc.children.find((b) => b.data.role === '发文机关标志');
  if (mark) {
    const t = clean(mark).replace(/文件$/, '');
    if (AGENCY.test(t)) return t;
  }
  const title = doc.children
    .filter((b) => b.data.role === '标题')
    .map(clean)
    .join('');
  const m = /^(.{2,40}?)关于/.exec(title);
  if (m && AGENCY.test(m[1]!)) return m[1]!.split(/[、，,]/)[0];
  const d = doc.data.declared['发文机关'];
  return typeof d === 'string' && d ? d : undefined;
}

/**
 * Administrative level from the name: 0 中央/国务院, 1 省, 2 市, 3 区县, 4 街道乡镇, 5 社区村. Undefined when the
 * name does not say ("财政局" alone).
 */
export function levelOf(name: string): number | undefined {
  const n = name.replace(/[\s\u3000]/g, '');
  if (/(社区|村)(居民委员会|村民委员会|居委会|村委会|党支部|党委|委员会)?$/.test(n)) return 5;
  if (/(街道|街道办事处|办事处|镇|乡)(人民政府|政府|党工委|党委|委员会)?$/.test(n) || /(街道|镇|乡)[\u4e00-\u9fa5]{1,10}(办|站|所|中心)$/.test(n)) return 4;
  if (/^(国务院|中共中央|中央|全国|国家)/.test(n)) return 0;
  // The deepest region word in the name decides: 某市某区教育局 is a 区 body.
  const region = /(?:省|自治区|市|区|县|旗|州|盟)/g;
  let level: number | undefined;
  let m: RegExpExecArray | null;
  while ((m = region.exec(n))) {
    // "区属", "市属", "区政府" … but not 自治区's 区 read twice, and not words like 区域 / 市场 / 地区.
    const w = m[0];
    const after = n.slice(m.index + w.length, m.index + w.length + 1);
    const before = n.slice(Math.max(0, m.index - 1), m.index);
    if (w === '区' && (before === '治' || before === '地' || before === '社' || before === '园' || after === '域' || after === '划')) continue;
    if (w === '市' && (after === '场' || after === '民' || before === '城' || before === '超' || before === '都')) continue;
    const l = w === '省' || w === '自治区' ? 1 : w === '市' || w === '州' || w === '盟' ? 2 : 3;
    level = level === undefined ? l : Math.max(level, l);
  }
  return level;
}

/** A government or party committee (a 上级机关 for every department at its level), not a department. */
export function isGovernment(name: string): boolean {
  const n = name.replace(/[\s\u3000]/g, '');
  // A 管委会 governs a zone (开发区管委会); 城市管理委员会 is a department like any 委.
  if (/(开发区|园区|新区|示范区|保税区|试验区|合作区|风景区|度假区|自贸区|港区|高新区)(管委会|管理委员会)$/.test(n)) return true;
  return /(人民政府|政府|党委|党工委|区委|市委|县委|省委|人大常委会|政协)$/.test(n);
}

/** What a department does, without its region and rank: 某区教育局 → 教育, 省教育厅 → 教育. */
export function functionOf(name: string): string | undefined {
  const n = name.replace(/[\s\u3000]/g, '');
  if (isGovernment(n)) return undefined;
  // Strip the region words in front (某省某市某区); both sides of a comparison are stripped alike.
  let rest = n;
  for (let i = 0; i < 3; i++) {
    const r = /^[\u4e00-\u9fa5]{0,6}?(省|自治区|市|区|县|旗|州)(?!场|民|政府|属)/.exec(rest);
    if (!r || rest.length - r[0].length < 3) break;
    rest = rest.slice(r[0].length);
  }
  const m = /^([\u4e00-\u9fa5]{2,12}?)(委员会|管理局|局|厅|部|委|办公室|办|中心|署)$/.exec(rest);
  return m ? m[1] : undefined;
}

export type OrgTree = Record<string, string>;

/** Matches a name against the tree's keys, allowing either side to be a short form of the other. */
export function findInTree(tree: OrgTree, name: string): string | undefined {
  const n = name.replace(/[\s\u3000]/g, '');
  const keys = new Set([...Object.keys(tree), ...Object.values(tree)]);
  if (keys.has(n)) return n;
  const short = (s: string): string => s.replace(/人民政府$/, '政府').replace(/^中共/, '');
  for (const k of keys) if (short(k) === short(n) || k.endsWith(n) || n.endsWith(k)) return k;
  return undefined;
}

/** A body's superiors from the direct one up. */
export function superiorsOf(tree: OrgTree, name: string): string[] {
  const out: string[] = [];
  let cur = findInTree(tree, name);
  const seen = new Set<string>();
  while (cur && tree[cur] && !seen.has(cur)) {
    seen.add(cur);
    cur = tree[cur]!;
    out.push(cur);
  }
  return out;
}

/** Whether `body` sits below `sender` in the tree. */
export function isBelow(tree: OrgTree, body: string, sender: string): boolean {
  const s = findInTree(tree, sender);
  return !!s && superiorsOf(tree, body).includes(s);
}
