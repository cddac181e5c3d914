/** Match the compressor: seeded reference settings and stems per level. */
import type { CompressorSettings } from '../../dsp/compressor';
import { createRng, type Rng } from '../../dsp/random';
import type { Decibels } from '../../dsp/units';
import { clampLevel, levelSpec } from '../shared/levels';
import { isFarEnough } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { createTraceMeter, JND_DB } from './check';
import { type CompMatchLevel, type CompMatchQuestion, type CompParam, type CompStem, meta } from './meta';

/** Soft knee width used by every comp-match question, dB. */
export const COMP_MATCH_KNEE_DB = 6;

/** The stem excerpt is the first two bars of the chorus (3.4 … 7.3 s): what the learner loops is what is scored. */
export const COMP_MATCH_EXCERPT_BARS = 2;

/** The knobs' defaults where a level does not draw them (the start's are drawn: see drawStart). */
export const COMP_MATCH_START: CompressorSettings = {
  thresholdDb: 0,
  ratio: 2,
  kneeDb: COMP_MATCH_KNEE_DB,
  attackMs: 10,
  releaseMs: 120,
  makeupDb: 0,
};

/**
 * How far the start sounds from the reference, in just-noticeable steps of the grader's own measure (the gain
 * changes' difference, JND_DB each): drawn uniformly in this range, then the start's threshold is found that
 * sounds that far off, on a side drawn with equal odds.
 */
export const START_DISTANCE_JNDS: readonly [number, number] = [4, 32];

/** How close the found start must come to the drawn distance, as a share of it (else it is drawn again). */
const START_DISTANCE_TOLERANCE = 0.12;

/** The threshold knob's range, dBFS. */
export const THRESHOLD_KNOB_DB: readonly [Decibels, Decibels] = [-60, 0];

function logUniform(rng: Rng, low: number, high: number): number {
  return low * (high / low) ** rng.next();
}

/** Attack to 0.5 ms below 10 ms, else whole ms; release to 5 ms: values a knob can show. */
function tidyTime(ms: number, step: number): number {
  return Math.max(step, roundTo(ms, step));
}

/** Draws after which a question whose start still sounds too close is accepted anyway (not reached in tests). */
const MAX_DRAWS = 24;

/**
 * A question for (seed, level): deterministic, plain JSON (see askAudibly); measuring renders the stem (cached).
 */
export function generate(seed: number, level: number): CompMatchQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  const rng = createRng(seed);
  const track = rng.pick(p.tracks);
  const stem = { ...generateSongSource(rng.fork('source'), { excerptBars: COMP_MATCH_EXCERPT_BARS }), track };
  return askAudibly(seed, lvl, p, stem, p.thresholdDb, COMP_MATCH_START.thresholdDb);
}

/**
 * The question on `stem` whose reference audibly compresses (at least MIN_START_JNDS just-noticeable amounts
 * from the same compressor with its threshold at `highestDb`, where it barely touches the stem) and whose start
 * is audibly off the reference: the reference is drawn again until it does, then the start until it is.
 */
export function askAudibly(
  seed: number,
  level: number,
  p: CompMatchLevel,
  stem: CompStem,
  thresholdRange: readonly [Decibels, Decibels],
  highestDb: Decibels,
): CompMatchQuestion {
  const ask = (ref: CompressorSettings, start: CompressorSettings): CompMatchQuestion => ({
    kind: 'comp-match',
    seed,
    level,
    reference: ref,
    start,
    controls: [...p.controls],
    stem,
  });
  const top = Math.min(THRESHOLD_KNOB_DB[1], highestDb);
  let ref = drawReference(createRng(seed).fork('reference'), p, thresholdRange);
  for (let k = 1; k < MAX_DRAWS; k++) {
    const q = ask(ref, ref);
    if (isFarEnough(createTraceMeter(q)({ ...ref, thresholdDb: top }), JND_DB)) break;
    ref = drawReference(createRng(seed).fork(`reference-${k}`), p, thresholdRange);
  }
  const meter = createTraceMeter(ask(ref, ref));
  const start = drawStart(createRng(seed).fork('start'), p, ref, thresholdRange, meter);
  return ask(ref, start);
}

/**
 * A level's reference, drawn from `rng`, its threshold a whole dB in `thresholdRange` (dBFS on the question's
 * stem: the level's own range on a generated one).
 */
export function drawReference(
  rng: Rng,
  p: CompMatchLevel,
  thresholdRange: readonly [Decibels, Decibels] = p.thresholdDb,
): CompressorSettings {
  const attack = logUniform(rng, p.attackMs[0], p.attackMs[1]);
  return {
    thresholdDb: clampThreshold(rng.int(Math.ceil(thresholdRange[0]), Math.floor(thresholdRange[1]))),
    ratio: rng.pick(p.ratios),
    kneeDb: COMP_MATCH_KNEE_DB,
    attackMs: tidyTime(attack, attack < 10 ? 0.5 : 1),
    releaseMs: tidyTime(logUniform(rng, p.releaseMs[0], p.releaseMs[1]), 5),
    makeupDb: roundTo(rng.range(p.makeupDb[0], p.makeupDb[1]), 0.5),
  };
}

function clampThreshold(db: number): number {
  return Math.min(THRESHOLD_KNOB_DB[1], Math.max(THRESHOLD_KNOB_DB[0], db));
}

/** A start found for a drawn distance: its settings and how far off it sounds, dB. */
interface FoundStart {
  settings: CompressorSettings;
  distanceDb: number;
}

/**
 * Where the learner's knobs start, drawn from `rng` so the start tells little about the reference. How far off
 * it sounds is drawn first (START_DISTANCE_JNDS just-noticeable steps of `meter`, the grader's measure), and
 * on which side: compressing more than the reference (threshold below its) or less (above), with equal odds.
 * The ratio is the level's next one above or below the reference's, every other knob the level turns is drawn
 * from the level's range, independently of the reference; then the
 * whole-dB threshold on that side within `thresholdRange` that sounds closest to the drawn distance is taken.
 * When that side cannot come within START_DISTANCE_TOLERANCE of it, the distance and the other knobs are drawn
 * again on the same side (so a large distance does not give the side away); after half the draws the other
 * side is taken. Knobs the level does not turn sit on the reference.
 */
export function drawStart(
  rng: Rng,
  p: CompMatchLevel,
  reference: CompressorSettings,
  thresholdRange: readonly [Decibels, Decibels] = p.thresholdDb,
  meter: (settings: CompressorSettings) => number,
): CompressorSettings {
  const turns = (c: CompParam) => p.controls.includes(c);
  const [low, high] = [Math.ceil(thresholdRange[0]), Math.floor(thresholdRange[1])];
  const room = (side: number) =>
    Math.max(0, side > 0 ? high - reference.thresholdDb : reference.thresholdDb - low);
  let side = rng.next() < 0.5 ? -1 : 1;
  // A reference on the edge of the range has no room on one side: the start goes to the other.
  if (turns('threshold') && room(side) < 1) side = -side;
  let best: FoundStart | null = null;
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    // Half the draws on the drawn side; a side that never comes close (no room, or a reference that barely
    // compresses past the stem's peak leaves little to undo above it) gives way to the other.
    if (draw === MAX_DRAWS / 2 && room(-side) >= 1) side = -side;
    const target = rng.range(START_DISTANCE_JNDS[0], START_DISTANCE_JNDS[1]) * JND_DB;
    const others = drawOtherKnobs(rng, p, reference);
    const found = turns('threshold')
      ? closestOnSide(others, side, room(side), target, meter)
      : { settings: others, distanceDb: meter(others) };
    const miss = Math.abs(found.distanceDb - target);
    if (miss <= START_DISTANCE_TOLERANCE * target && isFarEnough(found.distanceDb, JND_DB))
      return found.settings;
    if (isFarEnough(found.distanceDb, JND_DB) && (!best || miss < Math.abs(best.distanceDb - target)))
      best = found;
  }
  // Not reached in tests: the start closest to its drawn distance, else 12 dB to the roomier side.
  const roomier = room(1) >= room(-1) ? 1 : -1;
  return (
    best?.settings ?? {
      ...reference,
      thresholdDb: clampThreshold(reference.thresholdDb + roomier * Math.min(12, room(roomier))),
    }
  );
}

/** The reference with every knob the level turns, except the threshold, drawn from the level's range. */
function drawOtherKnobs(rng: Rng, p: CompMatchLevel, reference: CompressorSettings): CompressorSettings {
  const start: CompressorSettings = { ...reference };
  const turns = (c: CompParam) => p.controls.includes(c);
  if (turns('ratio')) start.ratio = neighbourRatio(rng, p.ratios, reference.ratio);
  if (turns('attack')) {
    const attack = logUniform(rng, p.attackMs[0], p.attackMs[1]);
    start.attackMs = tidyTime(attack, attack < 10 ? 0.5 : 1);
  }
  if (turns('release')) start.releaseMs = tidyTime(logUniform(rng, p.releaseMs[0], p.releaseMs[1]), 5);
  if (turns('makeup')) start.makeupDb = roundTo(rng.range(p.makeupDb[0], p.makeupDb[1]), 0.5);
  return start;
}

/**
 * The start's ratio: the level's ratio one step above or below the reference's (either, with equal odds, where
 * both exist). Drawn from the whole list it was on average further from the reference than the list's middle,
 * so "set the middle ratio" beat leaving it; one step away, the middle is no closer than the start.
 */
function neighbourRatio(rng: Rng, ratios: readonly number[], reference: number): number {
  const sorted = [...ratios].sort((a, b) => a - b);
  const i = sorted.indexOf(reference);
  const near = [sorted[i - 1], sorted[i + 1]].filter((r): r is number => r !== undefined);
  return i < 0 || near.length === 0 ? reference : rng.pick(near);
}

/**
 * The whole-dB threshold 1…`room` dB to `side` of the reference's (other knobs as in `others`) whose distance
 * from the reference is closest to `target`, dB: the scan stops once the distance has passed the target by
 * more than the tolerance.
 */
function closestOnSide(
  others: CompressorSettings,
  side: number,
  room: number,
  target: number,
  meter: (settings: CompressorSettings) => number,
): FoundStart {
  let best: FoundStart | null = null;
  for (let k = 1; k <= room; k++) {
    const settings = { ...others, thresholdDb: clampThreshold(others.thresholdDb + side * k) };
    const distanceDb = meter(settings);
    if (!best || Math.abs(distanceDb - target) < Math.abs(best.distanceDb - target))
      best = { settings, distanceDb };
    if (distanceDb > 1.5 * target + 1) break;
  }
  return best ?? { settings: others, distanceDb: meter(others) };
}
