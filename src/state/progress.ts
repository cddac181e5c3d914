import { listProgress } from '../storage/progress';
import type { Progress } from '../storage/schema';
import { activeProfileId, database } from './storage';

/** The active profile's practice at a glance. */
export interface ProgressSummary {
  attempts: number;
  exercises: Progress[];
}

/** Reads the active profile's progress from storage. */
export async function loadProgressSummary(): Promise<ProgressSummary> {
  const exercises = await listProgress(await database(), activeProfileId.value);
  return { attempts: exercises.reduce((n, p) => n + p.attempts, 0), exercises };
}
