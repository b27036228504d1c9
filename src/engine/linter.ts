import type { GwBlock, GwDocument, Position, Role } from '../model/types.js';
import { blockSpanPosition, offsetToPoint, textToSourceOffset } from '../model/positions.js';
import { assignRoles } from '../structure/roles.js';
import { countWords } from '../util/wordcount.js';
import { getSegmenter } from '../util/segmenter.js';
import { fill } from '../util/template.js';
import type { BlockVisitor, Cite, Fix, LintMessage, LintResult, Locale, ReportDescriptor, Rule, RuleContext, Severity, Visitors } from './types.js';
import type { ResolvedConfig } from './config-types.js';
import { applyDirectives } from './directives.js';

/** The roles whose text makes up the 字数 that caps apply to: 正文 with its headings. */
export const COUNTED_ROLES: Role[] = ['正文'];

/**
 * The 字数 of a structured document's body. Asked twice per file (length-cap, and the result's charCount) and
 * counted once: a document's blocks and roles do not change once it is structured (a fix makes a new one).
 */
const bodyCounts = new WeakMap<GwDocument, number>();

export function bodyCharCount(doc: GwDocument): number {
  let n = bodyCounts.get(doc);
  if (n === undefined) {
    n = 0;
    for (const b of doc.children) if (b.data.role && COUNTED_ROLES.includes(b.data.role)) n += countWords(b.data.text);
    bodyCounts.set(doc, n);
  }
  return n;
}

export function structure(doc: GwDocument): GwDocument {
  assignRoles(doc);
  return doc;
}

function quoteAround(block: GwBlock, start: number, end: number): string {
  const t = block.data.text;
  const a = Math.max(0, start - 10);
  const b = Math.min(t.length, end + 10);
  return (a > 0 ? '…' : '') + t.slice(a, b) + (b < t.length ? '…' : '');
}

interface RunOptions {
  locale: Locale;
  rules: Map<string, Rule>;
}

/** A rule that is on under a config, with what that config gives it; the same for every file of the config. */
interface PlannedRule {
  id: string;
  rule: Rule;
  severity: Severity;
  cites: Cite[];
  /** Defaults under the config's options; each file's context gets a copy. */
  options: Record<string, unknown>;
}

/**
 * Which rules are on and how, per resolved config: configs are cached objects shared by every file they apply
 * to, so this is worked out once rather than for each file. The rule map only grows (plugins add rules as they
 * load): a plan made before it grew is made again.
 */
const plans = new WeakMap<ResolvedConfig, { rules: Map<string, Rule>; size: number; list: PlannedRule[] }>();

function planFor(config: ResolvedConfig, rules: Map<string, Rule>): PlannedRule[] {
  const hit = plans.get(config);
  if (hit && hit.rules === rules && hit.size === rules.size) return hit.list;
  const list: PlannedRule[] = [];
  for (const [id, setting] of Object.entries(config.rules)) {
    if (setting.severity === 'off') continue;
    const rule = rules.get(id);
    if (!rule) continue;
    list.push({
      id,
      rule,
      severity: setting.severity,
      cites: setting.cites && setting.cites.length ? setting.cites : rule.meta.cites,
      options: { ...(rule.meta.defaultOptions ?? {}), ...(setting.options ?? {}) },
    });
  }
  plans.set(config, { rules, size: rules.size, list });
  return list;
}

/** A rule running on one file: its visitors, and whether it has thrown (then it is skipped for the rest). */
interface ActiveRule {
  id: string;
  visitors: Visitors;
  failed: boolean;
}

/**
 * Runs the enabled rules over a structured document and returns its messages, sorted, with directives
 * applied. A rule that throws becomes one error message; it never takes the file (or the run) down.
 */
export function runRules(doc: GwDocument, config: ResolvedConfig, opts: RunOptions): LintMessage[] {
  const messages: LintMessage[] = [];
  const { lineStarts } = doc.data;
  const docType = doc.data.docType.value;
  const direction = doc.data.direction.value;
  const category = doc.data.category.value;
  const kind = doc.data.kind;
  const locale = opts.locale;
  const blocksWithRole = (role: Role): GwBlock[] => doc.children.filter((b) => b.data.role === role && !b.data.placeholder);

  const active: ActiveRule[] = [];
  for (const { id, rule, severity, cites, options } of planFor(config, opts.rules)) {
    if (rule.meta.appliesTo && !rule.meta.appliesTo.includes(kind)) continue;
    const context: RuleContext = {
      id,
      options: { ...options },
      doc,
      locale,
      cites,
      docType,
      direction,
      category,
      blocksWithRole,
      segmenter: getSegmenter,
      report(d: ReportDescriptor) {
        // A finding may name the one clause it rests on; under a profile that sets its own citations, only if
        // that clause is among them (same regulation and article).
        const narrowed = d.cites?.filter((c) => cites.some((x) => x.regulation === c.regulation && x.article === c.article));
        const own = narrowed && narrowed.length ? narrowed : cites;
        messages.push(toMessage(doc, rule, id, severity, own, d, locale, lineStarts));
      },
    };
    try {
      active.push({ id, visitors: rule.create(context), failed: false });
    } catch (e) {
      messages.push(crashMessage(id, e, locale));
    }
  }

  // A rule that throws is dropped for the rest of this file, with one message.
  const fail = (entry: ActiveRule, e: unknown): void => {
    messages.push(crashMessage(entry.id, e, locale));
    entry.visitors = {};
    entry.failed = true;
  };
  const visitDoc = (key: 'document' | 'document:exit'): void => {
    for (const a of active) {
      const fn = a.visitors[key];
      if (!fn) continue;
      try {
        fn(doc);
      } catch (e) {
        fail(a, e);
      }
    }
  };
  visitDoc('document');
  // Which visitors a block of each role calls, in rule order (block before role within a rule), worked out once
  // per role (after the document visitors, as rules may set up there) rather than looked up rule by rule for
  // every block: the functions themselves, parallel to the rule each belongs to.
  const callsByRole = new Map<string, { fns: BlockVisitor[]; owners: ActiveRule[] }>();
  const callsFor = (role: string): { fns: BlockVisitor[]; owners: ActiveRule[] } => {
    let calls = callsByRole.get(role);
    if (calls) return calls;
    calls = { fns: [], owners: [] };
    const roleKey = `role:${role}` as const;
    for (const a of active) {
      const onBlock = a.visitors.block;
      if (onBlock) {
        calls.fns.push(onBlock);
        calls.owners.push(a);
      }
      const onRole = a.visitors[roleKey];
      if (onRole) {
        calls.fns.push(onRole);
        calls.owners.push(a);
      }
    }
    callsByRole.set(role, calls);
    return calls;
  };
  for (const block of doc.children) {
    // A template's placeholder is not text yet: nothing to check in it.
    if (block.data.placeholder) continue;
    const { fns, owners } = callsFor(block.data.role ?? '其他');
    for (let i = 0; i < fns.length; i++) {
      const owner = owners[i]!;
      if (owner.failed) continue;
      const fn = fns[i]!;
      try {
        fn(block);
      } catch (e) {
        fail(owner, e);
      }
    }
  }
  visitDoc('document:exit');

  for (const n of doc.data.notices) {
    messages.push({
      ruleId: `input/${n.id}`,
      severity: n.severity,
      message: n.message,
      line: n.line ?? 1,
      column: n.column ?? 1,
      endLine: n.line ?? 1,
      endColumn: n.column ?? 1,
      cites: [],
    });
  }

  const kept = applyDirectives(messages, doc.data.directives);
  kept.sort((a, b) => a.line - b.line || a.column - b.column || (a.ruleId ?? '').localeCompare(b.ruleId ?? ''));
  return kept;
}

function crashMessage(id: string, e: unknown, locale: Locale): LintMessage {
  const why = e instanceof Error ? e.message : String(e);
  return {
    ruleId: id,
    severity: 'error',
    message: locale === 'en' ? `Rule ${id} failed on this file: ${why}` : `规则 ${id} 处理此文件时出错：${why}`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    cites: [],
  };
}

function toMessage(
  doc: GwDocument,
  rule: Rule,
  id: string,
  severity: Severity,
  cites: Cite[],
  d: ReportDescriptor,
  locale: Locale,
  lineStarts: number[],
): LintMessage {
  const tpl = rule.meta.messages[d.messageId];
  const text = tpl ? fill(locale === 'en' ? tpl.en : tpl.zh, d.data) : d.messageId;
  let pos: Position;
  let context: string | undefined;
  let fix: Fix | undefined;
  if (d.block) {
    const start = d.start ?? 0;
    const end = d.end ?? d.block.data.text.length;
    pos = blockSpanPosition(lineStarts, d.block, start, end);
    if (doc.data.kind === 'docx') context = quoteAround(d.block, start, end);
    if (d.fix) {
      if ('range' in d.fix) fix = d.fix;
      else {
        const s = textToSourceOffset(d.block.data.segments, start, 'start');
        const e = end > start ? textToSourceOffset(d.block.data.segments, end, 'end') : s;
        fix = { range: [s, e], text: d.fix.text };
      }
    }
  } else if (d.position) {
    pos = d.position;
    if (d.fix && 'range' in d.fix) fix = d.fix;
  } else {
    const p = offsetToPoint(lineStarts, 0);
    pos = { start: p, end: p };
  }
  const m: LintMessage = {
    ruleId: id,
    severity,
    message: text,
    line: pos.start.line,
    column: pos.start.column,
    endLine: pos.end.line,
    endColumn: pos.end.column,
    cites,
    messageId: d.messageId,
  };
  if (fix && rule.meta.fixable && doc.data.kind !== 'docx') m.fix = fix;
  if (context) m.context = context;
  return m;
}

/** Applies non-overlapping fixes, first come first served (as ESLint does); returns the new text. */
export function applyFixes(source: string, messages: LintMessage[]): { output: string; applied: number } {
  const fixes = messages
    .filter((m) => m.fix)
    .map((m) => m.fix!)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let out = '';
  let last = 0;
  let applied = 0;
  for (const f of fixes) {
    if (f.range[0] < last) continue;
    out += source.slice(last, f.range[0]) + f.text;
    last = f.range[1];
    applied++;
  }
  out += source.slice(last);
  return { output: out, applied };
}

export function summarize(filePath: string, doc: GwDocument | null, messages: LintMessage[], cap?: { limit: number; basis: string } | null): LintResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableCount = 0;
  for (const m of messages) {
    if (m.severity === 'error') errorCount++;
    else warningCount++;
    if (m.fix) fixableCount++;
  }
  const result: LintResult = {
    filePath,
    docType: doc?.data.docType.value ?? null,
    direction: doc?.data.direction.value ?? null,
    category: doc?.data.category.value ?? null,
    charCount: doc ? bodyCharCount(doc) : null,
    messages,
    errorCount,
    warningCount,
    fixableCount,
  };
  // Assigned rather than spread into the literal (V8's generic copy path), in the same place: last.
  if (doc) {
    result.detection = {
      docType: { confidence: doc.data.docType.confidence, reason: doc.data.docType.reason },
      direction: { confidence: doc.data.direction.confidence, reason: doc.data.direction.reason },
      category: { confidence: doc.data.category.confidence, reason: doc.data.category.reason },
      cap: cap ?? null,
    };
  }
  return result;
}
