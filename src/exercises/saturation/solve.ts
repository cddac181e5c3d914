/** Saturation drills: the ideal answer. */
import type { SaturationAnswer, SaturationQuestion } from './meta';

/** The right choice. */
export function solve(q: SaturationQuestion): SaturationAnswer {
  return { choice: q.correct };
}
