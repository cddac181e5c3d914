/** Voices built on sines: the long-decaying 808 bass and a breathy flute-like lead (before their envelopes). */
import type { SampleRate } from '../../dsp/units';
import type { Adsr } from './envelope';
import { Svf } from './filters';
import type { NoiseSource } from './noise';
import { midiToHz, semitoneRatio, sineCycles, softClip } from './oscillators';

/** Amplitude envelope of the 808 bass. */
export const BASS_808_AMP: Adsr = { attack: 0.003, decay: 1.2, sustain: 0.25, release: 0.12 };

/** The 808's second harmonic before the saturation: it fills the octave above a low note (no DC: the wave stays odd). */
const SECOND_808 = 0.8;

/** 808-style bass: a sine that starts a little sharp and slides into pitch, saturated so small speakers hear it. */
export function render808(
  pitch: number,
  length: number,
  sampleRate: SampleRate,
  out: Float32Array = new Float32Array(length),
): Float32Array {
  const step = midiToHz(pitch) / sampleRate;
  const slideCoef = Math.exp(-1 / (0.025 * sampleRate));
  const drive = 2.2;
  const norm = 0.8 / softClip(drive * (1 + SECOND_808));
  let slide = 0.45;
  let phase = 0;
  for (let i = 0; i < length; i++) {
    phase += step * (1 + slide);
    if (phase >= 1) phase -= 1;
    slide *= slideCoef;
    out[i] = softClip(drive * (sineCycles(phase) + SECOND_808 * sineCycles(2 * phase))) * norm;
  }
  return out;
}

/** Amplitude envelope of the flute. */
export const FLUTE_AMP: Adsr = { attack: 0.05, decay: 0.3, sustain: 0.85, release: 0.15 };

/** Flute-like lead: sine with soft 2nd and 3rd harmonics, a breath noise band, a chiff on the attack, delayed vibrato. */
export function renderFlute(
  pitch: number,
  length: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
  out: Float32Array = new Float32Array(length),
): Float32Array {
  const f0 = midiToHz(pitch);
  const breath = new Svf(Math.min(2 * f0, 0.4 * sampleRate), 2, sampleRate);
  const vibStep = 5 / sampleRate;
  const vibDelay = Math.round(0.18 * sampleRate);
  const vibRamp = Math.round(0.3 * sampleRate);
  const chiffCoef = Math.exp(-1 / (0.03 * sampleRate));
  const harmonics = 3 * f0 < 0.45 * sampleRate ? 1 : 0;
  const step = f0 / sampleRate;
  let chiff = 0.5;
  let phase = 0;
  for (let i = 0; i < length; i++) {
    const depth = i > vibDelay ? 0.18 * Math.min(1, (i - vibDelay) / vibRamp) : 0;
    phase += depth > 0 ? step * semitoneRatio(depth * sineCycles(vibStep * i)) : step;
    if (phase >= 1) phase -= 1;
    const tone =
      sineCycles(phase) + harmonics * (0.18 * sineCycles(2 * phase) + 0.06 * sineCycles(3 * phase));
    const air = breath.bandpass(noise.next()) * (0.12 + chiff);
    chiff *= chiffCoef;
    out[i] = 0.7 * (tone + air);
  }
  return out;
}
