/** Mix to the reference: the ideal answer. */
import { copyTrackMix } from '../shared/mix-spec';
import type { MixMatchAnswer, MixMatchQuestion } from './meta';

/** The reference mix. */
export function solve(q: MixMatchQuestion): MixMatchAnswer {
  return { tracks: q.reference.map(copyTrackMix) };
}
