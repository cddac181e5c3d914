/** Match the compressor: the ideal answer. */
import type { CompMatchAnswer, CompMatchQuestion } from './meta';

/** The reference compressor's settings. */
export function solve(q: CompMatchQuestion): CompMatchAnswer {
  return { ...q.reference };
}
