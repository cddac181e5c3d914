/** What changed level? Partial credit: track 50, direction 25, amount 25; direction and amount only count on the right track. */
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { LevelChangeAnswer, LevelChangeQuestion } from './meta';

/** Points per part when all three are asked (without the amount, track and direction scale to 100). */
export const WEIGHTS = { track: 50, direction: 25, amount: 25 } as const;

/**
 * Sum of the points for the parts answered right, scaled to 100 over the parts asked. The direction and the
 * amount describe the changed track, so they earn nothing when the track is wrong.
 */
export function check(q: LevelChangeQuestion, a: LevelChangeAnswer): CheckResult {
  const size = Math.abs(q.changeDb);
  const direction = q.changeDb >= 0 ? 'up' : 'down';
  const trackRight = a?.trackIndex === q.changedIndex;
  const directionRight = trackRight && a.direction === direction;
  const amountRight =
    trackRight &&
    typeof a.amountDb === 'number' &&
    Math.abs(Math.abs(a.amountDb) - size) <= q.stepDb / 2 + 1e-9;
  const possible = WEIGHTS.track + WEIGHTS.direction + (q.askAmount ? WEIGHTS.amount : 0);
  const earned =
    (trackRight ? WEIGHTS.track : 0) +
    (directionRight ? WEIGHTS.direction : 0) +
    (q.askAmount && amountRight ? WEIGHTS.amount : 0);
  const score = clampScore((100 * earned) / possible);
  const name = q.tracks[q.changedIndex]?.name ?? 'A track';
  const truth = `${name} went ${direction} by ${size} dB`;
  const correct = trackRight && directionRight && (!q.askAmount || amountRight);
  let feedback: string;
  if (correct) feedback = `Right: ${truth}.`;
  else {
    const parts = [
      trackRight ? 'track' : null,
      directionRight ? 'direction' : null,
      q.askAmount && amountRight ? 'amount' : null,
    ].filter(Boolean);
    feedback = `${truth}. ${
      parts.length > 0
        ? `You had the ${parts.join(' and ')} right.`
        : 'You picked another track, so the direction and amount could not count. Listen again, switching between A and B.'
    }`;
  }
  return {
    score,
    feedback,
    correct,
    details: {
      trackRight,
      directionRight,
      amountRight: q.askAmount ? amountRight : null,
      changeDb: q.changeDb,
    },
  };
}
