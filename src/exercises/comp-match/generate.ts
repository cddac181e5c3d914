/** Match the compressor: seeded reference settings and stems per level. */
import type { CompressorSettings } from '../../dsp/compressor';
import { createRng, type Rng } from '../../dsp/random';
import { clampLevel, levelSpec } from '../shared/levels';
import { isFarEnough } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { createTraceMeter, JND_DB } from './check';
import { COMP_FIELD, type CompMatchLevel, type CompMatchQuestion, meta } from './meta';

/** Soft knee width used by every comp-match question, dB. */
export const COMP_MATCH_KNEE_DB = 6;

/** The stem excerpt is the first two bars of the chorus (3.4 … 7.3 s): what the learner loops is what is scored. */
export const COMP_MATCH_EXCERPT_BARS = 2;

/** Where the learner's active knobs start: no compression yet, middling times. */
export const COMP_MATCH_START: CompressorSettings = {
  thresholdDb: 0,
  ratio: 2,
  kneeDb: COMP_MATCH_KNEE_DB,
  attackMs: 10,
  releaseMs: 120,
  makeupDb: 0,
};

function logUniform(rng: Rng, low: number, high: number): number {
  return low * (high / low) ** rng.next();
}

/** Attack to 0.5 ms below 10 ms, else whole ms; release to 5 ms: values a knob can show. */
function tidyTime(ms: number, step: number): number {
  return Math.max(step, roundTo(ms, step));
}

/** Draws after which a question whose start still sounds too close is accepted anyway (not reached in tests). */
const MAX_DRAWS = 12;

/**
 * A question for (seed, level): deterministic, plain JSON. A draw whose untouched compressor already sounds
 * like the reference on its stem (less than MIN_START_JNDS just-noticeable amounts: a threshold the stem
 * barely reaches, a part that rests through the excerpt) is redrawn; measuring renders the stem (cached).
 */
export function generate(seed: number, level: number): CompMatchQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed));
  for (let k = 1; k < MAX_DRAWS && !isFarEnough(createTraceMeter(q)(q.start), JND_DB); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`));
  return q;
}

/**
 * A level's reference and start settings, drawn from `rng`; `threshold` maps a threshold on a generated solo
 * stem (the drawn reference's, and the start's 0 dBFS) to the question's (identity for generated stems).
 */
export function drawSettings(
  rng: Rng,
  p: CompMatchLevel,
  threshold: (drawnDb: number) => number = (db) => db,
): Pick<CompMatchQuestion, 'reference' | 'start' | 'controls'> {
  const attack = logUniform(rng, p.attackMs[0], p.attackMs[1]);
  const reference: CompressorSettings = {
    thresholdDb: threshold(rng.int(p.thresholdDb[0], p.thresholdDb[1])),
    ratio: rng.pick(p.ratios),
    kneeDb: COMP_MATCH_KNEE_DB,
    attackMs: tidyTime(attack, attack < 10 ? 0.5 : 1),
    releaseMs: tidyTime(logUniform(rng, p.releaseMs[0], p.releaseMs[1]), 5),
    makeupDb: roundTo(rng.range(p.makeupDb[0], p.makeupDb[1]), 0.5),
  };
  const controls = [...p.controls];
  const start: CompressorSettings = { ...reference };
  for (const c of controls) start[COMP_FIELD[c]] = COMP_MATCH_START[COMP_FIELD[c]];
  start.thresholdDb = controls.includes('threshold')
    ? threshold(COMP_MATCH_START.thresholdDb)
    : reference.thresholdDb;
  return { reference, start, controls };
}

function draw(seed: number, lvl: number, rng: Rng): CompMatchQuestion {
  const p = levelSpec(meta, lvl).params;
  const { reference, start, controls } = drawSettings(rng, p);
  const track = rng.pick(p.tracks);
  return {
    kind: 'comp-match',
    seed,
    level: lvl,
    reference,
    start,
    controls,
    stem: { ...generateSongSource(rng.fork('source'), { excerptBars: COMP_MATCH_EXCERPT_BARS }), track },
  };
}
