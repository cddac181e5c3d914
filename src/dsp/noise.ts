import type { Rng } from './random';
import type { Gain } from './units';

/** Default RMS of renderPinkNoise: 0.1, i.e. −20 dBFS, which leaves ample headroom (peaks near −8 dBFS). */
export const PINK_NOISE_RMS: Gain = 0.1;

// Paul Kellet's "refined" pink filter: six leaky integrators plus a direct and a one-sample-delayed path.
// Designed at 44.1 kHz; its response stays within ±0.1 dB of −3 dB/octave from ~10 Hz to 20 kHz at 44.1 and
// 48 kHz (a 1/f slope is scale-free, so moving the poles with the sample rate only shifts the low corner).
const POLES = [0.99886, 0.99332, 0.969, 0.8665, 0.55, -0.7616] as const;
const INPUT_GAINS = [0.0555179, 0.0750759, 0.153852, 0.3104856, 0.5329522, -0.016898] as const;
const DIRECT = 0.5362;
const DELAYED = 0.115926;
// Enough for the slowest integrator (time constant ≈ 880 samples) to reach its steady-state variance.
const WARM_UP = 8192;
const UNIFORM_VARIANCE = 1 / 3; // variance of rng.range(-1, 1)

/** Energy Σh² of the pink filter's impulse response, in closed form (sums of geometric series). */
function pinkFilterEnergy(): number {
  let energy = 0;
  let s0 = 0;
  let s1 = 0;
  POLES.forEach((p, i) => {
    const c = INPUT_GAINS[i]!;
    s0 += c;
    s1 += c * p;
    POLES.forEach((q, j) => {
      energy += (c * INPUT_GAINS[j]!) / (1 - p * q);
    });
  });
  // h[0] and h[1] also carry the direct and delayed paths.
  return energy + 2 * DIRECT * s0 + DIRECT * DIRECT + 2 * DELAYED * s1 + DELAYED * DELAYED;
}

const PINK_STD = Math.sqrt(UNIFORM_VARIANCE * pinkFilterEnergy());

/** White noise: `length` samples uniform in [−amplitude, amplitude), so RMS = amplitude/√3; seeded by `rng`. */
export function renderWhiteNoise(rng: Rng, length: number, amplitude: Gain = 1): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = amplitude * rng.range(-1, 1);
  return out;
}

/**
 * Pink noise (equal power per octave, −3 dB/octave) from Paul Kellet's refined filter on seeded white noise.
 * Scaled so the expected RMS is `rms` (default −20 dBFS); the filter is warmed up first so the start is as
 * loud as the rest. Samples are clamped to [−1, 1], which never bites at the default level.
 */
export function renderPinkNoise(rng: Rng, length: number, rms: Gain = PINK_NOISE_RMS): Float32Array {
  const out = new Float32Array(length);
  const scale = rms / PINK_STD;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  let b3 = 0;
  let b4 = 0;
  let b5 = 0;
  let b6 = 0;
  const [p0, p1, p2, p3, p4, p5] = POLES;
  const [c0, c1, c2, c3, c4, c5] = INPUT_GAINS;
  for (let i = -WARM_UP; i < length; i++) {
    const white = rng.range(-1, 1);
    b0 = p0 * b0 + c0 * white;
    b1 = p1 * b1 + c1 * white;
    b2 = p2 * b2 + c2 * white;
    b3 = p3 * b3 + c3 * white;
    b4 = p4 * b4 + c4 * white;
    b5 = p5 * b5 + c5 * white;
    const pink = b0 + b1 + b2 + b3 + b4 + b5 + b6 + DIRECT * white;
    b6 = DELAYED * white;
    if (i >= 0) out[i] = Math.max(-1, Math.min(1, pink * scale));
  }
  return out;
}
