/**
 * "Roomy band": a synthetic imported song whose parts leave room for reverb tails and echoes (short notes, one
 * in every half second, alternately on the half second and 0.2 s after it), so mix-match's sends level plays on
 * it: four parts with seven sends' worth of room.
 */
import { songHashOf } from '../../src/classroom/imported-song-hash';
import { createRng } from '../../src/dsp/random';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import { summariseImportedSong, type TrackToSummarise } from '../../src/exercises/shared/imported-summary';
import { DYN_RATE, stemOf } from './imported-dynamics-fixtures';
import { fileHash } from './imported-fixtures';

/** Short notes at `f` Hz, one in every half second, alternately on the half second and 0.2 s after it. */
const swung = (amp: number, f: number) => (t: number) => {
  const k = Math.floor(t / 0.5);
  const x = t - (k * 0.5 + (k % 2 ? 0.2 : 0));
  return x < 0 || x > 0.15 ? 0 : amp * Math.exp(-30 * x) * Math.sin(2 * Math.PI * f * t);
};

/** The Roomy band's stems as files. */
export function roomyTracks(): TrackToSummarise[] {
  const rng = createRng(5);
  const clap = (t: number) => (t % 0.5 < 0.05 ? 0.5 * (rng.next() * 2 - 1) * Math.exp(-40 * (t % 0.5)) : 0);
  const list: [string, Float32Array][] = [
    ['Bell', stemOf(16, swung(0.5, 880))],
    ['Pluck', stemOf(16, swung(0.45, 440))],
    ['Tom', stemOf(16, swung(0.6, 110))],
    ['Clap', stemOf(16, clap)],
  ];
  return list.map(([name, x]) => ({ name, fileHash: fileHash(`roomy-${name}`), channels: [x] }));
}

/** The Roomy band summarised as an import would. */
export function roomySummary(): ImportedSongSummary {
  const tracks = roomyTracks();
  return summariseImportedSong('Roomy band', songHashOf(tracks.map((t) => t.fileHash)), tracks, DYN_RATE);
}
