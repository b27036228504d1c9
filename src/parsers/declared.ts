import { CATEGORIES, DOC_TYPES, type Category, type DeclaredMeta, type Direction, type DocType } from '../model/types.js';

/** Front-matter keys people write, in Chinese or English, and what they mean. */
const KEY_ALIASES: Record<string, 'docType' | 'category' | 'direction' | 'profile'> = {
  doctype: 'docType',
  doc_type: 'docType',
  'doc-type': 'docType',
  文种: 'docType',
  category: 'category',
  类别: 'category',
  direction: 'direction',
  行文方向: 'direction',
  方向: 'direction',
  profile: 'profile',
  规则: 'profile',
  适用规则: 'profile',
};

const DIRECTIONS: Record<string, Direction> = {
  上行: '上行', 上行文: '上行', up: '上行', upward: '上行',
  平行: '平行', 平行文: '平行', parallel: '平行',
  下行: '下行', 下行文: '下行', down: '下行', downward: '下行',
};

const CATEGORY_ALIASES: Record<string, Category> = {
  文件稿: '文件稿', general: '文件稿', 一般: '文件稿',
  综合: '综合', 综合性: '综合', 综合性文件: '综合', 全局性: '综合', 全局性综合性: '综合', comprehensive: '综合',
  专项: '专项', 专项文件: '专项', 专项工作: '专项', special: '专项',
  简报: '简报', briefing: '简报',
  研究报告: '研究报告', 参考资料: '研究报告', research: '研究报告',
};

export interface DeclaredProblem {
  key: string;
  value: unknown;
  expected: string;
}

/** Reads declared metadata from loose key/value pairs; unknown values are returned as problems, not thrown. */
export function readDeclared(raw: Record<string, unknown>): { declared: DeclaredMeta; problems: DeclaredProblem[] } {
  const declared: DeclaredMeta = {};
  const problems: DeclaredProblem[] = [];
  for (const [k, v] of Object.entries(raw)) {
    const key = KEY_ALIASES[k.toLowerCase()] ?? KEY_ALIASES[k];
    if (!key) {
      declared[k] = v;
      continue;
    }
    const value = typeof v === 'string' ? v.trim() : v;
    if (key === 'docType') {
      const t = value === '令' ? '命令' : value;
      if ((DOC_TYPES as readonly unknown[]).includes(t)) declared.docType = t as DocType;
      else problems.push({ key: k, value: v, expected: DOC_TYPES.join('、') });
    } else if (key === 'category') {
      const c = CATEGORY_ALIASES[String(value)];
      if (c) declared.category = c;
      else problems.push({ key: k, value: v, expected: CATEGORIES.join('、') });
    } else if (key === 'direction') {
      const d = DIRECTIONS[String(value).toLowerCase()] ?? DIRECTIONS[String(value)];
      if (d) declared.direction = d;
      else problems.push({ key: k, value: v, expected: '上行、平行、下行' });
    } else if (key === 'profile') {
      declared.profile = String(value);
    }
  }
  return { declared, problems };
}
