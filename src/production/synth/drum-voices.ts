/** Drum synthesis: each function renders one hit, start to silence, at full velocity. */
import type { Hz, SampleRate, Seconds } from '../../dsp/units';
import { fillDecay } from './envelope';
import { Svf } from './filters';
import type { NoiseSource } from './noise';

/** A kick: a sine swept down from `startHz` to `endHz`, a noise click, soft saturation. */
export interface KickParams {
  startHz: Hz;
  endHz: Hz;
  /** Time constant of the pitch sweep. */
  sweep: Seconds;
  /** Time constant of the amplitude decay. */
  decay: Seconds;
  click: number;
  drive: number;
}

/** Renders a kick drum, four decay times long (−35 dB where the fade to 0 ends it). */
export function renderKick(p: KickParams, sampleRate: SampleRate, noise: NoiseSource): Float32Array {
  const out = new Float32Array(Math.round(4 * p.decay * sampleRate));
  fillDecay(out, p.decay, 0.001, sampleRate);
  const sweepCoef = Math.exp(-1 / (p.sweep * sampleRate));
  const clickCoef = Math.exp(-1 / (0.0015 * sampleRate));
  const clickFilter = new Svf(3500, 0.7, sampleRate);
  const norm = Math.tanh(p.drive);
  let sweep = 1;
  let click = p.click;
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const f = p.endHz + (p.startHz - p.endHz) * sweep;
    phase += (2 * Math.PI * f) / sampleRate;
    const body = Math.sin(phase) * (out[i] as number);
    out[i] = Math.tanh(p.drive * (body + click * clickFilter.lowpass(noise.next()))) / norm;
    sweep *= sweepCoef;
    click *= clickCoef;
  }
  return out;
}

/** A snare: two decaying drum-head tones plus band-limited noise for the wires. */
export interface SnareParams {
  toneHz: Hz;
  toneDecay: Seconds;
  noiseDecay: Seconds;
  noiseLow: Hz;
  noiseHigh: Hz;
  tone: number;
  noise: number;
  length: Seconds;
}

/** Renders a snare drum (or, with short decays and a high tone, a rim click). */
export function renderSnare(p: SnareParams, sampleRate: SampleRate, noise: NoiseSource): Float32Array {
  const n = Math.round(p.length * sampleRate);
  const toneEnv = new Float32Array(n);
  const noiseEnv = new Float32Array(n);
  fillDecay(toneEnv, p.toneDecay, 0.0005, sampleRate);
  fillDecay(noiseEnv, p.noiseDecay, 0.001, sampleRate);
  const hp = new Svf(p.noiseLow, 0.7, sampleRate);
  const lp = new Svf(p.noiseHigh, 0.7, sampleRate);
  const out = new Float32Array(n);
  let ph1 = 0;
  let ph2 = 0;
  for (let i = 0; i < n; i++) {
    const drop = 1 + 0.25 * (toneEnv[i] as number);
    ph1 += (2 * Math.PI * p.toneHz * drop) / sampleRate;
    ph2 += (2 * Math.PI * p.toneHz * 1.63 * drop) / sampleRate;
    const tone = (Math.sin(ph1) + 0.5 * Math.sin(ph2)) * (toneEnv[i] as number);
    const wires = lp.lowpass(hp.highpass(noise.next())) * (noiseEnv[i] as number);
    out[i] = p.tone * tone + p.noise * wires;
  }
  return out;
}

/** Renders a hand clap: a few quick noise bursts then a short band-passed tail. */
export function renderClap(
  centre: Hz,
  tail: Seconds,
  sampleRate: SampleRate,
  noise: NoiseSource,
): Float32Array {
  const out = new Float32Array(Math.round((0.04 + tail * 6) * sampleRate));
  const bp = new Svf(centre, 1.4, sampleRate);
  const hp = new Svf(500, 0.7, sampleRate);
  const bursts = [0, 0.011, 0.021, 0.032].map((t) => Math.round(t * sampleRate));
  const burstCoef = Math.exp(-1 / (0.004 * sampleRate));
  const tailCoef = Math.exp(-1 / (tail * sampleRate));
  const last = bursts[bursts.length - 1] as number;
  let env = 0;
  for (let i = 0; i < out.length; i++) {
    if (bursts.includes(i)) env = 1;
    else env *= i > last ? tailCoef : burstCoef;
    out[i] = 2.2 * bp.bandpass(hp.highpass(noise.next())) * env;
  }
  return out;
}

/** Cymbals and hats: metallic square partials plus noise, high-passed. */
export interface HatParams {
  highpass: Hz;
  lowpass: Hz;
  /** Decay time constants for closed, pedal, open hat and crash. */
  closed: Seconds;
  open: Seconds;
  crash: Seconds;
  metal: number;
}

const METAL_RATIOS = [1, 1.483, 1.932, 2.546, 2.63, 3.897];

/** Renders a hi-hat (42 closed, 44 pedal, 46 open) or crash (49). */
export function renderCymbal(
  p: HatParams,
  hit: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
): Float32Array {
  const tau = hit === 49 ? p.crash : hit === 46 ? p.open : hit === 44 ? p.closed * 0.6 : p.closed;
  const out = new Float32Array(Math.round(Math.min(5, tau * 5 + 0.01) * sampleRate));
  fillDecay(out, tau, hit === 49 ? 0.003 : 0.0005, sampleRate);
  const hp1 = new Svf(hit === 49 ? p.highpass * 0.6 : p.highpass, 0.7, sampleRate);
  const hp2 = new Svf(hit === 49 ? p.highpass * 0.6 : p.highpass, 0.7, sampleRate);
  const lp = new Svf(p.lowpass, 0.7, sampleRate);
  const base = 330;
  const incs = METAL_RATIOS.map((r) => (base * r) / sampleRate);
  const phases = new Float64Array(incs.length);
  for (let i = 0; i < out.length; i++) {
    let metal = 0;
    for (let k = 0; k < incs.length; k++) {
      let ph = (phases[k] as number) + (incs[k] as number);
      if (ph >= 1) ph -= 1;
      phases[k] = ph;
      metal += ph < 0.5 ? 1 : -1;
    }
    const x = p.metal * metal * 0.25 + noise.next();
    out[i] = lp.lowpass(hp2.highpass(hp1.highpass(x))) * (out[i] as number);
  }
  return out;
}

/** Renders a shaker: high-passed noise with a soft attack. */
export function renderShaker(highpass: Hz, sampleRate: SampleRate, noise: NoiseSource): Float32Array {
  const out = new Float32Array(Math.round(0.16 * sampleRate));
  fillDecay(out, 0.03, 0.012, sampleRate);
  const hp = new Svf(highpass, 0.8, sampleRate);
  const hp2 = new Svf(highpass, 0.8, sampleRate);
  for (let i = 0; i < out.length; i++) out[i] = hp2.highpass(hp.highpass(noise.next())) * (out[i] as number);
  return out;
}

/** Renders a tambourine: jingles (high metallic partials) and noise. */
export function renderTambourine(sampleRate: SampleRate, noise: NoiseSource): Float32Array {
  return renderCymbal(
    { highpass: 5500, lowpass: 14000, closed: 0.07, open: 0.07, crash: 0.07, metal: 1.5 },
    42,
    sampleRate,
    noise,
  );
}

/** Renders a tom: a sine dropping from 1.4 × to 1 × its pitch, with a little noise on the attack. */
export function renderTom(pitch: Hz, sampleRate: SampleRate, noise: NoiseSource): Float32Array {
  const out = new Float32Array(Math.round(1.4 * sampleRate));
  fillDecay(out, 0.28, 0.001, sampleRate);
  const sweepCoef = Math.exp(-1 / (0.05 * sampleRate));
  const noiseCoef = Math.exp(-1 / (0.012 * sampleRate));
  const lp = new Svf(2500, 0.7, sampleRate);
  let sweep = 1;
  let hiss = 0.4;
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    phase += (2 * Math.PI * pitch * (1 + 0.4 * sweep)) / sampleRate;
    out[i] = (Math.sin(phase) + hiss * lp.lowpass(noise.next())) * (out[i] as number);
    sweep *= sweepCoef;
    hiss *= noiseCoef;
  }
  return out;
}
