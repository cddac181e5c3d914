import { renderPinkNoise } from '../../dsp/noise';
import { createRng } from '../../dsp/random';
import type { Decibels, Hz, Pan, SampleRate, Seconds } from '../../dsp/units';

/** One track the mixer can play: plain samples (mono or stereo) plus how it starts out in the mix. */
export interface SourceTrack {
  /** Track kind ('kick', 'vocal', 'noise', 'tone-bass' …): picks the strip's colour. */
  id: string;
  /** Display name on the strip. */
  name: string;
  /** One Float32Array per channel, all the same length. */
  channels: Float32Array[];
  /** Starting fader position (a rough balance). */
  defaultFaderDb: Decibels;
  /** The rough mix's pan (songs on the Mix page; absent: centre). */
  defaultPan?: Pan;
  /** The rough mix's post-fader reverb send (absent: none). */
  defaultReverbSendDb?: Decibels;
}

/** A set of tracks to mix, all at one sample rate and length. */
export interface MixSource {
  /** Stable id (song id, or 'test-signals'). */
  id: string;
  /** What the picker shows. */
  title: string;
  sampleRate: SampleRate;
  /** Tempo, for the delay's note values (default 120). */
  bpm?: number;
  tracks: SourceTrack[];
}

const TWO_PI = 2 * Math.PI;

/** Sum of decaying sine notes: each note [start s, frequency Hz, length s], with a 5 ms attack. */
function renderNotes(
  notes: readonly [Seconds, Hz, Seconds][],
  sampleRate: SampleRate,
  length: number,
  amplitude: number,
): Float32Array {
  const out = new Float32Array(length);
  const attack = Math.round(0.005 * sampleRate);
  for (const [start, hz, duration] of notes) {
    const first = Math.round(start * sampleRate);
    const count = Math.min(length - first, Math.round(duration * sampleRate));
    const decay = 3 / Math.max(0.01, duration);
    for (let i = 0; i < count; i++) {
      const t = i / sampleRate;
      const env = Math.min(1, i / attack) * Math.exp(-decay * t) * Math.min(1, (count - i) / attack);
      out[first + i]! += amplitude * env * Math.sin(TWO_PI * hz * t);
    }
  }
  return out;
}

/** Short noise bursts (a hi-hat stand-in) on every eighth note. */
function renderClicks(seed: number, sampleRate: SampleRate, length: number, beatS: Seconds): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(length);
  const burst = Math.round(0.05 * sampleRate);
  let previous = 0;
  for (let start = 0; start < length; start += Math.round((beatS / 2) * sampleRate)) {
    for (let i = 0; i < burst && start + i < length; i++) {
      const white = rng.range(-1, 1);
      // A first difference tilts the noise towards the highs, like a hat.
      out[start + i] = 0.35 * (white - previous) * Math.exp((-i / sampleRate) * 60);
      previous = white;
    }
  }
  return out;
}

/**
 * Neutral test material for the mixer while no song is loaded: pink noise and simple tones (a bass
 * line, a chord, a high melody, clicks) in a two-bar loop at 120 BPM. Deterministic per seed.
 */
export function generateTestSource(sampleRate: SampleRate, seed = 1, durationS: Seconds = 8): MixSource {
  const length = Math.round(durationS * sampleRate);
  const beat = 0.5;
  const beats = Math.floor(durationS / beat);
  const bass: [Seconds, Hz, Seconds][] = [];
  const chord: [Seconds, Hz, Seconds][] = [];
  const lead: [Seconds, Hz, Seconds][] = [];
  const roots = [55, 55, 73.42, 65.41];
  const melody = [880, 987.77, 1046.5, 783.99, 880, 659.25, 698.46, 783.99];
  for (let b = 0; b < beats; b++) {
    const bar = Math.floor(b / 4) % roots.length;
    bass.push([b * beat, roots[bar]!, beat * 0.9]);
    if (b % 2 === 0) for (const ratio of [4, 5, 6]) chord.push([b * beat, roots[bar]! * ratio, beat * 1.9]);
    lead.push([b * beat, melody[b % melody.length]!, beat * 0.8]);
  }
  return {
    id: 'test-signals',
    title: 'Test signals (pink noise and tones)',
    sampleRate,
    bpm: 120,
    tracks: [
      {
        id: 'noise',
        name: 'Pink noise',
        channels: [renderPinkNoise(createRng(seed), length)],
        defaultFaderDb: -6,
      },
      {
        id: 'bass',
        name: 'Bass tone',
        channels: [renderNotes(bass, sampleRate, length, 0.5)],
        defaultFaderDb: -3,
      },
      {
        id: 'chords',
        name: 'Chord',
        channels: [renderNotes(chord, sampleRate, length, 0.15)],
        defaultFaderDb: -6,
      },
      {
        id: 'lead',
        name: 'Lead tone',
        channels: [renderNotes(lead, sampleRate, length, 0.25)],
        defaultFaderDb: -9,
      },
      {
        id: 'hats',
        name: 'Clicks',
        channels: [renderClicks(seed + 1, sampleRate, length, beat)],
        defaultFaderDb: -6,
      },
    ],
  };
}
