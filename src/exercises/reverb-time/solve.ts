/** How long is the reverb? The ideal answer. */
import type { ReverbTimeAnswer, ReverbTimeQuestion } from './meta';

/** The decay time, with the pre-delay when asked. */
export function solve(q: ReverbTimeQuestion): ReverbTimeAnswer {
  return q.askPreDelay
    ? { decayS: q.reverb.decayS, preDelayMs: q.reverb.preDelayMs }
    : { decayS: q.reverb.decayS };
}
