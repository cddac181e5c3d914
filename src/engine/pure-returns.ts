/**
 * The reverb and delay returns in plain TypeScript, the same maths as ReverbBus and DelayBus: the seeded
 * impulse response by FFT convolution, the delay line (linear interpolation, as a DelayNode reads) with
 * high-pass → low-pass → feedback in its loop. No AudioContext; imports nothing that touches Web Audio.
 */
import { biquadCoefficients } from '../dsp/biquad';
import { convolveStereo } from '../dsp/convolve';
import { dbToGain } from '../dsp/db';
import { clampFeedback, noteValueSeconds } from '../dsp/delay';
import { createRng } from '../dsp/random';
import { IR_TRIM_DB } from '../dsp/reverb-ir';
import { spaceImpulseResponse } from '../dsp/reverb-space';
import type { SampleRate } from '../dsp/units';
import { DEFAULT_DELAY, type DelaySettings, MAX_DELAY_S } from './delay-bus';
import type { ReverbSettings } from './reverb-bus';

/** A stereo bus signal. */
export type StereoSignal = [Float32Array, Float32Array];

/**
 * The reverb return for `input` (the summed sends) over `length` samples. `tailDb` cuts the impulse response
 * that far below its start (default: the engine's own −80 dB, so the result is what the ConvolverNode plays);
 * a loudness measurement may cut at −40 dB, where the rest of the tail holds under 0.01 % of the energy.
 */
export function renderPureReverb(
  input: StereoSignal,
  settings: ReverbSettings,
  sampleRate: SampleRate,
  length: number,
  tailDb = IR_TRIM_DB,
): StereoSignal {
  const options = { sampleRate, ...settings };
  let [irL, irR] = spaceImpulseResponse(createRng(settings.seed), options);
  if (tailDb < IR_TRIM_DB) {
    // The same clamps as generateImpulseResponse: pre-delay 0..500 ms, decay 0.05..20 s.
    const preDelay = Math.round((Math.min(500, Math.max(0, settings.preDelayMs || 0)) / 1000) * sampleRate);
    const decay = Math.min(20, Math.max(0.05, settings.decayS || 0.05));
    const keep = preDelay + Math.ceil(((decay * Math.max(0, tailDb)) / 60) * sampleRate);
    irL = irL.subarray(0, keep);
    irR = irR.subarray(0, keep);
  }
  const [l, r] = convolveStereo(input, [irL, irR], length);
  const g = Math.fround(dbToGain(settings.returnDb));
  for (let i = 0; i < length; i++) {
    l[i] = (l[i] as number) * g;
    r[i] = (r[i] as number) * g;
  }
  return [l, r];
}

/** The delay in samples a DelayBus sets for these settings (a float32 param times the rate). */
export function pureDelayFrames(settings: DelaySettings, sampleRate: SampleRate): number {
  const bpm = Number.isFinite(settings.bpm) && settings.bpm > 0 ? settings.bpm : DEFAULT_DELAY.bpm;
  const seconds = Math.min(MAX_DELAY_S, Math.max(128 / sampleRate, noteValueSeconds(settings.note, bpm)));
  return Math.fround(seconds) * sampleRate;
}

/** Samples of one Web Audio render quantum: a cycle in the graph carries its signal one quantum late. */
const QUANTUM = 128;

/**
 * The delay return for `input` (the summed sends) over `length` samples: y[n] = u(n − D) read with linear
 * interpolation, u[n] = input[n] + f[n − 128] with f = feedback · lowpass(highpass(y)), times the return
 * level. The 128: Web Audio runs a feedback loop through a DelayNode one render quantum late, so each
 * repeat after the first comes D + 128 samples after the one before (measured in Chromium; see the test).
 */
export function renderPureDelay(
  input: StereoSignal,
  settings: DelaySettings,
  sampleRate: SampleRate,
  length: number,
): StereoSignal {
  const frames = pureDelayFrames(settings, sampleRate);
  const whole = Math.floor(frames);
  const frac = frames - whole;
  const hp = biquadCoefficients('highpass', settings.lowCutHz, Math.SQRT1_2, 0, sampleRate);
  const lp = biquadCoefficients('lowpass', settings.highCutHz, Math.SQRT1_2, 0, sampleRate);
  const feedback = Math.fround(clampFeedback(settings.feedback));
  const ret = Math.fround(dbToGain(settings.returnDb));
  return input.map((x) => {
    const u = new Float32Array(length);
    const y = new Float32Array(length);
    const f = new Float32Array(length);
    let h1 = 0;
    let h2 = 0;
    let l1 = 0;
    let l2 = 0;
    for (let n = 0; n < length; n++) {
      const at = n - whole;
      const a = at >= 0 ? (u[at] as number) : 0;
      const b = at - 1 >= 0 ? (u[at - 1] as number) : 0;
      // Read position n − D: between u[n − whole − 1] and u[n − whole], nearer the former by 1 − frac.
      const out = frac === 0 ? a : Math.fround(frac * b + (1 - frac) * a);
      y[n] = out;
      const hpOut = Math.fround(hp.b0 * out + h1);
      h1 = hp.b1 * out - hp.a1 * hpOut + h2;
      h2 = hp.b2 * out - hp.a2 * hpOut;
      const lpOut = Math.fround(lp.b0 * hpOut + l1);
      l1 = lp.b1 * hpOut - lp.a1 * lpOut + l2;
      l2 = lp.b2 * hpOut - lp.a2 * lpOut;
      f[n] = lpOut * feedback;
      u[n] = (x[n] ?? 0) + (n >= QUANTUM ? (f[n - QUANTUM] as number) : 0);
    }
    for (let n = 0; n < length; n++) y[n] = (y[n] as number) * ret;
    return y;
  }) as StereoSignal;
}
