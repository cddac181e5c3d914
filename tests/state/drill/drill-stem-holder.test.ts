/** A drill tells the stem cache who its songs are played for: an assignment, today's workout, or nobody. */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Stems } from '../../../src/production/types';
import type { HeadroomDb } from '../../../src/storage/open';
import type { putCachedStems } from '../../../src/storage/stems';
import type { WorkoutPlan } from '../../../src/training/workout';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const stems: Stems = {
  songId: 'pop-1',
  renderVersion: 1,
  sampleRate: 8000,
  length: 10,
  tracks: [
    {
      id: 'kick',
      name: 'Kick',
      instrument: 'kick-808',
      channels: [new Float32Array(10)],
      defaultFaderDb: 0,
      activeRmsDb: -20,
    },
  ],
};

/** The holder the next cache write names. */
async function holderNow(): Promise<unknown> {
  const { cacheStems } = await import('../../../src/state/shared/stem-cache');
  const put = vi.fn<typeof putCachedStems>(async () => ({ stored: true, evicted: [] }));
  await cacheStems({} as HeadroomDb, stems, 10_000, put);
  return put.mock.calls[0]![2]!.holder;
}

describe('the songs a drill plays are held for', () => {
  it('its assignment, today’s workout, or nobody; closing the drill lets go', async () => {
    const drill = await import('../../../src/state/drill/drill');
    const storage = await import('../../../src/state/shared/storage');
    const { localDay } = await import('../../../src/state/shared/local-day');
    const items = [{ exercise: 'eq-boost' as const, level: 1, seed: 3 }];
    drill.startDrill({ items, assignmentId: 'week-1', record: async () => true });
    expect(await holderNow()).toEqual(['assignment:week-1']);
    drill.closeDrill();
    expect(await holderNow()).toEqual([]);

    drill.startDrill({ kind: 'eq-boost', level: 1, count: 2 });
    expect(await holderNow()).toEqual([]);

    const profile = storage.activeProfileId.value;
    const plan = {
      minutes: 5,
      items: [{ type: 'drill', kind: 'eq-boost', level: 1, count: 2, adaptive: false, title: 'EQ' }],
    } as unknown as WorkoutPlan;
    storage.settings.value = {
      ...storage.settings.value,
      workoutInProgress: { [profile]: { day: localDay(Date.now()), plan, index: 0, scores: [] } },
    };
    drill.startDrill({ kind: 'eq-boost', level: 1, count: 2, title: 'Workout 1 of 1: EQ' });
    expect(await holderNow()).toEqual([`workout:${profile}:${localDay(Date.now())}`]);
    // The same kind outside the workout (no workout title) holds nothing.
    drill.startDrill({ kind: 'eq-boost', level: 1, count: 2 });
    expect(await holderNow()).toEqual([]);
    storage.settings.value = { ...storage.settings.value, workoutInProgress: {} };
    drill.closeDrill();
    // Loading the drill's modules takes a few seconds on a busy 2-core machine.
  }, 30_000);

  it('a drill that closes lets go of its own holder only: an assignment open beside it stays held', async () => {
    const drill = await import('../../../src/state/drill/drill');
    const items = [{ exercise: 'eq-boost' as const, level: 1, seed: 3 }];
    const assignment = drill.createDrill({ items, assignmentId: 'week-2', record: async () => true });
    // A lesson block's drill opens and closes while the assignment's is open.
    const block = drill.createDrill({ kind: 'eq-boost', level: 1, count: 2 });
    expect(await holderNow()).toEqual(['assignment:week-2']);
    block.dispose();
    expect(await holderNow()).toEqual(['assignment:week-2']);
    // Two sessions of one assignment: the holder stays until both are gone.
    const again = drill.createDrill({ items, assignmentId: 'week-2', record: async () => true });
    assignment.dispose();
    assignment.dispose();
    expect(await holderNow()).toEqual(['assignment:week-2']);
    again.dispose();
    expect(await holderNow()).toEqual([]);
  }, 30_000);
});
