/** A small subtractive synth voice: detuned polyBLEP oscillators → sweeping low-pass → drive (amp envelope applied later). */
import type { Hz, SampleRate, Seconds } from '../../dsp/units';
import type { Adsr } from './envelope';
import type { NoiseSource } from './noise';
import { midiToHz, polyBlep, semitoneRatio, sineCycles, softClip } from './oscillators';

/** One oscillator of a subtractive voice. */
export interface OscillatorSpec {
  shape: 'saw' | 'pulse' | 'sine';
  /** Offset from the note, in semitones (detune, octaves). */
  semitones: number;
  level: number;
  /** Pulse width, for 'pulse'. */
  width?: number;
}

/** A subtractive patch. */
export interface SubtractivePatch {
  oscillators: readonly OscillatorSpec[];
  /** Filter cutoff: a fixed part plus `keyTrack` × the note frequency, plus `envelope` Hz decaying with `envelopeTime`. */
  cutoff: Hz;
  keyTrack: number;
  envelope: Hz;
  envelopeTime: Seconds;
  resonance: number;
  /** Amplitude envelope (applied when the note is mixed, see mixHeldNote). */
  amp: Adsr;
  /** Vibrato rate, depth in semitones, and delay before it fades in. */
  vibrato?: { rate: Hz; depth: number; delay: Seconds };
  /** Soft-clip drive amount (0 = clean). */
  drive: number;
  gain: number;
}

const BLOCK = 32;

/**
 * Renders `length` samples of a patch's sustained tone at `pitch`, before the amplitude envelope: the
 * oscillators, filter sweep and vibrato depend only on the time since the note-on, so one rendering
 * serves every note of that pitch, however long it is held. Writes every sample of `out`'s first `length`.
 */
export function renderSubtractive(
  patch: SubtractivePatch,
  pitch: number,
  length: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
  out: Float32Array = new Float32Array(length),
): Float32Array {
  const f0 = midiToHz(pitch);
  const count = patch.oscillators.length;
  const incs = new Float64Array(count);
  const phases = new Float64Array(count);
  const levels = new Float64Array(count);
  const shapes = new Int8Array(count);
  const widths = new Float64Array(count);
  patch.oscillators.forEach((o, k) => {
    incs[k] = (f0 * 2 ** (o.semitones / 12)) / sampleRate;
    phases[k] = count > 1 ? (noise.next() + 1) / 2 : 0;
    levels[k] = o.level;
    shapes[k] = o.shape === 'saw' ? 0 : o.shape === 'pulse' ? 1 : 2;
    widths[k] = o.width ?? 0.5;
  });
  const envCoef = Math.exp(-BLOCK / Math.max(1, patch.envelopeTime * sampleRate));
  const vib = patch.vibrato;
  const vibDelay = vib ? vib.delay * sampleRate : 0;
  const vibRamp = 0.3 * sampleRate;
  const vibStep = vib ? vib.rate / sampleRate : 0;
  const drive = patch.drive;
  const norm = drive > 0 ? patch.gain / softClip(drive) : patch.gain;
  const k = 1 / patch.resonance;
  let env = patch.envelope;
  let ic1 = 0;
  let ic2 = 0;
  const dcPole = 1 - (2 * Math.PI * 20) / sampleRate;
  let lastClipped = 0;
  let blocked = 0;
  const mix = new Float64Array(BLOCK);
  for (let start = 0; start < length; start += BLOCK) {
    const fc = Math.min(Math.max(patch.cutoff + patch.keyTrack * f0 + env, 10), 0.45 * sampleRate);
    env *= envCoef;
    const g = Math.tan((Math.PI * fc) / sampleRate);
    const a1 = 1 / (1 + g * (g + k));
    const a2 = g * a1;
    const a3 = g * a2;
    let ratio = 1;
    if (vib && start > vibDelay) {
      const depth = vib.depth * Math.min(1, (start - vibDelay) / vibRamp);
      ratio = semitoneRatio(depth * sineCycles(vibStep * start));
    }
    const end = Math.min(length, start + BLOCK);
    const n = end - start;
    // Oscillator by oscillator over the block (each loop of one shape, its phase in a local), summed in the
    // same order per sample as one loop over the oscillators would.
    mix.fill(0);
    for (let o = 0; o < count; o++) {
      const dt = (incs[o] as number) * ratio;
      const level = levels[o] as number;
      let t = phases[o] as number;
      const shape = shapes[o];
      if (shape === 0) {
        for (let i = 0; i < n; i++) {
          t += dt;
          if (t >= 1) t -= 1;
          mix[i] = (mix[i] as number) + level * (2 * t - 1 - polyBlep(t, dt));
        }
      } else if (shape === 1) {
        const w = widths[o] as number;
        for (let i = 0; i < n; i++) {
          t += dt;
          if (t >= 1) t -= 1;
          let t2 = t + 1 - w;
          if (t2 >= 1) t2 -= 1;
          // Minus the pulse's mean (2w − 1), so narrow pulses add no DC offset.
          const s = (t < w ? 1 : -1) + polyBlep(t, dt) - polyBlep(t2, dt) + 1 - 2 * w;
          mix[i] = (mix[i] as number) + level * s;
        }
      } else {
        for (let i = 0; i < n; i++) {
          t += dt;
          if (t >= 1) t -= 1;
          mix[i] = (mix[i] as number) + level * sineCycles(t);
        }
      }
      phases[o] = t;
    }
    for (let i = start; i < end; i++) {
      const x = mix[i - start] as number;
      const v3 = x - ic2;
      const v1 = a1 * ic1 + a2 * v3;
      const v2 = ic2 + a2 * ic1 + a3 * v3;
      ic1 = 2 * v1 - ic1;
      ic2 = 2 * v2 - ic2;
      if (drive > 0) {
        // Clipping beating oscillators makes a wandering DC offset: a 20 Hz DC blocker takes it out.
        const clipped = softClip(drive * v2) * norm;
        blocked = clipped - lastClipped + dcPole * blocked;
        lastClipped = clipped;
        out[i] = blocked;
      } else out[i] = v2 * norm;
    }
  }
  return out;
}
