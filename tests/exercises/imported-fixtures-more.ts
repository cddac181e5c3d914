/**
 * Two more synthetic imported songs for the Node tests (beside imported-fixtures.ts): a six-stem band with
 * stereo stems and named parts, and a duo of two stems. Summarised as an import would.
 */
import { songHashOf } from '../../src/classroom/imported-song-hash';
import { createRng } from '../../src/dsp/random';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import { summariseImportedSong, type TrackToSummarise } from '../../src/exercises/shared/imported-summary';
import { fileHash, RATE } from './imported-fixtures';

/** Samples of `seconds` from f(t), zero outside [fromS, toS). */
function stem(seconds: number, f: (t: number) => number, fromS = 0, toS = seconds): Float32Array {
  const out = new Float32Array(Math.round(seconds * RATE));
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    out[i] = t >= fromS && t < toS ? f(t) : 0;
  }
  return out;
}

/** A chord of sines (Hz) at amplitude `a` each. */
const chord =
  (hz: readonly number[], a: number) =>
  (t: number): number =>
    hz.reduce((s, f) => s + a * Math.sin(2 * Math.PI * f * t), 0);

/**
 * "Band": 20 s, six stems, two of them stereo (drums with noise on the left only, a guitar whose right channel
 * is another chord), an intro of drums alone (0–4 s) and a breakdown without drums (16–20 s).
 */
function band(): TrackToSummarise[] {
  const rng = createRng(11);
  const noise = () => rng.next() * 2 - 1;
  const S = 20;
  const kick = (t: number) => {
    const p = t % 0.5;
    return 0.7 * Math.exp(-p * 25) * Math.sin(2 * Math.PI * 60 * p);
  };
  const pairs: [string, Float32Array[]][] = [
    ['Drums', [stem(S, (t) => kick(t) + 0.08 * noise(), 0, 16), stem(S, kick, 0, 16)]],
    ['Bass', [stem(S, (t) => 0.25 * Math.sin(2 * Math.PI * 55 * t), 4)]],
    ['Guitar', [stem(S, chord([196, 247, 294], 0.08), 4), stem(S, chord([220, 277, 330], 0.08), 4)]],
    ['Piano', [stem(S, (t) => chord([523, 659, 784], 0.07)(t) * Math.exp(-(t % 1) * 2), 4)]],
    [
      'Lead Vocal',
      [stem(S, (t) => 0.15 * Math.sin(2 * Math.PI * (330 + 8 * Math.sin(2 * Math.PI * 5 * t)) * t), 4)],
    ],
    ['Strings Pad', [stem(S, chord([1046, 1318, 2093, 3136], 0.03), 4)]],
  ];
  return pairs.map(([name, channels]) => ({ name, fileHash: fileHash(`band ${name}`), channels }));
}

/** "Duo": 12 s, a piano and a voice from the start. */
function duo(): TrackToSummarise[] {
  const S = 12;
  const pairs: [string, Float32Array][] = [
    ['Piano', stem(S, (t) => chord([262, 330, 392, 523], 0.06)(t) * (0.6 + 0.4 * Math.exp(-(t % 2))))],
    [
      'Voice',
      stem(S, (t) => 0.12 * Math.sin(2 * Math.PI * 440 * t) * (1 + 0.2 * Math.sin(2 * Math.PI * 6 * t))),
    ],
  ];
  return pairs.map(([name, x]) => ({ name, fileHash: fileHash(`duo ${name}`), channels: [x] }));
}

const summarise = (name: string, tracks: TrackToSummarise[]): ImportedSongSummary =>
  summariseImportedSong(name, songHashOf(tracks.map((t) => t.fileHash)), tracks, RATE);

/** The band's tracks and summary. */
export const bandTracks = band();
export const bandSummary = summarise('Band', bandTracks);
/** The duo's tracks and summary. */
export const duoTracks = duo();
export const duoSummary = summarise('Duo', duoTracks);
