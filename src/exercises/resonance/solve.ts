/** Find and cut a resonance: the ideal answer. */
import type { ResonanceAnswer, ResonanceQuestion } from './meta';

/** A cut at the ring's frequency, as deep as the ring is high, with its Q: the exact inverse. */
export function solve(q: ResonanceQuestion): ResonanceAnswer {
  return { frequencyHz: q.ring.frequencyHz, gainDb: -q.ring.gainDb, q: q.ring.q };
}
