import type { DeclaredMeta } from '../model/types.js';
import { Linter } from './api.js';
import { applyFixes, runRules } from './linter.js';
import { getValidator, formatAjvErrors } from './validate.js';
import type { LintMessage, Locale, Rule } from './types.js';

export interface ExpectedError {
  messageId?: string;
  /** Exact message text, or a RegExp it must match. */
  message?: string | RegExp;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface TestCase {
  code: string;
  /** Picks the parser: "draft.md" (default) or "draft.txt". */
  filename?: string;
  options?: Record<string, unknown>;
  declared?: DeclaredMeta;
  locale?: Locale;
  name?: string;
}

export interface InvalidCase extends TestCase {
  errors: number | ExpectedError[];
  /** The text after --fix; null: the rule offers no fix here. */
  output?: string | null;
}

type TestFn = (name: string, fn: () => Promise<void>) => void;
type DescribeFn = (name: string, fn: () => void) => void;

/**
 * Tests one rule in isolation: valid cases must give no message, invalid ones exactly the listed messages at
 * the listed places. Works with any test framework: set `RuleTester.describe` and `RuleTester.it` (vitest,
 * mocha and jest globals are picked up automatically), or call `verify` yourself.
 */
export class RuleTester {
  static describe: DescribeFn | undefined;
  static it: TestFn | undefined;
  private readonly linter = new Linter({ noConfig: true });

  /** Lints `code` with only `rule` on; returns its messages and the fixed text. */
  async verify(rule: Rule, c: TestCase): Promise<{ messages: LintMessage[]; output: string }> {
    const filename = c.filename ?? 'draft.md';
    if (c.options && rule.meta.schema) {
      const v = getValidator(`rule:${rule.meta.id}:tester:${JSON.stringify(rule.meta.schema)}`, rule.meta.schema);
      if (!v(c.options)) {
        const { path, expected } = formatAjvErrors(v.errors ?? []);
        throw new Error(`options for ${rule.meta.id} are invalid at ${path || '(root)'}: ${expected}`);
      }
    }
    const doc = await this.linter.parse(c.code, filename, c.declared ?? {});
    const rules = new Map([[rule.meta.id, rule]]);
    const messages = runRules(
      doc,
      { rules: { [rule.meta.id]: { severity: rule.meta.severity, options: c.options ?? {} } }, declared: c.declared ?? {}, sources: [] },
      { locale: c.locale ?? 'zh', rules },
    ).filter((m) => m.ruleId === rule.meta.id);
    const { output } = applyFixes(doc.data.source, messages);
    return { messages, output };
  }

  run(name: string, rule: Rule, tests: { valid: (TestCase | string)[]; invalid: InvalidCase[] }): void {
    const g = globalThis as { describe?: DescribeFn; it?: TestFn };
    const describe = RuleTester.describe ?? g.describe;
    const it = RuleTester.it ?? g.it;
    if (!describe || !it) throw new Error('RuleTester needs describe/it: set RuleTester.describe and RuleTester.it to your framework’s');
    describe(name, () => {
      tests.valid.forEach((raw, i) => {
        const c = typeof raw === 'string' ? { code: raw } : raw;
        it(`valid #${i + 1}${c.name ? ` ${c.name}` : ''}: ${c.code.slice(0, 30).replace(/\n/g, '⏎')}`, async () => {
          const { messages } = await this.verify(rule, c);
          if (messages.length) throw new Error(`expected no messages, got:\n${messages.map(describeMessage).join('\n')}`);
        });
      });
      tests.invalid.forEach((c, i) => {
        it(`invalid #${i + 1}${c.name ? ` ${c.name}` : ''}: ${c.code.slice(0, 30).replace(/\n/g, '⏎')}`, async () => {
          const { messages, output } = await this.verify(rule, c);
          const expected = typeof c.errors === 'number' ? c.errors : c.errors.length;
          if (messages.length !== expected) {
            throw new Error(`expected ${expected} message(s), got ${messages.length}:\n${messages.map(describeMessage).join('\n')}`);
          }
          if (Array.isArray(c.errors)) {
            c.errors.forEach((e, k) => {
              const m = messages[k]!;
              const fail = (what: string, want: unknown, got: unknown): never => {
                throw new Error(`message ${k + 1}: ${what} should be ${String(want)}, got ${String(got)}\n${describeMessage(m)}`);
              };
              if (e.messageId !== undefined && m.messageId !== e.messageId) fail('messageId', e.messageId, m.messageId);
              if (typeof e.message === 'string' && m.message !== e.message) fail('message', e.message, m.message);
              if (e.message instanceof RegExp && !e.message.test(m.message)) fail('message', e.message, m.message);
              for (const key of ['line', 'column', 'endLine', 'endColumn'] as const) {
                if (e[key] !== undefined && m[key] !== e[key]) fail(key, e[key], m[key]);
              }
            });
          }
          if (c.output !== undefined) {
            const want = c.output === null ? c.code : c.output;
            if (output !== want) throw new Error(`fixed output differs:\n--- expected\n${want}\n--- actual\n${output}`);
          }
        });
      });
    });
  }
}

function describeMessage(m: LintMessage): string {
  return `  ${m.line}:${m.column}-${m.endLine}:${m.endColumn} [${m.messageId}] ${m.message}`;
}
