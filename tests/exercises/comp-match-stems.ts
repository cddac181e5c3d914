/**
 * Synthetic stems for comp-match on imported songs: drum-, bass- and vocal-like parts with what makes a
 * compressor's gain move (sharp hits, a sustained part with a crest every cycle, phrases with gaps).
 */
import { createRng } from '../../src/dsp/random';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import type { TrackToSummarise } from '../../src/exercises/shared/imported-summary';
import { DYN_RATE, summaryOf } from './imported-dynamics-fixtures';
import { fileHash } from './imported-fixtures';

/** A kick every 0.5 s: a 55 Hz sine falling from 110 Hz, decaying, with a 2 ms click. */
export function kickStem(seconds: number, rate: number, amp = 0.8): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  const rng = createRng(3);
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const p = t % 0.5;
    const hit = Math.floor(t / 0.5);
    const vel = 0.8 + (0.2 * ((hit * 7) % 5)) / 4;
    const phase = 2 * Math.PI * (55 * p + (55 / 30) * (1 - Math.exp(-30 * p)));
    const click = p < 0.002 ? 0.5 * (rng.next() * 2 - 1) : 0;
    out[i] = amp * vel * (Math.exp(-9 * p) * Math.sin(phase) + click);
  }
  return out;
}

/** A snare on 2 and 4 (every second half-second): noise and a 190 Hz tone, decaying fast. */
export function snareStem(seconds: number, rate: number, amp = 0.7): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  const rng = createRng(5);
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const p = (t + 0.5) % 1;
    const tone = 0.5 * Math.exp(-30 * p) * Math.sin(2 * Math.PI * 190 * p);
    out[i] = amp * (Math.exp(-22 * p) * (rng.next() * 2 - 1) * 0.8 + tone);
  }
  return out;
}

/** A bass line: eighth notes (0.25 s) of a five-harmonic tone on 41–98 Hz, plucked, at varying strength. */
export function bassStem(seconds: number, rate: number, amp = 0.6): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  const pitches = [41.2, 55, 61.7, 73.4, 98, 55, 49, 82.4];
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const n = Math.floor(t / 0.25);
    const p = t - n * 0.25;
    const f = pitches[n % pitches.length] as number;
    phase += (2 * Math.PI * f) / rate;
    let s = 0;
    for (let h = 1; h <= 5; h++) s += Math.sin(h * phase) / h;
    const vel = 0.6 + 0.4 * (((n * 5) % 7) / 6);
    const env = Math.min(1, p / 0.004) * Math.exp(-3 * p) * (p < 0.23 ? 1 : Math.max(0, (0.25 - p) / 0.02));
    out[i] = amp * 0.55 * vel * env * s;
  }
  return out;
}

/** A vocal-like line: a 9-harmonic tone with vibrato in syllables (4 per s, louder and softer), short breaths between phrases. */
export function vocalStem(seconds: number, rate: number, amp = 0.5): Float32Array {
  const out = new Float32Array(Math.round(seconds * rate));
  const rng = createRng(9);
  const notes = [220, 247, 262, 294, 330, 294, 262, 247];
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const syl = Math.floor(t * 4);
    const p = t * 4 - syl;
    const f = (notes[Math.floor(t) % notes.length] as number) * (1 + 0.01 * Math.sin(2 * Math.PI * 5.5 * t));
    phase += (2 * Math.PI * f) / rate;
    let s = 0;
    for (let h = 1; h <= 9; h++) s += Math.sin(h * phase + h) / (h * (1 + 0.3 * h));
    const phraseOn = t % 2 < 1.7 ? 1 : 0;
    const accent = 0.5 + 0.5 * (((syl * 3) % 5) / 4);
    const env = Math.sin(Math.PI * Math.min(1, p * 1.15)) ** 0.6 * accent * phraseOn;
    const consonant = p < 0.04 && syl % 2 === 0 ? 0.25 * (rng.next() * 2 - 1) : 0;
    out[i] = amp * (env * s + consonant * phraseOn);
  }
  return out;
}

/** `x` silent outside [fromS, toS). */
export function gate(
  x: Float32Array,
  rate: number,
  fromS: number,
  toS = Number.POSITIVE_INFINITY,
): Float32Array {
  return x.map((v, i) => (i / rate >= fromS && i / rate < toS ? v : 0));
}

/** Three synthetic imported songs (at DYN_RATE) for comp-match: tracks as an import gets them. */
export function compMatchSongs(): { name: string; tracks: TrackToSummarise[] }[] {
  const r = DYN_RATE;
  const as = (song: string, list: [string, Float32Array][]) => ({
    name: song,
    tracks: list.map(([name, x]) => ({ name, fileHash: fileHash(`cm-${song}-${name}`), channels: [x] })),
  });
  return [
    // A band with a 4 s intro of bass alone: the body starts at 4 s.
    as('Four piece', [
      ['Kick', gate(kickStem(24, r), r, 4)],
      ['Snare', gate(snareStem(24, r), r, 4)],
      ['Bass', bassStem(24, r)],
      ['Lead vocal', gate(vocalStem(24, r), r, 4)],
    ]),
    // Stems exported hot (peaks near and past full scale).
    as('Hot', [
      ['Kick', kickStem(16, r, 1.2)],
      ['Bass', bassStem(16, r, 1)],
      ['Vox', vocalStem(16, r, 0.9)],
    ]),
    // Quiet stems (peaks −20 to −30 dBFS) and a part that stops half way.
    as('Quiet', [
      ['Snare', snareStem(20, r, 0.06)],
      ['Bass', bassStem(20, r, 0.08)],
      ['Vocal', gate(vocalStem(20, r, 0.04), r, 0, 10)],
      ['Pad', gate(vocalStem(20, r, 0.02), r, 0, 20)],
    ]),
  ];
}

/** A song of `compMatchSongs` summarised as an import does. */
export function compMatchSummary(song: { name: string; tracks: TrackToSummarise[] }): ImportedSongSummary {
  return summaryOf(song.name, song.tracks);
}
