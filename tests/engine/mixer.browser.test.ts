import { AudioContext, type IOfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { dbToGain, gainToDb } from '../../src/dsp/db';
import { limiterLatency } from '../../src/dsp/limiter';
import { isSilent, measureRmsDbInWindow } from '../../src/dsp/measure';
import { measurePeak, measureRms } from '../../src/dsp/meters';
import { renderWhiteNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import type { StripSettings } from '../../src/engine/channel-strip';
import { Mixer, type MixerOptions } from '../../src/engine/mixer';
import { renderOffline } from '../../src/engine/render';
import { Transport } from '../../src/engine/transport';
import { argMaxAbs, bufferOf, impulse, playSamples, sine } from './mix-fixtures';

const SR = 16_000;
const L = limiterLatency(SR, 3);
const MINUS_6 = dbToGain(-6);

/** Renders a mixer fed with one mono signal per track; `then` may schedule changes before rendering. */
async function renderMix(
  inputs: Float32Array[],
  options: MixerOptions,
  durationS: number,
  then?: (mixer: Mixer, ctx: IOfflineAudioContext) => void,
) {
  let mixer: Mixer | undefined;
  const out = await renderOffline(
    async (ctx) => {
      mixer = await Mixer.create(ctx, options);
      inputs.forEach((x, i) => {
        playSamples(ctx, x, mixer!.strip(i).input);
      });
      then?.(mixer, ctx);
    },
    { sampleRate: SR, durationS },
  );
  return { left: out.getChannelData(0), right: out.getChannelData(1), mixer: mixer! };
}

function difference(a: Float32Array, b: Float32Array): Float32Array {
  return a.map((x, i) => x - b[i]!);
}

function burst(seconds: number, total: number): Float32Array {
  const out = new Float32Array(Math.round(total * SR));
  out.set(renderWhiteNoise(createRng(5), Math.round(seconds * SR), 0.3));
  return out;
}

const sends = (reverb: boolean, delay = false): Partial<StripSettings> => ({
  sends: {
    reverb: { levelDb: 0, preFader: false, enabled: reverb },
    delay: { levelDb: 0, preFader: false, enabled: delay },
  },
});

describe('Mixer', () => {
  it('sums two tracks: two −6 dB sines give the expected RMS (centre pan −3.01 dB)', async () => {
    const a = sine(200, SR, SR / 2, MINUS_6);
    const b = sine(300, SR, SR / 2, MINUS_6);
    const { left, right } = await renderMix([a, b], { tracks: [{}, {}] }, 0.5);
    // Two unrelated sines of amplitude A: RMS = A; the centre pan law takes 3.01 dB off each side.
    const expected = gainToDb(MINUS_6 * Math.SQRT1_2);
    expect(measureRmsDbInWindow(left, SR, 0.1, 0.4)).toBeCloseTo(expected, 2);
    expect(measureRmsDbInWindow(right, SR, 0.1, 0.4)).toBeCloseTo(expected, 2);
    // Sample-exact sum, delayed only by the limiter's lookahead.
    const i = Math.round(0.2 * SR);
    expect(left[i + L]).toBeCloseTo((a[i]! + b[i]!) * Math.SQRT1_2, 5);
  });

  it('solo silences every other strip, its sends included; the returns keep the soloed sends', async () => {
    const a = sine(200, SR, SR, MINUS_6);
    const b = sine(300, SR, SR, MINUS_6);
    const tracks = [{ ...sends(false) }, { ...sends(true) }];
    const soloed = await renderMix([a, b], { tracks, reverb: { decayS: 0.3 } }, 1, (mixer) => {
      mixer.updateTrack(0, { solo: true }, 0.4);
    });
    const aOnly = await renderMix([a], { tracks: [{}] }, 1);
    const residual = difference(soloed.left, aOnly.left);
    // Before the solo, b and its reverb are there; from the solo (+ ramp and reverb tail) only a is.
    expect(measureRmsDbInWindow(residual, SR, 0.1, 0.35)).toBeGreaterThan(-20);
    // (b's reverb tail is 0.3 s × 80/60 + 20 ms pre-delay long: gone by 0.85 s.)
    expect(measureRmsDbInWindow(residual, SR, 0.85, 1)).toBeLessThan(-90);

    // Soloing the strip that sends: its reverb return stays audible after it stops.
    const dry = burst(0.2, 1);
    const withSolo = await renderMix([dry, b], { tracks: [{ ...sends(true), solo: true }, {}] }, 1);
    expect(measureRmsDbInWindow(withSolo.left, SR, 0.25, 0.5)).toBeGreaterThan(-40);
  });

  it('the reverb leaves a tail after the dry signal; a disabled or muted send leaves silence', async () => {
    const dry = burst(0.2, 1);
    const reverb = { decayS: 0.4, preDelayMs: 10 };
    const wet = await renderMix([dry], { tracks: [sends(true)], reverb }, 1);
    const off = await renderMix([dry], { tracks: [sends(false)], reverb }, 1);
    const muted = await renderMix([dry], { tracks: [{ ...sends(true), mute: true }], reverb }, 1);
    const afterDry = Math.round(0.2 * SR) + L + 1;
    expect(measureRmsDbInWindow(wet.left, SR, 0.22, 0.4)).toBeGreaterThan(-40);
    expect(isSilent(off.left.subarray(afterDry), -120)).toBe(true);
    expect(isSilent(muted.left, -120)).toBe(true);
    // The tail is done within the IR length (decay × 80/60 plus pre-delay) after the dry ends.
    expect(isSilent(wet.left.subarray(Math.round((0.2 + 0.4 * (80 / 60) + 0.01) * SR) + L + 2), -100)).toBe(
      true,
    );
  });

  it('the delay echoes a track exactly one synced note later (120 BPM 1/8 = 4000 samples)', async () => {
    const click = impulse(SR, 800, 0.5);
    const { left } = await renderMix(
      [click],
      { tracks: [sends(false, true)], bpm: 120, delay: { note: '1/8' } },
      1,
    );
    const dryAt = argMaxAbs(left, 0, 2000);
    expect(dryAt).toBe(800 + L);
    expect(argMaxAbs(left, 2000, 6000)).toBe(dryAt + 4000);
    // The send is taken before the pan: the echo is the full 0.5, the centred dry signal 0.5·0.707.
    expect(left[dryAt + 4000]).toBeCloseTo(0.5, 4);
    expect(left[dryAt]).toBeCloseTo(0.5 * Math.SQRT1_2, 4);
  });

  it('the hearing-safety limiter is last: a +10 dB sum never exceeds −1 dBFS', async () => {
    const a = sine(200, SR, SR / 2, 0.7);
    const b = sine(310, SR, SR / 2, 0.7);
    const hot: Partial<StripSettings> = { faderDb: 10, ...sends(true, true) };
    const { left, right } = await renderMix(
      [a, b],
      { tracks: [hot, hot], masterDb: 6, reverb: { returnDb: 6 }, delay: { returnDb: 6 } },
      0.5,
    );
    const ceiling = dbToGain(-1);
    expect(measurePeak(left)).toBeLessThanOrEqual(ceiling);
    expect(measurePeak(right)).toBeLessThanOrEqual(ceiling);
    expect(measurePeak(left)).toBeGreaterThan(ceiling * 0.99);
  });

  it('the master meter reads after the master fader, before the limiter (live context)', async () => {
    const ctx = new AudioContext({ sampleRate: 48_000 });
    await ctx.resume();
    const mixer = await Mixer.create(ctx, { tracks: [{ faderDb: 6 }], masterDb: 4 });
    const dc = ctx.createConstantSource();
    dc.offset.value = 0.5;
    mixer.connectSource(0, dc);
    dc.start();
    await new Promise((r) => setTimeout(r, 150));
    // 0.5 · centre 0.707 · +6 dB · +4 dB: −3.0 + 10 = +7.0 dBFS, far over the limiter's −1.
    const reading = mixer.readMasterMeter();
    expect(reading.peakDb).toBeCloseTo(gainToDb(0.5 * Math.SQRT1_2 * dbToGain(10)), 1);
    expect(reading.rmsDb).toBeCloseTo(reading.peakDb, 1);
    mixer.dispose();
    await ctx.close();
  });

  it('adds, removes and disposes tracks; strip(i) rejects a missing track', async () => {
    const a = sine(200, SR, SR / 2, MINUS_6);
    const b = sine(300, SR, SR / 2, MINUS_6);
    const out = await renderOffline(
      async (ctx) => {
        const mixer = await Mixer.create(ctx, { tracks: [{}] });
        expect(await mixer.addTrack({ name: 'Bass' })).toBe(1);
        expect(mixer.strip(1).settings.name).toBe('Bass');
        playSamples(ctx, a, mixer.strip(0).input);
        playSamples(ctx, b, mixer.strip(1).input);
        mixer.removeTrack(0);
        expect(mixer.trackCount).toBe(1);
        expect(() => mixer.strip(1)).toThrow(RangeError);
      },
      { sampleRate: SR, durationS: 0.5 },
    );
    // Only b is left: its RMS alone.
    expect(measureRms(out.getChannelData(0), 1600, 6400)).toBeCloseTo(MINUS_6 * 0.5, 3);
    const disposed = await renderOffline(
      async (ctx) => {
        const mixer = await Mixer.create(ctx, { tracks: [{}] });
        playSamples(ctx, a, mixer.strip(0).input);
        mixer.dispose();
      },
      { sampleRate: SR, durationS: 0.3 },
    );
    expect(isSilent(disposed.getChannelData(0), -120)).toBe(true);
  });

  it('a Transport plays stems into the mixer, one per strip, sample-aligned', async () => {
    const out = await renderOffline(
      async (ctx) => {
        const mixer = await Mixer.create(ctx, { tracks: [{ pan: -1 }, { pan: 1 }] });
        const stems = [bufferOf(ctx, [impulse(SR, 1000, 0.5)]), bufferOf(ctx, [impulse(SR, 1000, 0.5)])];
        new Transport(ctx, mixer, stems).play(0, 0.1);
      },
      { sampleRate: SR, durationS: 0.5 },
    );
    const expected = Math.round(0.1 * SR) + 1000 + L;
    expect(argMaxAbs(out.getChannelData(0))).toBe(expected);
    expect(argMaxAbs(out.getChannelData(1))).toBe(expected);
    expect(out.getChannelData(0)[expected]).toBeCloseTo(0.5, 5);
  });
});
