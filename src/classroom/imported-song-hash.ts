/**
 * The content hash that names an imported song everywhere (questions, assignments, reports): SHA-256 of its
 * stem files' own SHA-256 hashes, sorted and joined by newlines. The files' order and names do not matter;
 * one changed byte in any file changes it.
 */
import { sha256Hex } from './sha256';

const HEX64 = /^[0-9a-f]{64}$/;

/** True for a SHA-256 hex digest (64 lower-case hex digits). */
export function isContentHash(value: unknown): value is string {
  return typeof value === 'string' && HEX64.test(value);
}

/** The song's hash from its files' hashes (throws on a value that is not a SHA-256 hex digest). */
export function songHashOf(fileHashes: readonly string[]): string {
  if (fileHashes.length === 0) throw new Error('A song needs at least one file.');
  for (const h of fileHashes) if (!isContentHash(h)) throw new Error(`"${h}" is not a file hash.`);
  // Hex digits and newlines are ASCII: one byte each.
  const text = [...fileHashes].sort().join('\n');
  return sha256Hex(Uint8Array.from(text, (c) => c.charCodeAt(0)));
}
