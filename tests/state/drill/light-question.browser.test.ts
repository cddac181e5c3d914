/**
 * Light mode's ready-made sides sound like the live ones: a side with reverb and delay, made ready-made and then
 * played through the engine (a flat strip), equals the live side's second time round the loop (when the first
 * pass's reverb and delay still ring into it).
 */
import { describe, expect, it } from 'vitest';
import { renderSide } from '../../../src/exercises/play-registry';
import type { SideSpec } from '../../../src/exercises/shared/play-types';
import { lightQuestion } from '../../../src/state/drill/light-question';

const RATE = 16000;

function tone(hz: number, amplitude: number): Float32Array {
  // Half a second of tone, then silence: the tail of the reverb is heard on its own before the loop turns.
  return Float32Array.from({ length: RATE }, (_, i) =>
    i < RATE / 2 ? amplitude * Math.sin((2 * Math.PI * hz * i) / RATE) : 0,
  );
}

const side: SideSpec = {
  tracks: [
    {
      name: 'Keys',
      channels: [tone(330, 0.3)],
      settings: { pan: -0.4, sends: { reverb: { enabled: true, levelDb: -6 } } },
    },
    {
      name: 'Bass',
      channels: [tone(110, 0.3), tone(110, 0.2)],
      settings: { faderDb: -3, eq: [{ gainDb: 4 }], sends: { delay: { enabled: true, levelDb: -10 } } },
    },
  ],
  bpm: 120,
};

const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length);

describe('Light mode: ready-made A and B', () => {
  it('the ready-made side, played, is the live side as it sounds the second time round (within −40 dB)', async () => {
    const light = await lightQuestion({
      sampleRate: RATE,
      durationS: 1,
      question: { a: side, b: side, labels: { a: 'A', b: 'B' } },
      review: () => ({ a: side, b: side, labels: { a: 'A', b: 'B' } }),
      levelMatch: { allowed: true },
      measureRate: RATE,
    });
    expect(light.question.a.tracks).toHaveLength(1);
    const [live, ready] = await Promise.all([
      renderSide(side, RATE, { durationS: 2 }),
      renderSide(light.question.a, RATE, { durationS: 1 }),
    ]);
    for (let c = 0; c < 2; c++) {
      const second = live.getChannelData(c).slice(RATE, 2 * RATE);
      const heard = ready.getChannelData(c);
      const diff = heard.map((v, i) => v - (second[i] as number));
      expect(rms(second)).toBeGreaterThan(0.01);
      // The tail past 2 s that the fold leaves out is far below this.
      expect(20 * Math.log10(rms(diff) / rms(second))).toBeLessThan(-40);
    }
    // The tail really wraps: the ready-made loop's start differs from the live first pass's (which starts
    // from silence) by the end's reverb and delay.
    const first = live.getChannelData(0).slice(0, 800);
    const wrapped = ready
      .getChannelData(0)
      .slice(0, 800)
      .map((v, i) => v - (first[i] as number));
    expect(rms(wrapped)).toBeGreaterThan(1e-4);
  });
});
