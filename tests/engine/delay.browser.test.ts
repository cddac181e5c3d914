import { describe, expect, it } from 'vitest';
import { biquadCoefficients, biquadMagnitudeDb } from '../../src/dsp/biquad';
import { gainToDb } from '../../src/dsp/db';
import { measureRmsDbInWindow } from '../../src/dsp/measure';
import { DelayBus, type DelaySettings } from '../../src/engine/delay-bus';
import { renderOffline } from '../../src/engine/render';
import { argMaxAbs, impulse, playSamples, sine } from './mix-fixtures';

const SR = 16_000;

async function renderDelay(input: Float32Array, settings: Partial<DelaySettings>, durationS: number) {
  return renderOffline(
    (ctx) => {
      const bus = DelayBus.create(ctx, settings);
      bus.output.connect(ctx.destination);
      playSamples(ctx, input, bus.input);
    },
    { sampleRate: SR, durationS, channels: 1 },
  );
}

describe('DelayBus', () => {
  it('an impulse returns exactly one synced note value later (120 BPM 1/8 = 250 ms)', async () => {
    const out = (
      await renderDelay(impulse(SR, 100), { bpm: 120, note: '1/8', feedback: 0.5 }, 0.6)
    ).getChannelData(0);
    expect(argMaxAbs(out, 0, 4000 + 100 + 2000)).toBe(100 + 4000);
    expect(out[4100]).toBeCloseTo(1, 5);
    // Only the echo: the dry impulse is not on the return.
    expect(Math.abs(out[100]!)).toBeLessThan(1e-6);
  });

  it('dotted and triplet values land within one sample', async () => {
    for (const [note, bpm, seconds] of [
      ['1/8d', 100, 0.45],
      ['1/8t', 120, 1 / 6],
      ['1/4', 90, 2 / 3],
    ] as const) {
      const out = (await renderDelay(impulse(SR, 0), { bpm, note, feedback: 0 }, 0.8)).getChannelData(0);
      expect(Math.abs(argMaxAbs(out) - seconds * SR)).toBeLessThanOrEqual(1);
    }
  });

  it('each repeat is quieter by the feedback gain and the loop filters', async () => {
    const settings = { bpm: 120, note: '1/8', feedback: 0.5, lowCutHz: 250, highCutHz: 4500 } as const;
    const burst = new Float32Array(SR);
    burst.set(sine(1000, SR, Math.round(0.12 * SR), 0.5));
    const out = (await renderDelay(burst, settings, 1.3)).getChannelData(0);
    const loopDb =
      gainToDb(0.5) +
      biquadMagnitudeDb(biquadCoefficients('highpass', 250, Math.SQRT1_2, 0, SR), 1000, SR) +
      biquadMagnitudeDb(biquadCoefficients('lowpass', 4500, Math.SQRT1_2, 0, SR), 1000, SR);
    // Steady part of each 120 ms repeat: the loop filters ring a little longer at every pass.
    const repeat = (n: number) => measureRmsDbInWindow(out, SR, n * 0.25 + 0.04, n * 0.25 + 0.1);
    expect(repeat(1)).toBeCloseTo(gainToDb(0.5 * Math.SQRT1_2), 1);
    for (const n of [1, 2, 3]) expect(repeat(n + 1) - repeat(n)).toBeCloseTo(loopDb, 1);
  });

  it('clamps feedback to 0.9 so the repeats die away', async () => {
    const burst = new Float32Array(SR);
    burst.set(sine(1000, SR, Math.round(0.12 * SR), 0.5));
    const out = (await renderDelay(burst, { bpm: 120, note: '1/8', feedback: 1.5 }, 1.3)).getChannelData(0);
    const repeat = (n: number) => measureRmsDbInWindow(out, SR, n * 0.25 + 0.04, n * 0.25 + 0.1);
    const step = repeat(3) - repeat(2);
    expect(step).toBeLessThan(gainToDb(0.9) + 0.01);
    expect(step).toBeGreaterThan(gainToDb(0.9) - 0.5);
  });

  it('a tempo change moves the echo (the delay time ramps)', async () => {
    const out = await renderOffline(
      (ctx) => {
        const bus = DelayBus.create(ctx, { bpm: 120, note: '1/4', feedback: 0 });
        bus.output.connect(ctx.destination);
        bus.update({ bpm: 150 }, 0);
        playSamples(ctx, impulse(SR, Math.round(0.3 * SR)), bus.input);
      },
      { sampleRate: SR, durationS: 1, channels: 1 },
    );
    // After the glide, a quarter at 150 BPM is 0.4 s.
    expect(Math.abs(argMaxAbs(out.getChannelData(0)) - 0.7 * SR)).toBeLessThanOrEqual(1);
  });
});
