import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError, type ByteSource } from '../parsers/types.js';

/** Text drafts larger than this are refused: no real 公文 is 20 MB of text, and reading it all costs memory. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;
/** Binary formats (docx) are bounded by their reader; this only bounds what is read from disk. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** Opens a file for reading, with a clear reason when it cannot be. */
function openFd(path: string): number {
  try {
    return openSync(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('文件不存在', '检查路径是否写对');
    if (code === 'EACCES' || code === 'EPERM') throw new InputError('没有读取权限', '检查文件权限');
    if (code === 'EISDIR') throw new InputError('这是一个文件夹', '给出文件，或让 gwlint 遍历该文件夹');
    throw new InputError(`无法打开（${code ?? (e as Error).message}）`);
  }
}

/**
 * Reads a whole file, refusing one over `max` bytes before reading it. Synchronous underneath: a draft is
 * small, and for small files the promise-based file handle cost more than the read (a third of linting a
 * short .docx in an audit); callers that must not block — none reads drafts on a latency-critical path — can
 * still await it.
 */
export async function readBounded(path: string, max: number): Promise<Uint8Array> {
  const file = openBounded(path, max);
  try {
    return file.source.read(0, file.source.length);
  } finally {
    file.close();
  }
}

/** An open file read piece by piece (for a reader that needs only parts of a large file). */
export class FileSource implements ByteSource {
  constructor(
    private readonly fd: number,
    readonly length: number,
  ) {}

  read(offset: number, length: number): Uint8Array {
    const n = Math.max(0, Math.min(length, this.length - offset));
    const buf = Buffer.allocUnsafe(n);
    let got = 0;
    try {
      while (got < n) {
        const r = readSync(this.fd, buf, got, n - got, offset + got);
        if (r === 0) break;
        got += r;
      }
    } catch (e) {
      throw new InputError(`读取失败（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`, '确认文件没有在检查时被移动或改动');
    }
    if (got < n) throw new InputError('文件在读取过程中变短了（可能正被写入）', '等文件保存完毕后再检查');
    return buf;
  }
}

/** Opens a file for reading in pieces, with the checks readBounded makes; the caller closes it. */
export function openBounded(path: string, max: number): { source: FileSource; close: () => void } {
  const fd = openFd(path);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new InputError('这是一个文件夹', '给出文件，或让 gwlint 遍历该文件夹');
    if (st.size > max) throw new InputError(`文件过大（${(st.size / 1048576).toFixed(1)} MB，上限 ${(max / 1048576).toFixed(0)} MB）`, '拆分文件，或确认这是一份公文草稿');
    return { source: new FileSource(fd, st.size), close: () => closeSync(fd) };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What a file's first bytes say it is, whatever its extension. */
export function sniff(bytes: Uint8Array): 'zip' | 'ole' | 'pdf' | 'text' | 'binary' | 'empty' {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5 || bytes[2] === 7)) return 'zip';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary';
  return 'text';
}

/**
 * Decodes a text draft: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 — the encoding older
 * Chinese Windows tools save in. Says which it used when it was not UTF-8.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: utf8.decode(bytes), encoding: 'UTF-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'GB18030' };
    } catch {
      throw new InputError('不是 UTF-8 或 GB18030 编码的文本', '用文本编辑器另存为 UTF-8 后再检查');
    }
  }
}
