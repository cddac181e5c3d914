/** Where is it panned? Scored by the share of the stereo width the answer is off. */
import { formatPan } from '../../dsp/pan';
import { clampScore, roundDetail } from '../shared/scoring';
import type { CheckResult } from '../types';
import { type PanPositionAnswer, type PanPositionQuestion, ZERO_SCORE_SHARE } from './meta';

/** Share of the stereo width (hard left to hard right = 1) between two pan positions (−1 … 1). */
export function widthShare(a: number, b: number): number {
  return Math.abs(a - b) / 2;
}

/**
 * Score = max(0, 100·(1 − off / ⅓)), off = |answer pan − target pan| / 2 (the share of the stereo width):
 * 3 points per 1 % of the width. One position off costs 75 at 5 positions, 50 at 7 and 25 at 13.
 * Right (`correct`) only for the exact position.
 */
export function check(q: PanPositionQuestion, a: PanPositionAnswer): CheckResult {
  const valid =
    Number.isInteger(a.positionIndex) && a.positionIndex >= 0 && a.positionIndex < q.positionsPan.length;
  const target = q.positionsPan[q.targetIndex] ?? 0;
  const chosen = valid ? (q.positionsPan[a.positionIndex] ?? 0) : Number.NaN;
  const off = valid ? widthShare(chosen, target) : Number.NaN;
  const steps = valid ? Math.abs(a.positionIndex - q.targetIndex) : Number.NaN;
  const score = valid ? clampScore(100 * (1 - off / ZERO_SCORE_SHARE)) : 0;
  const where = target === 0 ? 'the centre' : formatPan(target);
  let feedback: string;
  if (!valid) feedback = `No position chosen: it was at ${where}.`;
  else if (steps === 0) feedback = `Right: it was at ${where}.`;
  else {
    const side = a.positionIndex < q.targetIndex ? 'left' : 'right';
    const positions = steps === 1 ? 'one position' : `${steps} positions`;
    feedback = `It was at ${where}; you were ${positions} too far ${side}, ${Math.round(off * 100)} % of the way from hard left to hard right.`;
  }
  return {
    score,
    feedback,
    correct: steps === 0,
    details: {
      positionsOff: valid ? steps : null,
      widthOff: valid ? roundDetail(off) : null,
      targetPan: target,
    },
  };
}
