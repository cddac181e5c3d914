/** Stereo width drills: the ideal answer. */
import type { StereoWidthAnswer, StereoWidthQuestion } from './meta';

/** The right choice. */
export function solve(q: StereoWidthQuestion): StereoWidthAnswer {
  return { choice: q.correct };
}
