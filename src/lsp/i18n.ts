import type { Locale } from '../engine/types.js';

/** The server's own words (titles of code actions, hover labels, notices), Chinese first. */
const TEXT = {
  fix: { zh: '修正：{{message}}', en: 'Fix: {{message}}' },
  fixAll: { zh: '修正全部可自动修正的 gwlint 问题', en: 'Fix all auto-fixable gwlint problems' },
  disableLine: { zh: '本行不检查 {{rule}}', en: 'Disable {{rule}} for this line' },
  disableFile: { zh: '本文件不检查 {{rule}}', en: 'Disable {{rule}} in this file' },
  disableFileConfig: { zh: '本文件不检查 {{rule}}（写入 {{config}}）', en: 'Disable {{rule}} in this file (in {{config}})' },
  why: { zh: '为什么', en: 'Why' },
  clause: { zh: '依据', en: 'Clause' },
  docs: { zh: '规则说明', en: 'Rule documentation' },
  fixable: { zh: '可自动修正', en: 'Auto-fixable' },
  untrusted: {
    zh: 'gwlint：此工作区不受信任，只使用内置规则和 JSON/YAML 配置，不加载插件和 JavaScript 配置。信任此工作区后即可使用它们。',
    en: 'gwlint: this workspace is not trusted, so only the built-in rules and JSON/YAML configuration are used; plugins and JavaScript configuration are not loaded. Trust the workspace to use them.',
  },
  configError: { zh: 'gwlint 配置错误：{{file}}{{key}}：{{expected}}', en: 'gwlint configuration error: {{file}}{{key}}: {{expected}}' },
  internalError: { zh: 'gwlint 检查 {{file}} 时出错：{{why}}', en: 'gwlint failed on {{file}}: {{why}}' },
} as const;

export type TextId = keyof typeof TEXT;

export function t(locale: Locale, id: TextId, data: Record<string, string | number> = {}): string {
  return TEXT[id][locale].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(data[k] ?? ''));
}
