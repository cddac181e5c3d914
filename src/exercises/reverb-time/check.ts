/** How long is the reverb? Distance credit on the ordered decay (and pre-delay) choices. */
import { rankCreditOf } from '../shared/rank-credit';
import { clampScore } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from './meta';

function seconds(s: number): string {
  return `${s} s`;
}

/**
 * Decay worth 100 (50 when the pre-delay is asked too, and the pre-delay the other 50); each part gets full
 * credit when right, a third of it for the neighbouring choice, nothing further off.
 */
export function check(q: ReverbTimeQuestion, a: ReverbTimeAnswer): CheckResult {
  const decayRight = a?.decayS === q.reverb.decayS;
  const preDelayRight = q.askPreDelay ? a?.preDelayMs === q.reverb.preDelayMs : true;
  const decayCredit = rankCreditOf(q.decayChoicesS, a?.decayS, q.reverb.decayS);
  const preDelayCredit = q.askPreDelay
    ? rankCreditOf(q.preDelayChoicesMs, a?.preDelayMs, q.reverb.preDelayMs)
    : 0;
  const score = clampScore(q.askPreDelay ? 50 * decayCredit + 50 * preDelayCredit : 100 * decayCredit);
  const truth = q.askPreDelay
    ? `a ${seconds(q.reverb.decayS)} decay after ${q.reverb.preDelayMs} ms of pre-delay`
    : `a ${seconds(q.reverb.decayS)} decay`;
  const correct = decayRight && preDelayRight;
  let feedback = correct ? `Right: ${truth}.` : `It was ${truth}.`;
  if (!correct) {
    const near: string[] = [];
    if (decayRight) near.push('the decay was right');
    else if (decayCredit > 0) near.push(`your decay (${seconds(a.decayS)}) was the next choice over`);
    if (q.askPreDelay) {
      if (preDelayRight) near.push('the pre-delay was right');
      else if (preDelayCredit > 0) near.push(`your pre-delay (${a.preDelayMs} ms) was the next choice over`);
    }
    if (near.length > 0) feedback += ` Close: ${near.join(', and ')}.`;
  }
  return {
    score,
    feedback,
    correct,
    details: { decayRight, preDelayRight: q.askPreDelay ? preDelayRight : null },
  };
}
