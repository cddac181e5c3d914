/**
 * A whole mix as plain data, for the kinds that grade mixes (mix-match, fix-mix): per track a fader offset
 * from the rough mix, a pan, a four-band EQ (low shelf, two peaks, high shelf, as the channel strip has),
 * a compressor and the two send levels. JSON-safe: an unused send is null, never −Infinity.
 */
import type { Decibels, Hz, Milliseconds, Pan } from '../../dsp/units';

/** One EQ band of a track (its type is fixed by its place: low shelf, peak, peak, high shelf). */
export interface MixEqBand {
  frequencyHz: Hz;
  gainDb: Decibels;
  /** Linear Q (peaks; shelves ignore it). */
  q: number;
}

/** The band types of a track's EQ, in order. */
export const MIX_EQ_TYPES = ['lowshelf', 'peaking', 'peaking', 'highshelf'] as const;

/** A track's compressor (knee fixed at 6 dB). */
export interface MixCompressor {
  enabled: boolean;
  thresholdDb: Decibels;
  ratio: number;
  attackMs: Milliseconds;
  releaseMs: Milliseconds;
  makeupDb: Decibels;
}

/** Everything the learner sets on one track. */
export interface TrackMix {
  /** dB from the track's rough-mix fader. */
  faderDb: Decibels;
  /** −1 (hard left) … 1 (hard right). */
  pan: Pan;
  eq: [MixEqBand, MixEqBand, MixEqBand, MixEqBand];
  comp: MixCompressor;
  /** Reverb send level, dB; null = no send. */
  reverbDb: Decibels | null;
  /** Delay send level, dB; null = no send. */
  delayDb: Decibels | null;
}

/** The five things a mix is graded on. */
export type MixDimension = 'balance' | 'pan' | 'tone' | 'dynamics' | 'space';

/** Every dimension, in the order the review shows them. */
export const MIX_DIMENSIONS: readonly MixDimension[] = ['balance', 'pan', 'tone', 'dynamics', 'space'];

/** A learner's mix: one TrackMix per question track, in the question's order. */
export interface MixAnswer {
  tracks: TrackMix[];
}

/** Knee of every mix compressor, dB. */
export const MIX_COMP_KNEE_DB: Decibels = 6;

/** A flat EQ at the channel strip's default frequencies. */
export function flatEq(): TrackMix['eq'] {
  return [
    { frequencyHz: 100, gainDb: 0, q: Math.SQRT1_2 },
    { frequencyHz: 400, gainDb: 0, q: 1 },
    { frequencyHz: 2500, gainDb: 0, q: 1 },
    { frequencyHz: 8000, gainDb: 0, q: Math.SQRT1_2 },
  ];
}

/** The untouched desk: rough-mix fader, centre, flat, no compression, no sends. */
export function untouchedTrack(): TrackMix {
  return {
    faderDb: 0,
    pan: 0,
    eq: flatEq(),
    comp: { enabled: false, thresholdDb: 0, ratio: 2, attackMs: 10, releaseMs: 120, makeupDb: 0 },
    reverbDb: null,
    delayDb: null,
  };
}

/** A deep copy (questions and answers are plain JSON). */
export function copyTrackMix(t: TrackMix): TrackMix {
  return {
    ...t,
    eq: t.eq.map((b) => ({ ...b })) as TrackMix['eq'],
    comp: { ...t.comp },
  };
}
