import { describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import type { Rule } from '../../src/engine/types.js';

const boom: Rule = {
  meta: { id: 'boom', description: { zh: '测试', en: 'test' }, severity: 'error', cites: [], messages: {} },
  create() {
    return {
      'role:正文'() {
        throw new Error('坏了');
      },
    };
  },
};

const counter = (seen: string[]): Rule => ({
  meta: { id: 'counter', description: { zh: '测试', en: 'test' }, severity: 'warning', cites: [], messages: { m: { zh: '见到 {{t}}', en: 'saw {{t}}' } } },
  create(context) {
    return {
      document: () => seen.push('document'),
      block: (b) => seen.push(`block:${b.data.role}`),
      'role:标题': (b) => context.report({ messageId: 'm', block: b, data: { t: b.data.text } }),
      'document:exit': () => seen.push('exit'),
    };
  },
});

describe('rule runner', () => {
  it('turns a rule that throws into one message for the file, and the other rules still run', async () => {
    const seen: string[] = [];
    const linter = new Linter({ noConfig: true, rules: [boom, counter(seen)], cliRules: { boom: 'error', counter: 'warn' } });
    const r = await linter.lintText('# 关于某事的通知\n\n各单位：\n\n第一段。\n\n第二段。\n', 'a.md');
    const crashes = r.messages.filter((m) => m.ruleId === 'boom');
    expect(crashes).toHaveLength(1);
    expect(crashes[0]!.message).toBe('规则 boom 处理此文件时出错：坏了');
    expect(r.messages.some((m) => m.ruleId === 'counter' && m.message === '见到 关于某事的通知')).toBe(true);
    expect(seen[0]).toBe('document');
    expect(seen.at(-1)).toBe('exit');
    expect(seen.filter((x) => x.startsWith('block:'))).toEqual(['block:标题', 'block:主送机关', 'block:正文', 'block:正文']);
  });
});
