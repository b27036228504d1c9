import { readFileSync } from 'node:fs';
import type { Rule } from '../engine/types.js';
import { formatAjvErrors, getValidator } from '../engine/validate.js';
import { rulesDataPath } from '../util/paths.js';
import { TIAOLI_19_3 } from './lib/element-cites.js';
import { documentDate } from './lib/dates.js';

export interface Term {
  id?: string;
  pattern: string;
  to: string;
  reason: string;
  source?: string;
  sinceYear?: number;
  example?: { wrong: string; right: string };
}

const termSchema = JSON.parse(readFileSync(rulesDataPath('schema', 'terminology.schema.json'), 'utf8')) as {
  definitions: { term: Record<string, unknown> };
};

let defaults: Term[] | undefined;

/**
 * The built-in list. It is held to rules/schema/terminology.schema.json by the test suite
 * (test/engine/profiles-schema.test.ts), not here: ajv at start-up costs a tenth of the CLI's cold start.
 */
export function defaultTerms(): Term[] {
  if (defaults) return defaults;
  const file = rulesDataPath('data', 'terminology.json');
  defaults = (JSON.parse(readFileSync(file, 'utf8')) as { terms: Term[] }).terms;
  return defaults;
}

/** Checks a term list against the schema; used by tests for the built-in list. */
export function validateTerms(file: string, data: unknown): void {
  const v = getValidator('terminology');
  if (!v(data)) {
    const { path, expected } = formatAjvErrors(v.errors ?? []);
    throw new Error(`${file} 的 ${path || '根'} 不正确：${expected}`);
  }
}

interface Compiled {
  term: Term;
  re: RegExp;
}

const cache = new Map<string, RegExp>();
function compile(t: Term): RegExp {
  let re = cache.get(t.pattern);
  if (!re) {
    try {
      re = new RegExp(t.pattern, 'g');
    } catch (e) {
      throw new Error(`用词表中“${t.id ?? t.pattern}”的 pattern 不是有效的正则表达式：${(e as Error).message}`);
    }
    cache.set(t.pattern, re);
  }
  return re;
}

const anyCache = new Map<string, RegExp | null>();
/**
 * One regular expression that matches wherever any of the terms does: most blocks contain none, and one scan
 * of the text says so instead of one per term. Null when a pattern refers back to its own groups (numbering
 * would shift in the combination), and then every term is tried.
 */
function anyOf(list: Compiled[]): RegExp | null {
  const key = list.map((c) => c.term.pattern).join('\u0000');
  let re = anyCache.get(key);
  if (re === undefined) {
    re = null;
    if (!list.some((c) => /\\(\d|k<)/.test(c.term.pattern))) {
      try {
        re = new RegExp(list.map((c) => `(?:${c.term.pattern})`).join('|') || '(?!)');
      } catch {
        // e.g. two terms naming a group alike: try them one by one.
      }
    }
    anyCache.set(key, re);
  }
  return re;
}

export const terminology: Rule = {
  meta: {
    id: 'terminology',
    description: {
      zh: '用规范词形：其他（不用“其它”）、截至＋时间（不用“截止”）等，词表可配置',
      en: 'Standard word forms (其他 not 其它, 截至 before a date …) from a configurable list',
    },
    severity: 'warning',
    recommended: true,
    fixable: true,
    cites: [TIAOLI_19_3],
    schema: {
      type: 'object',
      properties: {
        terms: { type: 'array', items: termSchema.definitions.term, description: '追加的词条' },
        disable: { type: 'array', items: { type: 'string' }, description: '关闭的默认词条 id' },
        defaults: { type: 'boolean', description: 'false：不用默认词表，只用 terms' },
      },
      additionalProperties: false,
    },
    defaultOptions: { defaults: true },
    messages: {
      term: {
        zh: '“{{found}}”应写作“{{expected}}”：{{reason}}{{source}}',
        en: '“{{found}}” should be “{{expected}}”: {{reason}}{{source}}',
      },
    },
    docs: {
      rationale: {
        zh: '公文要求表述准确、用词规范。默认词表（rules/data/terminology.json）每条都注明依据：其它→其他、截止＋时间→截至、部份→部分、成份→成分、台帐/帐户→台账/账户、做出决定→作出决定。词表按公文年代适用：早于规范发布年份（sinceYear）的公文不查。繁体文本只查两种字形相同的词（如“其它”），因为繁体的用字习惯（如“帳戶”）与简体规范不同。用选项 terms 追加词条，disable 关闭默认词条。',
        en: 'Each default entry (rules/data/terminology.json) names its source. Entries only apply to documents dated after the norm appeared (sinceYear). In traditional script only script-neutral words are checked. Add entries with `terms`, turn defaults off with `disable`.',
      },
      examples: {
        invalid: [{ code: '截止2023年底，其它街道均已完成。', kind: 'text' }],
        valid: [{ code: '截至2023年底，其他街道均已完成。报名于5月1日截止，截止日期不再延长。', kind: 'text' }],
      },
    },
  },
  create(context) {
    const opts = context.options as { terms?: Term[]; disable?: string[]; defaults?: boolean };
    const off = new Set(opts.disable ?? []);
    const list: Compiled[] = [...(opts.defaults === false ? [] : defaultTerms().filter((t) => !t.id || !off.has(t.id))), ...(opts.terms ?? [])].map(
      (term) => ({ term, re: compile(term) }),
    );
    const year = documentDate(context.doc)?.year;
    const active = list.filter((c) => !(c.term.sinceYear && year !== undefined && year < c.term.sinceYear));
    const any = anyOf(active);
    return {
      block(block) {
        const { text, norm } = block.data;
        if (any && !any.test(norm)) return;
        const taken = new Uint8Array(norm.length);
        for (const { term, re } of active) {
          re.lastIndex = 0;
          for (const m of norm.matchAll(re)) {
            if (!m[0]) continue;
            const s = m.index!;
            const e = s + m[0].length;
            if (taken.subarray(s, e).some(Boolean)) continue;
            // Traditional text: only where both scripts write the word alike (帳戶 is right in traditional).
            if (text.slice(s, e) !== norm.slice(s, e)) continue;
            taken.fill(1, s, e);
            const expected = term.to.replace(/\$(\d|&)/g, (_, g: string) => (g === '&' ? m[0] : (m[Number(g)] ?? '')));
            context.report({
              messageId: 'term',
              block,
              start: s,
              end: e,
              data: { found: m[0], expected, reason: term.reason, source: term.source ? `（${term.source}）` : '' },
              fix: { text: expected },
            });
          }
        }
      },
    };
  },
};
