import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDrillPlayer } from '../../../src/state/drill/drill-player';
import {
  AUDIO_CLOSE_MS,
  audioStatus,
  currentAudioContext,
  holdAudio,
  startAudio,
} from '../../../src/state/shared/audio';

// Issue 21: a live AudioContext keeps its audio thread, worklet memory and the buffers it played even when
// suspended, so it is closed AUDIO_CLOSE_MS after the last page that plays lets go of it.

/** Fakes only the timers holdAudio uses (startAudio's resume timeout runs before, on real timers). */
const fakeTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

afterEach(() => {
  vi.useRealTimers();
});

describe('the live audio context, closed when no page plays', () => {
  it('is closed AUDIO_CLOSE_MS after the last holder lets go, not a millisecond before', async () => {
    const release = holdAudio();
    const ctx = (await startAudio())!;
    expect(ctx.state).toBe('running');
    fakeTimers();
    release();
    vi.advanceTimersByTime(AUDIO_CLOSE_MS - 1);
    expect(currentAudioContext()).toBe(ctx);
    vi.advanceTimersByTime(1);
    expect(currentAudioContext()).toBeNull();
    expect(audioStatus.value).toBe('idle');
    vi.useRealTimers();
    await expect.poll(() => ctx.state).toBe('closed');
    // A closed context is not a failure: the next Play makes a new, running one.
    expect(audioStatus.value).toBe('idle');
    const next = (await startAudio())!;
    expect(next).not.toBe(ctx);
    expect(next.state).toBe('running');
  });

  it('stays while any holder is left, and a page that holds it within the moment keeps it', async () => {
    const ctx = (await startAudio())!;
    fakeTimers();
    const a = holdAudio();
    const b = holdAudio();
    a();
    a(); // letting go twice counts once
    vi.advanceTimersByTime(AUDIO_CLOSE_MS * 2);
    expect(currentAudioContext()).toBe(ctx);
    b();
    vi.advanceTimersByTime(AUDIO_CLOSE_MS - 10);
    const c = holdAudio(); // the next page that plays opens in time
    vi.advanceTimersByTime(AUDIO_CLOSE_MS * 2);
    expect(currentAudioContext()).toBe(ctx);
    expect(ctx.state).toBe('running');
    c();
    vi.advanceTimersByTime(AUDIO_CLOSE_MS);
    expect(currentAudioContext()).toBeNull();
  });

  it('a drill holds it while open: after its player is disposed no context runs', async () => {
    const player = createDrillPlayer();
    const ctx = (await startAudio())!;
    fakeTimers();
    vi.advanceTimersByTime(AUDIO_CLOSE_MS * 2);
    expect(currentAudioContext()).toBe(ctx);
    player.dispose();
    vi.advanceTimersByTime(AUDIO_CLOSE_MS);
    expect(currentAudioContext()).toBeNull();
    vi.useRealTimers();
    await expect.poll(() => ctx.state).toBe('closed');
  });
});
