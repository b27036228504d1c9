import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { Linter } from '../../src/engine/api.js';
import { readDocx } from '../../src/parsers/docx/index.js';
import { InputError } from '../../src/parsers/types.js';
import { ROOT, SHARED } from '../helpers.js';
import { buildDocx, p } from './build.js';
import { generateDocx, generateTextDocxOfSize } from '../../bench/docx-gen.js';

/**
 * Issue 3, item 6: every kind of bad input gets a clear per-file message — what is wrong and what to do — and
 * never a crash. Bad files are built here, in a temporary folder.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gwlint-docx-bad-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GOOD = (): Uint8Array => buildDocx({ body: p('关于某事的请示') + p('市政府：') + p('妥否，请批示。') });

/** The message readDocx throws, as an InputError with a hint. */
function refusal(bytes: Uint8Array, opts?: Parameters<typeof readDocx>[2]): InputError {
  try {
    readDocx(bytes, 'x.docx', opts);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).hint, 'says what to do').toBeTruthy();
    return e as InputError;
  }
  throw new Error('expected the reader to refuse the file');
}

/** Lints a file from disk: one fatal message, no crash, the file named. */
async function fatal(name: string, bytes: Uint8Array | string, options = {}): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const res = await new Linter({ noConfig: true, ...options }).lintFile(path);
  expect(res.filePath).toBe(path);
  expect(res.messages).toHaveLength(1);
  expect(res.messages[0]).toMatchObject({ fatal: true, severity: 'error', line: 1, column: 1 });
  return res.messages[0]!.message;
}

/** A minimal OLE compound file (the container of legacy .doc and of password-protected Office files). */
function oleFile(streams: string[]): Uint8Array {
  const SECTOR = 512;
  const out = new Uint8Array(SECTOR * 3);
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(24, 0x3e, true);
  v.setUint16(26, 3, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true); // one FAT sector
  v.setUint32(48, 1, true); // directory at sector 1
  v.setUint32(56, 0x1000, true);
  v.setUint32(60, 0xfffffffe, true);
  v.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) v.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = SECTOR;
  for (let i = 0; i < 128; i++) v.setUint32(fat + i * 4, i === 0 ? 0xfffffffd : i === 1 ? 0xfffffffe : 0xffffffff, true);
  const entries = ['Root Entry', ...streams];
  entries.forEach((name, i) => {
    const e = SECTOR * 2 + i * 128;
    for (let k = 0; k < name.length; k++) v.setUint16(e + k * 2, name.charCodeAt(k), true);
    v.setUint16(e + 64, (name.length + 1) * 2, true);
    out[e + 66] = i === 0 ? 5 : 2;
    v.setUint32(e + 68, 0xffffffff, true);
    v.setUint32(e + 72, i > 0 && i < entries.length - 1 ? i + 1 : 0xffffffff, true);
    v.setUint32(e + 76, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true);
    v.setUint32(e + 116, 0xfffffffe, true);
  });
  return out;
}

describe('bad .docx input: a clear reason and what to do, never a crash', () => {
  it('not a zip', async () => {
    expect(refusal(strToU8('这只是一段文字，不是 Word 文档。')).message).toBe('不是有效的 .docx 文件（不是 zip 压缩包）');
    expect(await fatal('text.docx', '这只是一段文字')).toContain('不是有效的 .docx 文件');
    expect(refusal(strToU8('{\\rtf1\\ansi 公文}')).message).toContain('RTF');
    expect(refusal(strToU8('%PDF-1.7\n')).message).toContain('PDF');
    expect(refusal(strToU8('<html><body>公文</body></html>')).message).toContain('HTML');
  });

  it('a zip that is not a Word document', () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(refusal(xlsx).message).toContain('Excel');
    const other = zipSync({ 'readme.txt': strToU8('hello') });
    expect(refusal(other).message).toContain('缺少 word/document.xml');
  });

  it('a truncated zip (download or copy cut short)', async () => {
    const good = GOOD();
    for (const cut of [good.length - 10, Math.floor(good.length / 2), 40]) {
      expect(refusal(good.subarray(0, cut)).message).toMatch(/^文件不完整/);
    }
    expect(await fatal('cut.docx', good.subarray(0, Math.floor(good.length / 2)))).toContain('文件不完整');
  });

  it('a corrupted entry', () => {
    const good = GOOD();
    const bad = good.slice();
    // Overwrite the middle of the file (inside the compressed document.xml) with garbage.
    for (let i = 80; i < 400; i++) bad[i] = (i * 37) & 0xff;
    const e = refusal(bad);
    expect(e.message).toMatch(/解压失败|文件已损坏|XML 格式错误|不完整/);
  });

  it('a zip bomb: refused by the compression ratio long before it is inflated', () => {
    // 64 MB of one character compresses ~1000:1 — no Word part does that.
    const huge = new Uint8Array(64 * 1024 * 1024).fill(0x20);
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': huge,
    }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const e = refusal(bomb);
    expect(e.message).toMatch(/压缩比异常.*疑似 zip 炸弹/);
  });

  it('a symbol whose code is past Unicode: left out, not a crash', () => {
    const d = readDocx(buildDocx({ body: '<w:p><w:r><w:t>甲</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="FFFFFFFF"/></w:r><w:r><w:t>乙</w:t></w:r></w:p>' }), 'x.docx');
    expect(d.children.map((b) => b.data.text)).toEqual(['甲乙']);
  });

  it('a zip bomb: refused by the total of inflated bytes', () => {
    const e = refusal(GOOD(), { limits: { maxTotalBytes: 1000 } });
    expect(e.message).toMatch(/解压后的内容超过上限.*疑似 zip 炸弹/);
  });

  it('a header that understates an entry (a lying zip directory)', () => {
    const good = GOOD();
    const bad = good.slice();
    const v = new DataView(bad.buffer);
    // Find document.xml's central directory record and halve its uncompressed size.
    const name = strToU8('word/document.xml');
    for (let i = 0; i < bad.length - 46; i++) {
      if (v.getUint32(i, true) === 0x02014b50 && bad.subarray(i + 46, i + 46 + name.length).every((b, k) => b === name[k])) {
        v.setUint32(i + 24, Math.floor(v.getUint32(i + 24, true) / 2), true);
      }
    }
    expect(refusal(bad).message).toContain('实际大小与 zip 目录所记不符');
  });

  it('XML with a DOCTYPE or entities: refused, never expanded', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`;
    const e = refusal(buildDocx({ body: '', extra: { 'word/document.xml': laughs } }));
    expect(e.message).toBe('部件 word/document.xml 含有 DOCTYPE/实体声明，出于安全原因拒绝读取（正常的 Word 文档没有）');
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&xxe;</w:styles>`;
    expect(refusal(buildDocx({ body: p('正文'), styles: xxe })).message).toContain('word/styles.xml 含有 DOCTYPE');
    // An entity reference without a declaration is an XML error, not an expansion.
    const undeclared = buildDocx({ body: `<w:p><w:r><w:t>&nbsp;正文</w:t></w:r></w:p>` });
    expect(refusal(undeclared).message).toMatch(/^部件 word\/document\.xml 的 XML 格式错误/);
  });

  it('password-protected Word (an OLE compound file, not a zip)', async () => {
    const enc = oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    expect(refusal(enc).message).toBe('文档设置了打开密码（已加密），无法读取');
    expect(await fatal('secret.docx', enc)).toContain('设置了打开密码');
  });

  it('legacy .doc content under a .docx name', () => {
    const doc = oleFile(['WordDocument', '1Table', '\u0005SummaryInformation']);
    expect(refusal(doc).message).toContain('旧版 Word/WPS 二进制文档');
  });

  it('legacy .doc and .wps files: say so, and how to convert', async () => {
    const doc = oleFile(['WordDocument', '1Table']);
    expect(await fatal('old.doc', doc)).toBe('无法检查此文件：旧版 Word/WPS 二进制格式（.doc）无法直接读取。用 Word、WPS 或 LibreOffice 另存为 .docx 后再检查，或加 --convert-legacy 由 LibreOffice 自动转换');
    expect(await fatal('old.wps', doc)).toContain('（.wps）无法直接读取');
  });

  it('a .docx saved under a .doc name is read as what it is', async () => {
    const path = join(dir, 'renamed.doc');
    writeFileSync(path, GOOD());
    const res = await new Linter({ noConfig: true }).lintFile(path);
    expect(res.messages.some((m) => m.fatal)).toBe(false);
    expect(res.messages[0]).toMatchObject({ ruleId: 'input/converted', severity: 'warning' });
    expect(res.docType).toBe('请示');
  });

  it('an empty file', async () => {
    expect(refusal(new Uint8Array(0)).message).toBe('文件是空的');
    expect(await fatal('empty.docx', new Uint8Array(0))).toBe('无法检查此文件：文件是空的。确认保存了正确的文件');
    expect(await fatal('empty.doc', new Uint8Array(0))).toContain('文件是空的');
  });

  it('one broken file does not stop the others (CLI)', () => {
    const broken = join(dir, 'broken.docx');
    const good = join(dir, 'good.docx');
    writeFileSync(broken, 'PK\u0003\u0004 not really');
    writeFileSync(good, GOOD());
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), '--no-config-lookup', '--format', 'json', broken, good], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
    expect(results.find((x) => x.filePath === broken)!.messages[0]).toMatchObject({ fatal: true });
    expect(results.find((x) => x.filePath === good)!.messages.some((m) => m.fatal)).toBe(false);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('a 20 MB document within the stated memory bound', () => {
  /**
   * The bound: the XML is streamed and never held whole; what stays is the text once (the source that blocks
   * slice) and a small set of objects per paragraph. So a 20 MB draft as drafts get that large (photos, which
   * are never inflated, and a long text) needs little, and even 20 MB of nothing but text (~1,900 万字, the
   * worst case) fits a 384 MB V8 heap. `npm run bench -- docx` reports the peak RSS of both.
   */
  const readIn = (file: string, heapMb: number): { blocks: number; chars: number } => {
    const dist = resolve(ROOT, 'dist/src/parsers/docx/index.js');
    expect(existsSync(dist), 'npm test builds dist first').toBe(true);
    const r = spawnSync(
      process.execPath,
      [
        `--max-old-space-size=${heapMb}`,
        '--input-type=module',
        '-e',
        `import { readFileSync } from 'node:fs'; const { readDocx } = await import(${JSON.stringify(pathToFileURL(dist).href)});
         const d = readDocx(readFileSync(process.argv[1]), 'big.docx');
         let chars = 0; for (const b of d.children) chars += b.data.text.length;
         console.log(JSON.stringify({ blocks: d.children.length, chars }));`,
        file,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { blocks: number; chars: number };
  };
  const opening = '关于做好年度工作的通知'.length + '各区人民政府，市政府各委、办、局：'.length;

  it('20 MB of photos and a 10 万字 text: within a 128 MB V8 heap', () => {
    const file = join(dir, 'photos.docx');
    const g = generateDocx({ paragraphs: 560, chars: 180, seed: 8, imageBytes: 20 * 1024 * 1024 });
    writeFileSync(file, g.bytes);
    expect(g.bytes.length).toBeGreaterThan(20 * 1024 * 1024);
    expect(readIn(file, 128)).toEqual({ blocks: g.paragraphs, chars: g.chars + opening });
  }, 120_000);

  it('20 MB of text only (about 1,900 万字): within a 128 MB V8 heap (the plain-text view lives outside it)', () => {
    const file = join(dir, 'text.docx');
    const g = generateTextDocxOfSize(20 * 1024 * 1024, 7);
    writeFileSync(file, g.bytes);
    expect(g.bytes.length).toBeGreaterThan(19 * 1024 * 1024);
    expect(readIn(file, 128)).toEqual({ blocks: g.paragraphs, chars: g.chars + opening });
  }, 300_000);
});

describe.skipIf(!existsSync('/usr/bin/soffice'))('--convert-legacy (LibreOffice present)', () => {
  it('converts a real legacy .doc and a .wps through soffice and lints the result', () => {
    const doc = join(dir, '通知.doc');
    const wps = join(dir, '测试.wps');
    copyFileSync(join(SHARED, 'corpus', 'legacy-doc', '附件二：2019年度录用人民警察体能测试的通知.doc'), doc);
    copyFileSync(join(SHARED, 'corpus', 'format-pairs', '测试文本3.wps'), wps);
    const r = spawnSync(process.execPath, [resolve(ROOT, 'bin/gwlint.js'), '--no-config-lookup', '--convert-legacy', '--format', 'json', doc, wps], { encoding: 'utf8', timeout: 280_000 });
    const results = JSON.parse(r.stdout) as { filePath: string; charCount: number | null; messages: { ruleId: string | null; fatal?: boolean; message: string }[] }[];
    for (const res of results) {
      expect(res.messages.some((m) => m.fatal), res.messages.map((m) => m.message).join('\n')).toBe(false);
      expect(res.messages[0]).toMatchObject({ ruleId: 'input/converted' });
    }
    expect(results.find((x) => x.filePath === doc)!.charCount).toBeGreaterThan(100);
  }, 300_000);
});
