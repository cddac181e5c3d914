import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exerciseIds, exercises } from '../../../src/exercises/registry';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const attempt = (exercise: string, skill: string, score: number, at: number) => ({
  exercise,
  skill,
  level: 1,
  seed: 1,
  question: { kind: exercise },
  answer: {},
  score,
  timeMs: 1000,
  at,
});

describe('progress state', () => {
  it('knows every kind of the registry, in menu order, with its adaptive variable', async () => {
    const { progressKinds } = await import('../../../src/state/progress/progress-catalog');
    expect(progressKinds.map((k) => k.id)).toEqual(exerciseIds);
    for (const k of progressKinds) {
      const meta = exercises[k.id as (typeof exerciseIds)[number]].meta;
      expect(k).toMatchObject({ title: meta.title, skill: meta.skill });
      expect(k.levelNames).toHaveLength(meta.levels.length);
      expect(k.mainVariable).toEqual(meta.mainVariable);
    }
  });

  it('numbers local calendar days like UTC days', async () => {
    const { localDay } = await import('../../../src/state/progress/progress');
    const noon = new Date(2025, 2, 14, 12, 0).getTime();
    const late = new Date(2025, 2, 14, 23, 59).getTime();
    const next = new Date(2025, 2, 15, 0, 1).getTime();
    expect(localDay(noon)).toBe(Date.UTC(2025, 2, 14) / 86_400_000);
    expect(localDay(late)).toBe(localDay(noon));
    expect(localDay(next)).toBe(localDay(noon) + 1);
  });

  it('loads the active profile and reloads when the profile changes', async () => {
    const storage = await import('../../../src/state/shared/storage');
    const progress = await import('../../../src/state/progress/progress');
    await storage.database();
    const now = Date.now();
    expect(await storage.saveAttempt(attempt('eq-boost', 'eq', 60, now - 60_000))).toBe(true);
    expect(await storage.saveAttempt(attempt('eq-boost', 'eq', 80, now))).toBe(true);

    const stop = progress.watchProgress();
    await vi.waitUntil(() => progress.progressState.value.status === 'ready');
    const ready = progress.progressState.value;
    if (ready.status !== 'ready') throw new Error('not ready');
    expect(ready.profileId).toBe(storage.activeProfileId.value);
    expect(ready.view.totalAttempts).toBe(2);
    expect(ready.view.exercises[0]).toMatchObject({ kind: 'eq-boost', attempts: 2, average: 70, best: 80 });
    expect(ready.view.trend.skills[0]?.points).toEqual([
      { day: progress.localDay(now), mean: 70, count: 2, rolling: 70 },
    ]);

    storage.activeProfileId.value = 'someone-else';
    expect(progress.progressState.value.status).toBe('loading');
    await vi.waitUntil(() => progress.progressState.value.status === 'ready');
    const other = progress.progressState.value;
    if (other.status !== 'ready') throw new Error('not ready');
    expect(other.profileId).toBe('someone-else');
    expect(other.view.totalAttempts).toBe(0);
    expect(other.view.next?.firstTime).toBe(true);
    stop();
  });
});
