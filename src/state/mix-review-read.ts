/**
 * Renders both mixes of a review in plain TypeScript (the engine's pure mixer: no AudioContext, so it runs
 * in a Worker) and reads loudness, spectrum and stereo width from each. Tracks are resampled to
 * READING_RATE first (once per distinct sample array): the readings stop at 10 kHz and it halves the work.
 */
import { type MixReading, readMix } from '../dsp/mix-reading';
import { resample } from '../dsp/resample';
import type { SampleRate } from '../dsp/units';
import { renderPureMix } from '../engine/pure-mix';
import type { SideSpec } from '../exercises/shared/play-types';

/** Rate the review's mixes are rendered and read at. */
export const READING_RATE: SampleRate = 24000;

/** The readings of a review's two sides (null for a side that does not play the soloed track). */
export interface ReviewReadings {
  a: MixReading | null;
  b: MixReading | null;
  /** Rendering and reading both, ms. */
  elapsedMs: number;
}

/** Renders and reads `a` and `b` (tracks at `sampleRate`). Throws on a side with no tracks. */
export function readSides(a: SideSpec | null, b: SideSpec | null, sampleRate: SampleRate): ReviewReadings {
  const started = performance.now();
  const rate = Math.min(sampleRate, READING_RATE);
  const resampled = new Map<Float32Array, Float32Array>();
  const at = (x: Float32Array) => {
    if (rate === sampleRate) return x;
    let y = resampled.get(x);
    if (!y) {
      y = resample(x, sampleRate, rate);
      resampled.set(x, y);
    }
    return y;
  };
  const read = (side: SideSpec | null): MixReading | null => {
    if (!side) return null;
    if (side.tracks.length === 0) throw new Error('A mix with no tracks cannot be measured.');
    const mix = { ...side, tracks: side.tracks.map((t) => ({ ...t, channels: t.channels.map(at) })) };
    return readMix(renderPureMix(mix, rate), rate);
  };
  const readA = read(a);
  const readB = read(b);
  return { a: readA, b: readB, elapsedMs: performance.now() - started };
}
