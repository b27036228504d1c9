import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { runRules, structure } from '../../src/engine/linter.js';
import type { ResolvedConfig } from '../../src/engine/config-types.js';
import type { Rule } from '../../src/engine/types.js';
import { markdownParser } from '../../src/parsers/markdown.js';
import { fill } from '../../src/util/template.js';
import { countWords } from '../../src/util/wordcount.js';

/**
 * What the runner works out once per config (which rules are on, their options) and once per template must
 * behave as when it was worked out for every file and every finding.
 */

const DRAFT = '# 关于某事的通知\n\n各单位：\n\n第一段。\n\n第二段。\n';
const doc = async () => structure(await markdownParser.parse({ filePath: 'a.md', text: DRAFT, declared: {} }));

const rule = (id: string, onCreate: (options: Record<string, unknown>) => void = () => {}): Rule => ({
  meta: { id, description: { zh: '测试', en: 'test' }, severity: 'warning', cites: [], defaultOptions: { n: 1 }, messages: { m: { zh: '{{ n }}：{{x}}，{{missing}}', en: 'n={{n}}' } } },
  create(context) {
    onCreate(context.options);
    return { 'role:标题': (b) => context.report({ messageId: 'm', block: b, data: { n: String(context.options.n), x: b.data.text } }) };
  },
});

describe('rule runner, per config', () => {
  it('gives every file a fresh copy of the merged options', async () => {
    const seen: unknown[] = [];
    const r = rule('opts', (o) => {
      seen.push(o.n);
      o.n = 99;
    });
    const config: ResolvedConfig = { rules: { opts: { severity: 'error', options: { n: 2 } } }, declared: {}, sources: [] };
    const rules = new Map([['opts', r]]);
    const first = runRules(await doc(), config, { locale: 'zh', rules });
    const second = runRules(await doc(), config, { locale: 'zh', rules });
    expect(seen).toEqual([2, 2]);
    expect(first[0]!.message).toBe('99：关于某事的通知，{{missing}}');
    expect(second[0]!.severity).toBe('error');
  });

  it('sees a rule added to the rule map after the config was first used (plugins load later)', async () => {
    const config: ResolvedConfig = { rules: { a: { severity: 'warning', options: {} }, b: { severity: 'warning', options: {} } }, declared: {}, sources: [] };
    const rules = new Map([['a', rule('a')]]);
    expect(runRules(await doc(), config, { locale: 'en', rules }).map((m) => m.ruleId)).toEqual(['a']);
    rules.set('b', rule('b'));
    expect(runRules(await doc(), config, { locale: 'en', rules }).map((m) => [m.ruleId, m.message])).toEqual([
      ['a', 'n=1'],
      ['b', 'n=1'],
    ]);
  });

  it('still lints through the Linter with a cached config, file after file', async () => {
    const linter = new Linter({ noConfig: true, rules: [rule('x')], cliRules: { x: 'warn' } });
    for (let k = 0; k < 3; k++) {
      const r = await linter.lintText(DRAFT, 'a.md');
      expect(r.messages.filter((m) => m.ruleId === 'x').map((m) => m.message)).toEqual(['1：关于某事的通知，{{missing}}']);
    }
  });
});

describe('fill', () => {
  it('fills names with spaces inside the braces, leaves unknown ones visible, and repeats', () => {
    for (let k = 0; k < 2; k++) {
      expect(fill('{{a}}-{{ b }}-{{c}}{{a}}', { a: 1, b: 'x' })).toBe('1-x-{{c}}1');
      expect(fill('无占位')).toBe('无占位');
      expect(fill('{{a}}')).toBe('{{a}}');
      expect(fill('前{{a}}后', { a: '$&' })).toBe('前$&后');
    }
  });
});

describe('countWords', () => {
  it('counts code points beyond the BMP as the code point, not its halves', () => {
    expect(countWords('中文 abc')).toBe(3);
    expect(countWords('\u{20000}\u{20001}')).toBe(2); // Extension B: one each
    expect(countWords('a\u{1F600}b')).toBe(1); // an emoji joins the letters around it
    expect(countWords('\ud840')).toBe(1); // a lone high surrogate is a word character
    expect(countWords('中\ud840文')).toBe(3);
    expect(countWords('a\u200bb')).toBe(1);
    expect(countWords('a——b')).toBe(2);
  });
});
