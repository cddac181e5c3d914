/**
 * Synthetic imported songs for the dynamics and space kinds (comp-spot, reverb-time, reverb-type): stems with
 * analytic answers (a square wave's peak reduction, a pulse train's gaps), summarised as an import would.
 */
import { songHashOf } from '../../src/classroom/imported-song-hash';
import { createRng } from '../../src/dsp/random';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import { summariseImportedSong, type TrackToSummarise } from '../../src/exercises/shared/imported-summary';
import { fileHash } from './imported-fixtures';

/** Rate of these stems (low: fast, and the player plays them at it). */
export const DYN_RATE = 12000;

/** `seconds` of f(t), zero outside [fromS, toS). */
export function stemOf(seconds: number, f: (t: number) => number, fromS = 0, toS = seconds): Float32Array {
  const out = new Float32Array(Math.round(seconds * DYN_RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / DYN_RATE;
    out[i] = t >= fromS && t < toS ? f(t) : 0;
  }
  return out;
}

/** A burst of `burstS` of a 1 kHz-ish tone (amplitude `amp`, decaying by `decay` per s) every `everyS`. */
export function pulses(amp: number, everyS: number, burstS: number, decay = 0): (t: number) => number {
  return (t) => {
    const p = t % everyS;
    return p < burstS ? amp * Math.exp(-decay * p) * Math.sin(2 * Math.PI * 997 * p) : 0;
  };
}

/** A square wave of amplitude `amp` at 100 Hz (|x| is `amp` everywhere: the detector sees a constant level). */
export const square = (amp: number) => (t: number) => (Math.floor(t * 200) % 2 === 0 ? amp : -amp);

/** Tracks as files. */
function asTracks(list: [string, Float32Array][]): TrackToSummarise[] {
  return list.map(([name, x]) => ({ name, fileHash: fileHash(`dyn-${name}`), channels: [x] }));
}

/**
 * "Band": 16 s, a snare (40 ms bursts every 0.5 s: room after every hit), keys (0.15 s notes every 0.5 s),
 * a pad that never stops (no room), a square-wave bass, and a rim click every 0.2 s (no room), all from 0 s.
 */
export function bandTracks(): TrackToSummarise[] {
  const rng = createRng(11);
  const snare = (t: number) => (t % 0.5 < 0.04 ? 0.7 * Math.exp(-60 * (t % 0.5)) * (rng.next() * 2 - 1) : 0);
  return asTracks([
    ['Snare', stemOf(16, snare)],
    ['Keys', stemOf(16, pulses(0.4, 0.5, 0.15, 8))],
    [
      'Pad',
      stemOf(16, (t) => 0.2 * Math.sin(2 * Math.PI * 220 * t) * (1 + 0.2 * Math.sin(2 * Math.PI * 0.5 * t))),
    ],
    ['Bass', stemOf(16, square(0.25))],
    ['Rim', stemOf(16, pulses(0.3, 0.2, 0.03))],
  ]);
}

/** "Sparse": 24 s, a vocal-like tone in phrases (1 s on, 1 s off) and a kick every 0.5 s, with a quiet intro. */
export function sparseTracks(): TrackToSummarise[] {
  const kick = (t: number) => 0.8 * Math.exp(-(t % 0.5) * 30) * Math.sin(2 * Math.PI * 55 * (t % 0.5));
  const phrase = (t: number) =>
    t % 2 < 1 ? 0.3 * Math.sin(2 * Math.PI * 330 * t) * Math.min(1, (t % 2) * 50, (1 - (t % 2)) * 50) : 0;
  return asTracks([
    ['Kick', stemOf(24, kick, 4)],
    ['Vocal', stemOf(24, phrase, 4)],
    ['Shaker', stemOf(24, pulses(0.05, 0.25, 0.02), 0)],
  ]);
}

/** Summarises tracks as an import does. */
export function summaryOf(name: string, tracks: TrackToSummarise[]): ImportedSongSummary {
  return summariseImportedSong(name, songHashOf(tracks.map((t) => t.fileHash)), tracks, DYN_RATE);
}

/** The stems as the player gets them (ImportedStems), keyed as the summary keys them. */
export function stemsOf(summary: ImportedSongSummary, tracks: TrackToSummarise[]) {
  const length = Math.max(...tracks.map((t) => t.channels[0]!.length));
  return {
    sampleRate: DYN_RATE,
    length,
    tracks: summary.tracks.map((s) => {
      const t = tracks.find((x) => x.fileHash === s.fileHash)!;
      return { id: s.key as never, name: s.name, channels: t.channels };
    }),
  };
}
