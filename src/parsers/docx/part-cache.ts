import type { ZipReader } from './zip.js';

/**
 * What was read from a part, kept for the next file that carries the same part.
 *
 * Drafts come from templates: across an archive (and between keystrokes in the editor) styles.xml, the theme,
 * numbering.xml, settings.xml and the relationship parts are byte-for-byte the same in file after file, and
 * parsing them was half of reading a short draft. A part is recognised by its stored bytes — compared in full,
 * not by the CRC the zip claims, so a crafted file cannot pass off its part as another's — and only small
 * parts are kept, in a short most-recently-used list per kind, so the memory held stays small and bounded.
 */

const MAX_STORED = 64 * 1024;
const MAX_ENTRIES = 8;

interface Entry<T> {
  part: string;
  method: number;
  stored: Uint8Array;
  value: T;
  /** Bytes reading it inflated: charged to each file that reuses it, so the limits see the same total. */
  inflated: number;
}

function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

export class PartCache<T> {
  private entries: Entry<T>[] = [];

  /** `read` must depend only on the part's content and name (and not change what it returns later). */
  get(zip: ZipReader, part: string, read: () => T): T {
    if ((zip.storedSize(part) ?? Infinity) > MAX_STORED) return read();
    const { method, data } = zip.stored(part);
    const list = this.entries;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (e.part === part && e.method === method && same(e.stored, data)) {
        zip.charge(e.inflated);
        if (i > 0) {
          list.splice(i, 1);
          list.unshift(e);
        }
        return e.value;
      }
    }
    const before = zip.totalInflated;
    const value = read();
    list.unshift({ part, method, stored: data.slice(), value, inflated: zip.totalInflated - before });
    if (list.length > MAX_ENTRIES) list.pop();
    return value;
  }

  clear(): void {
    this.entries = [];
  }
}
