import type { Cite } from '../../engine/types.js';
import { TIAOLI } from './cites.js';

/**
 * The clauses of 《党政机关公文处理工作条例》 (中办发〔2012〕14号) behind the 文种, title, request and routing rules,
 * quoted so that a reader can check each finding against its words.
 */

export const TIAOLI_8: Cite = {
  regulation: TIAOLI,
  article: '第八条（十）（十一）（十四）',
  clause:
    '报告。适用于向上级机关汇报工作、反映情况，回复上级机关的询问。请示。适用于向上级机关请求指示、批准。函。适用于不相隶属机关之间商洽工作、询问和答复问题，请求批准和答复审批事项。',
  short: '条例 第八条',
};

export const TIAOLI_9_7: Cite = {
  regulation: TIAOLI,
  article: '第九条（七）',
  clause: '标题。由发文机关名称、事由和文种组成。',
  short: '条例 第九条（七）',
};

export const TIAOLI_14: Cite = {
  regulation: TIAOLI,
  article: '第十四条',
  clause: '行文关系根据隶属关系和职权范围确定。一般不得越级行文，特殊情况需要越级行文的，应当同时抄送被越过的机关。',
  short: '条例 第十四条',
};

export const TIAOLI_15_1: Cite = {
  regulation: TIAOLI,
  article: '第十五条（一）',
  clause: '向上级机关行文，应当遵循以下规则：（一）原则上主送一个上级机关，根据需要同时抄送相关上级机关和同级机关，不抄送下级机关。',
  short: '条例 第十五条（一）',
};

export const TIAOLI_15_5: Cite = {
  regulation: TIAOLI,
  article: '第十五条（五）',
  clause: '除上级机关负责人直接交办事项外，不得以本机关名义向上级机关负责人报送公文，不得以本机关负责人名义向上级机关报送公文。',
  short: '条例 第十五条（五）',
};

export const TIAOLI_15_6: Cite = {
  regulation: TIAOLI,
  article: '第十五条（六）',
  clause: '受双重领导的机关向一个上级机关行文，必要时抄送另一个上级机关。',
  short: '条例 第十五条（六）',
};

export const ZHIFU_53: Cite = {
  regulation: '烟台市芝罘区人民政府工作规则（烟芝政发〔2022〕2号）',
  article: '五十三',
  clause: '……公文一律送区政府办公室按规定程序统一办理,不得直接报送区政府领导同志个人,不得多头主送、越级行文。',
  short: '芝罘 五十三',
};

export const ZHIFU_54_REQUESTS: Cite = {
  regulation: '烟台市芝罘区人民政府工作规则（烟芝政发〔2022〕2号）',
  article: '五十四',
  clause: '请示性公文应一文一请示，一份公文不得请示多个事项。报告性公文中不得夹带请示事项。',
  short: '芝罘 五十四',
};
