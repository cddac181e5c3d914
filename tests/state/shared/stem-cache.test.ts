import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import type { Stems } from '../../../src/production/types';
import { StorageError } from '../../../src/storage/errors';
import type { HeadroomDb } from '../../../src/storage/open';
import type { evictCachedStems, putCachedStems } from '../../../src/storage/stems';

const { cacheStems } = await import('../../../src/state/shared/stem-cache');
const { notices } = await import('../../../src/state/shared/notices');

const stems: Stems = {
  songId: 'pop-1',
  renderVersion: 1,
  sampleRate: 8000,
  length: 100,
  tracks: [
    {
      id: 'kick',
      name: 'Kick',
      instrument: 'kick-808',
      channels: [new Float32Array(100)],
      defaultFaderDb: -3,
      activeRmsDb: -20,
    },
  ],
};
const db = {} as HeadroomDb;
const quota = () => new StorageError('quota', 'full');
type Put = typeof putCachedStems;
type Evict = typeof evictCachedStems;

describe('cacheStems when storage is full', () => {
  it('stores at once when there is room, keyed by song, render version and rate', async () => {
    const put = vi.fn<Put>(async () => ({ stored: true, evicted: [] }));
    expect(await cacheStems(db, stems, 1000, put)).toBe('stored');
    expect(put.mock.calls[0]![1]).toMatchObject({ key: 'pop-1:1:8000', songId: 'pop-1', length: 100 });
    expect(put.mock.calls[0]![1].tracks[0]).toMatchObject({ instrument: 'kick-808', defaultFaderDb: -3 });
    // No drill of an assignment or workout is running: played for nobody; nothing open holds songs.
    expect(put.mock.calls[0]![2]).toEqual({
      capBytes: 1000,
      keep: expect.any(Set),
      holder: [],
      openHolders: new Set(),
    });
  });

  it('evicts at least the stems’ size and retries once on a quota error', async () => {
    const put = vi
      .fn<Put>()
      .mockRejectedValueOnce(quota())
      .mockResolvedValueOnce({ stored: true, evicted: [] });
    const evict = vi.fn<Evict>(async () => 400);
    expect(await cacheStems(db, stems, 1000, put, evict)).toBe('stored-after-eviction');
    expect(evict).toHaveBeenCalledWith(db, 400);
    expect(put).toHaveBeenCalledTimes(2);
  });

  it('skips caching with a gentle notice when the retry fails too (and never throws)', async () => {
    notices.value = [];
    const put = vi.fn<Put>(async () => {
      throw quota();
    });
    const evict = vi.fn<Evict>(async () => 0);
    expect(await cacheStems(db, stems, 1000, put, evict)).toBe('skipped');
    expect(put).toHaveBeenCalledTimes(2);
    expect(evict).toHaveBeenCalledTimes(1);
    const notice = notices.value.find((n) => n.id === 'stem-cache-skipped');
    expect(notice?.tone).toBe('info');
    expect(notice?.text).toMatch(/plays fine now/);
  });

  it('does not retry other failures', async () => {
    const put = vi.fn<Put>(async () => {
      throw new StorageError('unknown', 'x');
    });
    const evict = vi.fn<Evict>(async () => 0);
    expect(await cacheStems(db, stems, 1000, put, evict)).toBe('skipped');
    expect(put).toHaveBeenCalledTimes(1);
    expect(evict).not.toHaveBeenCalled();
  });

  it('reports stems larger than the cap as too big', async () => {
    const put = vi.fn<Put>(async () => ({ stored: false, evicted: [] }));
    expect(await cacheStems(db, stems, 10, put)).toBe('too-big');
  });

  it('an assignment holds its songs until the end of its due day, or for 60 days without one', async () => {
    const { assignmentStillOpen, ASSIGNMENT_HOLD_MS } = await import('../../../src/state/shared/stem-cache');
    const endOfDay = new Date(2026, 2, 15, 23, 59).getTime();
    expect(assignmentStillOpen('2026-03-15', 0, endOfDay)).toBe(true);
    expect(assignmentStillOpen('2026-03-15', 0, new Date(2026, 2, 16, 0, 1).getTime())).toBe(false);
    expect(assignmentStillOpen(undefined, 1000, 1000 + ASSIGNMENT_HOLD_MS)).toBe(true);
    expect(assignmentStillOpen(undefined, 1000, 1001 + ASSIGNMENT_HOLD_MS)).toBe(false);
    expect(ASSIGNMENT_HOLD_MS).toBe(60 * 24 * 3600 * 1000);
  });

  it('holds songs for an open assignment or today’s workout, and says so in words', async () => {
    const sc = await import('../../../src/state/shared/stem-cache');
    const storage = await import('../../../src/state/shared/storage');
    const { saveAssignmentRecord } = await import('../../../src/storage/assignments');
    const { localDay } = await import('../../../src/state/shared/local-day');
    const real = await storage.database();
    const record = (id: string, title: string, handedInAt?: number, extra: object = {}) => ({
      id: `p:${id}`,
      role: 'student' as const,
      assignment: { id, title, ...extra },
      profileId: 'p',
      savedAt: Date.now(),
      ...(handedInAt ? { handedInAt } : {}),
    });
    await saveAssignmentRecord(real, record('week-1', 'Week 1'));
    await saveAssignmentRecord(real, record('week-0', 'Week 0', 5));
    // Past its due day, or received more than 60 days ago without one: no longer held.
    await saveAssignmentRecord(real, record('late', 'Late', undefined, { due: '2020-01-31' }));
    await saveAssignmentRecord(real, {
      ...record('ancient', 'Ancient'),
      savedAt: Date.now() - sc.ASSIGNMENT_HOLD_MS - 1000,
    });
    await saveAssignmentRecord(real, record('soon', 'Soon', undefined, { due: '2999-12-31' }));
    const now = Date.now();
    storage.settings.value = {
      ...storage.settings.value,
      workoutInProgress: {
        p: { day: localDay(now), plan: { items: [], minutes: 0 } as never, index: 0, scores: [] },
        q: { day: localDay(now) - 1, plan: { items: [], minutes: 0 } as never, index: 0, scores: [] },
      },
    };
    const open = await sc.openStemHolders(now);
    expect([...open]).toEqual([
      [sc.workoutHolder('p', now), 'kept for today’s workout until it is finished'],
      ['assignment:soon', 'kept for assignment “Soon” until you hand it in or its due date passes'],
      ['assignment:week-1', 'kept for assignment “Week 1” until you hand it in'],
    ]);
    const kept = sc.keptSongs(
      [
        { songId: 'a', bytes: 100, heldFor: ['assignment:week-1'] },
        { songId: 'b', bytes: 50, heldFor: ['assignment:week-1', 'assignment:week-0'] },
        { songId: 'c', bytes: 70, heldFor: ['assignment:week-0'] },
        { songId: 'd', bytes: 30 },
      ],
      open,
    );
    expect(kept).toEqual([
      { why: 'kept for assignment “Week 1” until you hand it in', songs: 2, bytes: 150 },
    ]);
    // A drill of the assignment plays its songs for it: the cache write says so.
    const put = vi.fn<Put>(async () => ({ stored: true, evicted: [] }));
    const release = sc.holdStemsFor(sc.assignmentHolder('week-1'));
    await sc.cacheStems(db, stems, 1000, put);
    release();
    expect(put.mock.calls[0]![2]).toMatchObject({ holder: ['assignment:week-1'] });
    expect([...(put.mock.calls[0]![2]!.openHolders ?? [])].sort()).toEqual(
      ['assignment:soon', 'assignment:week-1', sc.workoutHolder('p', now)].sort(),
    );
    storage.settings.value = { ...storage.settings.value, workoutInProgress: {} };
  });
});
