import type { GwDocument } from '../../model/types.js';

/**
 * Whether a draft is a 规范性文件 (a normative document: it sets rules for citizens, companies or other
 * bodies, applies repeatedly and is published). The text rarely says so in as many words; these are the
 * signs, strongest first:
 *   - the draft declares it (front matter or config: `规范性文件: 是`, `normative: true`);
 *   - its title issues a rule text: 关于印发《…管理办法》的通知, or the title is that text (…实施细则);
 *   - its body has the effective-date clause of a rule text: 本办法自…起施行.
 */

export interface NormativeDetection {
  value: boolean;
  reason: string;
  /** It implements a law, regulation or rule in detail (具体实施法律、法规、规章): 洪山 二十 exempts those from 有效期. */
  implementing: boolean;
}

const RULE_TEXT = '(?:管理办法|实施办法|暂行办法|办法|暂行规定|若干规定|规定|实施细则|细则|规则|实施意见)(?:（(?:试行|暂行|修订)）)?';
const ISSUES_RULE_TEXT = new RegExp(`印发《[^》]*${RULE_TEXT}》的通知$`);
const IS_RULE_TEXT = new RegExp(`${RULE_TEXT}$`);
const EFFECTIVE_CLAUSE = /本(?:办法|规定|细则|规则|意见|实施细则|通知)(?:自|从)[^。；]{0,30}(?:起)?(?:施行|实施|执行|生效)/;
/** An organ's own working rules govern how it works, not citizens or companies: not 规范性文件. */
const INTERNAL = /(?:工作规则|议事规则|工作规程|议事规程|工作制度)(?:（[^）]*）)?》?(?:的通知)?$/;
const IMPLEMENTING = /为(?:贯彻)?(?:实施|执行|落实)《[^》]*(?:法|条例|规章)》|《[^》]*(?:法|条例)》(?:的)?实施(?:细则|办法)/;

function declaredValue(doc: GwDocument): boolean | undefined {
  const d = doc.data.declared as Record<string, unknown>;
  for (const key of ['规范性文件', 'normative', '行政规范性文件']) {
    const v = d[key];
    if (v === undefined) continue;
    if (v === true || v === 1 || (typeof v === 'string' && /^(是|true|yes|y|1)$/i.test(v.trim()))) return true;
    if (v === false || v === 0 || (typeof v === 'string' && /^(否|false|no|n|0)$/i.test(v.trim()))) return false;
  }
  return undefined;
}

export function detectNormative(doc: GwDocument): NormativeDetection {
  const title = doc.children
    .filter((b) => b.data.role === '标题')
    .map((b) => b.data.norm.replace(/[\s\u3000]+/g, ''))
    .join('');
  const body = doc.children.filter((b) => b.data.role === '正文' || b.data.role === '附件');
  const implementing = IMPLEMENTING.test(title) || body.some((b) => IMPLEMENTING.test(b.data.norm));
  const declared = declaredValue(doc);
  if (declared !== undefined) {
    return { value: declared, reason: declared ? '元数据声明为规范性文件' : '元数据声明不是规范性文件', implementing };
  }
  if (INTERNAL.test(title)) return { value: false, reason: `标题“${title}”是机关内部工作规则`, implementing };
  if (ISSUES_RULE_TEXT.test(title)) return { value: true, reason: `标题“${title}”印发规章制度文本`, implementing };
  if (IS_RULE_TEXT.test(title)) return { value: true, reason: `标题“${title}”是规章制度文本`, implementing };
  const clause = body.find((b) => EFFECTIVE_CLAUSE.test(b.data.norm));
  // "本规则自…施行" closes an organ's working rules as often as a rule text for the public.
  if (clause && /本规则/.test(EFFECTIVE_CLAUSE.exec(clause.data.norm)![0]) && doc.children.some((b) => /工作规则|议事规则/.test(b.data.norm))) {
    return { value: false, reason: '机关内部工作规则', implementing };
  }
  if (clause) return { value: true, reason: `正文有施行条款“${EFFECTIVE_CLAUSE.exec(clause.data.norm)![0]}”`, implementing };
  return { value: false, reason: '未见规范性文件的特征', implementing };
}
