/**
 * Grades a whole mix against a reference, per track and per dimension (pure). Each cell's distance is
 * measured in what a listener hears and counted in just-noticeable steps beyond the first; the score is the
 * share of the start's total that the learner closed. The untouched start scores 0, the reference 100,
 * fixing one of two equal faults about half, and turning the whole mix up or down changes nothing.
 */

import { formatHz } from '../../dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import { type CompressorSettings, renderCompressorGain } from '../../dsp/compressor';
import { weightedTraceDistanceDb } from '../comp-match/loudness-weights';
import type { StemSamples } from '../comp-match/stem-cache';
import { CURVE_POINTS_HZ, CURVE_SAMPLE_RATE } from '../eq-match/curve-distance';
import { MIX_COMP_KNEE_DB, MIX_DIMENSIONS, MIX_EQ_TYPES, type MixDimension, type TrackMix } from './mix-spec';
import { clampScore, roundDetail } from './scoring';

/** Just-noticeable amount per dimension, in its own unit (dB; pan in shares of the stereo width). */
export const MIX_JND: Readonly<Record<MixDimension, number>> = {
  balance: 1,
  pan: 0.05,
  tone: 0.5,
  dynamics: 0.5,
  space: 3,
};

/** A send below this (or off) counts as this, dB: a send 30 dB down is as good as off in a mix. */
export const SEND_FLOOR_DB = -30;
/** A fader below this counts as this, dB. */
export const FADER_FLOOR_DB = -60;

/** What the grader knows of a track's audio. */
export interface TrackMeasure {
  /** 0 … 1 at each CURVE_POINTS_HZ point: how much of the track is there (tone weights). */
  spectrumWeights: readonly number[];
  /** The track's looped excerpt (compressor traces). */
  samples: StemSamples;
  /** 0 … 1 per sample: where the track is loud enough to hear a gain change (loudnessWeights). */
  loudWeights: Float32Array;
}

/** Everything a mix is graded against. */
export interface MixGradeInput {
  /** Track display names, in question order. */
  names: readonly string[];
  reference: readonly TrackMix[];
  start: readonly TrackMix[];
  /** The dimensions this question grades (the others are read from the start, never from the answer). */
  dimensions: readonly MixDimension[];
  measures: readonly TrackMeasure[];
}

/** One cell of the review table. */
export interface MixCell {
  track: number;
  dimension: MixDimension;
  /** How far off, in the dimension's unit. */
  distance: number;
  /** Just-noticeable steps beyond the first: max(0, distance / JND − 1). 0 = sounds the same. */
  steps: number;
}

/** A graded mix. */
export interface MixGrade {
  score: number;
  /** Every graded cell within two just-noticeable amounts of the reference. */
  correct: boolean;
  /** Σ steps now and at the start. */
  total: number;
  startTotal: number;
  cells: MixCell[];
  /** Sentences for the (up to) three cells furthest off, worst first. */
  worst: string[];
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const num = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) ? x : fallback);

/** The learner's track with every value made safe, and dimensions not graded taken from the start. */
export function sanitiseTrack(answer: unknown, start: TrackMix, dims: readonly MixDimension[]): TrackMix {
  const a = (typeof answer === 'object' && answer !== null ? answer : {}) as Partial<TrackMix>;
  const on = (d: MixDimension) => dims.includes(d);
  const fader = typeof a.faderDb === 'number' && !Number.isNaN(a.faderDb) ? a.faderDb : start.faderDb;
  const eq = start.eq.map((band, i) => {
    const given = Array.isArray(a.eq) ? (a.eq[i] as Partial<typeof band> | undefined) : undefined;
    if (!on('tone') || !given) return { ...band };
    return {
      frequencyHz: clamp(num(given.frequencyHz, band.frequencyHz), 20, 20000),
      gainDb: clamp(num(given.gainDb, band.gainDb), -24, 24),
      q: clamp(num(given.q, band.q), 0.1, 20),
    };
  }) as TrackMix['eq'];
  const c = (a.comp ?? {}) as Partial<TrackMix['comp']>;
  const comp = on('dynamics')
    ? {
        enabled: typeof c.enabled === 'boolean' ? c.enabled : start.comp.enabled,
        thresholdDb: clamp(num(c.thresholdDb, start.comp.thresholdDb), -60, 0),
        ratio: clamp(num(c.ratio, start.comp.ratio), 1, 20),
        attackMs: clamp(num(c.attackMs, start.comp.attackMs), 0.1, 200),
        releaseMs: clamp(num(c.releaseMs, start.comp.releaseMs), 5, 2000),
        makeupDb: clamp(num(c.makeupDb, start.comp.makeupDb), -12, 24),
      }
    : { ...start.comp };
  const send = (v: unknown, s: number | null) =>
    v === null ? null : typeof v === 'number' && !Number.isNaN(v) ? v : s;
  return {
    faderDb: on('balance') ? Math.max(FADER_FLOOR_DB, fader) : start.faderDb,
    pan: on('pan') ? clamp(num(a.pan, start.pan), -1, 1) : start.pan,
    eq,
    comp,
    reverbDb: on('space') ? send(a.reverbDb, start.reverbDb) : start.reverbDb,
    delayDb: on('space') ? send(a.delayDb, start.delayDb) : start.delayDb,
  };
}

/** A track's whole EQ as one curve in dB at the comparison points (the four bands in series add in dB). */
export function eqCurveDb(eq: TrackMix['eq']): number[] {
  const curve = CURVE_POINTS_HZ.map(() => 0);
  eq.forEach((band, i) => {
    if (band.gainDb === 0) return;
    const type = MIX_EQ_TYPES[i] as (typeof MIX_EQ_TYPES)[number];
    const c = biquadCoefficients(type, band.frequencyHz, band.q, band.gainDb, CURVE_SAMPLE_RATE);
    CURVE_POINTS_HZ.forEach((f, k) => {
      curve[k] = (curve[k] as number) + biquadMagnitudeDb(c, f, CURVE_SAMPLE_RATE);
    });
  });
  return curve;
}

/**
 * Tone distance: the difference of the EQ curves where either acts, weighted by where the track has sound (a
 * weighted mean: an EQ move where the track has no sound neither counts nor dilutes the errors elsewhere).
 */
export function toneDistanceDb(
  a: readonly number[],
  b: readonly number[],
  weights: readonly number[],
): number {
  let sum = 0;
  let acts = 0;
  for (let k = 0; k < a.length; k++) {
    const x = a[k] as number;
    const y = b[k] as number;
    const m = Math.min(1, Math.max(Math.abs(x), Math.abs(y))) * (weights[k] ?? 1);
    sum += m * (x - y) ** 2;
    acts += m;
  }
  return acts > 0 ? Math.sqrt(sum / acts) : 0;
}

function compressorOf(t: TrackMix): CompressorSettings | null {
  if (!t.comp.enabled) return null;
  const { thresholdDb, ratio, attackMs, releaseMs, makeupDb } = t.comp;
  return { thresholdDb, ratio, kneeDb: MIX_COMP_KNEE_DB, attackMs, releaseMs, makeupDb };
}

/** The gain trace of a track's compressor on its excerpt (all zeros when off). */
function traceOf(t: TrackMix, m: TrackMeasure): Float32Array {
  const settings = compressorOf(t);
  const length = m.samples.channels.reduce((n, ch) => Math.max(n, ch.length), 0);
  return settings
    ? renderCompressorGain(m.samples.channels, m.samples.sampleRate, settings)
    : new Float32Array(length);
}

const sendLevel = (db: number | null) => (db === null ? SEND_FLOOR_DB : Math.max(SEND_FLOOR_DB, db));

/** Raw distances of every graded cell of `mix` from the reference. */
function distances(
  input: MixGradeInput,
  mix: readonly TrackMix[],
  refCurves: number[][],
  refTraces: (Float32Array | null)[],
) {
  const dims = input.dimensions;
  const e = mix.map((t, i) => t.faderDb - Math.max(FADER_FLOOR_DB, (input.reference[i] as TrackMix).faderDb));
  const offset = e.length > 0 ? e.reduce((s, x) => s + x, 0) / e.length : 0;
  const out: Record<MixDimension, number>[] = mix.map((t, i) => {
    const ref = input.reference[i] as TrackMix;
    const m = input.measures[i] as TrackMeasure;
    const d = { balance: 0, pan: 0, tone: 0, dynamics: 0, space: 0 };
    if (dims.includes('balance')) d.balance = Math.abs((e[i] as number) - offset);
    if (dims.includes('pan')) d.pan = Math.abs(t.pan - ref.pan) / 2;
    if (dims.includes('tone'))
      d.tone = toneDistanceDb(eqCurveDb(t.eq), refCurves[i] as number[], m.spectrumWeights);
    if (dims.includes('dynamics'))
      d.dynamics = weightedTraceDistanceDb(traceOf(t, m), refTraces[i] as Float32Array, m.loudWeights);
    if (dims.includes('space')) {
      const r = sendLevel(t.reverbDb) - sendLevel(ref.reverbDb);
      const dl = sendLevel(t.delayDb) - sendLevel(ref.delayDb);
      d.space = Math.sqrt((r * r + dl * dl) / 2);
    }
    return d;
  });
  return { out, offset, e };
}

function stepsOf(distance: number, dimension: MixDimension): number {
  return Math.max(0, distance / MIX_JND[dimension] - 1);
}

const pct = (pan: number) =>
  Math.abs(pan) < 0.02 ? 'centre' : `${Math.round(Math.abs(pan) * 100)} % ${pan < 0 ? 'left' : 'right'}`;

/** One plain sentence on what is off in a cell (for the worst three). */
function sentence(
  cell: MixCell,
  name: string,
  mine: TrackMix,
  ref: TrackMix,
  deviation: number,
  mineCurve: number[],
  refCurve: number[],
  weights: readonly number[],
): string {
  switch (cell.dimension) {
    case 'balance':
      return `${name} is about ${Math.abs(deviation).toFixed(1)} dB too ${deviation > 0 ? 'loud' : 'quiet'} against the rest.`;
    case 'pan':
      return `${name} sits at ${pct(mine.pan)}; the reference has it at ${pct(ref.pan)}.`;
    case 'tone': {
      let worstK = 0;
      let worstD = 0;
      mineCurve.forEach((x, k) => {
        const d = (weights[k] ?? 1) * Math.abs(x - (refCurve[k] as number));
        if (d > worstD) {
          worstD = d;
          worstK = k;
        }
      });
      const diff = (mineCurve[worstK] as number) - (refCurve[worstK] as number);
      return `${name}'s EQ is ${Math.abs(diff).toFixed(1)} dB too ${diff > 0 ? 'high' : 'low'} around ${formatHz(CURVE_POINTS_HZ[worstK] as number)}.`;
    }
    case 'dynamics': {
      const more = !ref.comp.enabled
        ? true
        : !mine.comp.enabled
          ? false
          : mine.comp.thresholdDb < ref.comp.thresholdDb;
      return `${name} is compressed ${more ? 'more' : 'less'} than in the reference.`;
    }
    case 'space': {
      const r = sendLevel(mine.reverbDb) - sendLevel(ref.reverbDb);
      const dl = sendLevel(mine.delayDb) - sendLevel(ref.delayDb);
      const [what, diff] = Math.abs(r) >= Math.abs(dl) ? ['reverb', r] : ['delay', dl];
      return `${name} has ${diff > 0 ? 'more' : 'less'} ${what} than the reference (about ${Math.abs(diff).toFixed(0)} dB).`;
    }
  }
}

/** Grades `answer` (one TrackMix per track) against the reference; see the file comment for the rule. */
export function gradeMix(input: MixGradeInput, answer: readonly unknown[]): MixGrade {
  const mine = input.start.map((s, i) => sanitiseTrack(answer[i], s, input.dimensions));
  const refCurves = input.reference.map((t) => eqCurveDb(t.eq));
  const refTraces = input.reference.map((t, i) =>
    input.dimensions.includes('dynamics') ? traceOf(t, input.measures[i] as TrackMeasure) : null,
  );
  const now = distances(input, mine, refCurves, refTraces);
  const before = distances(input, input.start, refCurves, refTraces);
  const cells: MixCell[] = [];
  let total = 0;
  let startTotal = 0;
  now.out.forEach((d, i) => {
    for (const dimension of MIX_DIMENSIONS) {
      if (!input.dimensions.includes(dimension)) continue;
      const steps = stepsOf(d[dimension], dimension);
      cells.push({ track: i, dimension, distance: roundDetail(d[dimension]), steps: roundDetail(steps) });
      total += steps;
      startTotal += stepsOf((before.out[i] as Record<MixDimension, number>)[dimension], dimension);
    }
  });
  const score = startTotal > 0 ? clampScore((100 * (startTotal - total)) / startTotal) : total > 0 ? 0 : 100;
  const worstCells = cells
    .filter((c) => c.steps > 0)
    .sort((a, b) => b.steps - a.steps)
    .slice(0, 3);
  const worst = worstCells.map((c) =>
    sentence(
      c,
      input.names[c.track] ?? `Track ${c.track + 1}`,
      mine[c.track] as TrackMix,
      input.reference[c.track] as TrackMix,
      (now.e[c.track] as number) - now.offset,
      eqCurveDb((mine[c.track] as TrackMix).eq),
      refCurves[c.track] as number[],
      (input.measures[c.track] as TrackMeasure).spectrumWeights,
    ),
  );
  return {
    score,
    correct: cells.every((c) => c.steps <= 1),
    total: roundDetail(total),
    startTotal: roundDetail(startTotal),
    cells,
    worst,
  };
}
