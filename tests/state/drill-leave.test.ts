/** A drill holds the page (beforeunload asks) from submit until the answer is stored, and while one is not. */
import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exercises } from '../../src/exercises/registry';
import { closeDrill, startDrill } from '../../src/state/drill';
import { leaveReasons } from '../../src/state/leave-guard';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never: ${what}`);
}

describe('a drill and leaving the page', () => {
  it('holds from the submit itself (before scoring) until the store lands', async () => {
    let land: (ok: boolean) => void = () => undefined;
    const s = startDrill({
      kind: 'pan-position',
      count: 2,
      seed: 3,
      record: () => new Promise<boolean>((resolve) => (land = resolve)),
    });
    expect(leaveReasons.value).toEqual([]);
    s.setAnswer(exercises['pan-position'].solve(s.question.value!));
    const saved = s.submit();
    // Synchronously: the answer is not even scored yet, and leaving already asks.
    expect(s.phase.value).toBe('checking');
    expect(leaveReasons.value).toEqual(['an answer is being saved']);
    await until(() => s.lastSave.value?.state === 'saving', 'saving');
    expect(leaveReasons.value).toEqual(['an answer is being saved']);
    land(true);
    await saved;
    expect(leaveReasons.value).toEqual([]);
    closeDrill();
  });

  it('keeps holding while an answer is "Not saved", until a retry stores it', async () => {
    const outcomes = [false, true];
    const s = startDrill({
      kind: 'pan-position',
      count: 2,
      seed: 4,
      record: async () => outcomes.shift() ?? true,
    });
    s.setAnswer(exercises['pan-position'].solve(s.question.value!));
    await s.submit();
    expect(s.lastSave.value?.state).toBe('failed');
    expect(leaveReasons.value).toEqual(['an answer is not saved yet']);
    expect(await s.retryUnsaved()).toBe(true);
    expect(leaveReasons.value).toEqual([]);
    closeDrill();
  });

  it('closing the drill lets the page go (the learner chose to drop the unsaved answer)', async () => {
    const s = startDrill({ kind: 'pan-position', count: 2, seed: 5, record: async () => false });
    s.setAnswer(exercises['pan-position'].solve(s.question.value!));
    await s.submit();
    expect(leaveReasons.value).toEqual(['an answer is not saved yet']);
    closeDrill();
    expect(leaveReasons.value).toEqual([]);
  });
});
