/** A synthetic imported song for the Node tests: five stems summarised as an import would. */
import { songHashOf } from '../../src/classroom/imported-song-hash';
import { sha256Hex } from '../../src/classroom/sha256';
import { createRng } from '../../src/dsp/random';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import { summariseImportedSong, type TrackToSummarise } from '../../src/exercises/shared/imported-summary';

/** Rate of the synthetic stems. */
export const RATE = 24000;

/** A file hash for a synthetic stem (the hash of its name: stands in for the file's bytes). */
export const fileHash = (name: string) => sha256Hex(Uint8Array.from(name, (c) => c.charCodeAt(0)));

/** Samples of `seconds` from f(t, i), zero outside [fromS, toS). */
function stem(seconds: number, f: (t: number) => number, fromS = 0, toS = seconds): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    out[i] = t >= fromS && t < toS ? f(t) : 0;
  }
  return out;
}

/**
 * A 24-second song: a kick every half second, a bass tone, noise hats, a vocal tone only from 8 s, an intro
 * of kick alone (0–4 s), and a "room" track 60 dB down.
 */
export function song(): TrackToSummarise[] {
  const rng = createRng(7);
  const kick = (t: number) => {
    const p = t % 0.5;
    return 0.8 * Math.exp(-p * 30) * Math.sin(2 * Math.PI * 55 * p);
  };
  const noise = () => (rng.next() * 2 - 1) * 0.1;
  const tracks: [string, Float32Array][] = [
    ['Kick', stem(24, kick)],
    ['Bass', stem(24, (t) => 0.3 * Math.sin(2 * Math.PI * 82.4 * t), 4)],
    ['Hats', stem(24, noise, 4)],
    [
      'Vocal',
      stem(24, (t) => 0.2 * Math.sin(2 * Math.PI * 440 * t) * (1 + 0.3 * Math.sin(2 * Math.PI * 5 * t)), 8),
    ],
    ['Room', stem(24, (t) => 0.0005 * Math.sin(2 * Math.PI * 1000 * t), 4)],
  ];
  return tracks.map(([name, x]) => ({ name, fileHash: fileHash(name), channels: [x] }));
}

/** The song's tracks, its hash and its summary. */
export const tracks = song();
export const hash = songHashOf(tracks.map((t) => t.fileHash));
export const summary: ImportedSongSummary = summariseImportedSong('Test song', hash, tracks, RATE);
