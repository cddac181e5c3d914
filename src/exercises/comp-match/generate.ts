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

/** How far the start's threshold sits from the reference's, dB (whole dB, either side). */
export const START_THRESHOLD_OFFSET_DB: readonly [Decibels, Decibels] = [6, 20];

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
  let q = ask(ref, drawStart(createRng(seed).fork('start'), p, ref, thresholdRange));
  const meter = createTraceMeter(q);
  for (let k = 1; k < MAX_DRAWS && !isFarEnough(meter(q.start), JND_DB); k++)
    q = ask(ref, drawStart(createRng(seed).fork(`start-${k}`), p, ref, thresholdRange));
  return q;
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

/**
 * Where the learner's knobs start, drawn from `rng` so the start tells little about the reference: the
 * threshold a seeded 6–20 dB above or below the reference's, within `thresholdRange` (sometimes compressing
 * more, sometimes less), every other knob the level turns drawn from the level's own range, independently of
 * the reference. Knobs the level does not turn sit on the reference.
 */
export function drawStart(
  rng: Rng,
  p: CompMatchLevel,
  reference: CompressorSettings,
  thresholdRange: readonly [Decibels, Decibels] = p.thresholdDb,
): CompressorSettings {
  const start: CompressorSettings = { ...reference };
  const turns = (c: CompParam) => p.controls.includes(c);
  if (turns('threshold')) {
    // Either side of the reference (as the knob's room allows), a seeded START_THRESHOLD_OFFSET_DB away.
    const [low, high] = [Math.ceil(thresholdRange[0]), Math.floor(thresholdRange[1])];
    const room = (side: number) => (side > 0 ? high - reference.thresholdDb : reference.thresholdDb - low);
    const [near, far] = START_THRESHOLD_OFFSET_DB;
    let side = rng.next() < 0.5 ? -1 : 1;
    if (room(side) < near) side = -side;
    const offset = rng.int(near, Math.max(near, Math.min(far, room(side))));
    start.thresholdDb = clampThreshold(reference.thresholdDb + side * offset);
  }
  if (turns('ratio')) start.ratio = rng.pick(p.ratios);
  if (turns('attack')) {
    const attack = logUniform(rng, p.attackMs[0], p.attackMs[1]);
    start.attackMs = tidyTime(attack, attack < 10 ? 0.5 : 1);
  }
  if (turns('release')) start.releaseMs = tidyTime(logUniform(rng, p.releaseMs[0], p.releaseMs[1]), 5);
  if (turns('makeup')) start.makeupDb = roundTo(rng.range(p.makeupDb[0], p.makeupDb[1]), 0.5);
  return start;
}
