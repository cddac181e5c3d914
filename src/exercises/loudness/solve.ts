/** Which is louder? The ideal answer. */
import type { LoudnessAnswer, LoudnessQuestion } from './meta';

/** The louder side, with the amount when the question asks for it. */
export function solve(q: LoudnessQuestion): LoudnessAnswer {
  return q.askAmount ? { side: q.louderSide, amountDb: q.differenceDb } : { side: q.louderSide };
}
