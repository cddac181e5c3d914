/** Match the EQ: the ideal answer. */
import type { EqMatchAnswer, EqMatchQuestion } from './meta';

/** The reference band's settings. */
export function solve(q: EqMatchQuestion): EqMatchAnswer {
  const { frequencyHz, gainDb, q: bandQ } = q.reference;
  return { frequencyHz, gainDb, q: bandQ };
}
