/**
 * The Mix page's master meter shows what leaves the hearing-safety limiter (never over −1 dBFS), and the
 * limiter's gain reduction is read beside it, so a hot mix reads as "limiter turning down 6 dB", not as
 * clipping at +5 dBFS.
 */
import { AudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { dbToGain, gainToDb } from '../../../src/dsp/db';
import { createLiveMix, limiterReductionDb, startingSettings } from '../../../src/state/mixer/live-mix';
import type { MixSource } from '../../../src/state/shared/test-sources';

const RATE = 48_000;

/** One mono 250 Hz sine track of peak `amplitude`, one second long (played in a loop). */
function sineSource(amplitude: number): MixSource {
  const samples = Float32Array.from(
    { length: RATE },
    (_, i) => amplitude * Math.sin((2 * Math.PI * 250 * i) / RATE),
  );
  return {
    id: 'sine',
    title: 'Sine',
    sampleRate: RATE,
    tracks: [{ id: 'tone', name: 'Tone', channels: [samples], defaultFaderDb: 0 }],
  };
}

async function playing(amplitude: number, faderDb: number, masterDb: number) {
  const ctx = new AudioContext({ sampleRate: RATE });
  await ctx.resume();
  const source = sineSource(amplitude);
  const settings = source.tracks.map((t) => ({ ...startingSettings(t), faderDb }));
  const live = await createLiveMix(ctx, source, settings, masterDb);
  live.setLoop(true);
  live.play(0);
  return { ctx, live };
}

describe('the master meter tells the truth', () => {
  it('limiterReductionDb: nothing under the ceiling, output − input over it', () => {
    expect(limiterReductionDb(-3, -3.2)).toBe(0);
    expect(limiterReductionDb(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(0);
    expect(limiterReductionDb(4.97, -1)).toBeCloseTo(-5.97, 6);
    expect(limiterReductionDb(2, 2.5)).toBe(0);
  });

  it('a mix driven 6 dB into the limiter reads −1 dBFS on the meter and about −6 dB of reduction', async () => {
    // 0.5 peak · centre pan (−3.01 dB) · +10 dB fader · +4 dB master = +4.97 dBFS going into the limiter.
    const into = gainToDb(0.5 * Math.SQRT1_2 * dbToGain(14));
    const { ctx, live } = await playing(0.5, 10, 4);
    await expect.poll(() => live.readMasterMeter().peakDb, { timeout: 3000 }).toBeGreaterThan(-1.5);
    const out = live.readMasterMeter().peakDb;
    expect(out).toBeLessThanOrEqual(-1 + 0.05);
    expect(out).toBeGreaterThan(-1.5);
    expect(live.readLimiterReductionDb()).toBeCloseTo(-1 - into, 0);
    live.dispose();
    await ctx.close();
  });

  it('a mix under the ceiling reads its own level and no reduction', async () => {
    // 0.5 · 0.707 · −6 dB fader = −15.0 dBFS.
    const { ctx, live } = await playing(0.5, -6, 0);
    await expect.poll(() => live.readMasterMeter().peakDb, { timeout: 3000 }).toBeGreaterThan(-16);
    expect(live.readMasterMeter().peakDb).toBeCloseTo(gainToDb(0.5 * Math.SQRT1_2 * dbToGain(-6)), 1);
    expect(live.readLimiterReductionDb()).toBe(0);
    live.dispose();
    await ctx.close();
  });
});
