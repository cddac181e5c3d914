/** Which is louder? Side right or wrong; with the amount asked, 50 for the side and 50 for the amount. */
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { LoudnessAnswer, LoudnessQuestion } from './meta';

/** "1 dB", "0.5 dB". */
export function dbWords(db: number): string {
  return `${Math.round(db * 100) / 100} dB`;
}

/** Side only: 100 or 0. Side and amount: right side ? 50 + 50 × rank credit of the amount : 0. */
export function check(q: LoudnessQuestion, a: LoudnessAnswer): CheckResult {
  const side = a && (a.side === 'A' || a.side === 'B') ? a.side : null;
  const sideRight = side === q.louderSide;
  const credit = q.askAmount && sideRight ? rankCreditOf(q.amountsDb, a.amountDb, q.differenceDb) : 0;
  const score = sideRight ? clampScore(q.askAmount ? 50 + 50 * credit : 100) : 0;
  const truth = `${q.louderSide} was ${dbWords(q.differenceDb)} louder`;
  let feedback: string;
  if (!side) feedback = `No side chosen: ${truth}.`;
  else if (!sideRight) feedback = `${truth}; you chose ${side}.`;
  else if (!q.askAmount) feedback = `Right: ${truth}.`;
  else if (credit === 1) feedback = `Right side and amount: ${truth}.`;
  else {
    const yours = typeof a.amountDb === 'number' ? dbWords(a.amountDb) : 'no amount';
    feedback = `Right side: ${truth}, not ${yours}${credit > 0 ? ' (the next amount over, so you were close)' : ''}.`;
  }
  return {
    score,
    feedback,
    correct: sideRight && (!q.askAmount || credit === 1),
    details: {
      louderSide: q.louderSide,
      differenceDb: q.differenceDb,
      answerSide: side,
      answerAmountDb: q.askAmount && Number.isFinite(a?.amountDb) ? (a.amountDb as number) : null,
    },
  };
}
