/** Production or mixing? The ideal answer. */
import type { ProdOrMixAnswer, ProdOrMixQuestion } from './meta';

/** The category, with the change when asked. */
export function solve(q: ProdOrMixQuestion): ProdOrMixAnswer {
  return q.askChange ? { category: q.category, change: q.change } : { category: q.category };
}
