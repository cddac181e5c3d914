/** Compression drills: seeded questions per level. */
import type { Rng } from '../../dsp/random';
import { ACTIVE_SHARE, type Audibility, drawAudible, inaudible } from '../shared/audibility';
import { clampLevel, levelSpec } from '../shared/levels';
import type { RelativeCompressor } from '../shared/relative-compressor';
import { analyseSongLoop, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import type { SongSource } from '../types';
import { calibrateThresholdBelowPeak, measuredPeakReductionDb, sourceSamples } from './measured-reduction';
import { type CompSpotQuestion, meta } from './meta';

/** Ratio of every drill's compressor. */
const RATIO = 4;
/** Knee of every drill's compressor, dB. */
const KNEE_DB = 2;

function compressor(thresholdBelowPeakDb: number, attackMs: number, releaseMs: number): RelativeCompressor {
  return {
    thresholdBelowPeakDb,
    ratio: RATIO,
    kneeDb: KNEE_DB,
    attackMs,
    releaseMs,
    makeupDb: 0,
  };
}

/** A labelled amount may be off by this share of itself, measured (peak gain reduction on the excerpt). */
export const AMOUNT_TOLERANCE = 0.15;

/**
 * The planted difference: the measured peak gain reduction of the question's compressor on the excerpt (the
 * compressor maths of src/dsp/compressor.ts on the analysed render), which must be the labelled amount within
 * AMOUNT_TOLERANCE ('amount'; the 'which' / attack / release drills: at least 70 % of the level's amount at
 * the middle attack and release); a part played alone must sound in three quarters of the loop.
 */
export function audibility(q: CompSpotQuestion): Audibility {
  const analysis = analyseSongLoop(q.source);
  if (q.source.track) {
    const target = trackProfile(analysis, q.source.track);
    if (target.activity < ACTIVE_SHARE)
      return inaudible(`the ${target.id} plays ${target.activity} of the loop`);
  }
  const samples = sourceSamples(analysis, q.source.track);
  const p = levelSpec(meta, q.level).params;
  const planted = measuredPeakReductionDb(samples, q.compressor);
  if (q.subtype === 'amount') {
    const label = Number(q.correct);
    if (Math.abs(planted - label) > AMOUNT_TOLERANCE * label)
      return inaudible(`measures ${planted} dB`, planted, label);
    return { planted, required: label * (1 - AMOUNT_TOLERANCE) };
  }
  const mid = { ...q.compressor, attackMs: midOf(p.attacksMs, 10), releaseMs: midOf(p.releasesMs, 1) };
  return {
    planted: measuredPeakReductionDb(samples, mid),
    required: 0.7 * (q.adaptiveValue ?? p.reductionDb),
  };
}

function midOf([fast, slow]: readonly [number, number], round: number): number {
  return Math.round(Math.sqrt(fast * slow) * round) / round;
}

/** A question for (seed, level): deterministic, plain JSON, its amounts measured (see audibility). */
export function generate(seed: number, level: number): CompSpotQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/**
 * Adaptive mode: a "which version is compressed?" question on the base level whose compressor takes `value`
 * dB off the peaks (measured, as in generate), clamped to the main variable's range and rounded to 0.1 dB.
 */
export function generateAt(seed: number, value: number): CompSpotQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(Math.min(mv.max, Math.max(mv.min, Number.isFinite(value) ? value : mv.min)) * 10) / 10;
  return drawAudible(seed, (rng) => ({ ...build(rng, seed, mv.baseLevel, v), adaptiveValue: v }), audibility);
}

function build(rng: Rng, seed: number, lvl: number, adaptiveDb?: number): CompSpotQuestion {
  const p = levelSpec(meta, lvl).params;
  const subtype = adaptiveDb === undefined ? rng.pick(p.subtypes) : 'which';
  const where = rng.pick(p.sources);
  const source: SongSource = generateSongSource(rng.fork('source'), where === 'mix' ? {} : { track: where });
  const base = { kind: 'comp-spot' as const, seed, level: lvl, subtype, source };
  const [fastAttack, slowAttack] = p.attacksMs;
  const [fastRelease, slowRelease] = p.releasesMs;
  const midAttack = midOf(p.attacksMs, 10);
  const midRelease = midOf(p.releasesMs, 1);
  const samples = sourceSamples(analyseSongLoop(source), source.track);
  const shape = { ratio: RATIO, kneeDb: KNEE_DB, attackMs: midAttack, releaseMs: midRelease, makeupDb: 0 };
  const threshold = (db: number) => calibrateThresholdBelowPeak(samples, shape, db);
  switch (subtype) {
    case 'which': {
      const side = rng.chance(0.5) ? 'A' : 'B';
      return {
        ...base,
        prompt: 'Which version is compressed?',
        choices: ['A', 'B'],
        choiceLabels: ['A', 'B'],
        correct: side,
        compressedSide: side,
        compressor: compressor(threshold(adaptiveDb ?? p.reductionDb), midAttack, midRelease),
      };
    }
    case 'amount': {
      const amounts = p.amountsDb.length > 0 ? p.amountsDb : [3, 6, 10];
      const amount = rng.pick(amounts);
      const thresholds = amounts.map(threshold);
      return {
        ...base,
        prompt: 'About how much gain reduction is there?',
        choices: amounts.map(String),
        choiceLabels: amounts.map((a) => `about ${a} dB`),
        correct: String(amount),
        compressor: compressor(thresholds[amounts.indexOf(amount)] as number, midAttack, midRelease),
        thresholdsBelowPeakDb: thresholds,
      };
    }
    case 'attack': {
      const fast = rng.chance(0.5);
      return {
        ...base,
        prompt: 'Is the attack fast or slow?',
        choices: ['fast', 'slow'],
        choiceLabels: [`fast (${fastAttack} ms)`, `slow (${slowAttack} ms)`],
        correct: fast ? 'fast' : 'slow',
        compressor: compressor(threshold(p.reductionDb), fast ? fastAttack : slowAttack, midRelease),
      };
    }
    case 'release': {
      const fast = rng.chance(0.5);
      return {
        ...base,
        prompt: 'Is the release fast (pumping) or slow?',
        choices: ['fast', 'slow'],
        choiceLabels: [`fast (${fastRelease} ms)`, `slow (${slowRelease} ms)`],
        correct: fast ? 'fast' : 'slow',
        compressor: compressor(threshold(p.reductionDb), fastAttack, fast ? fastRelease : slowRelease),
      };
    }
  }
}
