import { sentences } from '../../structure/patterns.js';

/**
 * Finding the sentences of a draft that ask the recipient for something (approve, decide, instruct, fund,
 * forward) — and telling them apart from sentences that only mention asking: 请示报告制度, 经请示市政府同意,
 * 已报送《关于…的请示》, quoted regulation text.
 */

/** The closing formulas of a 请示: a general ask, not a matter of its own. */
export const CLOSING =
  /(妥否|当否|可否|是否妥当|是否可行|如无不妥|如无不当)[，,]?\s*(请|恳请|敬请)(予以)?(批示|批复|审批|审定|指示|示复|核示|批准|审示)|(以上|上述)请示[^。]{0,20}(请|恳请)(予以|予)?(批示|批复|审批|批准|审定)|特此请示/;

const APPROVE = '批准|审批|批复|批示|审定|核准|同意|支持|解决|拨付|拨款|安排|协调|转发|批转|核拨|划拨|追加|增拨|给予|帮助|指示|研究|定夺|决定|审核|备案|立项';

/** Specific asks: "请予批准", "恳请市政府给予资金支持", "请审批", "特申请拨付". */
const ASKS: RegExp[] = [
  CLOSING,
  new RegExp(`(?<![申邀提呈报敦聘宴经已])请(予以|予|给予|求)?(${APPROVE})`),
  // 恳请 / 敬请 … is an ask whatever follows; 提请 / 报请 … only with an approving verb (提请会议审议).
  /(恳请|敬请|特请|恳求)[^。；！？，,]{1,40}/,
  new RegExp(`(拟请|提请|报请|呈请)[^。；！？，,]{0,30}?(${APPROVE}|审议|为盼|是盼)`),
  /(特此|特|现)申请/,
];

/** Context that makes a match a mention, not an ask. */
const MENTION_BEFORE = /(经|已|曾|业经|已经|并经|均经|已向|曾向|未经|不得|不再|无需|无须|不需|严禁|禁止|按照|根据|依照|依据|执行|落实)[^。；，,]{0,12}$/;
const INSTITUTION_AFTER = /^[^。；，,]{0,6}(制度|程序|事项|工作机制|规定|办法)/;

function maskQuoted(text: string): string {
  // Blank out quoted and titled text (“…” 《…》 「…」) so that quoted regulation clauses and document titles
  // are not read as asks. Same length, so offsets stay valid.
  return text.replace(/“[^”]*”|《[^》]*》|「[^」]*」|『[^』]*』|"[^"]*"/g, (m) => '\u0000'.repeat(m.length));
}

export interface Ask {
  start: number;
  end: number;
  /** The words that make it an ask, e.g. "妥否，请批示". */
  phrase: string;
  closing: boolean;
  sentence: [number, number];
}

/** The asks in one block of normalised text. */
export function findAsks(norm: string): Ask[] {
  const masked = maskQuoted(norm);
  const out: Ask[] = [];
  for (const [s, e] of sentences(masked)) {
    const sent = masked.slice(s, e);
    for (const re of ASKS) {
      const m = re.exec(sent);
      if (!m) continue;
      const before = sent.slice(0, m.index);
      const after = sent.slice(m.index + m[0].length);
      if (MENTION_BEFORE.test(before)) continue;
      if (INSTITUTION_AFTER.test(after) && !re.source.startsWith('(妥否')) continue;
      // The ask runs on to the end of its clause: "恳请市政府给予资金支持", not just "恳请…给予".
      let end = m.index + m[0].length;
      while (end < sent.length && !'，,。；;！!？?\u0000'.includes(sent[end]!)) end++;
      out.push({ start: s + m.index, end: s + end, phrase: norm.slice(s + m.index, s + end), closing: re === CLOSING, sentence: [s, e] });
      break;
    }
  }
  return out;
}
