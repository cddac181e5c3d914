import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateSong } from '../../../src/production/generate-song';
import type { Stems } from '../../../src/production/types';
import { fittingMix, restoreShape } from '../../../src/state/mixer/mix-work';
import { checkArrangement, createArrangement } from '../../../src/state/produce/arrangement';
import { createArranger, type StemLoader } from '../../../src/state/produce/arranger';
import { createAutosaver, type SavedWork } from '../../../src/state/shared/saved-work';

const load: StemLoader = async (source) => ({
  songId: generateSong(source.seed, source.style, source.overrides).id,
  renderVersion: 1,
  sampleRate: 8000,
  length: 8,
  tracks: [],
});

describe('the autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const work = (id: string, n: number) => ({ id, data: n }) as unknown as SavedWork;

  it('writes the newest change once, 400 ms after the last one', async () => {
    const written: unknown[] = [];
    const saver = createAutosaver(400, async (w) => (written.push(w.data), true));
    saver.schedule(work('a', 1));
    await vi.advanceTimersByTimeAsync(300);
    saver.schedule(work('a', 2));
    await vi.advanceTimersByTimeAsync(399);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(written).toEqual([2]);
  });

  it('flush writes at once; a change to another work writes the pending one first; cancel drops it', async () => {
    const written: unknown[] = [];
    const saver = createAutosaver(400, async (w) => (written.push(`${w.id}${w.data}`), true));
    saver.schedule(work('a', 1));
    saver.schedule(work('b', 1));
    await saver.flush();
    expect(written).toEqual(['a1', 'b1']);
    saver.schedule(work('c', 1));
    saver.cancel('c');
    await vi.advanceTimersByTimeAsync(1000);
    expect(written).toEqual(['a1', 'b1']);
  });
});

describe('the arranger keeps its arrangement', () => {
  it('every edit hands the whole arrangement to the saver under one id; nothing before the first edit', () => {
    const saved: SavedWork[] = [];
    const a = createArranger({ load, initial: createArrangement('pop', 3), save: (w) => saved.push(w) });
    expect(saved).toEqual([]);
    a.setStyle('electronic');
    a.setBpm(131);
    expect(saved).toHaveLength(2);
    const last = saved[1]!;
    expect(last.id).toBe(saved[0]!.id);
    expect(last.id).toMatch(/^arr-/);
    expect(last.kind).toBe('arrangement');
    expect(last.data).toEqual({ style: 'electronic', seed: 3, bars: 16, bpm: 131 });
    expect(last.title).toBe(`Electronic: “${generateSong(3, 'electronic', { bars: 16, bpm: 131 }).title}”`);
    a.dispose();
  });

  it('"New arrangement" starts another work; a deleted work is not written again under its id', () => {
    const saved: SavedWork[] = [];
    const a = createArranger({ load, rollSeed: () => 77, save: (w) => saved.push(w) });
    a.setBpm(100);
    const first = saved[0]!.id;
    a.startNew('rock');
    expect(saved[1]!.id).not.toBe(first);
    expect(saved[1]!.data).toEqual({ style: 'rock', seed: 77, bars: 16 });
    a.forget(saved[1]!.id);
    a.setBpm(90);
    expect(saved[2]!.id).not.toBe(saved[1]!.id);
    a.dispose();
  });

  it('restores the newest stored arrangement at start-up, unless the learner already changed this one', async () => {
    const stored: SavedWork = {
      id: 'arr-x',
      kind: 'arrangement',
      profileId: 'default',
      title: 'x',
      data: { style: 'electronic', seed: 42, bars: 32, bpm: 126, mutedTracks: ['keys'] },
      createdAt: 1,
      updatedAt: 2,
    };
    const saved: SavedWork[] = [];
    const a = createArranger({ load, save: (w) => saved.push(w) });
    expect(await a.restore(async () => stored)).toBe(true);
    expect(a.spec.value).toEqual(stored.data);
    expect(saved).toEqual([]); // opening is not a change
    a.setBpm(127);
    expect(saved[0]).toMatchObject({ id: 'arr-x', createdAt: 1, data: { bpm: 127, seed: 42 } });
    const b = createArranger({ load });
    let answer: (w: SavedWork) => void = () => {};
    const restoring = b.restore(() => new Promise((r) => (answer = r)));
    b.setBpm(99);
    answer(stored);
    expect(await restoring).toBe(false);
    expect(b.spec.value.bpm).toBe(99);
    a.dispose();
    b.dispose();
  });

  it('refuses a damaged stored arrangement and keeps the current one', () => {
    const a = createArranger({ load, initial: createArrangement('pop', 5) });
    const bad = { id: 'arr-b', kind: 'arrangement', data: { style: 'polka', seed: 1 } } as SavedWork;
    expect(a.openWork(bad)).toBe(false);
    expect(a.spec.value).toEqual(createArrangement('pop', 5));
    expect(checkArrangement(null)).toBeNull();
    expect(checkArrangement({ style: 'pop', seed: 4, bars: 8, drumPattern: 'x' })).toBeNull();
    a.dispose();
  });
});

describe('a stored mix is put back only where it fits', () => {
  const initial = {
    name: 'Bass',
    faderDb: -15.3,
    pan: 0,
    mute: false,
    eq: [{ type: 'lowshelf', gainDb: 0 }],
    sends: { reverb: { level: 0 } },
  };

  it('takes every stored value of the right type, keeps names and band types', () => {
    const saved = {
      name: 'Hacked',
      faderDb: -9.3,
      pan: 0.25,
      mute: true,
      eq: [{ type: 'peaking', gainDb: 3 }],
      sends: { reverb: { level: -12 } },
    };
    expect(restoreShape(initial, saved)).toEqual({
      name: 'Bass',
      faderDb: -9.3,
      pan: 0.25,
      mute: true,
      eq: [{ type: 'lowshelf', gainDb: 3 }],
      sends: { reverb: { level: -12 } },
    });
  });

  it('ignores values of the wrong shape: NaN, +∞, strings for numbers, arrays of another length', () => {
    const saved = { faderDb: Number.NaN, pan: Number.POSITIVE_INFINITY, mute: 'yes', eq: [], sends: null };
    expect(restoreShape(initial, saved)).toEqual(initial);
    expect(restoreShape(initial, { faderDb: Number.NEGATIVE_INFINITY }).faderDb).toBe(
      Number.NEGATIVE_INFINITY,
    );
    expect(restoreShape(0, '3')).toBe(0);
  });

  it('fits only the same tracks in the same order', () => {
    const data = { trackIds: ['kick', 'bass'], strips: [{}, {}], masterFaderDb: -2 };
    expect(fittingMix(data, ['kick', 'bass'])).toEqual({ strips: [{}, {}], masterFaderDb: -2 });
    expect(fittingMix(data, ['bass', 'kick'])).toBeNull();
    expect(fittingMix(data, ['kick'])).toBeNull();
    expect(fittingMix({ trackIds: ['kick'], strips: [] }, ['kick'])).toBeNull();
    expect(fittingMix('junk', ['kick'])).toBeNull();
  });
});
