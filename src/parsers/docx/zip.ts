import { Inflate, inflateSync } from 'fflate';
import { InputError, type ByteSource } from '../types.js';

/**
 * A bounded reader for the zip container of a .docx.
 *
 * The central directory is read here rather than through fflate's unzip helpers because those inflate a whole
 * entry into one buffer before we could look at it: a zip bomb (a few KB that inflate to GB) would exhaust
 * memory before any check ran. Entries are inflated in small slices, and both the running total of inflated
 * bytes and each entry's ratio of inflated to stored bytes are checked after every slice, so a bomb is stopped
 * after at most one slice's worth of output (deflate cannot expand a slice by more than ~1032×).
 */

export interface ZipLimits {
  /** Total bytes inflated over all entries read from one file. */
  maxTotalBytes: number;
  /** Largest allowed inflated/stored ratio of one entry, checked once it has produced `ratioGraceBytes`. */
  maxRatio: number;
  /** Small entries may compress extremely well (an empty styles part); the ratio is judged past this size. */
  ratioGraceBytes: number;
  /** Most entries in the directory (a .docx has ~15–60; thousands means something is off). */
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 512 * 1024 * 1024,
  // Word XML compresses 5–20×; highly repetitive generated XML reaches ~100×. Bombs are 1000×.
  maxRatio: 200,
  ratioGraceBytes: 1024 * 1024,
  maxEntries: 10000,
};

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
  flags: number;
}

const SLICE = 16 * 1024;
/**
 * Entries stored in at most this many bytes are inflated in one call (the document part of a long draft is
 * ~0.5 MB stored). Larger ones are streamed so that their text is never held whole.
 */
const ONE_SHOT_MAX = 1024 * 1024;

const BOMB_HINT = '这不是正常的 Word 文档；若确信文件无害，请用 Word 或 WPS 打开后重新保存为 .docx';

function u16(b: Uint8Array, o: number): number {
  return b[o]! | (b[o + 1]! << 8);
}
function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

/**
 * Decoders of entry names that are not ASCII, made once: a TextDecoder opens a converter when it is made,
 * which cost more than reading the directory. Each call decodes a whole name (no stream state carried over).
 */
let utf8Names: TextDecoder | undefined;
let cp437Names: TextDecoder | undefined;

/** A name of ASCII bytes as a string (undefined when it has any other byte, or is long). */
function asciiName(bytes: Uint8Array): string | undefined {
  if (bytes.length > 256) return undefined;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! > 0x7f) return undefined;
  return String.fromCharCode.apply(null, bytes as unknown as number[]);
}

const truncated = (): InputError =>
  new InputError('文件不完整：zip 结构被截断或损坏（可能下载、复制或邮件附件传输中断）', '重新获取原文件，或用 Word/WPS 打开后另存为 .docx');

export type { ByteSource };

export class MemorySource implements ByteSource {
  constructor(private readonly bytes: Uint8Array) {}
  get length(): number {
    return this.bytes.length;
  }
  read(offset: number, length: number): Uint8Array {
    return this.bytes.subarray(offset, offset + length);
  }
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();
  private inflated = 0;
  private readonly src: ByteSource;

  constructor(
    bytes: Uint8Array | ByteSource,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    this.src = bytes instanceof Uint8Array ? new MemorySource(bytes) : bytes;
    this.readDirectory();
  }

  /** Bytes inflated so far (all entries). */
  get totalInflated(): number {
    return this.inflated;
  }

  /**
   * Counts `n` bytes against the total as if they had been inflated: a part recognised from an earlier file
   * (part-cache.ts) is not inflated again, but the file's budget is the same with or without the cache.
   */
  charge(n: number): void {
    this.inflated += n;
    if (this.inflated > this.limits.maxTotalBytes) throw this.overTotal();
  }

  private overTotal(): InputError {
    return new InputError(`解压后的内容超过上限（${Math.round(this.limits.maxTotalBytes / 1048576)} MB），疑似 zip 炸弹`, BOMB_HINT);
  }

  private readDirectory(): void {
    const size = this.src.length;
    // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the very end of the file;
    // the ZIP64 locator (20 bytes) just before it.
    const tailStart = Math.max(0, size - 22 - 65535 - 20);
    const t = this.src.read(tailStart, size - tailStart);
    let eocd = -1;
    for (let i = t.length - 22; i >= Math.max(0, t.length - 22 - 65535); i--) {
      if (t[i] === 0x50 && t[i + 1] === 0x4b && t[i + 2] === 0x05 && t[i + 3] === 0x06) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw truncated();
    let count = u16(t, eocd + 10);
    let cdSize = u32(t, eocd + 12);
    let cdOffset = u32(t, eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) {
      const loc = eocd - 20;
      if (loc < 0 || u32(t, loc) !== 0x07064b50) throw truncated();
      const rec = u64(t, loc + 8);
      if (rec + 56 > size) throw truncated();
      const r = this.src.read(rec, 56);
      if (u32(r, 0) !== 0x06064b50) throw truncated();
      count = u64(r, 32);
      cdSize = u64(r, 40);
      cdOffset = u64(r, 48);
    }
    if (count > this.limits.maxEntries) {
      throw new InputError(`zip 中条目过多（${count} 个），不像 Word 文档`, BOMB_HINT);
    }
    if (cdOffset + cdSize > size) throw truncated();
    // The directory is small (46 bytes and a name per entry, and the entries are bounded above).
    const b = this.src.read(cdOffset, cdSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > b.length || u32(b, p) !== 0x02014b50) throw truncated();
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      let compressedSize = u32(b, p + 20);
      let size = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const extraLen = u16(b, p + 30);
      const commentLen = u16(b, p + 32);
      let localHeaderOffset = u32(b, p + 42);
      if (p + 46 + nameLen + extraLen > b.length) throw truncated();
      const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
      // Bit 11: UTF-8 names. Word always writes ASCII part names, which read the same either way and are made
      // here without a decoder call per entry; others are decoded leniently.
      const name = asciiName(nameBytes) ?? (flags & 0x800 ? (utf8Names ??= new TextDecoder('utf-8')) : (cp437Names ??= new TextDecoder('latin1'))).decode(nameBytes);
      if (size === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        let e = p + 46 + nameLen;
        const end = e + extraLen;
        while (e + 4 <= end) {
          const id = u16(b, e);
          const len = u16(b, e + 2);
          if (id === 1) {
            let q = e + 4;
            if (size === 0xffffffff) (size = u64(b, q)), (q += 8);
            if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8);
            if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, q);
          }
          e += 4 + len;
        }
      }
      this.entries.set(name, { name, method, compressedSize, size, localHeaderOffset, flags });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /**
   * An entry's stored (compressed) bytes and method, for recognising a part seen before in another file:
   * equal stored bytes under the same method inflate to equal content, so nothing needs inflating to know.
   */
  stored(name: string): { method: number; data: Uint8Array } {
    const { entry, start } = this.locate(name);
    return { method: entry.method, data: this.src.read(start, entry.compressedSize) };
  }

  /** How many stored bytes an entry has (undefined when there is no such entry). */
  storedSize(name: string): number | undefined {
    return this.entries.get(name)?.compressedSize;
  }

  /** The entry and where its stored bytes start, after checking its local header. */
  private locate(name: string): { entry: ZipEntry; start: number } {
    const entry = this.entries.get(name);
    if (!entry) throw new InputError(`文档缺少部件 ${name}`, '用 Word/WPS 打开后另存为 .docx');
    const lh = entry.localHeaderOffset;
    if (lh + 30 > this.src.length) throw truncated();
    const h = this.src.read(lh, 30);
    if (u32(h, 0) !== 0x04034b50) throw truncated();
    if (entry.flags & 1) {
      throw new InputError('文档内部的 zip 条目被加密，无法读取', '去掉密码后另存为 .docx 再检查');
    }
    const start = lh + 30 + u16(h, 26) + u16(h, 28);
    if (start + entry.compressedSize > this.src.length) throw truncated();
    return { entry, start };
  }

  /**
   * Streams an entry's inflated bytes to `sink` in chunks, enforcing the limits. Returns the inflated size.
   * `sink` may throw to stop early.
   */
  stream(name: string, sink: (chunk: Uint8Array) => void): number {
    const { entry, start } = this.locate(name);
    const stored = entry.compressedSize;
    /** The stored bytes [from, from + n): from memory a view, from a file read as needed. */
    const slice = (from: number, n: number): Uint8Array => this.src.read(start + from, Math.min(n, stored - from));
    let produced = 0;
    const account = (n: number): void => {
      produced += n;
      this.inflated += n;
      if (this.inflated > this.limits.maxTotalBytes) throw this.overTotal();
      if (produced > this.limits.ratioGraceBytes && produced / Math.max(1, entry.compressedSize) > this.limits.maxRatio) {
        throw new InputError(
          `部件 ${name} 的压缩比异常（超过 ${this.limits.maxRatio}:1），疑似 zip 炸弹`,
          BOMB_HINT,
        );
      }
    };
    if (entry.method === 0) {
      for (let i = 0; i < stored; i += SLICE) {
        const chunk = slice(i, SLICE);
        account(chunk.length);
        sink(chunk);
      }
      return produced;
    }
    if (entry.method !== 8) {
      throw new InputError(`部件 ${name} 使用了不支持的压缩方式（${entry.method}）`, '用 Word/WPS 打开后另存为 .docx');
    }
    if (stored <= ONE_SHOT_MAX) {
      // Small entries (every part of an ordinary draft) inflate in one call into a buffer of the declared
      // size, which the limits are checked against first, so memory never exceeds what passed the checks. One
      // byte more than declared shows a header that understates the size: inflating stops writing at the end
      // of the buffer, and the work a lying header can cause is bounded by deflate's ~1032:1 on ONE_SHOT_MAX.
      account(entry.size);
      const out = new Uint8Array(entry.size + 1);
      let got: Uint8Array;
      try {
        got = inflateSync(slice(0, stored), { out });
      } catch {
        throw new InputError(`部件 ${name} 解压失败，文件已损坏`, '重新获取原文件，或用 Word/WPS 打开后另存为 .docx');
      }
      if (got.length !== entry.size) {
        throw new InputError(`部件 ${name} 的实际大小与 zip 目录所记不符，文件已损坏或被篡改`, BOMB_HINT);
      }
      if (got.length) sink(got);
      return produced;
    }
    let finished = false;
    const inflate = new Inflate((chunk, final) => {
      if (chunk.length) {
        account(chunk.length);
        sink(chunk);
      }
      if (final) finished = true;
    });
    try {
      if (stored === 0) inflate.push(new Uint8Array(0), true);
      for (let i = 0; i < stored; i += SLICE) {
        const last = i + SLICE >= stored;
        inflate.push(slice(i, SLICE), last);
      }
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(`部件 ${name} 解压失败，文件已损坏`, '重新获取原文件，或用 Word/WPS 打开后另存为 .docx');
    }
    if (!finished && produced < entry.size) throw truncated();
    return produced;
  }

  /** The whole entry as bytes (for small parts: rels, settings). */
  read(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let n = 0;
    this.stream(name, (c) => {
      // fflate reuses no buffers between callbacks, but copy defensively for stored entries (subarrays).
      chunks.push(c);
      n += c.length;
    });
    if (chunks.length === 1) return chunks[0]!;
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
    return out;
  }
}
