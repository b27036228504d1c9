import type { LintResult, LintMessage, Locale } from '../engine/types.js';
import { MAX_FILE_BYTES, readBounded } from '../engine/read.js';
import { parserFor } from '../parsers/registry.js';
import { basename } from 'node:path';

type Render = (bytes: Uint8Array, messages: LintMessage[], options: { title?: string; locale?: Locale }) => Promise<string> | string;

/** The HTML view of a .docx is another module's (mammoth, findings marked); loaded only when a preview opens. */
async function loadRenderer(): Promise<Render | undefined> {
  try {
    const mod = (await import('../html/index.js' as string)) as { renderDocxHtml?: Render };
    return mod.renderDocxHtml;
  } catch {
    return undefined;
  }
}

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
  const render = await loadRenderer();
  if (!render) return { html: null, error: locale === 'en' ? 'This gwlint has no .docx preview.' : '此版本的 gwlint 没有 .docx 预览。', result };
  if (result.messages.some((m) => m.fatal)) return { html: null, error: result.messages.find((m) => m.fatal)!.message, result };
  try {
    const bytes = await readBounded(filePath, MAX_FILE_BYTES);
    return { html: await render(bytes, result.messages, { title: basename(filePath), locale }), result };
  } catch (e) {
    return { html: null, error: (e as Error)?.message ?? String(e), result };
  }
}
