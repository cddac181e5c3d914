import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Issue 21: the song Worker (the instrument bank, its note cache and garbage, about 100 MB) was kept for
// WORKER_IDLE_MS after a drill's last question. The question source lets it go once that question is shown.

afterEach(() => {
  vi.doUnmock('../../../src/state/shared/song-stems');
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function sourceWithSpy(count: number) {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
  vi.stubGlobal(
    'Worker',
    class {
      postMessage(): void {}
      terminate(): void {}
    },
  );
  vi.resetModules();
  const stop = vi.fn();
  vi.doMock('../../../src/state/shared/song-stems', async (original) => ({
    ...(await original<typeof import('../../../src/state/shared/song-stems')>()),
    stopSongWorkersWhenIdle: stop,
  }));
  const { createQuestionSource } = await import('../../../src/state/drill/drill-questions');
  const { takeAhead } = await import('../../../src/state/drill/question-ahead');
  const source = createQuestionSource({
    kind: 'eq-boost',
    level: 1,
    count,
    fixed: null,
    seed: 7,
    adaptiveValue: () => null,
  });
  return { source, stop, takeAhead };
}

describe('a drill lets the song Workers go once nothing is left to make', () => {
  it('not between questions (a fresh Worker is 3-4 s slower), and at once when the last question is shown', async () => {
    const { source, stop, takeAhead } = await sourceWithSpy(3);
    await source.questionAt(0);
    const second = await source.questionAt(1);
    source.prefetchNext(0);
    await vi.waitFor(() => expect(takeAhead(second.question)).not.toBeNull(), {
      timeout: 20_000,
      interval: 5,
    });
    expect(stop).not.toHaveBeenCalled();
    source.prefetchNext(2); // the last of 3: nothing ahead, the Workers go at once
    expect(stop).toHaveBeenCalledTimes(1);
  }, 30_000);
});
