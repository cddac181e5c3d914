/** Balance the faders: the ideal answer. */
import type { FaderBalanceAnswer, FaderBalanceQuestion } from './meta';

/** The reference fader offsets. */
export function solve(q: FaderBalanceQuestion): FaderBalanceAnswer {
  return { fadersDb: [...q.referenceDb] };
}
