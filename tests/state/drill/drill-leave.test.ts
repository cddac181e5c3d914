/** A drill holds the page (beforeunload asks) from submit until the answer is stored, and while one is not. */
import 'fake-indexeddb/auto';
import { effect } from '@preact/signals';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import { closeDrill, startDrill } from '../../../src/state/drill/drill';
import { leaveReasons } from '../../../src/state/shared/leave-guard';

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
    // The first test also loads the drill's modules and makes a song question: 4.7-5.7 s on a loaded 2-core machine.
  }, 20_000);

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

  it('shows the feedback first: the audio review (A right, B yours) starts only after it has painted', async () => {
    const s = startDrill({ kind: 'pan-position', count: 2, seed: 6, record: async () => true });
    const review = vi.spyOn(s.player, 'review').mockResolvedValue(undefined);
    const answer = exercises['pan-position'].solve(s.question.value!);
    s.setAnswer(answer);
    await s.submit();
    expect(s.phase.value).toBe('answered');
    expect(s.lastSave.value?.state).toBe('saved');
    expect(review).not.toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(review).toHaveBeenCalledTimes(1);
    expect(review).toHaveBeenCalledWith(answer);
    // Moving on before the paint: the old answer's review never reaches the next question.
    s.next();
    s.setAnswer(exercises['pan-position'].solve(s.question.value!));
    // The learner presses Next the moment the feedback is there (before the frame is painted).
    const stop = effect(() => {
      if (s.phase.value === 'answered') s.next();
    });
    await s.submit();
    stop();
    expect(s.index.value).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(review).toHaveBeenCalledTimes(1);
    closeDrill();
  });
});
