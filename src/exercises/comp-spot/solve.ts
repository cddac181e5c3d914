/** Compression drills: the ideal answer. */
import type { CompSpotAnswer, CompSpotQuestion } from './meta';

/** The right choice. */
export function solve(q: CompSpotQuestion): CompSpotAnswer {
  return { choice: q.correct };
}
