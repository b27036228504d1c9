import type { DraftStatus } from '../../src/lsp/protocol.js';

/**
 * The extension's own strings, Chinese first. VS Code's l10n bundles assume English source strings (no bundle
 * is loaded for an English display), so a Chinese-first extension picks its table from the display language.
 */
const TABLE = {
  chars: { zh: '字数 {0}', en: 'Chars {0}' },
  charsCap: { zh: '字数 {0} / {1}', en: 'Chars {0} / {1}' },
  noDocType: { zh: '文种未定', en: '文种 unknown' },
  overCap: { zh: '超过 {0} 的字数上限（{1}）', en: 'Over the cap of {0} (from {1})' },
  capBasis: { zh: '字数上限 {0}，依据 {1}', en: 'Cap {0}, from {1}' },
  noCap: { zh: '没有适用的字数上限', en: 'No length cap applies' },
  detected: { zh: '文种：{0}（{1}）', en: '文种: {0} ({1})' },
  direction: { zh: '行文方向：{0}（{1}）', en: 'Direction: {0} ({1})' },
  category: { zh: '类别：{0}（{1}）', en: 'Category: {0} ({1})' },
  findings: { zh: '错误 {0}，警告 {1}', en: '{0} errors, {1} warnings' },
  profile: { zh: '工作规则：{0}', en: 'Profile: {0}' },
  untrusted: { zh: '受限模式：工作区不受信任，不加载插件和 JavaScript 配置', en: 'Restricted: the workspace is not trusted; plugins and JavaScript config are not loaded' },
  lintingWorkspace: { zh: 'gwlint：正在检查工作区中的公文草稿…', en: 'gwlint: linting the drafts in the workspace…' },
  workspaceDone: {
    zh: 'gwlint：检查了 {0} 个文件，错误 {1}，警告 {2}，无法读取 {3}',
    en: 'gwlint: linted {0} files: {1} errors, {2} warnings, {3} unreadable',
  },
  previewTitle: { zh: '{0}（gwlint 只读预览）', en: '{0} (gwlint read-only preview)' },
  previewFailed: { zh: '无法预览此文件：{0}', en: 'Cannot preview this file: {0}' },
  previewNoServer: { zh: 'gwlint 语言服务器未运行', en: 'The gwlint language server is not running' },
} as const;

export type TextId = keyof typeof TABLE;

/** A UI string, Chinese unless `english`; `{0}` … are replaced by the arguments. */
export function textIn(english: boolean, id: TextId, ...args: (string | number)[]): string {
  const s = TABLE[id][english ? 'en' : 'zh'] as string;
  return s.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** 4213 → "4,213", as the status bar shows counts. */
export function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * The status bar for a draft: "字数 4,213 / 5,000 · 报告 · 上行", with the cap's basis, the detection reasons
 * and the counts in the tooltip. Kept free of the vscode module so that it is tested as it is shipped.
 */
export function formatStatus(s: DraftStatus, english: boolean): { text: string; tooltip: string; overCap: boolean } | null {
  if (s.charCount === null) return null;
  const t = (id: TextId, ...args: (string | number)[]): string => textIn(english, id, ...args);
  const count = s.cap ? t('charsCap', thousands(s.charCount), thousands(s.cap.limit)) : t('chars', thousands(s.charCount));
  const parts = [count, s.docType ?? t('noDocType')];
  if (s.direction) parts.push(s.direction);
  const overCap = Boolean(s.cap && s.charCount > s.cap.limit);
  const lines: string[] = [];
  if (s.cap) lines.push(overCap ? t('overCap', thousands(s.cap.limit), s.cap.basis) : t('capBasis', thousands(s.cap.limit), s.cap.basis));
  else lines.push(t('noCap'));
  if (s.docType) lines.push(t('detected', s.docType, s.reasons.docType ?? ''));
  if (s.direction) lines.push(t('direction', s.direction, s.reasons.direction ?? ''));
  if (s.category) lines.push(t('category', s.category, s.reasons.category ?? ''));
  lines.push(t('findings', s.errorCount, s.warningCount));
  if (s.profile) lines.push(t('profile', s.profile));
  if (!s.trusted) lines.push(t('untrusted'));
  return { text: `${s.trusted ? '' : '$(shield) '}${parts.join(' · ')}`, tooltip: lines.join('\n'), overCap };
}
