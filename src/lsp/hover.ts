import type { LintMessage, Locale, Rule } from '../engine/types.js';
import { ruleDocUrl } from './convert.js';
import { t } from './i18n.js';

/** Markdown for one finding: the rule, what is wrong, why, and every clause it rests on, quoted. */
export function hoverMarkdown(m: LintMessage, rule: Rule | undefined, locale: Locale, docsBaseUrl?: string): string {
  const parts: string[] = [];
  const id = m.ruleId ?? 'gwlint';
  const description = rule ? rule.meta.description[locale] : undefined;
  parts.push(`**gwlint · \`${id}\`**${description ? ` — ${escape(description)}` : ''}`);
  parts.push(escape(m.message));
  const colon = locale === 'en' ? ':' : '：';
  const rationale = rule?.meta.docs?.rationale?.[locale];
  if (rationale) parts.push(`*${t(locale, 'why')}${colon}* ${escape(rationale)}`);
  for (const c of m.cites) {
    parts.push(`> ${escape(c.clause).replace(/\n/g, '\n> ')}\n>\n> —— ${t(locale, 'clause')}${colon}${locale === 'en' ? ' ' : ''}${escape(c.regulation)} ${escape(c.article)}`);
  }
  const links: string[] = [];
  const href = m.ruleId ? ruleDocUrl(m.ruleId, docsBaseUrl) : undefined;
  if (href) links.push(`[${t(locale, 'docs')}](${href})`);
  if (m.fix) links.push(t(locale, 'fixable'));
  if (links.length) parts.push(links.join(' · '));
  return parts.join('\n\n');
}

/** Markdown specials in prose: the drafts are Chinese text, but a quoted `*` or `_` must not turn into emphasis. */
function escape(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}
