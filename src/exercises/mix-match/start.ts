/** Mix to the reference: the answer as the learner first finds it. */
import { copyTrackMix } from '../shared/mix-spec';
import type { MixMatchAnswer, MixMatchQuestion } from './meta';

/** The untouched desk (scores 0). */
export function start(q: MixMatchQuestion): MixMatchAnswer {
  return { tracks: q.start.map(copyTrackMix) };
}
