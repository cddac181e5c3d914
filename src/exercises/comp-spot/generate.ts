/** Compression drills: seeded questions per level. */
import type { Rng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import { ACTIVE_SHARE, type Audibility, drawAudible, inaudible } from '../shared/audibility';
import {
  DEEPEST_BELOW_PEAK_DB,
  importedThresholdBelowPeak,
  predictedReductionDb,
} from '../shared/imported-reduction';
import {
  type ImportedSongSummary,
  importedLoopPick,
  importedTrackId,
  loopActivity,
  loopOf,
  REDUCTION_SHAPE,
  requireDynamics,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import type { RelativeCompressor } from '../shared/relative-compressor';
import { analyseSongLoop, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import type { SongSource } from '../types';
import { calibrateThresholdBelowPeak, measuredPeakReductionDb, sourceSamples } from './measured-reduction';
import { type CompSpotImportedSource, type CompSpotLevel, type CompSpotQuestion, meta } from './meta';

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
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  const analysis = analyseSongLoop(q.source);
  if (q.source.track) {
    const target = trackProfile(analysis, q.source.track);
    if (target.activity < ACTIVE_SHARE)
      return inaudible(`the ${target.id} plays ${target.activity} of the loop`);
  }
  const samples = sourceSamples(analysis, q.source.track);
  const p = levelSpec(meta, q.level).params;
  const mid = { ...q.compressor, attackMs: midOf(p.attacksMs, 10), releaseMs: midOf(p.releasesMs, 1) };
  return judged(q, measuredPeakReductionDb(samples, q.compressor), () =>
    measuredPeakReductionDb(samples, mid),
  );
}

/**
 * The rule both sources share: 'amount' must measure its label within AMOUNT_TOLERANCE; the others at least
 * 70 % of their amount at the calibration shape (`atMid`, measured only for them).
 */
function judged(q: CompSpotQuestion, planted: number, atMid: () => number): Audibility {
  const p = levelSpec(meta, q.level).params;
  if (!Number.isFinite(planted)) return inaudible('deeper than measured');
  if (q.subtype === 'amount') {
    const label = Number(q.correct);
    if (Math.abs(planted - label) > AMOUNT_TOLERANCE * label)
      return inaudible(`measures ${planted} dB`, planted, label);
    return { planted, required: label * (1 - AMOUNT_TOLERANCE) };
  }
  const mid = atMid();
  if (!Number.isFinite(mid)) return inaudible('deeper than measured');
  return { planted: mid, required: 0.7 * (q.adaptiveValue ?? p.reductionDb) };
}

/**
 * audibility on an imported song, read from its summary: the part plays in three quarters of the loop, and the
 * reduction predicted from the summary's measured curve (imported-reduction.ts) at the question's threshold
 * meets the same rule. Imported questions compress with REDUCTION_SHAPE's times (the 'attack' and 'release'
 * drills change one of them), so 'which' and 'amount' are predicted for exactly what plays.
 */
export function importedAudibility(q: CompSpotQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  const track = song.tracks.find((t) => importedTrackId(t) === q.source.track);
  if (!loop || !track) return inaudible('not a part of a loop of this song');
  const activity = loopActivity(track, loop);
  if (activity < ACTIVE_SHARE) return inaudible(`the ${track.name} plays ${activity} of the loop`);
  const atShape = predictedReductionDb(track, loop, q.compressor.thresholdBelowPeakDb);
  if (q.subtype === 'amount' && (q.thresholdsBelowPeakDb ?? []).some((t) => !(t <= DEEPEST_BELOW_PEAK_DB)))
    return inaudible('an amount deeper than measured');
  return judged(q, atShape, () => atShape);
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

/** How a draw sets its threshold: the source, the calibration shape's times and the threshold for an amount. */
interface Calibration {
  source: SongSource | CompSpotImportedSource;
  midAttack: number;
  midRelease: number;
  threshold(reductionDb: number): number;
}

/** A generated song's part or mix, calibrated on its analysed render. */
function generatedCalibration(rng: Rng, where: TrackId | 'mix', p: CompSpotLevel): Calibration {
  const source: SongSource = generateSongSource(rng.fork('source'), where === 'mix' ? {} : { track: where });
  const midAttack = midOf(p.attacksMs, 10);
  const midRelease = midOf(p.releasesMs, 1);
  const samples = sourceSamples(analyseSongLoop(source), source.track);
  const shape = { ratio: RATIO, kneeDb: KNEE_DB, attackMs: midAttack, releaseMs: midRelease, makeupDb: 0 };
  return {
    source,
    midAttack,
    midRelease,
    threshold: (db) => calibrateThresholdBelowPeak(samples, shape, db),
  };
}

/**
 * A part playing in a loop of an imported song's body (seeded), calibrated on the summary's measured curve
 * at REDUCTION_SHAPE (an amount deeper than measured gets a threshold past it, which audibility refuses).
 */
function importedCalibration(rng: Rng, song: ImportedSongSummary): Calibration {
  const { loop, pool, source } = importedLoopPick(rng.fork('loop'), song, 1);
  const track = rng.pick(pool);
  return {
    source: { ...source, track: importedTrackId(track) },
    midAttack: REDUCTION_SHAPE.attackMs,
    midRelease: REDUCTION_SHAPE.releaseMs,
    threshold: (db) => importedThresholdBelowPeak(track, loop, db) ?? UNREACHED_DB,
  };
}

/** The threshold a question gets when the summary cannot reach its amount (past what is measured). */
const UNREACHED_DB = 99;

/** A question on an imported song (read from its summary): deterministic, plain JSON, its amounts predicted. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): CompSpotQuestion {
  requireDynamics(song);
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: "which is compressed?" at `value` dB of reduction (as generateAt). */
export function generateImportedAt(seed: number, value: number, song: ImportedSongSummary): CompSpotQuestion {
  requireDynamics(song);
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(Math.min(mv.max, Math.max(mv.min, Number.isFinite(value) ? value : mv.min)) * 10) / 10;
  return drawAudible(
    seed,
    (rng) => ({ ...build(rng, seed, mv.baseLevel, v, song), adaptiveValue: v }),
    (q) => importedAudibility(q, song),
  );
}

function build(
  rng: Rng,
  seed: number,
  lvl: number,
  adaptiveDb?: number,
  song?: ImportedSongSummary,
): CompSpotQuestion {
  const p = levelSpec(meta, lvl).params;
  const subtype = adaptiveDb === undefined ? rng.pick(p.subtypes) : 'which';
  const where = rng.pick(p.sources);
  const { source, midAttack, midRelease, threshold } = song
    ? importedCalibration(rng, song)
    : generatedCalibration(rng, where, p);
  const base = { kind: 'comp-spot' as const, seed, level: lvl, subtype, source };
  const [fastAttack, slowAttack] = p.attacksMs;
  const [fastRelease, slowRelease] = p.releasesMs;
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
