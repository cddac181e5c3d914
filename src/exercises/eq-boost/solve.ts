/** Spot the EQ boost: the ideal answer. */
import type { EqBoostAnswer, EqBoostQuestion } from './meta';

/** The target band, with the direction when the question asks for it. */
export function solve(q: EqBoostQuestion): EqBoostAnswer {
  return q.askDirection ? { bandHz: q.targetHz, direction: q.direction } : { bandHz: q.targetHz };
}
