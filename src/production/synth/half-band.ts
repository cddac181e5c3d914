/** A 2× half-band interpolator (a 24-tap Blackman-windowed sinc) for signals synthesised at half rate. */

/** Taps on each side of the half-band interpolator (a Blackman-windowed sinc, 2 × 12 taps; unrolled below). */
export const HALF_BAND_SIDE = 12;
/** Output pairs interpolated per block; a block whose input is all zeros is skipped. */
const UPSAMPLE_BLOCK = 512;
/** The half-band interpolator's taps for the in-between samples, nearest first; they sum to 1/2 per side. */
const HALF_BAND: Float64Array = (() => {
  const taps = new Float64Array(HALF_BAND_SIDE);
  const width = 2 * HALF_BAND_SIDE;
  let sum = 0;
  for (let k = 0; k < HALF_BAND_SIDE; k++) {
    const x = k + 0.5;
    const sinc = Math.sin(Math.PI * x) / (Math.PI * x);
    const w = (HALF_BAND_SIDE - 0.5 - k + 0.5) / width; // position in the window, 0..1 from its edge
    const blackman = 0.42 - 0.5 * Math.cos(2 * Math.PI * w) + 0.08 * Math.cos(4 * Math.PI * w);
    taps[k] = sinc * blackman;
    sum += 2 * (taps[k] as number);
  }
  for (let k = 0; k < HALF_BAND_SIDE; k++) taps[k] = (taps[k] as number) / sum;
  return taps;
})();

/**
 * Adds the 2× upsampled `padded` to `out`: `padded` holds the half-rate signal with HALF_BAND_SIDE zeros at
 * each end and at least ceil(out.length / 2) + 1 samples between. Even output samples are the input
 * samples, odd ones the interpolated in-between values; blocks of silence are skipped.
 */
export function addHalfBandUpsampled(padded: Float32Array, out: Float32Array): void {
  const p = padded;
  const side = HALF_BAND_SIDE;
  const [t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11] = HALF_BAND as unknown as number[];
  const pairs = Math.ceil(out.length / 2);
  // Block by block, skipping blocks the voice is silent in (and around): most songs rest between phrases.
  for (let from = 0; from < pairs; from += UPSAMPLE_BLOCK) {
    const to = Math.min(pairs, from + UPSAMPLE_BLOCK);
    let loud = false;
    for (let j = from; j < to + 2 * side; j++) {
      if (p[j] !== 0) {
        loud = true;
        break;
      }
    }
    if (!loud) continue;
    for (let m = from; m < to; m++) {
      const c = m + side;
      out[2 * m] = (out[2 * m] as number) + (p[c] as number);
      if (2 * m + 1 >= out.length) break;
      const acc =
        (t0 as number) * ((p[c] as number) + (p[c + 1] as number)) +
        (t1 as number) * ((p[c - 1] as number) + (p[c + 2] as number)) +
        (t2 as number) * ((p[c - 2] as number) + (p[c + 3] as number)) +
        (t3 as number) * ((p[c - 3] as number) + (p[c + 4] as number)) +
        (t4 as number) * ((p[c - 4] as number) + (p[c + 5] as number)) +
        (t5 as number) * ((p[c - 5] as number) + (p[c + 6] as number)) +
        (t6 as number) * ((p[c - 6] as number) + (p[c + 7] as number)) +
        (t7 as number) * ((p[c - 7] as number) + (p[c + 8] as number)) +
        (t8 as number) * ((p[c - 8] as number) + (p[c + 9] as number)) +
        (t9 as number) * ((p[c - 9] as number) + (p[c + 10] as number)) +
        (t10 as number) * ((p[c - 10] as number) + (p[c + 11] as number)) +
        (t11 as number) * ((p[c - 11] as number) + (p[c + 12] as number));
      out[2 * m + 1] = (out[2 * m + 1] as number) + acc;
    }
  }
}
