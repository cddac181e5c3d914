/** Find and cut a resonance: the answer as the learner first finds it. */
import type { ResonanceAnswer, ResonanceQuestion } from './meta';

/** The cut as first shown: the question's start (no cut, or a set depth at 1 kHz); scores 0. */
export function start(q: ResonanceQuestion): ResonanceAnswer {
  return { ...q.start };
}
