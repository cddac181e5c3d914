/** Reverb type and size: the ideal answer. */
import type { ReverbTypeAnswer, ReverbTypeQuestion } from './meta';

/** The right choice. */
export function solve(q: ReverbTypeQuestion): ReverbTypeAnswer {
  return { choice: q.correct };
}
