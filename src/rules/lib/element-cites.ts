import type { Cite } from '../../engine/types.js';
import { GBT9704, TIAOLI } from './cites.js';

/** The clauses the element rules (发文字号, 成文日期, 层次序数, 附件说明, 标点, 用词) quote. */
const gb = (article: string, clause: string): Cite => ({ regulation: GBT9704, article, clause, short: `GB/T 9704 ${article}` });

export const GBT_7_2_5 = gb(
  '7.2.5',
  '发文字号……年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位（即1不编为01），在阿拉伯数字后加“号”字。',
);

export const TIAOLI_9_5: Cite = {
  regulation: TIAOLI,
  article: '第九条（五）',
  clause: '发文字号。由发文机关代字、年份、发文顺序号组成。联合行文时，使用主办机关的发文字号。',
  short: '条例 第九条（五）',
};

export const GBT_7_3_3 = gb('7.3.3', '文中结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注；一般第一层用黑体字、第二层用楷体字、第三层和第四层用仿宋体字标注。');

export const GBT_7_3_4 = gb(
  '7.3.4',
  '如有附件，在正文下空一行左空二字编排“附件”二字，后标全角冒号和附件名称。如有多个附件，使用阿拉伯数字标注附件顺序号（如“附件：1.×××××”）；附件名称后不加标点符号。附件名称较长需回行时，应当与上一行附件名称的首字对齐。',
);

export const GBT_7_3_7 = gb(
  '7.3.7',
  '附件应当另面编排，并在版记之前，与公文正文一起装订。“附件”二字及附件顺序号用3号黑体字顶格编排在版心左上角第一行。附件标题居中编排在版心第三行。附件顺序号和附件标题应当与附件说明的表述一致。',
);

export const TIAOLI_9_8: Cite = {
  regulation: TIAOLI,
  article: '第九条（八）',
  clause: '附件说明。公文附件的顺序号和名称。',
  short: '条例 第九条（八）',
};

export const GBT_7_3_5_4 = gb('7.3.5.4', '成文日期中的数字　用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01）。');

export const GBT_7_4_3 = gb(
  '7.4.3',
  '印发机关和印发日期……印发日期右空一字，用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即1不编为01），后加“印发”二字。',
);

const GBT15834 = 'GB/T 15834-2011 标点符号用法';
const p = (article: string, clause: string): Cite => ({ regulation: GBT15834, article, clause, short: `GB/T 15834 ${article}` });

export const PUNCT_5_1_1 = p('5.1.1', '句号、逗号、顿号、分号、冒号均置于相应文字之后，占一个字位置，居左下，不出现在一行之首。');
export const PUNCT_5_1_2 = p('5.1.2', '问号、叹号均置于相应文字之后，占一个字位置，居左，不出现在一行之首。');
export const PUNCT_5_1_3 = p('5.1.3', '引号、括号、书名号……前一半不出现在一行之末，后一半不出现在一行之首……各占一个字位置。');
export const PUNCT_5_1_4 = p('5.1.4', '破折号标在相应项目之间，占两个字位置，上下居中，不能中间断开分处上行之末和下行之首。');
export const PUNCT_5_1_5 = p('5.1.5', '省略号占两个字位置，两个省略号连用时占四个字位置并须单独占一行。省略号不能中间断开分处上行之末和下行之首。');

export const TIAOLI_19_3: Cite = {
  regulation: TIAOLI,
  article: '第十九条（三）',
  clause: '内容简洁，主题突出，观点鲜明，结构严谨，表述准确，文字精炼。',
  short: '条例 第十九条（三）',
};
