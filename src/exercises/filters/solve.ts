/** Filter drills: the ideal answer. */
import type { FiltersAnswer, FiltersQuestion } from './meta';

/** The right choice. */
export function solve(q: FiltersQuestion): FiltersAnswer {
  return { choice: q.correct };
}
