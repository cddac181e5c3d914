/**
 * A short digest of an imported song's drill summary: the first DIGEST_HEX hex digits of the SHA-256 of its
 * canonical JSON without names (the song's and the tracks' names are the files' names, which do not change a
 * question). Two devices whose decoders measured the same files alike have the same digest; when a browser
 * decodes or resamples differently, a level near a rounding step can flip and with it a question's loop or
 * tracks, and the digests differ: the teacher's re-check then knows its questions may not be the student's.
 */
import { canonicalJson } from '../dsp/canonical-json';
import type { ImportedSongSummary } from '../exercises/shared/imported-song';
import { utf8Encode } from './bytes';
import { sha256Hex } from './sha256';

/** Hex digits kept (64 bits: a chance collision is out of reach for one song's copies). */
export const DIGEST_HEX = 16;

const DIGEST = /^[0-9a-f]{16}$/;

/** True for a summary digest (DIGEST_HEX lower-case hex digits). */
export function isSummaryDigest(value: unknown): value is string {
  return typeof value === 'string' && DIGEST.test(value);
}

/** The summary's digest (names left out). */
export function summaryDigest(summary: ImportedSongSummary): string {
  const { name: _song, tracks, ...rest } = summary;
  const unnamed = { ...rest, tracks: tracks.map(({ name: _track, ...t }) => t) };
  return sha256Hex(utf8Encode(canonicalJson(unnamed))).slice(0, DIGEST_HEX);
}
