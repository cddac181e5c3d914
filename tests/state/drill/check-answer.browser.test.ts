import { describe, expect, it, vi } from 'vitest';
import { type ExerciseQuestion, exercises } from '../../../src/exercises/registry';
import { CHECK_IDLE_MS, checkAnswer, HEAVY_CHECKS } from '../../../src/state/drill/check-answer';

/** Runs `work` while a 10 ms heartbeat runs on the main thread; returns its result and the longest gap, ms. */
async function withHeartbeat<T>(work: () => Promise<T>): Promise<{ value: T; gapMs: number; ms: number }> {
  const t0 = performance.now();
  let last = t0;
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    return { value, gapMs, ms: performance.now() - t0 };
  } finally {
    clearInterval(timer);
  }
}

describe('marking a whole mix off the main thread', () => {
  it('the whole-mix kinds are the heavy ones', () => {
    expect([...HEAVY_CHECKS].sort()).toEqual(['fix-mix', 'mix-match']);
  });

  it('the worker marks exactly as the kind does here: the reference 100, the untouched start 0', async () => {
    const k = exercises['mix-match'];
    const q = k.generate(3, 2) as ExerciseQuestion;
    const ideal = k.solve(q);
    const untouched = k.start!(q);
    const here = [k.check(q, ideal), k.check(q, untouched)];
    // Cold: the worker starts and analyses the song itself; the page's thread stays free meanwhile.
    const cold = await withHeartbeat(() => checkAnswer('mix-match', q, ideal));
    expect(cold.value).toEqual(here[0]);
    expect(cold.value.score).toBe(100);
    expect(await checkAnswer('mix-match', q, untouched)).toEqual(here[1]);
    expect(here[1]!.score).toBe(0);
    // The main thread never waited as long as the marking took (it ran in the worker).
    expect(cold.gapMs).toBeLessThan(Math.max(250, cold.ms / 2));
  }, 60_000);

  it('fix-mix too, and a light kind is marked on this thread with the same result', async () => {
    const fm = exercises['fix-mix'];
    const q = fm.generate(11, 1) as ExerciseQuestion;
    const a = fm.solve(q);
    expect(await checkAnswer('fix-mix', q, a)).toEqual(fm.check(q, a));
    const eq = exercises['eq-boost'];
    const eqQ = eq.generate(4, 2) as ExerciseQuestion;
    const eqA = eq.solve(eqQ);
    expect(await checkAnswer('eq-boost', eqQ, eqA)).toEqual(eq.check(eqQ, eqA));
  }, 60_000);

  it('the check worker stops once idle for CHECK_IDLE_MS, not before (its heap goes with it)', async () => {
    const fm = exercises['fix-mix'];
    const q = fm.generate(12, 1) as ExerciseQuestion;
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      expect(await checkAnswer('fix-mix', q, fm.solve(q))).toEqual(fm.check(q, fm.solve(q)));
      vi.advanceTimersByTime(CHECK_IDLE_MS - 1);
      expect(terminate).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(terminate).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
      terminate.mockRestore();
    }
  }, 60_000);
});
