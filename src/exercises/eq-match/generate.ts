/** Match the EQ: seeded reference bands per level. */
import { OCTAVE_CENTRES } from '../../dsp/bands';
import type { Rng } from '../../dsp/random';
import { createRng } from '../../dsp/random';
import type { Hz } from '../../dsp/units';
import { type Audibility, inaudible, isAudible } from '../shared/audibility';
import { type ImportedSongSummary, importedLoopPick, loopOf } from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { isFarEnough, MIN_START_JNDS } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { distanceFromReference, JND_DB } from './check';
import { importedProgrammeDb } from './imported-programme';
import { type EqControl, type EqMatchQuestion, type EqMatchType, meta } from './meta';

/** Where the learner's active knobs start: flat, at 1 kHz, Q 1. */
export const EQ_MATCH_START = { frequencyHz: 1000, gainDb: 0, q: 1 } as const;

/** Shelves live where shelves are used: low shelves up to 500 Hz, high shelves from 2 kHz. */
const SHELF_RANGE: Record<Exclude<EqMatchType, 'peaking'>, [Hz, Hz]> = {
  lowshelf: [60, 500],
  highshelf: [2000, 12000],
};

function logUniform(rng: Rng, low: number, high: number): number {
  return low * (high / low) ** rng.next();
}

/** Three significant figures: 1234.5 → 1230. */
function threeFigures(x: number): number {
  return Number(x.toPrecision(3));
}

/** Draws after which a band whose start still sounds too close is accepted anyway (never reached in tests). */
const MAX_DRAWS = 20;
/**
 * Draws on an imported song: a song may have sound in a narrow range only (a voice and a piano), where most
 * bands drawn across the level's range are not heard (each draw costs two curves: 100 take a few ms).
 */
const MAX_IMPORTED_DRAWS = 100;

/**
 * A question for (seed, level): deterministic, plain JSON. A draw whose start sounds too close to the reference
 * (less than MIN_START_JNDS just-noticeable amounts, e.g. a shelf where the song has little energy) is redrawn.
 */
export function generate(seed: number, level: number): EqMatchQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed));
  for (let k = 1; k < MAX_DRAWS && !isFarEnough(distanceFromReference(q, q.start), JND_DB); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`));
  return q;
}

/**
 * A question on an imported song (every level plays the song's loop; read from its summary): deterministic,
 * plain JSON, redrawn as on a generated song until its start is MIN_START_JNDS just-noticeable amounts from the
 * reference, weighed by the loop's own spectrum (which the question carries).
 */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): EqMatchQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed), song);
  for (let k = 1; k < MAX_IMPORTED_DRAWS && !isAudible(importedAudibility(q, song)); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`), song);
  return q;
}

/**
 * The rule every question passes, on an imported song: it plays a loop of the song whose spectrum is the one it
 * carries, and its start is at least MIN_START_JNDS just-noticeable amounts from the reference (weighed by it).
 */
export function importedAudibility(q: EqMatchQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  const programme = importedProgrammeDb(song, loop);
  if (JSON.stringify(programme) !== JSON.stringify(q.programmeDb))
    return inaudible('its spectrum is not the loop’s');
  return { planted: distanceFromReference(q, q.start), required: MIN_START_JNDS * JND_DB };
}

function draw(seed: number, lvl: number, rng: Rng, song?: ImportedSongSummary): EqMatchQuestion {
  const p = levelSpec(meta, lvl).params;
  const type = rng.pick(p.types);
  let frequencyHz: Hz;
  if (p.octaveFrequencies)
    frequencyHz = rng.pick(OCTAVE_CENTRES.filter((f) => f >= p.frequencyHz[0] && f <= p.frequencyHz[1]));
  else {
    const [low, high] = type === 'peaking' ? p.frequencyHz : SHELF_RANGE[type];
    frequencyHz = threeFigures(logUniform(rng, low, high));
  }
  const size = roundTo(rng.range(p.gainDb[0], p.gainDb[1]), 0.5);
  const gainDb = rng.chance(0.5) ? -size : size;
  const q = type === 'peaking' ? roundTo(logUniform(rng, p.q[0], p.q[1]), 0.1) : 1;
  const controls: EqControl[] = p.controls.filter((c) => c !== 'q' || type === 'peaking');
  const start = {
    frequencyHz: controls.includes('frequency') ? EQ_MATCH_START.frequencyHz : frequencyHz,
    gainDb: controls.includes('gain') ? EQ_MATCH_START.gainDb : gainDb,
    q: controls.includes('q') ? EQ_MATCH_START.q : q,
  };
  if (song) {
    const { loop, source } = importedLoopPick(rng.fork('loop'), song);
    const programmeDb = importedProgrammeDb(song, loop);
    return {
      kind: 'eq-match',
      seed,
      level: lvl,
      reference: { type, frequencyHz, gainDb, q },
      start,
      controls,
      source,
      programmeDb,
    };
  }
  return {
    kind: 'eq-match',
    seed,
    level: lvl,
    reference: { type, frequencyHz, gainDb, q },
    start,
    controls,
    source: p.source === 'pink' ? { type: 'pink' } : generateSongSource(rng.fork('source')),
  };
}
