import type { IOfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { gainToDb } from '../../src/dsp/db';
import { limiterLatency } from '../../src/dsp/limiter';
import { measureMaxStep, measureRmsDbInWindow } from '../../src/dsp/measure';
import { renderPinkNoise, renderWhiteNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import {
  AbCompare,
  type LevelMatchState,
  measureChainLoudness,
  measureLevelMatch,
  measureMixLoudness,
} from '../../src/engine/ab-compare';
import { Mixer } from '../../src/engine/mixer';
import { renderOffline } from '../../src/engine/render';
import { combineTargets, Transport } from '../../src/engine/transport';
import { bufferOf, playSamples, sine } from './mix-fixtures';

const SR = 16_000;
const LATENCY = limiterLatency(SR, 3);

/** Smooth, music-like test programme: white noise through a 60 Hz one-pole, scaled to a 0.5 peak. */
function rumble(seed: number, length: number): Float32Array {
  const white = renderWhiteNoise(createRng(seed), length);
  const out = new Float32Array(length);
  const a = 1 - Math.exp((-2 * Math.PI * 60) / SR);
  let y = 0;
  let peak = 0;
  for (let i = 0; i < length; i++) {
    y += a * (white[i]! - y);
    out[i] = y;
    peak = Math.max(peak, Math.abs(y));
  }
  for (let i = 0; i < length; i++) out[i] = (out[i]! * 0.5) / peak;
  return out;
}

async function renderSwitch(a: Float32Array, b: Float32Array, switchAt: number, fadeMs: number) {
  const out = await renderOffline(
    async (ctx) => {
      const ab = await AbCompare.create(ctx, { fadeMs });
      playSamples(ctx, a, ab.inputA);
      playSamples(ctx, b, ab.inputB);
      ab.select('b', switchAt);
    },
    { sampleRate: SR, durationS: a.length / SR, channels: 1 },
  );
  return out.getChannelData(0);
}

describe('AbCompare', () => {
  it('switches with an equal-power crossfade of 20 ms (cos out, sin in)', async () => {
    const out = await renderOffline(
      async (ctx) => {
        const ab = await AbCompare.create(ctx);
        const dc = ctx.createConstantSource();
        dc.offset.value = 0.4;
        dc.connect(ab.inputA);
        dc.start();
        ab.select('b', 0.1);
      },
      { sampleRate: SR, durationS: 0.2, channels: 1 },
    );
    const x = out.getChannelData(0);
    const at = (s: number) => x[Math.round(s * SR) + LATENCY]!;
    expect(at(0.09)).toBeCloseTo(0.4, 6);
    expect(at(0.11)).toBeCloseTo(0.4 * Math.SQRT1_2, 3);
    expect(at(0.105)).toBeCloseTo(0.4 * Math.cos(Math.PI / 8), 3);
    expect(Math.abs(at(0.1205))).toBeLessThan(1e-6);
  });

  it('an A/B switch adds no click: its steps stay within the equal-power bound; a hard cut does not', async () => {
    const length = SR;
    const a = rumble(1, length);
    const b = rumble(2, length);
    // Switch where the two programmes differ most, the worst case for a click.
    let k = Math.round(0.45 * SR);
    for (let i = k; i < 0.55 * SR; i++) if (Math.abs(a[i]! - b[i]!) > Math.abs(a[k]! - b[k]!)) k = i;
    const fadeSamples = Math.round(0.02 * SR);
    const fadeStart = k + LATENCY;
    const programme = Math.max(measureMaxStep(a), measureMaxStep(b));
    // y = cos θ·a + sin θ·b: |Δy| ≤ (cos θ + sin θ)·max|Δx| + Δθ·(|a| + |b|) ≤ √2·programme + Δθ·(0.5 + 0.5).
    const bound = Math.SQRT2 * programme + Math.PI / 2 / fadeSamples;

    const smooth = await renderSwitch(a, b, k / SR, 20);
    const crossfadeStep = measureMaxStep(smooth, fadeStart - 1, fadeStart + fadeSamples + 2);
    expect(crossfadeStep).toBeLessThanOrEqual(bound);
    // Measured: about the programme's own largest step (independent programmes, equal power).
    expect(crossfadeStep / programme).toBeLessThan(1.25);
    // Outside the fade the output is exactly one programme.
    expect(measureMaxStep(smooth, 0, fadeStart - 1)).toBeLessThanOrEqual(measureMaxStep(a));

    const hard = await renderSwitch(a, b, k / SR, 0);
    expect(measureMaxStep(hard, fadeStart - 1, fadeStart + 2)).toBeGreaterThan(3 * bound);
  });

  it('keeps position: after the switch, B is heard exactly in time', async () => {
    const a = rumble(3, SR / 2);
    const b = rumble(4, SR / 2);
    const out = await renderSwitch(a, b, 0.1, 20);
    for (const i of [Math.round(0.2 * SR), Math.round(0.3 * SR)])
      expect(out[i + LATENCY]).toBeCloseTo(b[i]!, 6);
  });

  it('level match trims the louder side by the loudness difference', async () => {
    const duration = 1;
    const loud = sine(1000, SR, SR * duration, 0.5);
    const quiet = sine(1000, SR, SR * duration, 0.25);
    const build = (x: Float32Array) => (ctx: IOfflineAudioContext) => {
      playSamples(ctx, x, ctx.destination);
    };
    const reading = await measureLevelMatch(build(loud), build(quiet), {
      sampleRate: SR,
      durationS: duration,
    });
    expect(reading.aLufs - reading.bLufs).toBeCloseTo(gainToDb(2), 1);

    let state: LevelMatchState | null = null;
    const out = await renderOffline(
      async (ctx) => {
        const ab = await AbCompare.create(ctx);
        expect(ab.levelMatch).toMatchObject({ enabled: true, trimDb: 0, trimmedSide: null });
        ab.setLevelMatch({ aLufs: reading.aLufs, bLufs: reading.bLufs }, 0);
        state = ab.levelMatch;
        playSamples(ctx, loud, ab.inputA);
        playSamples(ctx, quiet, ab.inputB);
        ab.setLevelMatch({ enabled: false }, 0.5);
      },
      { sampleRate: SR, durationS: duration, channels: 1 },
    );
    expect(state).toMatchObject({ enabled: true, trimmedSide: 'a' });
    expect(state!.trimDb).toBeCloseTo(-gainToDb(2), 1);
    const x = out.getChannelData(0);
    // A (heard) is trimmed to B's level while matching is on, back to its own level when off.
    expect(measureRmsDbInWindow(x, SR, 0.1, 0.45)).toBeCloseTo(gainToDb(0.25 * Math.SQRT1_2), 1);
    expect(measureRmsDbInWindow(x, SR, 0.6, 0.95)).toBeCloseTo(gainToDb(0.5 * Math.SQRT1_2), 1);
  });

  it('measureMixLoudness reads a full-scale 997 Hz sine on both channels as 0 LUFS (−3.01 on one)', async () => {
    const out = await renderOffline(
      (ctx) => {
        const tone = sine(997, 48_000, 48_000, 1);
        const source = ctx.createBufferSource();
        const buffer = ctx.createBuffer(2, tone.length, 48_000);
        buffer.copyToChannel(tone, 0);
        buffer.copyToChannel(tone, 1);
        source.buffer = buffer;
        source.connect(ctx.destination);
        source.start();
      },
      { sampleRate: 48_000, durationS: 1 },
    );
    expect(measureMixLoudness(out)).toBeCloseTo(0, 1);
  });

  it('level-matches two 4 s, 4-track mixes with reverb from offline renders; reports the time', async () => {
    const seconds = 4;
    for (const sampleRate of [48_000, 32_000]) {
      const stems = [1, 2, 3, 4].map((seed) => renderPinkNoise(createRng(seed), seconds * sampleRate, 0.1));
      const mix = (faderDb: number) => async (ctx: IOfflineAudioContext) => {
        const track = { faderDb, sends: { reverb: { levelDb: -10, preFader: false, enabled: true } } };
        const mixer = await Mixer.create(ctx, { tracks: [track, track, track, track] });
        stems.forEach((x, i) => {
          playSamples(ctx, x, mixer.strip(i).input);
        });
      };
      const reading = await measureLevelMatch(mix(0), mix(-3), { sampleRate, durationS: seconds });
      // Everything in these chains is linear (no compressor, limiter idle): B is exactly 3 dB down.
      expect(reading.aLufs - reading.bLufs).toBeCloseTo(3, 1);
      // Re-measuring only the learner's chain (after a change) gives the same reading.
      const again = await measureChainLoudness(mix(-3), { sampleRate, durationS: seconds });
      expect(again.lufs).toBeCloseTo(reading.bLufs, 6);
      console.info(
        `level match, ${seconds} s × 4 tracks at ${sampleRate} Hz: both ${reading.elapsedMs.toFixed(0)} ms, ` +
          `one chain ${again.elapsedMs.toFixed(0)} ms`,
      );
    }
  });

  it('end to end: one Transport feeds a reference and a learner Mixer; the switch picks the mix', async () => {
    const a = sine(200, SR, SR, 0.25);
    const b = sine(300, SR, SR, 0.25);
    const out = await renderOffline(
      async (ctx) => {
        const ab = await AbCompare.create(ctx);
        const reference = await Mixer.create(ctx, { tracks: [{}, {}], output: ab.inputA });
        const learner = await Mixer.create(ctx, { tracks: [{ mute: true }, {}], output: ab.inputB });
        const stems = [bufferOf(ctx, [a]), bufferOf(ctx, [b])];
        new Transport(ctx, combineTargets(reference, learner), stems).play(0, 0);
        ab.select('b', 0.5);
      },
      { sampleRate: SR, durationS: 1, channels: 1 },
    );
    const x = out.getChannelData(0);
    // Mono output: the centred stereo mix downmixed, (L + R)/2 = 0.707·signal. Two limiters in series (mixer, A/B).
    const delay = 2 * LATENCY;
    for (const i of [2000, 5000]) expect(x[i + delay]).toBeCloseTo((a[i]! + b[i]!) * Math.SQRT1_2, 5);
    for (const i of [10_000, 14_000]) expect(x[i + delay]).toBeCloseTo(b[i]! * Math.SQRT1_2, 5);
  });
});
