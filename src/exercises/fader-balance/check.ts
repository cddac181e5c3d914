/** Balance the faders: scoring by the offset-free balance error. */
import { distanceScore, roundDetail } from '../shared/scoring';
import type { CheckResult } from '../types';
import { balanceError } from './balance';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from './meta';

/** Balance error at or below which the score is 100, dB. */
export const PERFECT_DB = 1;
/** Balance error at or above which the score is 0, dB. */
export const ZERO_DB = 6;

/** Score 100 at E ≤ 1 dB, 0 at E ≥ 6 dB, linear between; the overall level does not count. */
export function check(q: FaderBalanceQuestion, a: FaderBalanceAnswer): CheckResult {
  // A fader the learner never touched (missing entry) stays where it started.
  const faders = q.referenceDb.map((_, i) => {
    const v = Array.isArray(a.fadersDb) ? a.fadersDb[i] : undefined;
    return typeof v === 'number' ? v : (q.startDb[i] as number);
  });
  const { errorDb, deviationsDb, offsetDb } = balanceError(faders, q.referenceDb);
  const score = distanceScore(errorDb, PERFECT_DB, ZERO_DB);
  let worst = 0;
  deviationsDb.forEach((d, i) => {
    if (Math.abs(d) > Math.abs(deviationsDb[worst] ?? 0)) worst = i;
  });
  const dev = deviationsDb[worst] ?? 0;
  const name = q.tracks[worst]?.name ?? 'One track';
  let feedback: string;
  if (errorDb <= PERFECT_DB)
    feedback = `Balanced: your faders are within ${errorDb.toFixed(1)} dB (RMS) of the reference.`;
  else {
    feedback = `Your balance is ${errorDb.toFixed(1)} dB (RMS) off. ${name} is furthest out: ${Math.abs(dev).toFixed(1)} dB too ${dev > 0 ? 'loud' : 'quiet'} against the rest.`;
  }
  return {
    score,
    feedback,
    correct: score >= 80,
    details: {
      errorDb: roundDetail(errorDb),
      offsetDb: roundDetail(offsetDb),
      deviationsDb: deviationsDb.map(roundDetail),
      furthestOff: q.tracks[worst]?.id ?? null,
    },
  };
}
