/** Find and cut a resonance: what the kind is, its levels, and its question/answer shapes. */
import type { Decibels, Hz } from '../../dsp/units';
import type { ExerciseMeta, ImportedSongSource, PinkSource, QuestionBase, SongSource } from '../types';

/** A narrow peaking band: the planted ring, or the learner's cut. */
export interface NarrowBand {
  frequencyHz: Hz;
  gainDb: Decibels;
  /** Q (linear); the learner's cut always has the ring's Q. */
  q: number;
}

/** The learner's controls. */
export type ResonanceControl = 'frequency' | 'depth';

/** What changes from level to level. */
export interface ResonanceLevel {
  /** Range of the ring's boost, dB. */
  gainDb: [Decibels, Decibels];
  /** Range of the ring's Q. */
  q: [number, number];
  /** Range of the ring's frequency, Hz (log-uniform). */
  frequencyHz: [Hz, Hz];
  /** The knobs the learner turns ('frequency' alone: the depth is set to the ring's). */
  controls: readonly ResonanceControl[];
  /** Pink noise or a song's rough mix. */
  source: 'pink' | 'song';
}

/** A question: the source rings at one narrow band; cut it with a band of the same width. */
export interface ResonanceQuestion extends QuestionBase<'resonance'> {
  /** The planted resonance (a narrow boost). */
  ring: NarrowBand;
  /** The learner's cut band as first shown (scores 0). */
  start: NarrowBand;
  controls: ResonanceControl[];
  source: PinkSource | SongSource | ImportedSongSource;
  /**
   * On an imported song: the loop's spectrum the score weighs (dB re its loudest third-octave at
   * ANALYSIS_CENTRES, 0.5 dB steps; see eq-match/imported-programme.ts). Absent otherwise.
   */
  programmeDb?: Decibels[];
}

/** The learner's cut band (its Q is the ring's, whatever the answer says). */
export type ResonanceAnswer = NarrowBand;

/** Find and cut a resonance. */
export const meta: ExerciseMeta<ResonanceLevel> = {
  id: 'resonance',
  title: 'Find and cut the ring',
  skill: 'eq',
  description:
    'B rings at one narrow frequency (a resonance); A is the same sound without it. Sweep your narrow cut to the ring and set its depth until B sounds like A.',
  scoring:
    'Start with no cut: you score the share of the ring you take away, counted where it is heard. Cutting at the wrong place adds a new dip and costs.',
  scoringRule:
    'D = √(Σ wₖ·mₖ·(rₖ + cₖ)² / Σ nₖ) over 120 points 1/12 octave apart (20 Hz–20 kHz), r and c the ring’s and your cut’s curves in dB, mₖ = min(1, max(|rₖ|, |cₖ|) / 1 dB), nₖ = min(1, |rₖ| / 1 dB), wₖ the programme weight. Score round(100·(D₀ − D)/(D₀ − 0.5)) clamped to 0–100, D₀ = D of the untouched cut; right when D ≤ 1 dB.',
  levels: [
    {
      name: 'Find it (depth set)',
      description:
        'Pink noise rings +12 dB at a moderately narrow band (Q 4); the cut is already 12 dB deep: sweep it to the ring.',
      params: {
        gainDb: [12, 12],
        q: [4, 4],
        frequencyHz: [200, 5000],
        controls: ['frequency'],
        source: 'pink',
      },
    },
    {
      name: 'Sweep and cut',
      description: 'Pink noise rings +10 to +12 dB at Q 6: find the frequency and set the depth.',
      params: {
        gainDb: [10, 12],
        q: [6, 6],
        frequencyHz: [150, 6000],
        controls: ['frequency', 'depth'],
        source: 'pink',
      },
    },
    {
      name: 'A ring in a song',
      description: 'A song rings +10 dB at Q 6 to 8: find it and cut it.',
      params: {
        gainDb: [10, 10],
        q: [6, 8],
        frequencyHz: [200, 4000],
        controls: ['frequency', 'depth'],
        source: 'song',
      },
    },
    {
      name: 'Narrow ring in a song',
      description: 'A song rings +8 dB at Q 8 to 10.',
      params: {
        gainDb: [8, 8],
        q: [8, 10],
        frequencyHz: [150, 5000],
        controls: ['frequency', 'depth'],
        source: 'song',
      },
    },
    {
      name: 'Small ring (expert)',
      description: 'A song rings +6 dB at Q 10: a real-world resonance.',
      params: {
        gainDb: [6, 6],
        q: [10, 10],
        frequencyHz: [150, 5000],
        controls: ['frequency', 'depth'],
        source: 'song',
      },
    },
  ],
  adaptive: false,
  adaptiveNote:
    'The score already measures how close your cut is, in frequency and depth, so there is no single amount to step.',
};
