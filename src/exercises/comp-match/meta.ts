/** Match the compressor: what the kind is, its levels, and its question/answer shapes. */
import type { CompressorSettings } from '../../dsp/compressor';
import type { Decibels, Milliseconds, SampleRate } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { ExerciseMeta, ImportedSongSource, QuestionBase, SongSource } from '../types';

/** A knob of the compressor the learner can turn (the knee stays where the question puts it). */
export type CompParam = 'threshold' | 'ratio' | 'attack' | 'release' | 'makeup';

/** Which field of the settings each knob turns. */
export const COMP_FIELD: Record<CompParam, keyof CompressorSettings> = {
  threshold: 'thresholdDb',
  ratio: 'ratio',
  attack: 'attackMs',
  release: 'releaseMs',
  makeup: 'makeupDb',
};

/**
 * A compact, JSON-able peak envelope of an imported stem's loop, enough to score a compressor on it: the
 * peak of |x| per block in 0.5 dB steps, losslessly coded (stem-envelope.ts).
 */
export interface PeakEnvelope {
  /** Envelope samples (blocks) per second (2000). */
  sampleRate: SampleRate;
  /** How many blocks. */
  length: number;
  /** Base64 of the Rice-coded step changes. */
  data: string;
}

/** A generated song's track (rendered in Node for scoring). */
export type CompSongStem = SongSource & { track: TrackId };

/**
 * A part of an imported song: the loop plays from this device's copy of the song, and is scored on the peak
 * envelope of that loop as played that the question carries (taken from the song's summary).
 */
export type CompImportedStem = ImportedSongSource & { track: TrackId; envelope: PeakEnvelope };

/** The stem the compressor sits on. */
export type CompStem = CompSongStem | CompImportedStem;

/** What changes from level to level. */
export interface CompMatchLevel {
  /** Knobs the learner turns; the others start at (and stay on) the reference value. */
  controls: readonly CompParam[];
  /** Tracks the stem is taken from. */
  tracks: readonly TrackId[];
  /** Reference threshold range, dBFS on a generated solo stem peaking at −3 dBFS (whole dB; as far below an imported loop's peak). */
  thresholdDb: [Decibels, Decibels];
  /** Reference ratios to pick from. */
  ratios: readonly number[];
  /** Reference attack range, ms (log-uniform). */
  attackMs: [Milliseconds, Milliseconds];
  /** Reference release range, ms (log-uniform). */
  releaseMs: [Milliseconds, Milliseconds];
  /** Reference makeup range, dB. */
  makeupDb: [Decibels, Decibels];
}

/** A question: a reference compressor on a stem; set yours to sound (and move) the same. */
export interface CompMatchQuestion extends QuestionBase<'comp-match'> {
  reference: CompressorSettings;
  /** Where the learner's knobs start. */
  start: CompressorSettings;
  /** The knobs the learner may turn. */
  controls: CompParam[];
  stem: CompStem;
}

/** The learner's compressor: the same fields as the reference. */
export type CompMatchAnswer = CompressorSettings;

/** Match the compressor. */
export const meta: ExerciseMeta<CompMatchLevel> = {
  id: 'comp-match',
  title: 'Match the compressor',
  skill: 'compression',
  description:
    "A reference compressor is working on a stem. Turn your compressor's knobs until it does the same.",
  scoring:
    'Your knobs start somewhere else (sometimes compressing more than the reference, sometimes less): you score the share of the difference you close, counting only where the part is loud enough to hear it. Sounding the same as the reference is 100.',
  scoringRule:
    "D = √(Σ wₙ(gₙ − rₙ)² / Σ wₙ), the gain changes of your compressor (g) and the reference (r) in dB at each sample of the looped stem, weighted by wₙ: 1 where the stem is within 12 dB of its loudest, falling to 0 at 30 dB below (so the silence between hits does not count). Score = 100 × (D₀ − D) / (D₀ − 0.5), clamped to 0–100, where D₀ is the D of the knobs as they start; D ≤ 0.5 dB is 100. Right when D ≤ 1 dB. How far off the start sounds is drawn first, 4–32 steps of 0.5 dB of D (2–16 dB), on a side drawn with equal odds (compressing more than the reference or less); the start's threshold is the whole dB on that side that comes closest to it, its ratio the level's next one above or below the reference's, its attack, release and makeup drawn from the level's ranges, independently of the reference. Questions whose reference barely touches the part are never asked.",
  levels: [
    {
      name: 'Threshold',
      description: 'Find the threshold of a 4:1 compressor on drums or bass.',
      params: {
        controls: ['threshold'],
        tracks: ['kick', 'snare', 'bass'],
        thresholdDb: [-54, -8],
        ratios: [4],
        attackMs: [10, 10],
        releaseMs: [120, 120],
        makeupDb: [0, 0],
      },
    },
    {
      name: 'Threshold and ratio',
      description: 'Find the threshold and the ratio on drums or bass.',
      params: {
        controls: ['threshold', 'ratio'],
        tracks: ['kick', 'snare', 'bass'],
        thresholdDb: [-54, -8],
        ratios: [2, 3, 4, 6, 10],
        attackMs: [10, 10],
        releaseMs: [120, 120],
        makeupDb: [0, 0],
      },
    },
    {
      name: 'Attack and release',
      description: 'Threshold, ratio, attack and release on drums, bass or vocal.',
      params: {
        controls: ['threshold', 'ratio', 'attack', 'release'],
        tracks: ['kick', 'snare', 'bass', 'vocal'],
        thresholdDb: [-54, -8],
        ratios: [2, 3, 4, 6, 10],
        attackMs: [1, 50],
        releaseMs: [40, 400],
        makeupDb: [0, 0],
      },
    },
    {
      name: 'All five',
      description: 'Every knob, makeup gain included, on drums, bass or vocal.',
      params: {
        controls: ['threshold', 'ratio', 'attack', 'release', 'makeup'],
        tracks: ['kick', 'snare', 'bass', 'vocal'],
        thresholdDb: [-54, -8],
        ratios: [1.5, 2, 3, 4, 6, 10],
        attackMs: [1, 50],
        releaseMs: [40, 400],
        makeupDb: [0, 8],
      },
    },
  ],
  adaptive: false,
  adaptiveNote: 'The score already measures how close you are, so there is no single variable to step.',
};
