import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../src/state/drill/after-paint';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('afterNextPaint', () => {
  it('waits for a frame, then a task; runs once even when the fallback timer fires too', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
    const run = vi.fn();
    afterNextPaint(run, 250);
    vi.advanceTimersByTime(100);
    expect(run).not.toHaveBeenCalled(); // no frame yet: nothing runs before the paint
    frames.shift()!(0);
    expect(run).not.toHaveBeenCalled(); // inside the frame: still before the paint
    vi.advanceTimersByTime(0);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('without frames (a hidden tab) runs after at most maxWaitMs', () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const run = vi.fn();
    afterNextPaint(run, 250);
    vi.advanceTimersByTime(249);
    expect(run).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
