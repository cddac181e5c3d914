import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createBackup, readBackup } from '../../src/storage/backup';
import { restoreBackup } from '../../src/storage/backup-restore';
import { openHeadroomDb } from '../../src/storage/open';
import { loadSettings } from '../../src/storage/settings';
import {
  forgetUnfinishedDrill,
  isUnfinishedDrill,
  keepUnfinishedDrill,
  listUnfinishedDrills,
  MAX_UNFINISHED,
  type UnfinishedDrill,
  unfinishedKey,
} from '../../src/storage/unfinished-drills';

let n = 0;
const open = () => openHeadroomDb({ name: `headroom-unfinished-${++n}` });

const place = (kind: string, updatedAt: number, answered = 3): UnfinishedDrill => ({
  kind,
  level: 2,
  adaptive: false,
  count: 10,
  seed: 4242,
  sitting: 1000,
  items: Array.from({ length: answered + 1 }, (_, i) => ({ exercise: kind, level: 2, seed: 100 + i })),
  answers: Array.from({ length: answered }, (_, i) => ({
    index: i,
    item: { exercise: kind, level: 2, seed: 100 + i },
    question: { kind, seed: 100 + i, level: 2 },
    answer: { bandHz: 1000 },
    result: { score: 100, correct: true, feedback: 'Right.' },
    timeMs: 2000,
    at: 5000 + i,
    saved: true,
  })),
  working: { index: answered, answer: { bandHz: 250 } },
  updatedAt,
});

describe('unfinished drills (kept in the settings store)', () => {
  it('keeps one place per kind and profile, newest first, and forgets one by kind', async () => {
    const db = await open();
    await keepUnfinishedDrill(db, 'p1', place('eq-boost', 10));
    await keepUnfinishedDrill(db, 'p1', place('level-change', 20));
    await keepUnfinishedDrill(db, 'p2', place('eq-boost', 30));
    // A newer place of a kind replaces the older one.
    await keepUnfinishedDrill(db, 'p1', place('eq-boost', 40, 5));
    const list = await listUnfinishedDrills(db, 'p1');
    expect(list.map((d) => [d.kind, d.answers.length])).toEqual([
      ['eq-boost', 5],
      ['level-change', 3],
    ]);
    expect(list[0]).toEqual(place('eq-boost', 40, 5));
    await forgetUnfinishedDrill(db, 'p1', 'eq-boost');
    await forgetUnfinishedDrill(db, 'p1', 'pan-position');
    expect((await listUnfinishedDrills(db, 'p1')).map((d) => d.kind)).toEqual(['level-change']);
    expect((await listUnfinishedDrills(db, 'p2')).map((d) => d.kind)).toEqual(['eq-boost']);
    // The last one forgotten leaves no record behind.
    await forgetUnfinishedDrill(db, 'p1', 'level-change');
    expect(await db.get('settings', unfinishedKey('p1'))).toBeUndefined();
    db.close();
  });

  it(`keeps at most ${MAX_UNFINISHED} places, dropping the oldest`, async () => {
    const db = await open();
    for (let i = 0; i < MAX_UNFINISHED + 2; i++) await keepUnfinishedDrill(db, 'p', place(`kind-${i}`, i));
    const list = await listUnfinishedDrills(db, 'p');
    expect(list).toHaveLength(MAX_UNFINISHED);
    expect(list.at(-1)!.kind).toBe('kind-2');
    db.close();
  });

  it('refuses a finished drill or a wrong shape, and reads past a hand-edited record', async () => {
    const db = await open();
    await expect(keepUnfinishedDrill(db, 'p', place('eq-boost', 1, 10))).rejects.toThrow(/fewer answers/);
    expect(isUnfinishedDrill({ ...place('x', 1), seed: 1.5 })).toBe(false);
    expect(isUnfinishedDrill({ ...place('x', 1), items: [] })).toBe(false);
    expect(isUnfinishedDrill({ ...place('x', 1), working: { index: -1 } })).toBe(false);
    const badAnswer = { ...place('x', 1), answers: [{ ...place('x', 1).answers[0]!, index: 2 }] };
    expect(isUnfinishedDrill(badAnswer)).toBe(false);
    await db.put('settings', { key: unfinishedKey('p'), value: [place('eq-boost', 1), { kind: 3 }, 'x'] });
    expect((await listUnfinishedDrills(db, 'p')).map((d) => d.kind)).toEqual(['eq-boost']);
    await db.put('settings', { key: unfinishedKey('q'), value: 'nonsense' });
    expect(await listUnfinishedDrills(db, 'q')).toEqual([]);
    // The settings the app reads are not disturbed by these records.
    expect((await loadSettings(db)).theme).toBe('dark');
    db.close();
  });

  it('a backup carries the places; restoring it on another device gives them back', async () => {
    const db = await open();
    const other = await open();
    await keepUnfinishedDrill(db, 'default', place('eq-boost', 7));
    const made = await createBackup(db, { now: 9000 });
    if (!made.ok) throw new Error(made.problem.message);
    const read = await readBackup(made.value.blob);
    if (!read.ok) throw new Error(read.problem.message);
    expect((await restoreBackup(other, read.value, 'merge')).ok).toBe(true);
    expect(await listUnfinishedDrills(other, 'default')).toEqual([place('eq-boost', 7)]);
    db.close();
    other.close();
  });
});
