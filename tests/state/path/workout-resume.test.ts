import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { WorkoutPlan } from '../../../src/training/workout';

// The path's lesson list comes from the lessons build plugin, which the Node project does not run.
vi.mock('../../../src/state/path/path', () => ({
  markWorkoutDone: async () => undefined,
  refreshPath: async () => undefined,
}));

// The router writes history and reads location: a page's worth of both.
beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
  vi.stubGlobal('location', { pathname: '/train', search: '' });
  vi.stubGlobal('history', {
    pushState: (_s: unknown, _t: string, path: string) => {
      (location as { pathname: string }).pathname = path;
    },
    replaceState: () => undefined,
  });
});

const review = (lessonId: string) =>
  ({ type: 'review', lessonId, lessonTitle: lessonId, reviewNumber: 1, reason: 'due', minutes: 2 }) as const;
const plan: WorkoutPlan = {
  items: [review('eq-basics'), review('panning'), review('compression')],
  minutes: 6,
};

describe('a workout survives a reload', () => {
  it('keeps its place as items finish, comes back after a "reload", and is forgotten when left', async () => {
    const storage = await import('../../../src/state/shared/storage');
    const workout = await import('../../../src/state/path/workout');
    await storage.database();
    const saved = () => storage.settings.value.workoutInProgress[storage.activeProfileId.value];

    workout.startWorkout(plan);
    await workout.nextWorkoutItem(80);
    await vi.waitFor(() => expect(saved()?.index).toBe(1));
    expect(saved()?.scores).toEqual([80]);

    // A reload: the running workout is gone from memory, the stored settings are read again.
    workout.activeWorkout.value = null;
    const db = await storage.database();
    await storage.adoptStoredState(db);
    workout.restoreWorkout();
    expect(workout.activeWorkout.value).toMatchObject({ index: 1, scores: [80], session: null });
    expect(workout.activeWorkout.peek()?.plan).toEqual(plan);

    workout.leaveWorkout();
    await vi.waitFor(() => expect(saved()).toBeUndefined());
    workout.restoreWorkout();
    expect(workout.activeWorkout.value).toBeNull();
  });

  it('drops a workout kept from an earlier day, and forgets a finished one', async () => {
    const storage = await import('../../../src/state/shared/storage');
    const workout = await import('../../../src/state/path/workout');
    const id = storage.activeProfileId.value;
    await storage.updateSetting('workoutInProgress', { [id]: { day: 1, plan, index: 1, scores: [50] } });
    workout.restoreWorkout();
    expect(workout.activeWorkout.value).toBeNull();
    await vi.waitFor(() => expect(storage.settings.value.workoutInProgress[id]).toBeUndefined());

    workout.startWorkout(plan);
    for (const s of [70, 80, 90]) await workout.nextWorkoutItem(s);
    expect(workout.activeWorkout.value?.index).toBe(3);
    expect(storage.settings.value.workoutInProgress[id]).toBeUndefined();
  });
});
