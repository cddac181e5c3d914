import { afterEach, describe, expect, it, vi } from 'vitest';

// The level-match Worker keeps the garbage of every pair cloned into it until it stops (about 90 MB after a
// 10-question drill in the bench, issue 21): it stops a moment after its last measurement, not 15 s later.

class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { id: number }[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: { id: number }): void {
    this.posted.push(message);
    queueMicrotask(() =>
      this.onmessage?.({ data: { id: message.id, type: 'done', aLufs: -20, bLufs: -21 } }),
    );
  }
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the level-match Worker', () => {
  it('stops within 2 s of its last measurement', async () => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    vi.resetModules();
    const { measurePairLevels, LEVEL_MATCH_IDLE_MS } = await import('../../../src/state/shared/level-match');
    vi.useFakeTimers();
    const levels = await measurePairLevels({ a: [], b: [] } as never, 8000);
    expect(levels?.aLufs).toBe(-20);
    const w = FakeWorker.made[0]!;
    await vi.advanceTimersByTimeAsync(LEVEL_MATCH_IDLE_MS - 1);
    expect(w.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.terminated).toBe(true);
    expect(LEVEL_MATCH_IDLE_MS).toBeLessThanOrEqual(2000);
  });
});
