import { afterEach, describe, expect, it, vi } from 'vitest';

// The song Worker holds the instrument bank, its note cache and its garbage (issue 21): once the songs are
// released it must stop as soon as the work in hand ends, and a forced stop must not leave it counted as busy
// (which kept every later Worker alive for good: the bench's "song Worker stopped" row still had it).

/** A Worker that records what it was sent and answers only when told. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: { id: number; type: string }[] = [];
  terminated = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor() {
    FakeWorker.made.push(this);
  }
  postMessage(message: { id: number; type: string }): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answers request `id` as done. */
  reply(id: number): void {
    this.onmessage?.({ data: { id, type: 'done', warm: true } });
  }
}

async function freshModule() {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
  return import('../../../src/state/shared/song-stems');
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the song Worker stops', () => {
  it('as soon as the work in hand ends when the songs were released meanwhile, not WORKER_IDLE_MS later', async () => {
    const stems = await freshModule();
    vi.useFakeTimers();
    void stems.warmSongWorker();
    const w = FakeWorker.made[0]!;
    const first = w.posted[0]!;
    stems.releaseSongStems(); // a drill closed while its next song renders
    expect(w.terminated).toBe(false);
    w.reply(first.id);
    await vi.advanceTimersByTimeAsync(0);
    expect(w.terminated).toBe(true);
  });

  it('idle after a forced stop: the next Worker stops WORKER_IDLE_MS after its work, not never', async () => {
    const stems = await freshModule();
    vi.useFakeTimers();
    void stems.warmSongWorker();
    stems.clearDrillStems(); // stopped while a request waits: that request never gets a reply
    void stems.warmSongWorker();
    const w = FakeWorker.made[1]!;
    w.reply(w.posted[0]!.id);
    await vi.advanceTimersByTimeAsync(stems.WORKER_IDLE_MS - 1);
    expect(w.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(w.terminated).toBe(true);
  });

  it('between a drill’s questions: at once when idle, else as soon as the work in hand ends; the next request starts another', async () => {
    const stems = await freshModule();
    vi.useFakeTimers();
    void stems.warmSongWorker();
    const w = FakeWorker.made[0]!;
    stems.stopSongWorkersWhenIdle(); // the next question is ready while a request is still answered
    expect(w.terminated).toBe(false);
    w.reply(w.posted[0]!.id);
    await vi.advanceTimersByTimeAsync(0);
    expect(w.terminated).toBe(true);
    // The next Next: a new Worker, which an idle stop ends at once (not WORKER_IDLE_MS later).
    void stems.warmSongWorker();
    const again = FakeWorker.made[1]!;
    again.reply(again.posted[0]!.id);
    await vi.advanceTimersByTimeAsync(0);
    expect(again.terminated).toBe(false);
    stems.stopSongWorkersWhenIdle();
    expect(again.terminated).toBe(true);
  });
});
