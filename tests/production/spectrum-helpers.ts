/** Small analysis helpers for the production tests: FFT band energy, pitch by autocorrelation, hashing. */
import { createHash } from 'node:crypto';

/** In-place iterative radix-2 FFT (re/im of length 2^k). */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j] as number, re[i] as number];
      [im[i], im[j]] = [im[j] as number, im[i] as number];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const angle = (-2 * Math.PI) / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < len / 2; k++) {
        const wr = Math.cos(angle * k);
        const wi = Math.sin(angle * k);
        const a = i + k;
        const b = a + len / 2;
        const xr = (re[b] as number) * wr - (im[b] as number) * wi;
        const xi = (re[b] as number) * wi + (im[b] as number) * wr;
        re[b] = (re[a] as number) - xr;
        im[b] = (im[a] as number) - xi;
        re[a] = (re[a] as number) + xr;
        im[a] = (im[a] as number) + xi;
      }
    }
  }
}

/** Power spectrum (Hann-windowed, averaged over frames of `size`), bin k at k·sampleRate/size. */
export function powerSpectrum(x: Float32Array, size = 4096): Float64Array {
  const acc = new Float64Array(size / 2);
  for (let start = 0; start + size <= Math.max(x.length, size); start += size) {
    const re = new Float64Array(size);
    const im = new Float64Array(size);
    for (let i = 0; i < size; i++)
      re[i] = (x[start + i] ?? 0) * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
    fft(re, im);
    for (let k = 0; k < size / 2; k++)
      acc[k] = (acc[k] as number) + (re[k] as number) ** 2 + (im[k] as number) ** 2;
  }
  return acc;
}

/** Share (0..1) of the signal's energy between `low` and `high` Hz. */
export function bandShare(
  x: Float32Array,
  sampleRate: number,
  low: number,
  high: number,
  size = 4096,
): number {
  const p = powerSpectrum(x, size);
  let band = 0;
  let total = 0;
  p.forEach((v, k) => {
    const f = (k * sampleRate) / size;
    total += v;
    if (f >= low && f < high) band += v;
  });
  return total === 0 ? 0 : band / total;
}

/** Energy (linear) between `low` and `high` Hz. */
export function bandEnergy(
  x: Float32Array,
  sampleRate: number,
  low: number,
  high: number,
  size = 4096,
): number {
  const p = powerSpectrum(x, size);
  let band = 0;
  p.forEach((v, k) => {
    const f = (k * sampleRate) / size;
    if (f >= low && f < high) band += v;
  });
  return band;
}

/** Fundamental frequency of a steady segment by normalised autocorrelation, searched in [minHz, maxHz]. */
export function estimatePitch(x: Float32Array, sampleRate: number, minHz = 30, maxHz = 2000): number {
  const minLag = Math.floor(sampleRate / maxHz);
  const maxLag = Math.ceil(sampleRate / minHz);
  const n = x.length - maxLag - 1;
  const corr = (lag: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += (x[i] as number) * (x[i + lag] as number);
    return s;
  };
  let bestLag = minLag;
  let best = Number.NEGATIVE_INFINITY;
  const values: number[] = [];
  for (let lag = minLag; lag <= maxLag; lag++) values[lag] = corr(lag);
  const top = Math.max(...values.slice(minLag).filter(Number.isFinite));
  // The first lag reaching 90 % of the best peak is the period (avoids octave errors at multiples).
  for (let lag = minLag + 1; lag < maxLag; lag++) {
    const v = values[lag] as number;
    if (v >= 0.9 * top && v >= (values[lag - 1] as number) && v >= (values[lag + 1] as number)) {
      bestLag = lag;
      best = v;
      break;
    }
  }
  if (best === Number.NEGATIVE_INFINITY) return 0;
  const a = values[bestLag - 1] as number;
  const b = values[bestLag] as number;
  const c = values[bestLag + 1] as number;
  const shift = (a - c) / (2 * (a - 2 * b + c));
  return sampleRate / (bestLag + shift);
}

/** SHA-256 of the raw bytes of some sample arrays (bit-exact comparison of renders). */
export function hashSamples(arrays: readonly Float32Array[]): string {
  const h = createHash('sha256');
  for (const a of arrays) h.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return h.digest('hex');
}

/** RMS in dBFS of a whole array. */
export function rmsDb(x: Float32Array): number {
  let s = 0;
  for (const v of x) s += v * v;
  return 10 * Math.log10(s / x.length);
}

/** Largest absolute sample. */
export function peak(x: Float32Array): number {
  let p = 0;
  for (const v of x) p = Math.max(p, Math.abs(v));
  return p;
}
