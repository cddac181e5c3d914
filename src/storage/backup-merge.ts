/**
 * How a merge restore combines a record on this device with the same record from a backup. Pure.
 *
 * - settings, profiles, reports, songs: same key = the same thing; this device's copy stays.
 * - attempts: the same answer (every field but the auto-numbered id) is kept once; new ones are added.
 * - progress: recomputed from all attempts of that profile and exercise once new attempts arrive.
 * - lesson states: best score per block and "completed" from either; the newer state's step.
 * - assignments: this device's copy, plus a hand-in time only the backup knew.
 */
import { canonicalJson } from '../dsp/canonical-json';
import { nextProgress } from './progress';
import type { Attempt, LessonState, Progress, StoredAssignment } from './schema';

/** The identity of an attempt for finding duplicates: everything but its auto-numbered id. */
export function attemptContentKey(attempt: Attempt): string {
  const { id: _id, ...content } = attempt;
  return canonicalJson(content);
}

/** Progress folded from attempts of one profile and exercise, oldest first (ties by id). */
export function progressFromAttempts(attempts: readonly Attempt[]): Progress | undefined {
  const sorted = [...attempts].sort((a, b) => a.at - b.at || (a.id ?? 0) - (b.id ?? 0));
  let progress: Progress | undefined;
  for (const a of sorted) progress = nextProgress(progress, a);
  return progress;
}

/** One lesson state from two of the same profile and lesson; null when `here` already says it all. */
export function mergeLessonStates(here: LessonState, other: LessonState): LessonState | null {
  if (here.version !== other.version) return other.version > here.version ? other : null;
  const newer = other.updatedAt > here.updatedAt ? other : here;
  const scores: Record<string, number> = { ...here.scores };
  for (const [block, score] of Object.entries(other.scores))
    scores[block] = Math.max(scores[block] ?? 0, score);
  const done = [here, other].filter((s) => s.completed);
  const completedAt = done.map((s) => s.completedAt).filter((t): t is number => t !== undefined);
  const { completedAt: _drop, ...base } = newer;
  const merged: LessonState = {
    ...base,
    scores,
    completed: done.length > 0,
    updatedAt: Math.max(here.updatedAt, other.updatedAt),
    ...(completedAt.length > 0 ? { completedAt: Math.min(...completedAt) } : {}),
  };
  return canonicalJson(merged) === canonicalJson(here) ? null : merged;
}

/** This device's assignment, plus a hand-in time only the backup knew; null when nothing changes. */
export function mergeAssignments(here: StoredAssignment, other: StoredAssignment): StoredAssignment | null {
  if (here.handedInAt !== undefined || other.handedInAt === undefined) return null;
  return { ...here, handedInAt: other.handedInAt };
}
