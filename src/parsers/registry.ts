import { extname } from 'node:path';
import type { Parser } from './types.js';

/**
 * Input formats by extension. Parsers are imported on first use so that linting one Markdown file does not
 * load the docx reader (cold start).
 */
type Loader = () => Promise<Parser>;

const builtins: { extensions: string[]; load: Loader }[] = [
  { extensions: ['.md', '.markdown', '.mdown', '.mkd'], load: async () => (await import('./markdown.js')).markdownParser },
  { extensions: ['.txt', '.text'], load: async () => (await import('./text.js')).textParser },
  // Binary (`binary: true`): gets the file's bytes.
  { extensions: ['.docx', '.docm', '.dotx', '.dotm'], load: async () => (await import('./docx/index.js')).docxParser },
];

const extra: Parser[] = [];

/** Lets a plugin (or the docx reader) add a format. Later registrations win. */
export function registerParser(parser: Parser): void {
  extra.unshift(parser);
}

/** Registers a lazily loaded parser for extensions. */
export function registerParserLoader(extensions: string[], load: Loader): void {
  builtins.unshift({ extensions: extensions.map((e) => e.toLowerCase()), load });
}

export function supportedExtensions(): string[] {
  return [...new Set([...extra.flatMap((p) => p.extensions), ...builtins.flatMap((b) => b.extensions)])];
}

export async function parserFor(filePath: string): Promise<Parser | undefined> {
  const ext = extname(filePath).toLowerCase();
  const p = extra.find((x) => x.extensions.includes(ext));
  if (p) return p;
  const b = builtins.find((x) => x.extensions.includes(ext));
  return b ? b.load() : undefined;
}
