/** Set B to the same loudness: the answer as the learner first finds it. */
import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from './meta';

/** B's fader where it starts: 0 (scores 0). */
export function start(_q: LoudnessMatchQuestion): LoudnessMatchAnswer {
  return { offsetDb: 0 };
}
