/** Shared test helpers for the exercise kinds: a synthetic drum-like stem and random answers per kind. */
import { NOTE_VALUES } from '../../src/dsp/delay';
import type { Rng } from '../../src/dsp/random';
import { CHANGES } from '../../src/exercises/prod-or-mix/meta';
import type { ExerciseId, ExerciseQuestion } from '../../src/exercises/registry';
import type { SongAnalysis, TrackProfile } from '../../src/exercises/shared/song-analysis';
import { MIX_TRACKS } from '../../src/exercises/shared/tracks';
import type { TrackId } from '../../src/production/types';

/**
 * A drum-like test signal: a decaying 100 Hz burst every `period` seconds (peak 0.7 ≈ −3 dBFS), so a
 * compressor attacks on each hit and releases between them. Deterministic, no noise.
 */
export function hitTrain(sampleRate: number, seconds: number, period = 0.25, decay = 0.05): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds));
  const every = Math.round(period * sampleRate);
  for (let n = 0; n < out.length; n++) {
    const t = (n % every) / sampleRate;
    out[n] = 0.7 * Math.exp(-t / decay) * Math.sin(2 * Math.PI * 100 * t);
  }
  return out;
}

/** A random (often wrong, sometimes silly) answer of the right shape for a question. */
export function randomAnswer(id: ExerciseId, q: ExerciseQuestion, rng: Rng): unknown {
  const silly = rng.chance(0.1);
  switch (id) {
    case 'eq-boost': {
      const bands = (q as { bandsHz: number[] }).bandsHz;
      return {
        bandHz: silly ? rng.pick([0, -5, Number.NaN, 1e9, 333]) : rng.pick(bands),
        direction: rng.pick(['boost', 'cut', undefined]),
      };
    }
    case 'eq-match':
      return {
        frequencyHz: silly ? Number.NaN : 20 * 1000 ** rng.next(),
        gainDb: rng.range(-24, 24),
        q: silly ? -1 : 0.1 * 200 ** rng.next(),
      };
    case 'comp-match':
      return {
        thresholdDb: rng.range(-60, 0),
        ratio: silly ? 0 : rng.range(1, 20),
        kneeDb: rng.pick([0, 6, 12]),
        attackMs: silly ? Number.POSITIVE_INFINITY : rng.range(0, 100),
        releaseMs: rng.range(5, 2000),
        makeupDb: rng.range(-10, 20),
      };
    case 'comp-spot':
      return { choice: silly ? 'nonsense' : rng.pick((q as { choices: string[] }).choices) };
    case 'fader-balance': {
      const n = (q as { referenceDb: number[] }).referenceDb.length;
      return {
        fadersDb: Array.from({ length: silly ? n - 1 : n }, () =>
          rng.chance(0.05) ? Number.NEGATIVE_INFINITY : rng.range(-80, 12),
        ),
      };
    }
    case 'level-change': {
      const n = (q as { tracks: unknown[] }).tracks.length;
      return {
        trackIndex: silly ? -1 : rng.int(0, n - 1),
        direction: rng.pick(['up', 'down']),
        amountDb: rng.chance(0.2) ? undefined : rng.range(0, 14),
      };
    }
    case 'pan-position':
      return {
        positionIndex: silly ? 2.5 : rng.int(-2, (q as { positionsPan: number[] }).positionsPan.length + 2),
      };
    case 'reverb-time': {
      const r = q as { decayChoicesS: number[]; preDelayChoicesMs: number[] };
      return {
        decayS: rng.pick(r.decayChoicesS),
        preDelayMs: r.preDelayChoicesMs.length > 0 ? rng.pick(r.preDelayChoicesMs) : undefined,
      };
    }
    case 'delay-time':
      return { note: silly ? '1/3' : rng.pick(NOTE_VALUES) };
    case 'filters':
    case 'saturation':
    case 'reverb-type':
    case 'stereo-width':
      return { choice: silly ? rng.pick(['C', '', '-1']) : rng.pick((q as { choices: string[] }).choices) };
    case 'loudness-match':
      return silly
        ? rng.pick([null, {}, { offsetDb: Number.NaN }, { offsetDb: 'up' }])
        : { offsetDb: rng.range(-12, 12) };
    case 'resonance':
      return silly
        ? rng.pick([null, {}, { frequencyHz: Number.NaN, gainDb: 'deep', q: -1 }])
        : { frequencyHz: 20 * 1000 ** rng.next(), gainDb: rng.range(-24, 12), q: 4 };
    case 'eq-two-bands': {
      const bands = (q as { bandsHz: number[] }).bandsHz;
      return silly
        ? rng.pick([null, {}, { boostHz: Number.NaN, cutHz: -3 }, { boostHz: 1e9, cutHz: 'x' }])
        : { boostHz: rng.pick(bands), cutHz: rng.pick(bands) };
    }
    case 'loudness':
      return silly
        ? rng.pick([null, {}, { side: 'C', amountDb: Number.NaN }])
        : { side: rng.pick(['A', 'B']), amountDb: rng.pick([0.5, 1, 2, 3, 4, 6, 7]) };
    case 'prod-or-mix': {
      const category = rng.pick(['production', 'mixing'] as const);
      return { category, change: rng.pick([...CHANGES.production, ...CHANGES.mixing]) };
    }
    case 'fix-mix': {
      const f = q as { choices: string[]; tracks: { id: string }[] };
      if (silly)
        return rng.pick([
          null,
          {},
          { faults: 'all', tracks: 'loud' },
          {
            faults: [{ fault: 'nonsense' }, null, { fault: 'loud', track: 42 }],
            tracks: [{ faderDb: Number.NaN }],
          },
        ]);
      const desk = randomAnswer('mix-match', q, rng) as { tracks: unknown[] } | null;
      return {
        faults: rng
          .shuffle(f.choices)
          .slice(0, rng.int(0, 3))
          .map((fault) => ({ fault, track: rng.pick(f.tracks).id })),
        tracks: rng.chance(0.3) ? undefined : desk?.tracks,
      };
    }
    case 'mix-match': {
      const tracks = (q as { tracks: unknown[] }).tracks;
      if (silly)
        return rng.pick([null, {}, { tracks: 'loud' }, { tracks: [{ faderDb: Number.NaN, pan: 9 }] }]);
      return {
        tracks: tracks.map(() => ({
          faderDb: rng.range(-20, 10),
          pan: rng.range(-1, 1),
          eq: [0, 1, 2, 3].map(() => ({
            frequencyHz: 20 * 1000 ** rng.next(),
            gainDb: rng.range(-12, 12),
            q: 1,
          })),
          comp: {
            enabled: rng.chance(0.5),
            thresholdDb: rng.range(-40, 0),
            ratio: rng.range(1, 10),
            attackMs: 10,
            releaseMs: 100,
            makeupDb: rng.range(0, 6),
          },
          reverbDb: rng.chance(0.5) ? null : rng.range(-30, 0),
          delayDb: rng.chance(0.5) ? null : rng.range(-30, 0),
        })),
      };
    }
  }
}

/**
 * A synthetic analysed loop for fast generator tests: every part plays in every half-bar (short notes with
 * room after them), each owns three third-octave bands 10 dB over a flat floor, and its samples are a short
 * decaying hit train (so compressor calibration has something to bite on).
 */
export function syntheticAnalysis(centres: readonly number[], sampleRate: number): SongAnalysis {
  const beats = 16;
  const notes: [number, number][] = Array.from({ length: 8 }, (_, k) => {
    const start = k * 2 + (k % 2) * 0.75;
    return [start, start + 0.2];
  });
  const samples = hitTrain(sampleRate, 0.25, 0.05, 0.01);
  const tracks = new Map<TrackId, TrackProfile>();
  MIX_TRACKS.forEach((id, t) => {
    const bands = centres.map((_, i) => (Math.floor(i / 3) === t + 1 ? 10 : 1));
    tracks.set(id, { id, activity: 1, notes, bands, samples, faderDb: -6 });
  });
  return { beats, bpm: 120, tracks };
}

/**
 * A stand-in for `mixMeasures`: every track graded on one synthetic hit train with flat spectrum weights, so
 * tests that make hundreds of mix questions render no songs (for `vi.mock` of shared/mix-measures).
 */
export async function syntheticMixMeasures(): Promise<
  (
    source: unknown,
    tracks: readonly unknown[],
  ) => import('../../src/exercises/shared/mix-grade').TrackMeasure[]
> {
  const { loudnessWeights } = await import('../../src/exercises/comp-match/loudness-weights');
  const { CURVE_POINTS_HZ } = await import('../../src/exercises/eq-match/curve-distance');
  const samples = { channels: [hitTrain(4000, 0.5)], sampleRate: 4000 };
  const measure = {
    spectrumWeights: CURVE_POINTS_HZ.map(() => 1),
    samples,
    loudWeights: loudnessWeights(samples),
  };
  return (_source, tracks) => tracks.map(() => measure);
}
