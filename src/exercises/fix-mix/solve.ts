/** Fix this mix: the ideal answer. */
import { copyTrackMix } from '../shared/mix-spec';
import type { FixMixAnswer, FixMixQuestion } from './meta';

/** Every planted fault named (on its track where one is asked) and the good mix on the desk. */
export function solve(q: FixMixQuestion): FixMixAnswer {
  return {
    faults: q.faults.map((f) => (f.track ? { fault: f.fault, track: f.track } : { fault: f.fault })),
    tracks: q.reference.map(copyTrackMix),
  };
}
