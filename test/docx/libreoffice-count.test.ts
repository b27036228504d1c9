import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/parsers/docx/index.js';
import type { GwBlock } from '../../src/model/types.js';
import { countWords } from '../../src/util/wordcount.js';
import { SHARED } from '../helpers.js';

/**
 * Issue 3, item 5: gwlint's 字数 agrees with a real word processor.
 *
 * Which text: LibreOffice's WordCount is for the whole document — body paragraphs, list labels, tables, text
 * boxes, and every header and footer (PAGE fields count as the number they show). gwlint's count is taken over
 * the same text: every block the reader gives (body, table cells, text boxes) plus the blocks of every header
 * and footer part. Beyond the totals, the body text itself (all white space removed, list labels included) must
 * be LibreOffice's, and all the text together the same characters, so agreement is not a coincidence of sums.
 *
 * CI installs LibreOffice (.ci/run); without /usr/bin/soffice locally the test is skipped and says why.
 */

const SOFFICE = '/usr/bin/soffice';
const PYTHON = '/usr/bin/python3';
const here = dirname(fileURLToPath(import.meta.url));
const FOLDERS = ['templates-gbt9704', 'format-pairs', 'real-docx'];
const files = FOLDERS.flatMap((f) => {
  const dir = join(SHARED, 'corpus', f);
  return existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.docx')).sort().map((n) => join(dir, n)) : [];
});

const haveSoffice = existsSync(SOFFICE);
if (!haveSoffice) console.warn(`[skip] LibreOffice count comparison: ${SOFFICE} is absent (apt-get install libreoffice-writer python3-uno; CI installs it)`);

interface LoStats {
  file: string;
  wordCount: number;
  body: string[];
  shapes: string[];
  furniture: string[];
}

const squash = (s: string): string => s.replace(/[\s\u3000\u00a0]+/g, '');
/** The characters of a text in code-point order, digits masked (page-number fields show different pages). */
const sortedChars = (s: string): string => [...squash(s).replace(/\d/g, '#')].sort().join('');
const words = (blocks: GwBlock[]): number => blocks.reduce((n, b) => n + countWords(b.data.text), 0);

describe.skipIf(!haveSoffice)('字数 agrees with LibreOffice Writer on the corpus .docx files', () => {
  let lo: Map<string, LoStats>;
  beforeAll(() => {
    const out = execFileSync(PYTHON, [join(here, 'libreoffice-stats.py'), ...files], { maxBuffer: 64 * 1024 * 1024, timeout: 240_000 });
    lo = new Map((JSON.parse(out.toString('utf8')) as LoStats[]).map((s) => [s.file, s]));
  }, 300_000);

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((f) => [f.slice(SHARED.length + 1), f]))('%s', (_name, file) => {
    const stats = lo.get(file);
    expect(stats, 'LibreOffice opened the file').toBeDefined();
    const doc = readDocx(readFileSync(file), file);
    const info = doc.data.docx!;
    const parts = [...info.headers, ...info.footers].flatMap((h) => h.blocks);
    const body = doc.children.filter((b) => b.data.container === 'body' || b.data.container === 'table');
    const boxes = doc.children.filter((b) => b.data.container === 'textbox');

    // The body in order, exactly; all text (body, text boxes, headers, footers and the shapes in them) as the
    // same characters — LibreOffice lists header and footer shapes with the body's, gwlint with their part's.
    expect(squash(body.map((b) => b.data.text).join(''))).toBe(squash(stats!.body.join('')));
    const ours = [...body, ...boxes, ...parts].map((b) => b.data.text).join('');
    expect(sortedChars(ours)).toBe(sortedChars([...stats!.body, ...stats!.shapes, ...stats!.furniture].join('')));
    expect(words(doc.children) + words(parts)).toBe(stats!.wordCount);
  });
});
