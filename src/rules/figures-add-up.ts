import type { Cite, Rule } from '../engine/types.js';
import { TIAOLI_20_4 } from './date-validity.js';
import { citeShort } from './lib/cites.js';

export const JINGHAI_56_FIGURES: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第五十六条',
  clause: '对资金、人员、日期等数据反复校准确认,确保真实准确。',
  short: '静海 第五十六条',
};

const UNITS = '亿元|万元|千元|元|万人|人次|人|名|个|项|辆|台|套|处|所|家|户|件|次|天|公里|千米|米|平方米|亩|吨|间|座|条|批';
const NUM = '(\\d+(?:\\.\\d+)?|[一二两三四五六七八九十百千]+)';
/** A total: 共计300万元, 合计12人, 共有工作人员12人, 总额为1500万元 (not 公共…). */
const TOTAL = new RegExp(`(?:(?:共计|合计|总计|总共|共有)[^\\d，,。；;、：:]{0,6}?|总额(?:为)?|(?<!公)共)\\s*${NUM}\\s*(${UNITS})`, 'g');
/** A part after 其中 / 分别为: 市级资金200万元, 区级150万元. */
const PART = new RegExp(`${NUM}\\s*(${UNITS})`, 'g');
/** The parts are a complete split, not examples: 分别为, 其中…其余 would not say so. */
const COMPLETE = /分别(?:为|是)/;
/** Words that make a count or amount approximate or the list open. */
const LOOSE = /约|左右|余|多|以上|以下|等|主要|包括|不足|近|超过|占/;
/** "共N项：一是…二是…", "共三项任务：（一）…（二）…". */
const COUNT = new RegExp(`共(?:有)?\\s*${NUM}\\s*(项|条|个方面|方面|点)`, 'g');
const ORDINAL = /([一二三四五六七八九十]{1,3})是/g;

const CN: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 12, 3.5, 三, 十二, 二十, 一百二十 */
export function numberOf(s: string): number {
  if (/^\d/.test(s)) return Number(s);
  let total = 0;
  let pending = 0;
  for (const ch of s) {
    if (ch in CN) pending = CN[ch]!;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : NaN;
      total += (pending || 1) * unit;
      pending = 0;
    }
  }
  return total + pending;
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export const figuresAddUp: Rule = {
  meta: {
    id: 'figures-add-up',
    description: {
      zh: '数字前后一致：分项之和与合计相符，“共N项”与所列事项数相符',
      en: 'Figures agree: the parts add up to the stated total, and “共N项” matches the items listed',
    },
    severity: 'error',
    recommended: false,
    fixable: false,
    cites: [JINGHAI_56_FIGURES, TIAOLI_20_4],
    messages: {
      partsExceed: {
        zh: '分项之和 {{sum}}{{unit}} 超过合计“{{total}}”：请核对数字（依据 {{basis}}）',
        en: 'The parts add up to {{sum}} {{unit}}, more than the total “{{total}}” (per {{basis}})',
      },
      partsMismatch: {
        zh: '“分别为”所列分项之和 {{sum}}{{unit}} 与合计“{{total}}”不符：请核对数字（依据 {{basis}}）',
        en: 'The parts listed with 分别为 add up to {{sum}} {{unit}}, not the total “{{total}}” (per {{basis}})',
      },
      countMismatch: {
        zh: '“{{phrase}}”与所列 {{listed}} 项不符：请核对数字（依据 {{basis}}）',
        en: '“{{phrase}}” does not match the {{listed}} items listed (per {{basis}})',
      },
    },
    docs: {
      rationale: {
        zh: '资金、人员等数据要反复核对。草稿自己能验证的是内部一致：同一句中“合计/共计N”后“其中”“分别为”列出的同单位分项，之和不能超过合计（“分别为”列出的还应恰好等于合计）；“共N项”后用“一是……二是……”列出的事项数应为N。带“约”“余”“等”的概数和开放列举不核对。',
        en: 'Figures must be checked. What a draft can verify by itself is that it agrees with itself: parts listed after a total in the same sentence never exceed it (and with 分别为 equal it); “共N项” followed by 一是…二是… lists N items. Approximate figures and open lists are not checked.',
      },
      examples: {
        invalid: [{ code: '# 关于老旧小区改造资金的请示\n\n区政府：\n\n改造资金共计500万元，其中区级财政300万元、街道自筹250万元。\n\n妥否，请批示。' }],
        valid: [{ code: '# 关于老旧小区改造资金的请示\n\n区政府：\n\n改造资金共计500万元，其中区级财政300万元、街道自筹200万元。\n\n妥否，请批示。' }],
      },
    },
  },
  create(context) {
    const basis = context.cites.map(citeShort).join('、');
    return {
      'role:正文'(block) {
        const t = block.data.norm;
        // Totals and their parts, sentence by sentence.
        const sentences = t.split(/(?<=[。；！？])/);
        let offset = 0;
        for (const sent of sentences) {
          TOTAL.lastIndex = 0;
          for (let m = TOTAL.exec(sent); m; m = TOTAL.exec(sent)) {
            const unit = m[2]!;
            const before = sent.slice(Math.max(0, m.index - 2), m.index);
            if (LOOSE.test(before) || LOOSE.test(m[0])) continue;
            const total = numberOf(m[1]!);
            const rest = sent.slice(m.index + m[0].length);
            const split = /其中|分别(?:为|是)/.exec(rest);
            if (!split) continue;
            const list = rest.slice(split.index);
            if (LOOSE.test(list)) continue;
            const parts: number[] = [];
            PART.lastIndex = 0;
            for (let p = PART.exec(list); p; p = PART.exec(list)) if (p[2] === unit) parts.push(numberOf(p[1]!));
            if (parts.length < 2) continue;
            const sum = round(parts.reduce((a, b) => a + b, 0));
            const start = offset + m.index;
            const end = start + m[0].length;
            const data = { sum, unit, total: block.data.text.slice(start, end), basis };
            if (sum > total) context.report({ messageId: 'partsExceed', block, start, end, data });
            else if (sum !== total && COMPLETE.test(list)) context.report({ messageId: 'partsMismatch', block, start, end, data });
          }
          offset += sent.length;
        }
        // "共N项" and the 一是…二是… that follow in the same paragraph.
        COUNT.lastIndex = 0;
        for (let m = COUNT.exec(t); m; m = COUNT.exec(t)) {
          const rest = t.slice(m.index + m[0].length);
          const ordinals = [...rest.matchAll(ORDINAL)].map((o) => numberOf(o[1]!));
          if (ordinals.length < 2 || ordinals[0] !== 1) continue;
          let listed = 0;
          for (const n of ordinals) if (n === listed + 1) listed = n;
          const said = numberOf(m[1]!);
          if (listed === said) continue;
          context.report({
            messageId: 'countMismatch',
            block,
            start: m.index,
            end: m.index + m[0].length,
            data: { phrase: block.data.text.slice(m.index, m.index + m[0].length), listed, basis },
          });
        }
      },
    };
  },
};
