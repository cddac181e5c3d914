import { describe, expect, it } from 'vitest';
import { measureSideLoudness } from '../../../src/exercises/play-registry';
import type { SideSpec } from '../../../src/exercises/shared/play-types';
import { measurePairLevels, renderSideInWorker } from '../../../src/state/shared/level-match';

const RATE = 16000;
const tone = (hz: number, amp: number) =>
  Float32Array.from({ length: RATE }, (_, i) => amp * Math.sin((2 * Math.PI * hz * i) / RATE));
const side = (faderDb: number): SideSpec => ({
  tracks: [
    { name: 'Tone', channels: [tone(440, 0.3)], settings: { faderDb } },
    { name: 'Low', channels: [tone(110, 0.2)], settings: { faderDb: -6, compressor: { enabled: true } } },
  ],
  bpm: 120,
});

describe('level match in a Worker (no offline render)', () => {
  it('measures A and B as the offline render does, and 6 dB of fader reads about 6 LU apart', async () => {
    const a = side(0);
    const b = side(-6);
    const measured = await measurePairLevels({ a, b, labels: { a: 'A', b: 'B' } }, RATE);
    expect(measured).not.toBeNull();
    const offlineA = await measureSideLoudness(a, RATE, RATE);
    const offlineB = await measureSideLoudness(b, RATE, RATE);
    expect(Math.abs((measured?.aLufs ?? 0) - offlineA)).toBeLessThan(0.05);
    expect(Math.abs((measured?.bLufs ?? 0) - offlineB)).toBeLessThan(0.05);
    expect((measured?.aLufs ?? 0) - (measured?.bLufs ?? 0)).toBeGreaterThan(3);
  });

  it('renders a side once through, stereo, the requested length', async () => {
    const out = await renderSideInWorker(side(0), RATE, { durationS: 0.5 });
    expect(out.numberOfChannels).toBe(2);
    expect(out.getChannelData(0).length).toBe(RATE / 2);
    expect(Math.max(...out.getChannelData(0).map(Math.abs))).toBeGreaterThan(0.05);
  });
});
