import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exercises } from '../../../src/exercises/registry';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  drill: await import('../../../src/state/drill/drill'),
  storage: await import('../../../src/state/shared/storage'),
  notices: await import('../../../src/state/shared/notices'),
  attempts: await import('../../../src/storage/attempts'),
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never: ${what}`);
}

type Session = NonNullable<Awaited<ReturnType<typeof load>>['drill']['drill']['value']>;

/** Answers the current pan question right and submits; `saved` settles when the save does. */
async function answer(s: Session): Promise<{ saved: Promise<void> }> {
  s.setAnswer(exercises['pan-position'].solve(s.question.value!));
  const saved = s.submit();
  await until(() => s.phase.value === 'answered', 'answered');
  return { saved };
}

describe('a drill answer shows "Saved" only once it is stored', () => {
  it('is "saving" while the store is pending, "saved" after it resolves', async () => {
    const { drill } = await load();
    let land: (ok: boolean) => void = () => undefined;
    const s = drill.startDrill({
      kind: 'pan-position',
      count: 2,
      seed: 1,
      record: () => new Promise<boolean>((resolve) => (land = resolve)),
    });
    const { saved } = await answer(s);
    expect(s.lastSave.value).toEqual({ index: 0, state: 'saving' });
    expect(s.answers.value).toHaveLength(0);
    land(true);
    await saved;
    expect(s.lastSave.value).toEqual({ index: 0, state: 'saved' });
    expect(s.answers.value.map((a) => a.saved)).toEqual([true]);
    drill.closeDrill();
  });

  it('a failed store says so, keeps the answer, and a retry stores it with its original time', async () => {
    const { drill } = await load();
    const outcomes = [false, true];
    const stored: number[] = [];
    const s = drill.startDrill({
      kind: 'pan-position',
      count: 2,
      seed: 2,
      record: async (_item, index) => {
        const ok = outcomes.shift() ?? true;
        if (ok) stored.push(index);
        return ok;
      },
    });
    await (await answer(s)).saved;
    expect(s.lastSave.value).toEqual({ index: 0, state: 'failed' });
    expect(s.saveFailed.value).toBe(true);
    // Two retries at once (the notice's button and the drill's own) store the answer once.
    const [a, b] = await Promise.all([s.retryUnsaved(), s.retryUnsaved()]);
    expect([a, b]).toEqual([true, true]);
    expect(stored).toEqual([0]);
    expect(s.lastSave.value).toEqual({ index: 0, state: 'saved' });
    expect(s.saveFailed.value).toBe(false);
    drill.closeDrill();
  });
});

describe('storage full while saving an attempt', () => {
  it('says so with "Clear cached audio"; clearing it saves the kept answer, nothing shown as saved is lost', async () => {
    const { drill, storage, notices, attempts } = await load();
    const db = await storage.database();
    const profile = storage.activeProfileId.value;
    const before = (await attempts.listAttempts(db, profile)).length;
    const s = drill.startDrill({ kind: 'pan-position', count: 3, seed: 9 });

    // First answer lands normally.
    await (await answer(s)).saved;
    expect(s.lastSave.value).toEqual({ index: 0, state: 'saved' });
    s.next();

    // Second answer: the browser refuses the write for lack of space.
    const add = IDBObjectStore.prototype.add;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await (await answer(s)).saved;
    spy.mockRestore();
    expect(IDBObjectStore.prototype.add).toBe(add);
    expect(s.lastSave.value).toEqual({ index: 1, state: 'failed' });
    expect(storage.storageProblem.value?.kind).toBe('quota');
    const full = notices.notices.value.find((n) => n.id === 'storage-quota');
    expect(full?.text).toMatch(/^Storage is full/);
    expect(full?.action?.label).toBe('Clear cached audio');
    // The first answer, shown as saved, is still stored; the refused one left nothing half-written.
    expect((await attempts.listAttempts(db, profile)).length).toBe(before + 1);

    // The notice's button clears the stem cache (here 64 kB of it); the drill then stores the kept answer.
    const { putCachedStems } = await import('../../../src/storage/stems');
    await putCachedStems(db, {
      key: 'song:1:8000',
      songId: 'song',
      sampleRate: 8000,
      length: 16384,
      tracks: [{ id: 't0', name: 'Track 0', channels: [new Float32Array(16384)] }],
    });
    full!.action!.run();
    await until(() => s.lastSave.value?.state === 'saved', 'retry after freeing space');
    expect(s.saveFailed.value).toBe(false);
    expect(notices.notices.value.some((n) => n.id === 'storage-quota')).toBe(false);
    const stored = (await attempts.listAttempts(db, profile)).slice(before);
    expect(stored).toHaveLength(2);
    expect(stored[1]!.at).toBe(s.answers.value[1]!.at);
    drill.closeDrill();
  });
});
