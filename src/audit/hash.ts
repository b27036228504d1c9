import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { MAX_FILE_BYTES } from '../engine/read.js';

/** The content hash that decides whether a file changed since it was audited, of bytes already read. */
export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The same hash, of a file read here. Synchronous: files are small, and the promise-based read cost several
 * times the hashing.
 */
export function hashFile(path: string, size?: number): string {
  try {
    const n = size ?? statSync(path).size;
    // Larger than the engine reads: it is refused unread, so its size stands in for its content.
    if (n > MAX_FILE_BYTES) return `oversize:${n}`;
    return hashBytes(readFileSync(path));
  } catch {
    // Unreadable here means unreadable to the engine too; the file's row says why.
    return 'unreadable';
  }
}
