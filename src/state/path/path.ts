/**
 * The learner's path: the answers and lesson states the skill map, "Next up" and the daily workout are
 * computed from (src/training/), for the active profile. Kept current by `watchPath`; a finished drill or
 * workout calls `refreshPath`.
 */
import { computed, effect, signal, untracked } from '@preact/signals';
import type { Hz } from '../../dsp/units';
import { listAttempts } from '../../storage/attempts';
import { nextStep } from '../../training/next-up';
import type { AttemptRecord } from '../../training/progress-records';
import { lessonStates, lessons, watchLessonStates } from '../shared/lessons';
import { localDay } from '../shared/local-day';
import { activeProfileId, database, settings, updateSetting } from '../shared/storage';

/** The active profile's stored answers (null until read). */
export const pathAttempts = signal<AttemptRecord[] | null>(null);
/** A sentence when the answers could not be read. */
export const pathProblem = signal<string | null>(null);

let loads = 0;

/** Reads the active profile's answers again (after a drill, a profile switch). */
export async function refreshPath(): Promise<void> {
  const ticket = ++loads;
  const profileId = activeProfileId.peek();
  try {
    const attempts = await listAttempts(await database(), profileId);
    if (ticket !== loads) return;
    pathAttempts.value = attempts;
    pathProblem.value = null;
  } catch (error) {
    if (ticket !== loads) return;
    pathAttempts.value = [];
    pathProblem.value = `Could not read your answers: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Keeps the answers and lesson states loaded for the active profile; returns a stop function. */
export function watchPath(): () => void {
  const stopLessons = watchLessonStates();
  const stop = effect(() => {
    void activeProfileId.value;
    untracked(() => void refreshPath());
  });
  return () => {
    stop();
    stopLessons();
  };
}

/** Today as a local day number. */
export function today(now = Date.now()): number {
  return localDay(now);
}

/** Days with a finished workout for the active profile. */
export const workoutDays = computed<number[]>(() => settings.value.workoutDays[activeProfileId.value] ?? []);

/** Whether today's workout is done. */
export const workoutDoneToday = computed(() => workoutDays.value.includes(today()));

/** Records today as a workout day for the active profile (kept: the last 400 days). */
export function markWorkoutDone(now = Date.now()): Promise<void> {
  const id = activeProfileId.peek();
  const all = settings.peek().workoutDays;
  const days = [...new Set([...(all[id] ?? []), localDay(now)])].sort((a, b) => a - b).slice(-400);
  return updateSetting('workoutDays', { ...all, [id]: days });
}

/** Bands the learner said they cannot hear (from the hearing check). */
export const unheardBands = computed<Hz[]>(() => settings.value.hearingCheck?.unheardHz ?? []);

/** Whether the hearing check was done (or skipped) on this device. */
export const hearingChecked = computed(() => settings.value.hearingCheck !== null);

/** Start here / Next up for the active profile (null while the answers load). */
export const nextUp = computed(() => {
  const attempts = pathAttempts.value;
  if (!attempts) return null;
  return nextStep({
    lessons,
    states: lessonStates.value,
    attempts,
    workoutDoneToday: workoutDoneToday.value,
  });
});
