/** Spot the EQ boost: scoring by octaves off, minus 25 for a wrong boost/cut. */
import { formatHz } from '../../dsp/bands';
import type { Hz } from '../../dsp/units';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import { bandList } from './generate';
import type { EqBoostAnswer, EqBoostQuestion, EqResolution } from './meta';

/** Index of the band on the resolution's list nearest to `hz` (log distance); NaN for a non-positive input. */
export function bandIndex(hz: Hz, resolution: EqResolution): number {
  if (!(hz > 0) || !Number.isFinite(hz)) return Number.NaN;
  const list = bandList(resolution);
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  list.forEach((centre, i) => {
    const d = Math.abs(Math.log2(hz / centre));
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}

/** Octaves between two bands, counted on the band list: 1 per octave step, ⅓ per third-octave step. */
export function octavesBetween(a: Hz, b: Hz, resolution: EqResolution): number {
  const steps = Math.abs(bandIndex(a, resolution) - bandIndex(b, resolution));
  return resolution === 'octave' ? steps : steps / 3;
}

function octaveWords(octaves: number): string {
  const thirds = Math.round(octaves * 3);
  if (thirds % 3 === 0) return thirds === 3 ? 'one octave' : `${thirds / 3} octaves`;
  return thirds === 1 ? 'a third of an octave' : `${thirds} third-octaves`;
}

/** Score = 100 − 50 × octaves off − 25 for a wrong direction (when asked), floored at 0, rounded. */
export function check(q: EqBoostQuestion, a: EqBoostAnswer): CheckResult {
  const octaves = octavesBetween(a.bandHz, q.targetHz, q.resolution);
  const missing = Number.isNaN(octaves);
  const directionRight = !q.askDirection || a.direction === q.direction;
  const raw = missing ? 0 : 100 - 50 * octaves - (directionRight ? 0 : 25);
  const score = clampScore(raw);
  const bandRight = octaves === 0;
  const what = q.direction === 'cut' ? 'cut' : 'boost';
  let feedback: string;
  if (missing) feedback = `No band chosen: the ${what} was at ${formatHz(q.targetHz)}.`;
  else if (bandRight) feedback = `Right band: the ${what} was at ${formatHz(q.targetHz)}.`;
  else {
    const side = a.bandHz < q.targetHz ? 'too low' : 'too high';
    feedback = `The ${what} was at ${formatHz(q.targetHz)}; you chose ${formatHz(a.bandHz)}, ${octaveWords(octaves)} ${side}.`;
  }
  if (q.askDirection && !directionRight)
    feedback += ` It was a ${what}, not a ${what === 'cut' ? 'boost' : 'cut'}.`;
  return {
    score,
    feedback,
    correct: bandRight && directionRight,
    details: {
      targetHz: q.targetHz,
      answerHz: missing ? null : (bandList(q.resolution)[bandIndex(a.bandHz, q.resolution)] as number),
      octavesOff: missing ? null : octaves,
      directionRight,
    },
  };
}
