/** Seeded noise sources for synthesis: fast white noise and Voss–McCartney pink noise. */

/**
 * A fast seeded white-noise generator (xorshift32): `next()` returns samples uniform in [−1, 1), the
 * same for the same seed everywhere. A class, so every instance shares one shape and call sites stay
 * monomorphic (fresh closures would make the JIT deoptimise when a new one turns up).
 */
export class NoiseSource {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }

  /** The next sample. */
  next(): number {
    let s = this.state;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.state = s >>> 0;
    return this.state / 2147483648 - 1;
  }
}

/** A seeded white-noise source. */
export function createNoise(seed: number): NoiseSource {
  return new NoiseSource(seed);
}

const PINK_ROWS = 16;

/**
 * Pink noise (−3 dB/octave) by the Voss–McCartney method: row k of 16 random values is refreshed every
 * 2^k samples, and the sum of the rows plus a fresh white sample is the output. Writes `count` samples
 * into `out` from `start`, scaled so the RMS level is about −12 dBFS.
 */
export function fillPinkNoise(out: Float32Array, start: number, count: number, noise: NoiseSource): void {
  const rows = new Float64Array(PINK_ROWS);
  let sum = 0;
  for (let r = 0; r < PINK_ROWS; r++) {
    rows[r] = noise.next();
    sum += rows[r] as number;
  }
  const scale = 0.25 / Math.sqrt((PINK_ROWS + 1) / 3);
  const end = Math.min(out.length, start + count);
  for (let i = start, n = 1; i < end; i++, n++) {
    const row = 31 - Math.clz32(n & -n);
    if (row < PINK_ROWS) {
      const fresh = noise.next();
      sum += fresh - (rows[row] as number);
      rows[row] = fresh;
    }
    out[i] = (sum + noise.next()) * scale;
  }
}
