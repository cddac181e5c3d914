/** Where is it panned? The ideal answer. */
import type { PanPositionAnswer, PanPositionQuestion } from './meta';

/** The target position. */
export function solve(q: PanPositionQuestion): PanPositionAnswer {
  return { positionIndex: q.targetIndex };
}
