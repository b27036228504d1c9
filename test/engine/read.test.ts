import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Linter } from '../../src/engine/api.js';
import { openBounded } from '../../src/engine/read.js';
import { readDocx } from '../../src/parsers/docx/index.js';
import { generateDocx } from '../../bench/docx-gen.js';

/**
 * Linter.lintFile lets the .docx reader read an open file piece by piece (so a large file is never held
 * whole); the result must be what reading the bytes gives, and the file's problems must still be reasons.
 */

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gwlint-read-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading a .docx from an open file', () => {
  it('gives the same tree as reading its bytes (a document large enough to stream its body)', () => {
    const g = generateDocx({ paragraphs: 4000, chars: 180, seed: 11 });
    const file = join(dir, 'big.docx');
    writeFileSync(file, g.bytes);
    const f = openBounded(file, 100 * 1024 * 1024);
    try {
      expect(f.source.length).toBe(g.bytes.length);
      const fromFile = readDocx(f.source, file);
      const fromBytes = readDocx(g.bytes, file);
      expect(fromFile.data.source).toBe(fromBytes.data.source);
      expect(fromFile.children.length).toBe(fromBytes.children.length);
      expect(fromFile.children.map((b) => b.data.text)).toEqual(fromBytes.children.map((b) => b.data.text));
    } finally {
      f.close();
    }
  });

  it('lintFile and lintText agree on a .docx, and whole-file reading (as the audit does) agrees too', async () => {
    const g = generateDocx({ paragraphs: 30, chars: 120, seed: 12 });
    const file = join(dir, 'draft.docx');
    writeFileSync(file, g.bytes);
    const strip = (r: { messages: unknown[]; charCount: number | null }) => ({ messages: r.messages, charCount: r.charCount });
    const streamed = await new Linter({ noConfig: true }).lintFile(file);
    const whole = await new Linter({ noConfig: true, readWholeFiles: true }).lintFile(file);
    const text = await new Linter({ noConfig: true }).lintText(g.bytes, file);
    expect(streamed.messages.length).toBeGreaterThan(0);
    expect(strip(streamed)).toEqual(strip(text));
    expect(strip(whole)).toEqual(strip(text));
  });

  it('still says what a file is when it is not a zip (an OLE file named .docx)', async () => {
    const file = join(dir, 'old.docx');
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    Buffer.from('WordDocument', 'utf16le').copy(ole, 1024);
    writeFileSync(file, ole);
    const r = await new Linter({ noConfig: true }).lintFile(file);
    expect(r.messages[0]!.fatal).toBe(true);
    expect(r.messages[0]!.message).toContain('旧版 Word/WPS 二进制文档');
  });

  it('refuses a folder and a file over the limit before reading', () => {
    expect(() => openBounded(dir, 1024)).toThrow(/文件夹/);
    const file = join(dir, 'big.bin');
    writeFileSync(file, Buffer.alloc(2048));
    expect(() => openBounded(file, 1024)).toThrow(/文件过大/);
  });
});
