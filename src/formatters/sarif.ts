import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readVersion } from '../cli/version.js';
import type { Cite, LintMessage, Locale, Rule } from '../engine/types.js';
import { packageRoot } from '../util/paths.js';
import type { Formatter } from './types.js';

/**
 * SARIF 2.1.0 (OASIS), the format GitHub code scanning and most review tools read. One run; the driver lists
 * every rule with its description, the clause it enforces and a help page; each result names its region
 * exactly (columns in UTF-16 code units, end exclusive — what gwlint reports already).
 */

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Rule ids of findings that are not from a rule: a file that could not be read. */
export const UNREADABLE_RULE_ID = 'gwlint/unreadable-file';

/**
 * The rule's documentation page. Built-in rules have docs/rules/<id>.md shipped in the package, so the URI
 * points at the installed copy (absolute, as SARIF wants); a plugin rule may carry its own `meta.docs.url`.
 */
export function ruleDocsUri(rule: Rule | undefined, id: string): string | undefined {
  const own = (rule?.meta.docs as { url?: unknown } | undefined)?.url;
  if (typeof own === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(own)) return own;
  let root: string;
  try {
    root = packageRoot();
  } catch {
    return undefined;
  }
  const page = join(root, 'docs', 'rules', `${id}.md`);
  return existsSync(page) ? pathToFileURL(page).href : undefined;
}

const S = {
  zh: { basis: '依据', options: '选项', unreadable: '文件无法读取或解析，未能检查', unreadableFull: '文件缺失、为空、不是支持的格式或已损坏；gwlint 无法检查它，需要人工处理。' },
  en: { basis: 'Basis', options: 'Options', unreadable: 'The file could not be read or parsed', unreadableFull: 'The file is missing, empty, not a supported format or damaged; gwlint could not check it.' },
};

function citeLine(c: Cite): string {
  return `${c.regulation} ${c.article}：“${c.clause}”`;
}

function helpOf(rule: Rule, locale: Locale, cites: Cite[], uri: string | undefined): { text: string; markdown: string } {
  const t = S[locale];
  const desc = rule.meta.description[locale];
  const rationale = rule.meta.docs?.rationale?.[locale];
  const text = [desc, rationale, `${t.basis}：`, ...cites.map((c) => `- ${citeLine(c)}`)].filter(Boolean).join('\n');
  const md = [
    `**${rule.meta.id}** — ${desc}`,
    rationale ?? '',
    `${t.basis}：`,
    ...cites.map((c) => `- ${c.regulation} ${c.article}\n\n  > ${c.clause}`),
    uri ? `[${rule.meta.id}](${uri})` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { text, markdown: md };
}

/** A file URI or a path relative to the run's folder, percent-encoded per segment (Chinese file names). */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const rel = relative(cwd, filePath);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(filePath).href };
}

function region(m: LintMessage): Record<string, unknown> {
  const r: Record<string, unknown> = { startLine: m.line, startColumn: m.column };
  // An empty span (a point) is written without its end: SARIF reads a missing end as "same place".
  if (m.endLine > m.line || (m.endLine === m.line && m.endColumn > m.column)) {
    r.endLine = m.endLine;
    r.endColumn = m.endColumn;
  }
  if (m.context) r.snippet = { text: m.context };
  return r;
}

export const sarif: Formatter = (results, ctx) => {
  const t = S[ctx.locale];
  const version = readVersion();
  const ids = [...ctx.rules.keys()].sort();
  // Findings from outside the rule table (reader notices, unreadable files) still need a rule entry.
  const extra = new Map<string, string>();
  for (const r of results) {
    for (const m of r.messages) {
      const id = m.ruleId ?? UNREADABLE_RULE_ID;
      if (!ctx.rules.has(id) && !extra.has(id)) extra.set(id, m.ruleId ? m.message : t.unreadable);
    }
  }
  const index = new Map<string, number>();
  // Citations in force may come from a profile rather than the rule; the first finding's are the ones shown.
  const citesInForce = new Map<string, Cite[]>();
  for (const r of results) for (const m of r.messages) if (m.ruleId && m.cites.length && !citesInForce.has(m.ruleId)) citesInForce.set(m.ruleId, m.cites);

  const rules: Record<string, unknown>[] = [];
  for (const id of ids) {
    const rule = ctx.rules.get(id)!;
    // The clauses in force (a profile may cite its own 工作规则) first, then the rule's own others.
    const cites = [...(citesInForce.get(id) ?? [])];
    for (const c of rule.meta.cites) if (!cites.some((x) => x.regulation === c.regulation && x.article === c.article)) cites.push(c);
    const uri = ruleDocsUri(rule, id);
    index.set(id, rules.length);
    const help = helpOf(rule, ctx.locale, cites, uri);
    rules.push({
      id,
      name: id,
      shortDescription: { text: rule.meta.description[ctx.locale] },
      fullDescription: { text: [rule.meta.description[ctx.locale], ...cites.map(citeLine)].join('\n') },
      ...(uri ? { helpUri: uri } : {}),
      help,
      defaultConfiguration: { level: rule.meta.severity === 'error' ? 'error' : 'warning' },
      properties: {
        tags: ['公文', ...(rule.meta.fixable ? ['fixable'] : [])],
        cites: cites.map((c) => ({ regulation: c.regulation, article: c.article, clause: c.clause })),
      },
    });
  }
  for (const [id, text] of [...extra].sort((a, b) => a[0].localeCompare(b[0]))) {
    index.set(id, rules.length);
    rules.push({
      id,
      name: id,
      shortDescription: { text: id === UNREADABLE_RULE_ID ? t.unreadable : text },
      ...(id === UNREADABLE_RULE_ID ? { fullDescription: { text: t.unreadableFull } } : {}),
      defaultConfiguration: { level: 'error' },
    });
  }

  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  for (const r of results) {
    const location = { physicalLocation: { artifactLocation: artifactLocation(r.filePath, ctx.cwd) } };
    for (const m of r.messages) {
      const id = m.ruleId ?? UNREADABLE_RULE_ID;
      const loc = { physicalLocation: { ...location.physicalLocation, region: region(m) } };
      sarifResults.push({
        ruleId: id,
        ruleIndex: index.get(id),
        level: m.severity === 'error' ? 'error' : 'warning',
        message: { text: m.message },
        locations: [loc],
        ...(m.cites.length ? { properties: { cites: m.cites.map((c) => ({ regulation: c.regulation, article: c.article, clause: c.clause })) } } : {}),
      });
      if (m.fatal) {
        notifications.push({ level: 'error', message: { text: m.message }, locations: [loc], descriptor: { id: UNREADABLE_RULE_ID } });
      }
    }
  }

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gwlint',
            semanticVersion: version,
            version,
            language: ctx.locale === 'en' ? 'en-US' : 'zh-CN',
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, ...(notifications.length ? { toolExecutionNotifications: notifications } : {}) }],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd.endsWith(sep) ? ctx.cwd : ctx.cwd + sep).href } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
