import type { Cite } from '../../engine/types.js';

/** Clauses quoted by more than one rule, written once. */
export const TIAOLI = '党政机关公文处理工作条例';
export const GBT9704 = 'GB/T 9704-2012 党政机关公文格式';

export const TIAOLI_15_4: Cite = {
  regulation: TIAOLI,
  article: '第十五条（四）',
  clause: '请示应当一文一事。不得在报告等非请示性公文中夹带请示事项。',
  short: '条例 第十五条（四）',
};

export const TIAOLI_9_6: Cite = {
  regulation: TIAOLI,
  article: '第九条（六）',
  clause: '签发人。上行文应当标注签发人姓名。',
  short: '条例 第九条（六）',
};

export const JINGHAI_60: Cite = {
  regulation: '天津市静海区人民政府工作规则（津静海政发〔2023〕19号）',
  article: '第六十条',
  clause:
    '严格控制篇幅,除部署全局性、综合性工作外,文件稿一般不超过10页、字数一般不超过5000字,部署专项工作或者具体任务的文件稿一般不超过4000字。简报要短而精,重点反映重要动态、经验、问题和工作意见建议等内容,减少一般性工作情况汇报,篇幅应控制在2000字以内,参考资料和研究报告一般不超过4000字。',
  short: '静海 第六十条',
};

export const ZHIFU_54: Cite = {
  regulation: '烟台市芝罘区人民政府工作规则（烟芝政发〔2022〕2号）',
  article: '五十四',
  clause: '报送区政府的请示、报告性公文,应当以正式公文形式报送,必须标注签发人并加盖单位公章。',
  short: '芝罘 五十四',
};

export function citeShort(c: Cite): string {
  return c.short ?? `${c.regulation} ${c.article}`;
}
