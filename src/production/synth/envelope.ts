/** Envelope shapes: the ADSR of held notes (applied as they are mixed, see mix-note.ts) and a plain exponential decay. */
import type { SampleRate, Seconds } from '../../dsp/units';

/** An ADSR shape: linear attack, exponential decay to the sustain level, exponential release. */
export interface Adsr {
  attack: Seconds;
  /** Time constant of the decay (63 % of the way to sustain). */
  decay: Seconds;
  sustain: number;
  /** Time for the release to fall by 60 dB. */
  release: Seconds;
}

/** A decaying exponential with time constant `tau`, starting at 1, with a short linear attack. */
export function fillDecay(out: Float32Array, tau: Seconds, attack: Seconds, sampleRate: SampleRate): void {
  const a = Math.max(1, Math.round(attack * sampleRate));
  const coef = Math.exp(-1 / Math.max(1, tau * sampleRate));
  let level = 1;
  for (let i = 0; i < out.length; i++) {
    out[i] = i < a ? ((i + 1) / a) * level : level;
    level *= coef;
  }
  // Fade the last fifth (at least 256 samples) to exactly 0, so a truncated tail never clicks.
  const fade = Math.min(out.length, Math.max(256, Math.round(out.length / 5)));
  for (let i = 0; i < fade; i++) {
    const j = out.length - 1 - i;
    out[j] = (out[j] as number) * (i / fade);
  }
}
