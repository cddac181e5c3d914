/** Match the compressor: scored by the share of the audible gain difference (where the stem is loud) the learner closed. */
import { type CompressorSettings, renderCompressorGain } from '../../dsp/compressor';
import { formatDb } from '../../dsp/db';
import { matchResult } from '../shared/match-score';
import { finiteOr, furthestOff } from '../shared/scoring';
import type { CheckResult } from '../types';
import { loudnessWeights, weightedTraceDistanceDb } from './loudness-weights';
import { COMP_FIELD, type CompMatchAnswer, type CompMatchQuestion, type CompParam } from './meta';
import { stemSamplesForCheck } from './stem-cache';

/** The just-noticeable gain difference, dB: at or below it the two compressors sound the same (score 100). */
export const JND_DB = 0.5;

const PARAMS: readonly CompParam[] = ['threshold', 'ratio', 'attack', 'release', 'makeup'];

/** Each cached stem's loudness weights (the stem cache hands out the same object while it keeps it). */
const weightsOf = new WeakMap<object, Float32Array>();

/** Measures compressors on one stem: the audible distance of any settings from the question's reference. */
export function createTraceMeter(q: CompMatchQuestion): (settings: CompressorSettings) => number {
  const stem = stemSamplesForCheck(q.stem);
  const weights = weightsOf.get(stem) ?? loudnessWeights(stem);
  weightsOf.set(stem, weights);
  const refTrace = renderCompressorGain(stem.channels, stem.sampleRate, q.reference);
  return (settings) =>
    refTrace.length === 0
      ? Math.abs(settings.makeupDb - q.reference.makeupDb)
      : weightedTraceDistanceDb(
          renderCompressorGain(stem.channels, stem.sampleRate, settings),
          refTrace,
          weights,
        );
}

/** The learner's settings: knobs they may turn read from the answer, every other one stays where it started. */
function sanitise(q: CompMatchQuestion, a: CompMatchAnswer): CompressorSettings {
  const s = q.start;
  const free = (param: CompParam) => q.controls.includes(param);
  return {
    thresholdDb: free('threshold') ? finiteOr(a.thresholdDb, s.thresholdDb) : s.thresholdDb,
    ratio: free('ratio') ? Math.max(1, finiteOr(a.ratio, s.ratio)) : s.ratio,
    kneeDb: s.kneeDb,
    attackMs: free('attack') ? Math.max(0, finiteOr(a.attackMs, s.attackMs)) : s.attackMs,
    releaseMs: free('release') ? Math.max(0, finiteOr(a.releaseMs, s.releaseMs)) : s.releaseMs,
    makeupDb: free('makeup') ? finiteOr(a.makeupDb, s.makeupDb) : s.makeupDb,
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

/** Share of the audible gain difference closed from the start (0) to the reference (100); names the knob furthest off. */
export function check(q: CompMatchQuestion, a: CompMatchAnswer): CheckResult {
  const ref = q.reference;
  const mine = sanitise(q, a ?? q.start);
  const distanceTo = createTraceMeter(q);
  const distance = distanceTo(mine);
  const startDistance = distanceTo(q.start);
  // "Furthest off" = the knob that, set alone to the learner's value, moves the gain trace the most.
  const worst = furthestOff(distance > JND_DB ? PARAMS : [], (param: CompParam) => {
    const field = COMP_FIELD[param];
    if (mine[field] === ref[field]) return null;
    return param === 'makeup'
      ? Math.abs(mine.makeupDb - ref.makeupDb)
      : distanceTo({ ...ref, [field]: mine[field] });
  });
  return matchResult(
    distance,
    startDistance,
    JND_DB,
    { subject: 'Your compressor' },
    worst,
    worst && describe(worst, mine, ref),
  );
}
