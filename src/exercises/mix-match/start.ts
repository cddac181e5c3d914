/** Mix to the reference: the answer as the learner first finds it. */
import { copyTrackMix } from '../shared/mix-spec';
import type { MixMatchAnswer, MixMatchQuestion } from './meta';

/** The desk as found: the usual mix in the graded dimensions (scores 0). */
export function start(q: MixMatchQuestion): MixMatchAnswer {
  return { tracks: q.start.map(copyTrackMix) };
}
