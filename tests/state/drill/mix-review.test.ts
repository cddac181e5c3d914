import { describe, expect, it } from 'vitest';
import type { AbPair } from '../../../src/exercises/shared/play-types';
import { ReadingSuperseded, readReview } from '../../../src/state/drill/mix-review';

const SR = 24000;
function tone(hz: number, amp: number): Float32Array {
  const x = new Float32Array(SR);
  for (let i = 0; i < x.length; i++) x[i] = amp * Math.sin((2 * Math.PI * hz * i) / SR);
  return x;
}
const kick = tone(60, 0.3);
const hats = tone(6000, 0.1);
const pair: AbPair = {
  a: {
    tracks: [
      { name: 'Kick', channels: [kick], settings: {} },
      { name: 'Hats', channels: [hats], settings: { pan: -1 } },
    ],
  },
  b: {
    tracks: [
      { name: 'Kick', channels: [kick], settings: { faderDb: 6 } },
      { name: 'Hats', channels: [hats], settings: {} },
    ],
  },
  labels: { a: 'A', b: 'B' },
};

describe('readReview (no Worker in Node: read on this thread)', () => {
  it('reads both sides, and a solo reads that track alone in each', async () => {
    const whole = await readReview(pair, SR, null);
    expect(whole.a!.widthPercent).toBeGreaterThan(whole.b!.widthPercent);
    const k = await readReview(pair, SR, 'Kick');
    // The kick alone: B's fader is 6 dB up.
    expect(k.b!.lufs - k.a!.lufs).toBeCloseTo(6, 1);
    expect(k.a!.widthPercent).toBe(0);
    expect(await readReview(pair, SR, 'Pad')).toMatchObject({ a: null, b: null });
  });
  it('runs one reading at a time and drops a waiting one a newer request replaces', async () => {
    const first = readReview(pair, SR, null);
    const second = readReview(pair, SR, 'Kick');
    const third = readReview(pair, SR, 'Hats');
    await expect(second).rejects.toBeInstanceOf(ReadingSuperseded);
    const [a, c] = await Promise.all([first, third]);
    expect(a.a!.widthPercent).toBeGreaterThan(0);
    // Hats alone: panned hard left in A (one side only: 100 % wide), centred in B.
    expect(c.a!.widthPercent).toBeCloseTo(100, 0);
    expect(c.b!.widthPercent).toBe(0);
  });
});
