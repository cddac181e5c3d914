import { describe, expect, it } from 'vitest';
import { measureRmsDbInWindow } from '../../src/dsp/measure';
import { measureRmsDb } from '../../src/dsp/meters';
import { renderWhiteNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import { generateImpulseResponse } from '../../src/dsp/reverb-ir';
import { renderOffline } from '../../src/engine/render';
import { ReverbBus, type ReverbSettings } from '../../src/engine/reverb-bus';
import { impulse, playSamples } from './mix-fixtures';

const SR = 16_000;
const room: Partial<ReverbSettings> = { decayS: 0.5, preDelayMs: 20, damping: 0.4, stereoWidth: 1, seed: 42 };

describe('ReverbBus', () => {
  it('an impulse returns exactly our generated impulse response', async () => {
    const out = await renderOffline(
      (ctx) => {
        const bus = ReverbBus.create(ctx, room);
        bus.output.connect(ctx.destination);
        playSamples(ctx, impulse(SR), bus.input);
      },
      { sampleRate: SR, durationS: 1 },
    );
    const [l, r] = generateImpulseResponse(createRng(42), {
      sampleRate: SR,
      decayS: 0.5,
      preDelayMs: 20,
      damping: 0.4,
      stereoWidth: 1,
    });
    let maxError = 0;
    let peak = 0;
    for (let i = 0; i < l.length; i++) {
      maxError = Math.max(maxError, Math.abs(out.getChannelData(0)[i]! - l[i]!));
      maxError = Math.max(maxError, Math.abs(out.getChannelData(1)[i]! - r[i]!));
      peak = Math.max(peak, Math.abs(l[i]!));
    }
    expect(maxError).toBeLessThan(peak * 1e-3);
    // Nothing before the pre-delay, nothing after the trimmed IR (FFT rounding noise aside).
    expect(measureRmsDb(out.getChannelData(0), 0, Math.round(0.02 * SR) - 1)).toBeLessThan(-140);
    expect(measureRmsDb(out.getChannelData(0), l.length + 1)).toBeLessThan(-140);
  });

  it('returns steady white noise at about its own level (unit-energy IR), and returnDb ramps it', async () => {
    const noise = renderWhiteNoise(createRng(1), SR * 2, 0.25);
    const out = await renderOffline(
      (ctx) => {
        const bus = ReverbBus.create(ctx, { ...room, damping: 0 });
        bus.output.connect(ctx.destination);
        playSamples(ctx, noise, bus.input);
        bus.update({ returnDb: -12 }, 1.2);
      },
      { sampleRate: SR, durationS: 2 },
    );
    const input = measureRmsDb(noise);
    const before = measureRmsDbInWindow(out.getChannelData(0), SR, 0.7, 1.2);
    const after = measureRmsDbInWindow(out.getChannelData(0), SR, 1.3, 1.9);
    expect(before).toBeCloseTo(input, 0);
    expect(after - before).toBeGreaterThan(-12.5);
    expect(after - before).toBeLessThan(-11.5);
  });

  it('a new room crossfades in without a gap', async () => {
    const noise = renderWhiteNoise(createRng(2), SR * 2, 0.25);
    const out = await renderOffline(
      (ctx) => {
        const bus = ReverbBus.create(ctx, { ...room, damping: 0 });
        bus.output.connect(ctx.destination);
        playSamples(ctx, noise, bus.input);
        bus.update({ decayS: 1.5, seed: 7 }, 1);
      },
      { sampleRate: SR, durationS: 2 },
    );
    const l = out.getChannelData(0);
    // Steady noise into a unit-energy room keeps its level through the switch, 10 ms windows included.
    for (let t = 0.9; t < 1.1; t += 0.01) {
      expect(Math.abs(measureRmsDbInWindow(l, SR, t, t + 0.01) - measureRmsDb(noise))).toBeLessThan(4);
    }
  });
});
