import type { Decibels, Milliseconds, SampleRate } from './units';

/**
 * Lookahead peak limiter (the hearing-safety stage at the end of the master bus).
 *
 * Per input sample n (all channels share one gain, so the stereo image holds):
 *   g_req[n] = min(1, c / max_ch |x_ch[n]|)                    gain this sample needs (c = ceiling)
 *   m[n]     = min(g_req[n − L … n])                           sliding minimum over L + 1 samples
 *   r[n]     = m[n] if m[n] < r[n − 1], else m + α_R·(r − m)   instant attack, exponential release
 *   b[n]     = mean(r[n − L … n])                              box filter: a smooth L-sample ramp
 *   y_ch[n]  = clamp(x_ch[n − L] · b[n], ±c)                   output delayed by the lookahead L
 * Every r[n − j] (j = 0 … L) is ≤ m[n − j] ≤ g_req[n − L], so b[n]·|x[n − L]| ≤ c: the gain is
 * already down when the peak leaves the delay line. The final clamp only catches rounding. A signal that never
 * exceeds the ceiling gets b = 1 exactly and comes out bit-identical, L samples late. Sample peaks only:
 * inter-sample peaks of the reconstructed waveform may exceed the ceiling slightly.
 */

/** How the limiter behaves. */
export interface LimiterSettings {
  /** No output sample exceeds this, dBFS. */
  ceilingDb: Decibels;
  /** How far ahead the gain starts to fall (also the limiter's latency). */
  lookaheadMs: Milliseconds;
  /** Time constant of the gain recovering after a peak. */
  releaseMs: Milliseconds;
}

/** The master limiter's settings: −1 dBFS ceiling, 3 ms lookahead, 60 ms release. */
export const SAFETY_LIMITER: LimiterSettings = { ceilingDb: -1, lookaheadMs: 3, releaseMs: 60 };

/** Running state of a limiter: delay lines, sliding-minimum queue, release and box-filter memory. */
export interface LimiterState {
  readonly lookahead: number;
  readonly ceiling: number;
  readonly clampAt: number;
  readonly alphaRelease: number;
  readonly delay: Float32Array[];
  /** Monotonic queue of (sample index, required gain) for the sliding minimum. */
  readonly queueIndex: Float64Array;
  readonly queueValue: Float64Array;
  queueHead: number;
  queueSize: number;
  /** The last L + 1 released gains, and their running sum. */
  readonly box: Float64Array;
  boxSum: number;
  released: number;
  /** Samples processed so far. */
  position: number;
  /** Consecutive samples whose released gain was exactly 1 (see the fast path in processLimiterBlock). */
  unitySamples: number;
}

/** How close to 1 the released gain snaps to exactly 1 (1e-9: a thousandth of a float32 step at 1). */
const RELEASE_SNAP = 1e-9;

/** The limiter's delay in samples at a sample rate (at least 1). */
export function limiterLatency(sampleRate: SampleRate, lookaheadMs: Milliseconds): number {
  return Math.max(1, Math.round((lookaheadMs / 1000) * sampleRate));
}

/** The largest float32 value not above `x` (so a float32 output can never round past the ceiling). */
function float32AtMost(x: number): number {
  const f = Math.fround(x);
  if (f <= x) return f;
  const bits = new Float32Array([f]);
  const word = new Uint32Array(bits.buffer);
  word[0] = (word[0] as number) - 1; // positive floats: one step down in the bit pattern is one ulp less
  return bits[0] as number;
}

/** A fresh limiter for `channelCount` channels: silent delay lines, unity gain. */
export function createLimiterState(
  sampleRate: SampleRate,
  settings: LimiterSettings,
  channelCount: number,
): LimiterState {
  const lookahead = limiterLatency(sampleRate, settings.lookaheadMs);
  const window = lookahead + 1;
  const releaseSamples = (settings.releaseMs / 1000) * sampleRate;
  const ceiling = 10 ** (settings.ceilingDb / 20);
  return {
    lookahead,
    ceiling,
    clampAt: float32AtMost(ceiling),
    alphaRelease: releaseSamples > 0 ? Math.exp(-1 / releaseSamples) : 0,
    delay: Array.from({ length: channelCount }, () => new Float32Array(lookahead)),
    queueIndex: new Float64Array(window),
    queueValue: new Float64Array(window),
    queueHead: 0,
    queueSize: 0,
    box: new Float64Array(window).fill(1),
    boxSum: window,
    released: 1,
    position: 0,
    unitySamples: 2 * window,
  };
}

/** Largest |sample| of the first `length` samples over every channel. */
function blockPeak(input: readonly Float32Array[], channels: number, length: number): number {
  let peak = 0;
  for (let ch = 0; ch < channels; ch++) {
    const x = input[ch];
    if (!x) continue;
    const end = Math.min(length, x.length);
    for (let n = 0; n < end; n++) {
      const v = x[n] as number;
      const a = v < 0 ? -v : v;
      if (a > peak) peak = a;
    }
  }
  return peak;
}

/**
 * The limiter at rest (unity gain for two windows, so the box and its sum are exactly 1 and the window) and
 * a block that never exceeds the ceiling: every gain stays exactly 1, so the block is only delayed (and
 * clamped, as always). Leaves the state as the sample loop would: the queue holds the last sample at 1.
 */
function delayOnly(
  state: LimiterState,
  input: readonly Float32Array[],
  output: readonly Float32Array[],
  length: number,
): void {
  const { lookahead, clampAt, delay } = state;
  for (let ch = 0; ch < delay.length; ch++) {
    const line = delay[ch] as Float32Array;
    const x = input[ch];
    const out = output[ch];
    let d = state.position % lookahead;
    for (let n = 0; n < length; n++) {
      const delayed = line[d] as number;
      line[d] = x?.[n] ?? 0;
      if (out) out[n] = delayed < -clampAt ? -clampAt : delayed > clampAt ? clampAt : delayed;
      if (++d === lookahead) d = 0;
    }
  }
  state.position += length;
  state.unitySamples += length;
  state.queueHead = 0;
  state.queueSize = 1;
  state.queueIndex[0] = state.position - 1;
  state.queueValue[0] = 1;
}

/**
 * Limits one block of `length` samples from `input` into `output` (same channel count as the state;
 * missing input channels count as silence). Consecutive blocks of any size equal one pass, bit for bit.
 * While nothing comes near the ceiling the block is only delayed (the common case: a fast path).
 */
export function processLimiterBlock(
  state: LimiterState,
  input: readonly Float32Array[],
  output: readonly Float32Array[],
  length: number,
): void {
  const { lookahead, ceiling, clampAt, alphaRelease, delay, queueIndex, queueValue, box } = state;
  if (state.unitySamples >= 2 * (lookahead + 1) && blockPeak(input, delay.length, length) <= ceiling) {
    delayOnly(state, input, output, length);
    return;
  }
  const window = lookahead + 1;
  const channels = delay.length;
  let { queueHead, queueSize, boxSum, released, position, unitySamples } = state;
  for (let n = 0; n < length; n++) {
    let peak = 0;
    for (let ch = 0; ch < channels; ch++) {
      const v = input[ch]?.[n] ?? 0;
      const a = v < 0 ? -v : v;
      if (a > peak) peak = a;
    }
    const required = peak > ceiling ? ceiling / peak : 1;
    // Sliding minimum over the last L + 1 samples: expire the front, then drop larger values from the back.
    if (queueSize > 0 && (queueIndex[queueHead] as number) <= position - window) {
      queueHead = (queueHead + 1) % window;
      queueSize--;
    }
    while (queueSize > 0 && (queueValue[(queueHead + queueSize - 1) % window] as number) >= required) {
      queueSize--;
    }
    const tail = (queueHead + queueSize) % window;
    queueIndex[tail] = position;
    queueValue[tail] = required;
    queueSize++;
    const minimum = queueValue[queueHead] as number;
    released = minimum < released ? minimum : minimum + alphaRelease * (released - minimum);
    // The release approaches 1 for ever; within RELEASE_SNAP of it (far below a float32 step) it is 1, so
    // the limiter comes back to rest and quiet blocks take the fast path again.
    if (released > 1 - RELEASE_SNAP) released = 1;
    unitySamples = released === 1 ? unitySamples + 1 : 0;
    const slot = position % window;
    boxSum += released - (box[slot] as number);
    box[slot] = released;
    // Re-add from scratch once per window so rounding in the running sum cannot drift.
    if (slot === window - 1) {
      boxSum = 0;
      for (let k = 0; k < window; k++) boxSum += box[k] as number;
    }
    const gain = boxSum / window;
    const d = position % lookahead;
    for (let ch = 0; ch < channels; ch++) {
      const line = delay[ch] as Float32Array;
      const delayed = line[d] as number;
      line[d] = input[ch]?.[n] ?? 0;
      const y = delayed * gain;
      const out = output[ch];
      if (out) out[n] = Math.min(clampAt, Math.max(-clampAt, y));
    }
    position++;
  }
  state.queueHead = queueHead;
  state.queueSize = queueSize;
  state.boxSum = boxSum;
  state.released = released;
  state.position = position;
  state.unitySamples = unitySamples;
}

/** Block size renderLimiter works in, so quiet stretches take the delay-only fast path. */
const RENDER_BLOCK = 128;

/** Renders a whole signal through a fresh limiter; the output is as long as the input (delayed by L). */
export function renderLimiter(
  channels: readonly Float32Array[],
  sampleRate: SampleRate,
  settings: LimiterSettings = SAFETY_LIMITER,
): Float32Array[] {
  const length = channels.reduce((max, ch) => Math.max(max, ch.length), 0);
  const output = channels.map(() => new Float32Array(length));
  const state = createLimiterState(sampleRate, settings, channels.length);
  for (let start = 0; start < length; start += RENDER_BLOCK) {
    const end = Math.min(length, start + RENDER_BLOCK);
    processLimiterBlock(
      state,
      channels.map((ch) => ch.subarray(start, end)),
      output.map((ch) => ch.subarray(start, end)),
      end - start,
    );
  }
  return output;
}
