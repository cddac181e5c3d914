/** How long is the reverb? Right 100; with pre-delay asked, 50 each. */
import type { CheckResult } from '../types';
import type { ReverbTimeAnswer, ReverbTimeQuestion } from './meta';

function seconds(s: number): string {
  return `${s} s`;
}

/** Decay right = 100 (or 50 when the pre-delay is asked too, and 50 more for the right pre-delay). */
export function check(q: ReverbTimeQuestion, a: ReverbTimeAnswer): CheckResult {
  const decayRight = a.decayS === q.reverb.decayS;
  const preDelayRight = q.askPreDelay ? a.preDelayMs === q.reverb.preDelayMs : true;
  const score = q.askPreDelay ? (decayRight ? 50 : 0) + (preDelayRight ? 50 : 0) : decayRight ? 100 : 0;
  const truth = q.askPreDelay
    ? `a ${seconds(q.reverb.decayS)} decay after ${q.reverb.preDelayMs} ms of pre-delay`
    : `a ${seconds(q.reverb.decayS)} decay`;
  const correct = decayRight && preDelayRight;
  let feedback = correct ? `Right: ${truth}.` : `It was ${truth}.`;
  if (!correct && q.askPreDelay && (decayRight || preDelayRight)) {
    feedback += ` You had the ${decayRight ? 'decay' : 'pre-delay'} right.`;
  }
  return {
    score,
    feedback,
    correct,
    details: { decayRight, preDelayRight: q.askPreDelay ? preDelayRight : null },
  };
}
