import type { BiquadCoefficients } from './biquad';
import type { Lufs, SampleRate } from './units';

/** The two K-weighting stages of ITU-R BS.1770: a high-shelf "pre-filter" and the RLB high-pass. */
export interface KWeighting {
  preFilter: BiquadCoefficients;
  rlb: BiquadCoefficients;
}

/** Channel weights of BS.1770 in its channel order L, R, C, Ls, Rs (the LFE channel is never measured). */
export const CHANNEL_WEIGHTS: readonly number[] = [1, 1, 1, 1.41, 1.41];

/** Absolute gate of BS.1770-4, in LUFS. */
export const ABSOLUTE_GATE: Lufs = -70;
/** Relative gate of BS.1770-4, in LU below the absolutely gated loudness. */
export const RELATIVE_GATE = -10;

// Analog prototype of the K-weighting filters, chosen so the bilinear transform at 48 kHz reproduces the
// coefficients printed in BS.1770 (the same parametrisation libebur128 and pyloudnorm use).
const SHELF_FREQUENCY = 1681.974450955533;
const SHELF_GAIN_DB = 3.999843853973347;
const SHELF_Q = 0.7071752369554196;
const SHELF_BAND_EXPONENT = 0.4996667741545416;
const RLB_FREQUENCY = 38.13547087602444;
const RLB_Q = 0.5003270373238773;

const BLOCK_SECONDS = 0.4;
const STEPS_PER_BLOCK = 4; // 75 % overlap: a new 400 ms block every 100 ms
const OFFSET = -0.691;

/** K-weighting biquads for `sampleRate`, from the analog prototype via the bilinear transform. */
export function kWeightingCoefficients(sampleRate: SampleRate): KWeighting {
  let K = Math.tan((Math.PI * SHELF_FREQUENCY) / sampleRate);
  const Vh = 10 ** (SHELF_GAIN_DB / 20);
  const Vb = Vh ** SHELF_BAND_EXPONENT;
  let a0 = 1 + K / SHELF_Q + K * K;
  const preFilter: BiquadCoefficients = {
    b0: (Vh + (Vb * K) / SHELF_Q + K * K) / a0,
    b1: (2 * (K * K - Vh)) / a0,
    b2: (Vh - (Vb * K) / SHELF_Q + K * K) / a0,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / SHELF_Q + K * K) / a0,
  };
  K = Math.tan((Math.PI * RLB_FREQUENCY) / sampleRate);
  a0 = 1 + K / RLB_Q + K * K;
  // The spec's RLB numerator is exactly [1, -2, 1]; its overall gain (~1.005 at 48 kHz) is left out on purpose.
  const rlb: BiquadCoefficients = {
    b0: 1,
    b1: -2,
    b2: 1,
    a1: (2 * (K * K - 1)) / a0,
    a2: (1 - K / RLB_Q + K * K) / a0,
  };
  return { preFilter, rlb };
}

/**
 * Weighted mean square of every 400 ms block (hop 100 ms): Σ G_i · z_ij over channels, one value per block.
 * One pass per channel: both K-weighting stages and the squaring run in a single float64 loop, summed per
 * 100 ms step; each block then adds four steps.
 */
function blockPowers(channels: readonly Float32Array[], sampleRate: SampleRate): Float64Array {
  if (channels.length > CHANNEL_WEIGHTS.length) {
    throw new RangeError(
      `BS.1770 loudness takes at most ${CHANNEL_WEIGHTS.length} channels (L, R, C, Ls, Rs)`,
    );
  }
  if (channels.length === 0) return new Float64Array(0);
  let length = Number.POSITIVE_INFINITY;
  for (const ch of channels) length = Math.min(length, ch.length);
  const step = Math.round((BLOCK_SECONDS * sampleRate) / STEPS_PER_BLOCK);
  const blockLength = step * STEPS_PER_BLOCK;
  const stepCount = Math.floor(length / step);
  if (step < 1 || stepCount < STEPS_PER_BLOCK) return new Float64Array(0);
  const stepSums = new Float64Array(stepCount);
  const { preFilter, rlb } = kWeightingCoefficients(sampleRate);
  const { b0, b1, b2, a1, a2 } = preFilter;
  const { a1: ra1, a2: ra2 } = rlb;
  channels.forEach((ch, c) => {
    const weight = CHANNEL_WEIGHTS[c]!;
    let p1 = 0;
    let p2 = 0;
    let r1 = 0;
    let r2 = 0;
    for (let s = 0; s < stepCount; s++) {
      let sum = 0;
      const end = (s + 1) * step;
      for (let i = s * step; i < end; i++) {
        const x = ch[i]!;
        const y = b0 * x + p1;
        p1 = b1 * x - a1 * y + p2;
        p2 = b2 * x - a2 * y;
        const k = y + r1; // RLB numerator is [1, -2, 1]
        r1 = -2 * y - ra1 * k + r2;
        r2 = y - ra2 * k;
        sum += k * k;
      }
      stepSums[s] = stepSums[s]! + weight * sum;
    }
  });
  const blocks = new Float64Array(stepCount - STEPS_PER_BLOCK + 1);
  for (let b = 0; b < blocks.length; b++) {
    let sum = 0;
    for (let s = b; s < b + STEPS_PER_BLOCK; s++) sum += stepSums[s]!;
    blocks[b] = sum / blockLength;
  }
  return blocks;
}

function powerToLufs(power: number): Lufs {
  return power > 0 ? OFFSET + 10 * Math.log10(power) : Number.NEGATIVE_INFINITY;
}

/**
 * Integrated loudness per ITU-R BS.1770-4: K-weighting, 400 ms blocks with 75 % overlap, absolute gate
 * −70 LUFS, relative gate −10 LU. Channels are in BS.1770 order (L, R, C, Ls, Rs; weights 1, 1, 1, 1.41,
 * 1.41; Headroom passes 1 or 2). A mono signal is one channel, so it reads 3.01 LU below the same signal on
 * both channels of a stereo file. Samples after the last whole 100 ms step are ignored. Returns −Infinity
 * when nothing passes the gates or the signal is shorter than one block. Throws a RangeError for > 5 channels.
 */
export function integratedLoudness(channels: readonly Float32Array[], sampleRate: SampleRate): Lufs {
  const blocks = blockPowers(channels, sampleRate);
  const absoluteGate = 10 ** ((ABSOLUTE_GATE - OFFSET) / 10);
  let sum = 0;
  let count = 0;
  for (const z of blocks) {
    if (z > absoluteGate) {
      sum += z;
      count++;
    }
  }
  if (count === 0) return Number.NEGATIVE_INFINITY;
  const relativeGate = Math.max((sum / count) * 10 ** (RELATIVE_GATE / 10), absoluteGate);
  sum = 0;
  count = 0;
  for (const z of blocks) {
    if (z > relativeGate) {
      sum += z;
      count++;
    }
  }
  return count === 0 ? Number.NEGATIVE_INFINITY : powerToLufs(sum / count);
}

/** Momentary loudness (400 ms window) every 100 ms, ungated: one LUFS value per block, −Infinity for silence. */
export function momentaryLoudness(channels: readonly Float32Array[], sampleRate: SampleRate): Float64Array {
  return blockPowers(channels, sampleRate).map(powerToLufs);
}
