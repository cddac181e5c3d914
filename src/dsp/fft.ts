import type { Hz, SampleRate } from './units';

/** Window applied to each frame of a spectrum; only Hann for now. */
export type SpectrumWindow = 'hann';

/** Options of powerSpectrum: FFT size (a power of two), window and frame overlap (0 ≤ overlap < 1). */
export interface SpectrumOptions {
  size: number;
  window?: SpectrumWindow;
  overlap?: number;
}

/** A one-sided spectrum: bin k is at frequencies[k] = k·sampleRate/size, k = 0 … size/2. */
export interface PowerSpectrum {
  frequencies: Float64Array;
  /** Mean square (not density) carried by each bin: the sum over all bins is the signal's mean square. */
  power: Float64Array;
}

interface Tables {
  cos: Float64Array;
  sin: Float64Array;
  reverse: Uint32Array;
}

const tableCache = new Map<number, Tables>();

/** True for 1, 2, 4, 8, …. */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

function tablesFor(n: number): Tables {
  const cached = tableCache.get(n);
  if (cached) return cached;
  const half = n >> 1;
  const cos = new Float64Array(half);
  const sin = new Float64Array(half);
  for (let k = 0; k < half; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = Math.sin((2 * Math.PI * k) / n);
  }
  const bits = Math.log2(n);
  const reverse = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    let r = 0;
    for (let b = 0, v = i; b < bits; b++, v >>= 1) r = (r << 1) | (v & 1);
    reverse[i] = r;
  }
  const tables = { cos, sin, reverse };
  tableCache.set(n, tables);
  return tables;
}

/**
 * In-place forward complex FFT (iterative radix-2): X[k] = Σ x[n]·e^(−2πikn/N), no scaling.
 * Both arrays must have the same power-of-two length; otherwise throws a RangeError.
 */
export function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  if (im.length !== n || !isPowerOfTwo(n)) {
    throw new RangeError(`fft needs two arrays of the same power-of-two length (got ${n} and ${im.length})`);
  }
  const { cos, sin, reverse } = tablesFor(n);
  for (let i = 0; i < n; i++) {
    const j = reverse[i]!;
    if (j > i) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  for (let size = 2; size <= n; size <<= 1) {
    const half = size >> 1;
    const stride = n / size;
    for (let start = 0; start < n; start += size) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * stride]!;
        const wi = -sin[k * stride]!;
        const a = start + k;
        const b = a + half;
        const br = re[b]!;
        const bi = im[b]!;
        const xr = br * wr - bi * wi;
        const xi = br * wi + bi * wr;
        const ar = re[a]!;
        const ai = im[a]!;
        re[b] = ar - xr;
        im[b] = ai - xi;
        re[a] = ar + xr;
        im[a] = ai + xi;
      }
    }
  }
}

/** In-place inverse FFT, scaled by 1/N so that ifft(fft(x)) = x. */
export function ifft(re: Float64Array, im: Float64Array): void {
  // The inverse is the forward transform with real and imaginary parts swapped on the way in and out.
  fft(im, re);
  const n = re.length;
  for (let i = 0; i < n; i++) {
    re[i] = re[i]! / n;
    im[i] = im[i]! / n;
  }
}

/** Periodic Hann window of `size` samples (sums to a constant at 50 % overlap). */
export function hannWindow(size: number): Float64Array {
  const w = new Float64Array(size);
  for (let i = 0; i < size; i++) w[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size);
  return w;
}

/**
 * Welch-averaged one-sided power spectrum over Hann-windowed frames (default 50 % overlap; one extra frame
 * is aligned to the end so the tail counts). Each bin holds the mean square it carries, scaled by
 * 1/(N·Σw²) and doubled except at DC and Nyquist, so summing bins over a band gives that band's mean square
 * and summing all bins gives the signal's mean square (Parseval). A signal shorter than `size` becomes one
 * frame with the window stretched over the signal, zero-padded to `size`.
 */
export function powerSpectrum(
  samples: Float32Array | Float64Array,
  sampleRate: SampleRate,
  options: SpectrumOptions,
): PowerSpectrum {
  const { size, overlap = 0.5 } = options;
  if (!isPowerOfTwo(size) || size < 2)
    throw new RangeError(`spectrum size must be a power of two ≥ 2 (got ${size})`);
  if (!(overlap >= 0 && overlap < 1)) throw new RangeError(`overlap must be in [0, 1) (got ${overlap})`);
  const bins = size / 2 + 1;
  const frequencies = new Float64Array(bins);
  for (let k = 0; k < bins; k++) frequencies[k] = (k * sampleRate) / size;
  const power = new Float64Array(bins);
  if (samples.length === 0) return { frequencies, power };

  const frameLength = Math.min(size, samples.length);
  const window = hannWindow(frameLength);
  let windowEnergy = 0;
  for (const w of window) windowEnergy += w * w;
  if (windowEnergy === 0) return { frequencies, power }; // a one-sample "frame" is all window edge
  const starts: number[] = [];
  const hop = Math.max(1, Math.round(frameLength * (1 - overlap)));
  for (let s = 0; s + frameLength <= samples.length; s += hop) starts.push(s);
  const last = samples.length - frameLength;
  if (starts[starts.length - 1] !== last) starts.push(last);

  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (const start of starts) {
    re.fill(0);
    im.fill(0);
    for (let i = 0; i < frameLength; i++) re[i] = samples[start + i]! * window[i]!;
    fft(re, im);
    for (let k = 0; k < bins; k++) power[k] = power[k]! + re[k]! * re[k]! + im[k]! * im[k]!;
  }
  const scale = 1 / (size * windowEnergy * starts.length);
  for (let k = 0; k < bins; k++) {
    const oneSided = k === 0 || k === bins - 1 ? 1 : 2;
    power[k] = power[k]! * scale * oneSided;
  }
  return { frequencies, power };
}

/** Mean square inside [low, high) Hz from a spectrum, sharing bins that straddle an edge by their overlap. */
export function spectrumBandPower(spectrum: PowerSpectrum, low: Hz, high: Hz): number {
  const { frequencies, power } = spectrum;
  if (frequencies.length < 2 || high <= low) return 0;
  const df = frequencies[1]!;
  let sum = 0;
  const first = Math.max(0, Math.floor(low / df - 0.5));
  const last = Math.min(frequencies.length - 1, Math.ceil(high / df + 0.5));
  for (let k = first; k <= last; k++) {
    // Bin k stands for [f − df/2, f + df/2), clipped to [0, Nyquist] at the ends.
    const f = frequencies[k]!;
    const binLow = k === 0 ? 0 : f - df / 2;
    const binHigh = k === frequencies.length - 1 ? f : f + df / 2;
    const overlap = Math.min(high, binHigh) - Math.max(low, binLow);
    if (overlap > 0) sum += (power[k]! * overlap) / (binHigh - binLow);
  }
  return sum;
}
