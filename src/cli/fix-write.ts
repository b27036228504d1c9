import { readFileSync, writeFileSync } from 'node:fs';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Writes the fixed text of a draft back in the encoding it came in, so that --fix changes only what it fixed:
 * a UTF-8 byte-order mark stays, UTF-16 stays UTF-16. A GB18030 draft is left alone (Node has no GB18030
 * encoder, and rewriting it as UTF-8 would change every byte of the file): the reason is returned.
 */
export function writeFixed(file: string, text: string): string | undefined {
  const before = readFileSync(file);
  let out: Buffer;
  if (before[0] === 0xef && before[1] === 0xbb && before[2] === 0xbf) {
    out = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  } else if (before[0] === 0xff && before[1] === 0xfe) {
    out = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  } else if (before[0] === 0xfe && before[1] === 0xff) {
    const le = Buffer.from(text, 'utf16le');
    out = Buffer.concat([Buffer.from([0xfe, 0xff]), le.swap16()]);
  } else {
    try {
      utf8.decode(before);
    } catch {
      return '文件是 GB18030 编码，--fix 没有改写它（改写会改变整个文件的编码）；另存为 UTF-8 后再修正';
    }
    out = Buffer.from(text, 'utf8');
  }
  writeFileSync(file, out);
  return undefined;
}
