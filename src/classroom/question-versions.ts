/**
 * Which Headroom version makes today's questions of each exercise from a seed. A kind whose generator changed
 * makes other questions from the same seed, so an answer from a report made before that version cannot be
 * marked again here: the re-check says so instead of calling an honest score a mismatch.
 */
import type { ExerciseId } from '../exercises/registry';

/**
 * The first version whose questions of each kind match this one's (kinds not listed: every version's do).
 * Add a kind here, and raise package.json's version, whenever its questions for a seed change.
 */
export const QUESTIONS_SINCE: Readonly<Partial<Record<ExerciseId, string>>> = {
  'comp-match': '0.3.0',
  'fix-mix': '0.3.0',
  'mix-match': '0.3.0',
};

/**
 * A version's three numbers, written as Headroom writes them ("0.2.0": no spaces, leading zeros or suffix), or
 * null when it is not one: then nothing is assumed about it and its answers are marked again as usual.
 */
export function parseVersion(v: string): [number, number, number] | null {
  const n = '(0|[1-9]\\d{0,5})';
  const m = new RegExp(`^${n}\\.${n}\\.${n}$`).exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** −1, 0 or 1 as version a is older than, the same as or newer than b; null when either is not a version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | null {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return null;
  for (let i = 0; i < 3; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/**
 * The version since which `exercise`'s questions are this version's, when a report made by `madeBy` predates
 * it (its questions were other ones); null when its questions are the ones made here.
 */
export function questionsChangedSince(exercise: string, madeBy: string): string | null {
  const since = QUESTIONS_SINCE[exercise as ExerciseId];
  if (since === undefined) return null;
  return compareVersions(madeBy, since) === -1 ? since : null;
}
