/** Which delay time? The ideal answer. */
import type { DelayTimeAnswer, DelayTimeQuestion } from './meta';

/** The delay's note value. */
export function solve(q: DelayTimeQuestion): DelayTimeAnswer {
  return { note: q.note };
}
