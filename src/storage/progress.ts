import { toStorageError } from './errors';
import type { HeadroomDb } from './open';
import type { Attempt, Progress } from './schema';

/** A score at or above this counts towards a streak. */
export const STREAK_PASS_SCORE = 70;
const MAX_DAYS = 400;

/** The UTC day number of an epoch-millisecond time. */
export function dayNumber(at: number): number {
  return Math.floor(at / 86_400_000);
}

/** Folds one attempt into the running progress for its profile and exercise (pure). */
export function nextProgress(previous: Progress | undefined, attempt: Attempt): Progress {
  const base: Progress = previous ?? {
    profileId: attempt.profileId,
    exercise: attempt.exercise,
    skill: attempt.skill,
    attempts: 0,
    totalScore: 0,
    bestScore: 0,
    streak: 0,
    lastAt: 0,
    days: [],
  };
  const day = dayNumber(attempt.at);
  const days = base.days.at(-1) === day ? base.days : [...base.days, day].slice(-MAX_DAYS);
  return {
    ...base,
    attempts: base.attempts + 1,
    totalScore: base.totalScore + attempt.score,
    bestScore: Math.max(base.bestScore, attempt.score),
    streak: attempt.score >= STREAK_PASS_SCORE ? base.streak + 1 : 0,
    lastAt: Math.max(base.lastAt, attempt.at),
    days,
  };
}

/** Reads the progress of one profile across every exercise. */
export async function listProgress(db: HeadroomDb, profileId: string): Promise<Progress[]> {
  try {
    return await db.getAllFromIndex('progress', 'byProfile', profileId);
  } catch (error) {
    throw toStorageError(error);
  }
}
