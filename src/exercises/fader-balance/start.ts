/** Balance the faders: the answer as the learner first finds it. */
import type { FaderBalanceAnswer, FaderBalanceQuestion } from './meta';

/** The faders as first shown: the scrambled start (scores 0). */
export function start(q: FaderBalanceQuestion): FaderBalanceAnswer {
  return { fadersDb: [...q.startDb] };
}
