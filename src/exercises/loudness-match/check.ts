/** Set B to the same loudness: the share of the level difference closed (JND 0.5 dB). */
import { JND_DB } from '../shared/audibility';
import { matchResult } from '../shared/match-score';
import { roundDetail } from '../shared/scoring';
import type { CheckResult } from '../types';
import type { LoudnessMatchAnswer, LoudnessMatchQuestion } from './meta';

/** The learner's fader, dB (a missing or NaN fader counts as its start, 0). */
export function faderOf(a: LoudnessMatchAnswer | undefined): number {
  const v = a?.offsetDb;
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Start 0, the matching offset 100, halfway about 50; right within 1 dB. */
export function check(q: LoudnessMatchQuestion, a: LoudnessMatchAnswer): CheckResult {
  const offset = faderOf(a) - q.referenceDb;
  const d = Math.abs(offset);
  const d0 = Math.abs(q.referenceDb);
  const hint = d > JND_DB ? `B is now about ${d.toFixed(1)} dB too ${offset > 0 ? 'loud' : 'quiet'}.` : null;
  return matchResult(d, d0, JND_DB, { subject: 'Your level' }, null, hint, {
    offsetDb: roundDetail(offset),
  });
}
