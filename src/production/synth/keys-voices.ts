/** Keyboard-like voices: a Karplus–Strong pluck, a two-operator FM electric piano, a drawbar organ. */
import type { SampleRate } from '../../dsp/units';
import type { Adsr } from './envelope';
import { onePoleCoefficient } from './filters';
import type { NoiseSource } from './noise';
import { midiToHz, sineCycles } from './oscillators';

/**
 * Karplus–Strong pluck: a burst of low-passed noise circulates in a delay line one period long; a
 * two-tap averaging filter in the loop (which also sets the fractional part of the delay) darkens it
 * as it decays. After the gate closes the loop loses energy fast (the string is damped).
 */
export function renderPluck(
  pitch: number,
  gate: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
): Float32Array {
  const f0 = midiToHz(pitch);
  const period = sampleRate / f0;
  const d = Math.max(2, Math.floor(period));
  const c1 = period - d;
  const c0 = 1 - c1;
  const ringing = Math.min(2.5, 0.6 + 250 / f0);
  const release = Math.round(0.12 * sampleRate);
  const length = Math.min(gate, Math.round(ringing * sampleRate)) + release;
  const y = new Float32Array(length);
  const hold = 10 ** (-3 / (ringing * f0));
  const damp = 10 ** (-3 / (0.12 * f0));
  const smooth = onePoleCoefficient(Math.min(6000, f0 * 8), sampleRate);
  let lp = 0;
  for (let i = 0; i <= d && i < length; i++) {
    lp += smooth * (noise.next() - lp);
    y[i] = lp;
  }
  // A zero-mean burst: any DC in it would circulate in the loop as a slowly decaying offset.
  const burst = Math.min(d + 1, length);
  let mean = 0;
  for (let i = 0; i < burst; i++) mean += y[i] as number;
  mean /= burst;
  for (let i = 0; i < burst; i++) y[i] = (y[i] as number) - mean;
  const gateEnd = length - release;
  for (let i = d + 1; i < length; i++) {
    const g = i < gateEnd ? hold : damp;
    y[i] = g * (c0 * (y[i - d] as number) + c1 * (y[i - d - 1] as number));
  }
  for (let i = 0; i < Math.min(64, length); i++) y[length - 1 - i] = (y[length - 1 - i] as number) * (i / 64);
  return y;
}

/** Amplitude envelope of the electric piano (a struck, decaying tone). */
export const EPIANO_AMP: Adsr = { attack: 0.002, decay: 1.4, sustain: 0, release: 0.25 };

/**
 * FM electric piano, before its envelope: a sine carrier phase-modulated by a sine at the same frequency
 * whose index falls from bright to mellow, plus a quickly fading high "tine" partial (14×) when it fits
 * under Nyquist.
 */
export function renderEpiano(
  pitch: number,
  length: number,
  sampleRate: SampleRate,
  out: Float32Array = new Float32Array(length),
): Float32Array {
  const step = midiToHz(pitch) / sampleRate;
  const tine = 14 * step < 0.45 ? 0.12 : 0;
  const indexCoef = Math.exp(-1 / (0.22 * sampleRate));
  const tineCoef = Math.exp(-1 / (0.025 * sampleRate));
  const modScale = 1 / (2 * Math.PI);
  let index = 1.7;
  let tineLevel = tine;
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const mod = (index + 0.25) * sineCycles(phase) * modScale;
    let tone = sineCycles(phase + mod);
    if (tineLevel > 1e-4) tone += tineLevel * sineCycles(14 * phase);
    out[i] = 0.6 * tone;
    phase += step;
    if (phase >= 1) phase -= 1;
    index *= indexCoef;
    tineLevel *= tineCoef;
  }
  return out;
}

const DRAWBARS = [
  [1, 1],
  [2, 0.7],
  [3, 0.45],
  [4, 0.3],
  [6, 0.15],
  [8, 0.1],
] as const;
const TABLE_SIZE = 2048;

/** Amplitude envelope of the organ (on/off with a short ramp). */
export const ORGAN_AMP: Adsr = { attack: 0.006, decay: 1, sustain: 1, release: 0.06 };

/**
 * Drawbar organ, before its envelope: a one-period table of harmonics (those above 0.45 × the sample
 * rate left out), a 6 Hz tremolo and a key click.
 */
export function renderOrgan(
  pitch: number,
  length: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
  out: Float32Array = new Float32Array(length),
): Float32Array {
  const f0 = midiToHz(pitch);
  const table = new Float32Array(TABLE_SIZE + 1);
  for (const [harmonic, level] of DRAWBARS) {
    if (harmonic * f0 >= 0.45 * sampleRate) continue;
    for (let i = 0; i <= TABLE_SIZE; i++) {
      table[i] = (table[i] as number) + 0.4 * level * Math.sin((2 * Math.PI * harmonic * i) / TABLE_SIZE);
    }
  }
  const inc = (f0 * TABLE_SIZE) / sampleRate;
  const tremolo = 6.1 / sampleRate;
  const clickLength = Math.round(0.004 * sampleRate);
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const j = phase | 0;
    const a = table[j] as number;
    const x = a + (phase - j) * ((table[j + 1] as number) - a);
    const click = i < clickLength ? 0.15 * noise.next() * (1 - i / clickLength) : 0;
    out[i] = x * (1 + 0.12 * sineCycles(tremolo * i)) + click;
    phase += inc;
    if (phase >= TABLE_SIZE) phase -= TABLE_SIZE;
  }
  return out;
}
