/** Two EQ moves at once: the ideal answer. */
import type { EqTwoBandsAnswer, EqTwoBandsQuestion } from './meta';

/** The boosted band and the cut band. */
export function solve(q: EqTwoBandsQuestion): EqTwoBandsAnswer {
  return { boostHz: q.boostHz, cutHz: q.cutHz };
}
