/**
 * The daily workout as it runs: the plan (src/training/workout.ts), which item is on, and what each drill
 * item scored. Drill items run through the ordinary drill (src/state/drill/drill.ts) with the workout's kind,
 * level, count and focus band; review items are a lesson quiz shown on the Train page. Finishing the last
 * item records today as a workout day.
 */
import { signal } from '@preact/signals';
import type { ExerciseId } from '../../exercises/registry';
import { isExerciseId } from '../../exercises/registry';
import { playsFocusBand } from '../../training/hearing';
import type { WorkoutItem, WorkoutPlan } from '../../training/workout';
import { type DrillSession, drill, startDrill } from '../drill/drill';
import { localDay } from '../shared/local-day';
import { navigate } from '../shared/router';
import { activeProfileId, settings, updateSetting } from '../shared/storage';
import { markWorkoutDone, refreshPath } from './path';

/** A workout in progress. */
export interface ActiveWorkout {
  plan: WorkoutPlan;
  /** The item on now (plan.items.length once finished). */
  index: number;
  /** Mean score per finished item (null for a skipped one; reviews: the quiz score). */
  scores: (number | null)[];
  /** The drill session of the current drill item, to tell it from other drills. */
  session: DrillSession | null;
}

/** The workout now running, or null. */
export const activeWorkout = signal<ActiveWorkout | null>(null);

/** The current item of the running workout, or null. */
export function currentWorkoutItem(): WorkoutItem | null {
  const w = activeWorkout.value;
  return w ? (w.plan.items[w.index] ?? null) : null;
}

/** Keeps the running workout's place for the active profile (null: forget it), so a reload resumes it. */
function keep(w: ActiveWorkout | null): void {
  const id = activeProfileId.peek();
  const { [id]: _old, ...others } = settings.peek().workoutInProgress;
  const saved = w ? { day: localDay(Date.now()), plan: w.plan, index: w.index, scores: w.scores } : null;
  void updateSetting('workoutInProgress', saved ? { ...others, [id]: saved } : others);
}

/**
 * After a reload: today's unfinished workout of the active profile comes back at the item it was on (the
 * learner carries on from Train); one from an earlier day is dropped.
 */
export function restoreWorkout(): void {
  if (activeWorkout.peek()) return;
  const saved = settings.peek().workoutInProgress[activeProfileId.peek()];
  if (!saved) return;
  if (saved.day !== localDay(Date.now()) || saved.index >= saved.plan.items.length) {
    keep(null);
    return;
  }
  activeWorkout.value = { plan: saved.plan, index: saved.index, scores: saved.scores, session: null };
}

function runItem(w: ActiveWorkout): void {
  keep(w);
  const item = w.plan.items[w.index];
  if (!item) return;
  const label = `Workout ${w.index + 1} of ${w.plan.items.length}`;
  if (item.type === 'review' || !isExerciseId(item.kind)) {
    drill.value?.dispose();
    drill.value = null;
    activeWorkout.value = { ...w, session: null };
    navigate('/train');
    return;
  }
  const session = startDrill({
    kind: item.kind as ExerciseId,
    level: item.level,
    count: item.count,
    adaptive: item.adaptive,
    title: `${label}: ${item.title}`,
    ...(item.focusHz === undefined ? {} : { accept: (q) => playsFocusBand(q, item.focusHz) }),
  });
  activeWorkout.value = { ...w, session };
  navigate('/train');
}

/** Starts a workout from its plan (its first item at once). */
export function startWorkout(plan: WorkoutPlan): void {
  if (plan.items.length === 0) return;
  runItem({ plan, index: 0, scores: [], session: null });
}

/** Ends the current item with its score (null: skipped) and starts the next, or finishes the workout. */
export async function nextWorkoutItem(score: number | null): Promise<void> {
  const w = activeWorkout.value;
  if (!w) return;
  const next: ActiveWorkout = { ...w, index: w.index + 1, scores: [...w.scores, score], session: null };
  if (next.index >= w.plan.items.length) {
    drill.value?.dispose();
    drill.value = null;
    activeWorkout.value = next;
    keep(null);
    await markWorkoutDone();
    void refreshPath();
    navigate('/train');
    return;
  }
  runItem(next);
}

/** Runs the current item again (after the learner left its drill for another one). */
export function resumeWorkout(): void {
  const w = activeWorkout.value;
  if (w && w.index < w.plan.items.length) runItem(w);
}

/** Leaves the workout (what was answered stays stored). */
export function leaveWorkout(): void {
  activeWorkout.value = null;
  keep(null);
  void refreshPath();
}
