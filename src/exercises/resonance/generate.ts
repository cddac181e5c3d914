/** Find and cut a resonance: seeded rings per level. */
import type { Rng } from '../../dsp/random';
import { createRng } from '../../dsp/random';
import { importedProgrammeDb } from '../eq-match/imported-programme';
import { type Audibility, inaudible, isAudible } from '../shared/audibility';
import { type ImportedSongSummary, importedLoopPick, loopOf } from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { isFarEnough, MIN_START_JNDS } from '../shared/match-score';
import { roundTo } from '../shared/scoring';
import { generateSongSource } from '../shared/sources';
import { JND_DB, leftoverDb, resonanceWeights } from './distance';
import { meta, type ResonanceQuestion } from './meta';

/** Where the learner's cut starts when its frequency is free: 1 kHz. */
export const START_HZ = 1000;

/** Draws after which a ring whose start is still too close is kept anyway (never reached in tests). */
const MAX_DRAWS = 20;
/**
 * Draws on an imported song: a song may have sound in a narrow range only (a voice and a piano), where most
 * bands drawn across the level's range are not heard (each draw costs two curves: 100 take a few ms).
 */
const MAX_IMPORTED_DRAWS = 100;

function draw(seed: number, level: number, rng: Rng, song?: ImportedSongSummary): ResonanceQuestion {
  const p = levelSpec(meta, level).params;
  const [lowHz, highHz] = p.frequencyHz;
  let frequencyHz = Number((lowHz * (highHz / lowHz) ** rng.next()).toPrecision(3));
  // A ring right at the start frequency would leave nothing to sweep: move it at least a third of an octave.
  if (Math.abs(Math.log2(frequencyHz / START_HZ)) < 1 / 3)
    frequencyHz = Number((frequencyHz * 1.6).toPrecision(3));
  const ring = {
    frequencyHz,
    gainDb: roundTo(rng.range(p.gainDb[0], p.gainDb[1]), 0.5),
    q: roundTo(rng.range(p.q[0], p.q[1]), 0.5),
  };
  const depthFree = p.controls.includes('depth');
  const question: ResonanceQuestion = {
    kind: 'resonance',
    seed,
    level,
    ring,
    start: { frequencyHz: START_HZ, gainDb: depthFree ? 0 : -ring.gainDb, q: ring.q },
    controls: [...p.controls],
    source: p.source === 'pink' ? { type: 'pink' } : generateSongSource(rng.fork('source')),
  };
  if (!song) return question;
  // On an imported song every level plays a loop of it, weighed by the loop's own spectrum.
  const { loop, source } = importedLoopPick(rng.fork('loop'), song);
  return { ...question, source, programmeDb: importedProgrammeDb(song, loop) };
}

/**
 * A question for (seed, level): deterministic, plain JSON. A ring whose untouched cut is less than
 * MIN_START_JNDS just-noticeable amounts from clean (e.g. where the song has little energy) is redrawn.
 */
export function generate(seed: number, level: number): ResonanceQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed));
  for (
    let k = 1;
    k < MAX_DRAWS && !isFarEnough(leftoverDb(q.ring, q.start, resonanceWeights(q)), JND_DB);
    k++
  )
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`));
  return q;
}

/**
 * A question on an imported song (every level plays the song's loop; read from its summary): deterministic,
 * plain JSON, redrawn as on a generated song until the untouched cut is MIN_START_JNDS just-noticeable amounts
 * from clean, weighed by the loop's own spectrum (which the question carries).
 */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): ResonanceQuestion {
  const lvl = clampLevel(meta, level);
  let q = draw(seed, lvl, createRng(seed), song);
  for (let k = 1; k < MAX_IMPORTED_DRAWS && !isAudible(importedAudibility(q, song)); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`), song);
  return q;
}

/**
 * The rule every question passes, on an imported song: it plays a loop of the song whose spectrum is the one it
 * carries, and the ring with the untouched cut is at least MIN_START_JNDS just-noticeable amounts from clean.
 */
export function importedAudibility(q: ResonanceQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  if (JSON.stringify(importedProgrammeDb(song, loop)) !== JSON.stringify(q.programmeDb))
    return inaudible('its spectrum is not the loop’s');
  return { planted: leftoverDb(q.ring, q.start, resonanceWeights(q)), required: MIN_START_JNDS * JND_DB };
}
