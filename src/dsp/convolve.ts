/**
 * Fast linear convolution of a stereo signal with a stereo impulse response (left with left, right with
 * right, as a ConvolverNode does with a two-channel IR), by one big FFT in float64. Both real stereo pairs
 * ride in one complex FFT each (x_L + i·x_R, h_L + i·h_R), so a whole convolution is three FFTs.
 */

interface FftPlan {
  size: number;
  reverse: Uint32Array;
  /** Twiddles of every stage, stage with half-size h at [h, 2h): cos and −sin of π·k/h. */
  cos: Float64Array;
  sin: Float64Array;
}

/** Stages up to this size run block by block, while the block is still in cache. */
const CACHE_BLOCK = 2048;

function createPlan(size: number): FftPlan {
  const bits = Math.round(Math.log2(size));
  const reverse = new Uint32Array(size);
  for (let i = 1; i < size; i++) reverse[i] = ((reverse[i >> 1] as number) >> 1) | ((i & 1) << (bits - 1));
  const cos = new Float64Array(Math.max(2, size));
  const sin = new Float64Array(Math.max(2, size));
  // The last stage's twiddles (h = size/2) by trig; every smaller stage's are a subsample of them.
  const top = size >> 1;
  for (let k = 0; k < top; k++) {
    cos[top + k] = Math.cos((Math.PI * k) / top);
    sin[top + k] = -Math.sin((Math.PI * k) / top);
  }
  for (let h = top >> 1; h >= 1; h >>= 1) {
    const step = top / h;
    for (let k = 0; k < h; k++) {
      cos[h + k] = cos[top + k * step] as number;
      sin[h + k] = sin[top + k * step] as number;
    }
  }
  return { size, reverse, cos, sin };
}

/** Radix-2 butterflies of the stages with half-sizes minHalf … maxHalf over [from, to). */
function stages(
  re: Float64Array,
  im: Float64Array,
  plan: FftPlan,
  from: number,
  to: number,
  minHalf: number,
  maxHalf: number,
): void {
  const { cos, sin } = plan;
  for (let half = minHalf; half <= maxHalf; half <<= 1) {
    for (let start = from; start < to; start += 2 * half) {
      for (let k = 0; k < half; k++) {
        const wr = cos[half + k] as number;
        const wi = sin[half + k] as number;
        const a = start + k;
        const b = a + half;
        const br = re[b] as number;
        const bi = im[b] as number;
        const xr = br * wr - bi * wi;
        const xi = br * wi + bi * wr;
        const ar = re[a] as number;
        const ai = im[a] as number;
        re[b] = ar - xr;
        im[b] = ai - xi;
        re[a] = ar + xr;
        im[a] = ai + xi;
      }
    }
  }
}

/**
 * Two radix-2 stages at a time (half-sizes h and 2h) as one radix-4 butterfly: four loads and stores per
 * four points instead of eight. W_4h^(k+h) = −i·W_4h^k, so the second stage needs one twiddle. An odd
 * stage left over runs as radix-2.
 */
function stagesRadix4(
  re: Float64Array,
  im: Float64Array,
  plan: FftPlan,
  from: number,
  to: number,
  minHalf: number,
  maxHalf: number,
): void {
  const { cos, sin } = plan;
  let half = minHalf;
  for (; half * 2 <= maxHalf; half <<= 2) {
    for (let start = from; start < to; start += 4 * half) {
      for (let k = 0; k < half; k++) {
        const w1r = cos[half + k] as number;
        const w1i = sin[half + k] as number;
        const w2r = cos[2 * half + k] as number;
        const w2i = sin[2 * half + k] as number;
        const i0 = start + k;
        const i1 = i0 + half;
        const i2 = i1 + half;
        const i3 = i2 + half;
        const x1r = re[i1] as number;
        const x1i = im[i1] as number;
        const x3r = re[i3] as number;
        const x3i = im[i3] as number;
        const t1r = x1r * w1r - x1i * w1i;
        const t1i = x1r * w1i + x1i * w1r;
        const t3r = x3r * w1r - x3i * w1i;
        const t3i = x3r * w1i + x3i * w1r;
        const x0r = re[i0] as number;
        const x0i = im[i0] as number;
        const x2r = re[i2] as number;
        const x2i = im[i2] as number;
        const a0r = x0r + t1r;
        const a0i = x0i + t1i;
        const a1r = x0r - t1r;
        const a1i = x0i - t1i;
        const a2r = x2r + t3r;
        const a2i = x2i + t3i;
        const a3r = x2r - t3r;
        const a3i = x2i - t3i;
        const u2r = a2r * w2r - a2i * w2i;
        const u2i = a2r * w2i + a2i * w2r;
        // (a3·w2)·(−i) = (v_r + i·v_i)(−i) = v_i − i·v_r
        const u3r = a3r * w2i + a3i * w2r;
        const u3i = -(a3r * w2r - a3i * w2i);
        re[i0] = a0r + u2r;
        im[i0] = a0i + u2i;
        re[i2] = a0r - u2r;
        im[i2] = a0i - u2i;
        re[i1] = a1r + u3r;
        im[i1] = a1i + u3i;
        re[i3] = a1r - u3r;
        im[i3] = a1i - u3i;
      }
    }
  }
  if (half <= maxHalf) stages(re, im, plan, from, to, half, maxHalf);
}

/** In-place forward FFT (no scaling): X[k] = Σ x[n]·e^(−2πikn/N). */
function fftInPlace(plan: FftPlan, re: Float64Array, im: Float64Array): void {
  const { size, reverse } = plan;
  for (let i = 0; i < size; i++) {
    const j = reverse[i] as number;
    if (j > i) {
      const tr = re[i] as number;
      re[i] = re[j] as number;
      re[j] = tr;
      const ti = im[i] as number;
      im[i] = im[j] as number;
      im[j] = ti;
    }
  }
  const block = Math.min(CACHE_BLOCK, size);
  for (let from = 0; from < size; from += block)
    stagesRadix4(re, im, plan, from, from + block, 1, block >> 1);
  stagesRadix4(re, im, plan, 0, size, block, size >> 1);
}

/** Smallest power of two ≥ n. */
function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size <<= 1;
  return size;
}

/** The FFT size that makes an overlap-add convolution cheapest (blocks of size − irLength + 1 samples). */
function bestSize(inputLength: number, irLength: number): number {
  const whole = nextPowerOfTwo(inputLength + irLength - 1);
  let best = whole;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let size = nextPowerOfTwo(2 * irLength); size <= whole; size *= 2) {
    const blocks = Math.ceil(inputLength / (size - irLength + 1));
    const cost = (2 * blocks + 1) * size * Math.log2(size);
    if (cost < bestCost) {
      best = size;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * The first `length` samples of the linear convolution of `input` (1 or 2 channels; one channel feeds both
 * sides) with a stereo IR: [input_L ∗ ir_L, input_R ∗ ir_R], as float32. Samples of the input at or past
 * `length` are ignored (they cannot reach the output's first `length` samples). Overlap-add over blocks
 * whose FFT size is picked for the least work (a whole-signal FFT when that is cheapest).
 */
export function convolveStereo(
  input: readonly Float32Array[],
  ir: readonly [Float32Array, Float32Array],
  length: number,
): [Float32Array, Float32Array] {
  const inL = input[0] ?? new Float32Array(0);
  const inR = input[1] ?? inL;
  const [irL, irR] = ir;
  const used = Math.min(length, Math.max(inL.length, inR.length));
  const irUsed = Math.min(length, Math.max(irL.length, irR.length));
  const outL = new Float32Array(length);
  const outR = new Float32Array(length);
  if (used === 0 || irUsed === 0) return [outL, outR];
  const size = bestSize(used, irUsed);
  const block = size - irUsed + 1;
  const plan = createPlan(size);
  // The IR's two spectra, unpacked once: H_L = (H + H*_{−k})/2, H_R = (H − H*_{−k})/2i.
  const hr = new Float64Array(size);
  const hi = new Float64Array(size);
  hr.set(irL.subarray(0, irUsed));
  hi.set(irR.subarray(0, irUsed));
  fftInPlace(plan, hr, hi);
  const leftRe = new Float64Array(size);
  const leftIm = new Float64Array(size);
  const rightRe = new Float64Array(size);
  const rightIm = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const m = (size - k) & (size - 1);
    const gr = hr[k] as number;
    const gi = hi[k] as number;
    const vr = hr[m] as number;
    const vi = -(hi[m] as number);
    leftRe[k] = (gr + vr) / 2;
    leftIm[k] = (gi + vi) / 2;
    rightRe[k] = (gi - vi) / 2;
    rightIm[k] = -(gr - vr) / 2;
  }
  const accL = new Float64Array(length);
  const accR = new Float64Array(length);
  const xr = new Float64Array(size);
  const xi = new Float64Array(size);
  const yr = new Float64Array(size);
  const yi = new Float64Array(size);
  for (let start = 0; start < used; start += block) {
    const end = Math.min(used, start + block);
    xr.fill(0);
    xi.fill(0);
    xr.set(inL.subarray(start, Math.min(end, inL.length)));
    xi.set(inR.subarray(start, Math.min(end, inR.length)));
    fftInPlace(plan, xr, xi);
    for (let k = 0; k < size; k++) {
      const m = (size - k) & (size - 1);
      const zr = xr[k] as number;
      const zi = xi[k] as number;
      const wr = xr[m] as number;
      const wi = -(xi[m] as number);
      const lr = (zr + wr) / 2;
      const li = (zi + wi) / 2;
      const rr = (zi - wi) / 2;
      const ri = -(zr - wr) / 2;
      const hlr = leftRe[k] as number;
      const hli = leftIm[k] as number;
      const hrr = rightRe[k] as number;
      const hri = rightIm[k] as number;
      const ylr = lr * hlr - li * hli;
      const yli = lr * hli + li * hlr;
      const yrr = rr * hrr - ri * hri;
      const yri = rr * hri + ri * hrr;
      // Y = Y_L + i·Y_R; the inverse FFT is the forward one on the conjugate, so keep conj(Y).
      yr[k] = ylr - yri;
      yi[k] = -(yli + yrr);
    }
    fftInPlace(plan, yr, yi);
    const stop = Math.min(length, start + size);
    for (let n = start; n < stop; n++) {
      accL[n] = (accL[n] as number) + (yr[n - start] as number) / size;
      accR[n] = (accR[n] as number) - (yi[n - start] as number) / size;
    }
  }
  outL.set(accL);
  outR.set(accR);
  return [outL, outR];
}
