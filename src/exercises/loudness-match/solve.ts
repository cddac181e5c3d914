/** Set B to the same loudness: the ideal answer. */
import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from './meta';

/** B's fader at the matching offset. */
export function solve(q: LoudnessMatchQuestion): LoudnessMatchAnswer {
  return { offsetDb: q.referenceDb };
}
