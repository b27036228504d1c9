import type { LintResult, Locale } from '../engine/types.js';
import { MAX_FILE_BYTES, readBounded } from '../engine/read.js';
import { parserFor } from '../parsers/registry.js';
import { basename } from 'node:path';

/** Lints a .docx on disk and renders its preview; says why when either cannot be done. */
export async function docxPreview(
  filePath: string,
  lint: (text: string | undefined, filePath: string) => Promise<LintResult>,
  locale: Locale,
): Promise<{ html: string | null; error?: string; result?: LintResult }> {
  if (!(await parserFor(filePath))) {
    return { html: null, error: locale === 'en' ? 'This gwlint cannot read .docx files.' : '此版本的 gwlint 不能读取 .docx 文件。' };
  }
  const result = await lint(undefined, filePath);
  // The HTML view (mammoth, findings marked) is loaded only when a preview opens.
  const { renderDocxHtml } = await import('../html/index.js');
  if (result.messages.some((m) => m.fatal)) return { html: null, error: result.messages.find((m) => m.fatal)!.message, result };
  try {
    const bytes = await readBounded(filePath, MAX_FILE_BYTES);
    return { html: await renderDocxHtml(bytes, result.messages, { title: basename(filePath), locale }), result };
  } catch (e) {
    return { html: null, error: (e as Error)?.message ?? String(e), result };
  }
}
