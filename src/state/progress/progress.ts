import { effect, signal, untracked } from '@preact/signals';
import { listAttempts } from '../../storage/attempts';
import { listProgress } from '../../storage/progress';
import type { Progress } from '../../storage/schema';
import { buildProgressView, type ProgressView } from '../../training/progress-view';
import { localDay } from '../shared/local-day';
import { activeProfileId, database } from '../shared/storage';
import { progressKinds } from './progress-catalog';

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

/** Where the progress page's data is: loading, ready for one profile, or failed with a sentence to show. */
export type ProgressState =
  | { status: 'loading' }
  | { status: 'ready'; profileId: string; view: ProgressView }
  | { status: 'error'; message: string };

/** The progress page's view model for the active profile (kept current by `watchProgress`). */
export const progressState = signal<ProgressState>({ status: 'loading' });

export { localDay };

/** Reads one profile's attempts and progress and computes the progress view model (now, local days). */
export async function loadProgressView(profileId: string, now = Date.now()): Promise<ProgressView> {
  const db = await database();
  const [attempts, progress] = await Promise.all([listAttempts(db, profileId), listProgress(db, profileId)]);
  return buildProgressView(attempts, progress, progressKinds, { now, dayOf: localDay });
}

let loads = 0;

/** Loads a profile's view (the active one by default) into `progressState`; the latest load wins. */
export async function refreshProgress(profileId = activeProfileId.peek()): Promise<void> {
  const ticket = ++loads;
  const shown = progressState.peek();
  // Keep showing the same profile's numbers while they reload; another profile's must go at once.
  if (shown.status !== 'ready' || shown.profileId !== profileId) progressState.value = { status: 'loading' };
  try {
    const view = await loadProgressView(profileId);
    if (ticket === loads) progressState.value = { status: 'ready', profileId, view };
  } catch (error) {
    if (ticket !== loads) return;
    const message = error instanceof Error ? error.message : String(error);
    progressState.value = { status: 'error', message: `Could not read your practice: ${message}` };
  }
}

/** Keeps `progressState` loaded for the active profile, reloading when it changes; returns a stop function. */
export function watchProgress(): () => void {
  return effect(() => {
    const profileId = activeProfileId.value; // the only dependency: a profile switch reloads
    untracked(() => void refreshProgress(profileId));
  });
}
