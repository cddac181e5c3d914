/** Match the compressor: the answer as the learner first finds it. */
import type { CompMatchAnswer, CompMatchQuestion } from './meta';

/** The compressor as first shown: the question's start settings (scores 0). */
export function start(q: CompMatchQuestion): CompMatchAnswer {
  return { ...q.start };
}
