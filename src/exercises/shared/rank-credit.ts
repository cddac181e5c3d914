/**
 * Distance credit for ordered choices (decay times, note values, amounts of compression): the right choice
 * earns full credit, the neighbouring choice on either side a part of it, anything further nothing. Steep
 * enough that no fixed pick passes: always choosing the middle of three earns 56 on average, guessing about 48.
 */

/** Share of the credit for an answer one choice away from the right one. */
export const NEIGHBOUR_SHARE = 1 / 3;

/** Credit 0 … 1 for the answer at `answerIndex` when the right one is at `rightIndex` (−1 = not a choice: 0). */
export function rankCredit(answerIndex: number, rightIndex: number): number {
  if (answerIndex < 0 || rightIndex < 0) return 0;
  const steps = Math.abs(answerIndex - rightIndex);
  return steps === 0 ? 1 : steps === 1 ? NEIGHBOUR_SHARE : 0;
}

/**
 * rankCredit for values in an ordered list of choices (compared with ===). With only two choices a neighbour is
 * the one wrong answer, so two-way questions stay right-or-wrong.
 */
export function rankCreditOf<T>(choices: readonly T[], answer: unknown, right: T): number {
  const a = choices.indexOf(answer as T);
  const r = choices.indexOf(right);
  if (choices.length < 3) return a >= 0 && a === r ? 1 : 0;
  return rankCredit(a, r);
}
