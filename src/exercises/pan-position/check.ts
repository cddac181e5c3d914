/** Where is it panned? 100 − 50 per position off. */
import { formatPan } from '../../dsp/pan';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { PanPositionAnswer, PanPositionQuestion } from './meta';

/** Score = 100 − 50 × |answer − target| positions, floored at 0. */
export function check(q: PanPositionQuestion, a: PanPositionAnswer): CheckResult {
  const valid =
    Number.isInteger(a.positionIndex) && a.positionIndex >= 0 && a.positionIndex < q.positionsPan.length;
  const off = valid ? Math.abs(a.positionIndex - q.targetIndex) : Number.NaN;
  const score = valid ? clampScore(100 - 50 * off) : 0;
  const target = q.positionsPan[q.targetIndex] ?? 0;
  const where = target === 0 ? 'the centre' : formatPan(target);
  let feedback: string;
  if (!valid) feedback = `No position chosen: it was at ${where}.`;
  else if (off === 0) feedback = `Right: it was at ${where}.`;
  else {
    const side = a.positionIndex < q.targetIndex ? 'left' : 'right';
    feedback = `It was at ${where}; you were ${off === 1 ? 'one position' : `${off} positions`} too far ${side}.`;
  }
  return {
    score,
    feedback,
    correct: off === 0,
    details: { positionsOff: valid ? off : null, targetPan: target },
  };
}
