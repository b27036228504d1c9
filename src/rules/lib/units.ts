/**
 * Organisations named in a draft's prose: 区财政局, 区规划和自然资源局, 市发展改革委, and inside a bureau its
 * 处室 (财务管理处, 政策法规处). Used to see which other departments a draft touches and whether their opinion
 * is shown. Deliberately conservative: a name must start at a boundary (punctuation or a word that introduces
 * an actor), so that "小区办公室" or "处理" are never read as departments.
 */

export interface UnitMention {
  name: string;
  start: number;
  end: number;
}

const BOUNDARY_CHARS = '，,、。；;：:（(“”‘’《》「」 \u3000与和及由经向请对将交据在为是于把被给同跟需报按从商涉即并或';
const BOUNDARY_WORDS = ['涉及', '会同', '征求', '协调', '联系', '报送', '商请', '配合', '牵头'];

// 区/市/县… + name + a department suffix. The name never crosses another 区/市/县 or a function word.
const ADMIN = /(?:区|市|县|镇|乡|街道)(?!长|委书记|域|场|民|级|内|外|里|属|直|和|也|各|相关|有关|经济|县|乡)[^\s，,。、；;：:（）()“”《》区县的在是为对向与由于议请示报]{1,10}?(?:委员会|局|委|办公室|中心|办(?![公理法事])|(?<=[\u4e00-\u9fa5]{3})部(?![门分署位件队]))/y;
// A 处室 inside a bureau: a name ending in 处 (not 处理, 处置, 处罚…), or one of the usual 室 (办公室, 研究室, 督查室).
const SECTION = /[^\s，,。、；;：:（）()“”《》区市县的在是为对向与由于议请示报]{2,6}?(?:处(?![理置罚于分境在所长])|(?:办公|研究|督查|法规|审计|信访)室(?![内外主]))/y;
// Words in which 区/市/县 is not the start of a department's name: 社区, 小区, 城市, 全区 …
const NOT_ADMIN_BEFORE = '社小园郊辖城景街校片专全本该我分省市县区都营厂矿院';
const GENERIC = /^(各|相关|有关|其他|其它|上述|该|本|我|两|多个|所属|局属|下属|此|这|某)/;
const NOT_UNITS = /(办理|处理|处置|处罚|处于|会议室|档案室|阅览室)$/;

/** The bodies a 请示 goes to or comes under: not "another department". */
export const SUPERIOR = /^(?:区|市|县)(?:人民)?政府(?:办公室|办)?$|^(?:区|市|县)委(?:办公室)?$|^(?:区|市|县)人大(?:常委会)?$|^(?:区|市|县)政协$/;

function atBoundary(text: string, i: number): boolean {
  if (i === 0) return true;
  if (BOUNDARY_CHARS.includes(text[i - 1]!)) return true;
  return BOUNDARY_WORDS.some((w) => text.startsWith(w, i - w.length));
}

export function findUnits(text: string): UnitMention[] {
  const out: UnitMention[] = [];
  for (let i = 0; i < text.length; i++) {
    const candidates: RegExp[] = [];
    if (i === 0 || !NOT_ADMIN_BEFORE.includes(text[i - 1]!)) candidates.push(ADMIN);
    if (atBoundary(text, i) && !BOUNDARY_CHARS.includes(text[i]!)) candidates.push(SECTION);
    for (const re of candidates) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (!m) continue;
      const name = m[0];
      if (GENERIC.test(name) || NOT_UNITS.test(name)) continue;
      // 市 inside a name only as 市场 or 城市 (区市场监管局); otherwise it starts another body.
      if (re === ADMIN && /(?<!城)市(?!场)/.test(name.slice(1))) continue;
      out.push({ name, start: i, end: i + name.length });
      i += name.length - 1;
      break;
    }
  }
  return out;
}

/** Same organisation, written in full or in short: 区财政局 ≈ 财政局. */
export function sameUnit(a: string, b: string): boolean {
  const strip = (s: string): string => s.replace(/^(?:区|市|县|镇|乡|街道)/, '').replace(/人民政府/, '政府');
  const x = strip(a);
  const y = strip(b);
  return x === y || (x.length >= 3 && y.includes(x)) || (y.length >= 3 && x.includes(y));
}
