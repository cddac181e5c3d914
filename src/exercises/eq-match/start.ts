/** Match the EQ: the answer as the learner first finds it. */
import type { EqMatchAnswer, EqMatchQuestion } from './meta';

/** The band as first shown: the question's start settings (scores 0). */
export function start(q: EqMatchQuestion): EqMatchAnswer {
  return { ...q.start };
}
