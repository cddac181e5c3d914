/** Match the compressor: scoring by the RMS difference between the two gain traces on the stem. */
import { type CompressorSettings, renderCompressorGain } from '../../dsp/compressor';
import { formatDb } from '../../dsp/db';
import { distanceScore, finiteOr, furthestOff, matchResult } from '../shared/scoring';
import type { CheckResult } from '../types';
import { COMP_FIELD } from './generate';
import type { CompMatchAnswer, CompMatchQuestion, CompParam } from './meta';
import { type StemSamples, stemSamplesForCheck } from './stem-cache';

/** Trace distance at or below which the score is 100, dB. */
export const PERFECT_DB = 0.5;
/** Trace distance at or above which the score is 0, dB. */
export const ZERO_DB = 6;

const PARAMS: readonly CompParam[] = ['threshold', 'ratio', 'attack', 'release', 'makeup'];

/** RMS of the difference of two gain traces (dB); traces of different length compare over the shorter. */
export function traceDistanceDb(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = (a[i] as number) - (b[i] as number);
    sum += d * d;
  }
  return Math.sqrt(sum / n);
}

/** D: RMS over the stem's samples of the difference between the two gain traces, in dB. */
export function gainTraceDistanceDb(stem: StemSamples, a: CompressorSettings, b: CompressorSettings): number {
  const ga = renderCompressorGain(stem.channels, stem.sampleRate, a);
  if (ga.length === 0) return Math.abs(a.makeupDb - b.makeupDb);
  return traceDistanceDb(ga, renderCompressorGain(stem.channels, stem.sampleRate, b));
}

function sanitise(a: CompMatchAnswer, fallback: CompressorSettings): CompressorSettings {
  return {
    thresholdDb: finiteOr(a.thresholdDb, fallback.thresholdDb),
    ratio: Math.max(1, finiteOr(a.ratio, fallback.ratio)),
    kneeDb: Math.max(0, finiteOr(a.kneeDb, fallback.kneeDb)),
    attackMs: Math.max(0, finiteOr(a.attackMs, fallback.attackMs)),
    releaseMs: Math.max(0, finiteOr(a.releaseMs, fallback.releaseMs)),
    makeupDb: finiteOr(a.makeupDb, fallback.makeupDb),
  };
}

function describe(param: CompParam, mine: CompressorSettings, ref: CompressorSettings): string {
  const field = COMP_FIELD[param];
  const low = mine[field] < ref[field];
  switch (param) {
    case 'threshold':
      return `Your threshold is too ${low ? 'low' : 'high'} (${formatDb(mine.thresholdDb, 0)}; the reference is ${formatDb(ref.thresholdDb, 0)}).`;
    case 'ratio':
      return `Your ratio is too ${low ? 'gentle' : 'strong'} (${mine.ratio}:1; the reference is ${ref.ratio}:1).`;
    case 'attack':
      return `Your attack is too ${low ? 'fast' : 'slow'} (${mine.attackMs} ms; the reference is ${ref.attackMs} ms).`;
    case 'release':
      return `Your release is too ${low ? 'fast' : 'slow'} (${mine.releaseMs} ms; the reference is ${ref.releaseMs} ms).`;
    case 'makeup':
      return `Your makeup gain is too ${low ? 'low' : 'high'} (${formatDb(mine.makeupDb)}; the reference is ${formatDb(ref.makeupDb)}).`;
  }
}

/** Score 100 at D ≤ 0.5 dB, 0 at D ≥ 6 dB, linear between; feedback names the knob furthest off. */
export function check(q: CompMatchQuestion, a: CompMatchAnswer): CheckResult {
  const stem = stemSamplesForCheck(q.stem);
  const ref = q.reference;
  const mine = sanitise(a, q.start);
  const refTrace = renderCompressorGain(stem.channels, stem.sampleRate, ref);
  const distanceTo = (settings: CompressorSettings): number =>
    refTrace.length === 0
      ? Math.abs(settings.makeupDb - ref.makeupDb)
      : traceDistanceDb(renderCompressorGain(stem.channels, stem.sampleRate, settings), refTrace);
  const distance = distanceTo(mine);
  const score = distanceScore(distance, PERFECT_DB, ZERO_DB);
  // "Furthest off" = the knob that, set alone to the learner's value, moves the gain trace the most.
  const worst = furthestOff(distance > PERFECT_DB ? PARAMS : [], (param: CompParam) => {
    const field = COMP_FIELD[param];
    if (mine[field] === ref[field]) return null;
    return param === 'makeup'
      ? Math.abs(mine.makeupDb - ref.makeupDb)
      : distanceTo({ ...ref, [field]: mine[field] });
  });
  return matchResult(score, distance, PERFECT_DB, 'gain moves', worst, worst && describe(worst, mine, ref));
}
