/** Balance the faders: scored by the share of the balance error (overall level removed) the learner closed. */
import { matchResult } from '../shared/match-score';
import { roundDetail } from '../shared/scoring';
import type { CheckResult } from '../types';
import { balanceError } from './balance';
import type { FaderBalanceAnswer, FaderBalanceQuestion } from './meta';

/** The just-noticeable balance error, dB: at or below it the balance sounds the same (score 100). */
export const JND_DB = 1;

/** Share of the balance error closed from the scrambled start (0) to the reference (100); names the track furthest out. */
export function check(q: FaderBalanceQuestion, a: FaderBalanceAnswer): CheckResult {
  // A fader the learner never touched (missing or not a number) stays where it started; −∞ is "very low".
  const given: unknown[] = Array.isArray(a?.fadersDb) ? a.fadersDb : [];
  const faders = q.referenceDb.map((_, i) => {
    const v = given[i];
    return typeof v === 'number' && !Number.isNaN(v) ? v : (q.startDb[i] as number);
  });
  const { errorDb, deviationsDb, offsetDb } = balanceError(faders, q.referenceDb);
  const startError = balanceError(q.startDb, q.referenceDb).errorDb;
  let worst = 0;
  deviationsDb.forEach((d, i) => {
    if (Math.abs(d) > Math.abs(deviationsDb[worst] ?? 0)) worst = i;
  });
  const dev = deviationsDb[worst] ?? 0;
  const name = q.tracks[worst]?.name ?? 'One track';
  const hint =
    errorDb > JND_DB
      ? `${name} is furthest out: about ${Math.abs(dev).toFixed(1)} dB too ${dev > 0 ? 'loud' : 'quiet'} against the rest.`
      : null;
  return matchResult(
    errorDb,
    startError,
    JND_DB,
    { subject: 'Your balance' },
    errorDb > JND_DB ? (q.tracks[worst]?.id ?? null) : null,
    hint,
    { errorDb: roundDetail(errorDb), offsetDb: roundDetail(offsetDb) },
  );
}
