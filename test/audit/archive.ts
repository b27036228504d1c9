import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { SHARED } from '../helpers.js';

/** Small archives for the audit tests, written to a fresh temp folder. */

export function tempDir(prefix = 'gwlint-audit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

const OFFICES = [
  { name: '静海区人民政府', code: '津静政发' },
  { name: '静海区人民政府办公室', code: '津静政办发' },
  { name: '通州区人民政府', code: '通政发' },
];

/** A plausible 通知 or 请示 as plain text, with 发文字号 and 成文日期 so office and year can be read. */
export function draft(i: number): { name: string; text: string } {
  const o = OFFICES[i % OFFICES.length]!;
  const year = 2019 + (i % 5);
  const isRequest = i % 4 === 1;
  const title = isRequest ? `${o.name}关于申请第${i}批专项资金的请示` : `${o.name}关于做好第${i}项重点工作的通知`;
  const body = isRequest
    ? ['区财政局：', `为推进第${i}批项目建设，现申请专项资金${10 + i}万元。`, '妥否，请批示。']
    : ['各街道、各委办局：', `为做好第${i}项重点工作，现就有关事项通知如下。`, '一、提高认识', '各单位要高度重视，认真落实。', '二、加强协调', '各单位要密切配合，按时完成。'];
  const lines = [`${o.code}〔${year}〕${i + 1}号`, title, ...body, o.name, `${year}年${1 + (i % 12)}月${1 + (i % 28)}日`];
  return { name: `${year}/${isRequest ? 'qs' : 'tz'}-${String(i).padStart(3, '0')}.${i % 3 === 0 ? 'md' : 'txt'}`, text: lines.join('\n') + '\n' };
}

export function writeDrafts(dir: string, n: number, from = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < from + n; i++) {
    const d = draft(i);
    const p = join(dir, d.name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, d.text);
    out.push(p);
  }
  return out;
}

/** Real .docx drafts from the shared corpus (templates made in WPS/Word). */
export const GOOD_DOCX = ['templates-gbt9704/tz_1.docx', 'templates-gbt9704/han_1.docx', 'format-pairs/测试文本2.docx'].map((p) => join(SHARED, 'corpus', p));

/**
 * The four hostile inputs the issue names: a zip bomb (a .docx whose document part inflates ~1000×, far
 * past any real Word file), a .docx cut off half-way, a PDF renamed to .docx, and an empty file.
 */
export function writeHostile(dir: string): Record<'bomb' | 'truncated' | 'pdf' | 'empty', string> {
  mkdirSync(dir, { recursive: true });
  const bomb = join(dir, '炸弹.docx');
  const filler = new Uint8Array(48 * 1024 * 1024).fill(0x41);
  const xml = new TextEncoder().encode('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const doc = new Uint8Array(xml.length + filler.length);
  doc.set(xml);
  doc.set(filler, xml.length);
  writeFileSync(
    bomb,
    zipSync(
      {
        '[Content_Types].xml': new TextEncoder().encode('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
        'word/document.xml': [doc, { level: 9 }],
      },
      { level: 9 },
    ),
  );
  const truncated = join(dir, '截断.docx');
  const good = readFileSync(GOOD_DOCX[0]!);
  writeFileSync(truncated, good.subarray(0, Math.floor(good.length / 2)));
  const pdf = join(dir, '改名的PDF.docx');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  const empty = join(dir, '空文件.docx');
  writeFileSync(empty, '');
  return { bomb, truncated, pdf, empty };
}

export function copyGoodDocx(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return GOOD_DOCX.map((src, i) => {
    const p = join(dir, `good-${i}.docx`);
    copyFileSync(src, p);
    return p;
  });
}

/**
 * A gwlint plugin (installed in the archive's node_modules and named by its config) whose readers misbehave
 * on purpose: `.hang` never returns, `.oom` allocates until the heap is gone, `.slow` takes a fixed time per
 * file (to interrupt a run half-way), `.crash` kills its thread, `.bigbuf` fills memory outside the JS heap
 * (as inflated zip data would), which only the pool's RSS watchdog can see. The audit must turn each into a row.
 */
export function installHostilePlugin(dir: string, slowMs = 150): void {
  const pkg = join(dir, 'node_modules', 'gwlint-plugin-hostile');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'gwlint-plugin-hostile', version: '1.0.0', type: 'module', main: 'index.js' }));
  writeFileSync(
    join(pkg, 'index.js'),
    `import { parserFor } from ${JSON.stringify(new URL('../../dist/src/parsers/registry.js', import.meta.url).href)};
const text = async (input) => (await parserFor('x.txt')).parse(input);
export default {
  meta: { name: 'hostile' },
  parsers: [
    { kind: 'text', extensions: ['.hang'], binary: false, parse() { for (;;) {} } },
    { kind: 'text', extensions: ['.oom'], binary: false, parse() { const keep = []; for (;;) keep.push(new Array(1e5).fill({ x: keep.length })); } },
    { kind: 'text', extensions: ['.crash'], binary: false, parse() { process.exit(7); } },
    { kind: 'text', extensions: ['.bigbuf'], binary: false, parse() { const keep = []; for (let i = 0; i < 400; i++) { keep.push(Buffer.alloc(16 * 1024 * 1024, 1)); const end = Date.now() + 20; while (Date.now() < end) {} } return text({ filePath: 'x.txt', text: '' }); } },
    { kind: 'text', extensions: ['.slow'], binary: false, parse(input) { const end = Date.now() + ${slowMs}; while (Date.now() < end) {} return text(input); } },
  ],
};
`,
  );
  writeFileSync(join(dir, '.gwlintrc.json'), JSON.stringify({ plugins: ['hostile'] }));
}
