/**
 * Renders both mixes of a review in plain TypeScript (the engine's pure mixer: no AudioContext, so it runs
 * in a Worker) and reads loudness, spectrum and stereo width from each. Tracks are resampled to
 * READING_RATE first (kept for the next request): the readings stop at 10 kHz and it halves the work.
 */
import { decimateByTwo } from '../../dsp/decimate';
import { type MixReading, readMix } from '../../dsp/mix-reading';
import { resample } from '../../dsp/resample';
import type { SampleRate } from '../../dsp/units';
import { renderPureMix } from '../../engine/pure-mix';
import type { SideSpec } from '../../exercises/shared/play-types';

/** Rate the review's mixes are rendered and read at. */
export const READING_RATE: SampleRate = 24000;

/** The reverb's impulse response is cut this far below its start: the lost tail holds < 0.01 % of its energy. */
const READING_REVERB_TAIL_DB = 40;

/** Tracks kept resampled between requests (a review asks again for every solo). */
const KEPT = 24;
const kept = new Map<string, Float32Array>();

/**
 * A cheap fingerprint of a track's samples (a request's arrays are copies, so identity is lost): its length,
 * rates and 64 samples spread over it. Two different stems agreeing on all 64 is not a practical risk.
 */
function fingerprint(x: Float32Array, from: SampleRate, to: SampleRate): string {
  const picks: number[] = [x.length, from, to];
  for (let k = 0; k < 64; k++) picks.push(x[Math.floor(((k + 0.5) * x.length) / 64)] ?? 0);
  return picks.join(',');
}

function resampledTrack(x: Float32Array, from: SampleRate, to: SampleRate): Float32Array {
  const key = fingerprint(x, from, to);
  let y = kept.get(key);
  if (!y) {
    // 48 → 24 kHz (the usual case) takes the cheap half-band decimator: the readings stop at 10 kHz.
    y = from === 2 * to ? decimateByTwo(x) : resample(x, from, to);
    kept.set(key, y);
    while (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  }
  return y;
}

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
  const at = (x: Float32Array) => (rate === sampleRate ? x : resampledTrack(x, sampleRate, rate));
  const read = (side: SideSpec | null): MixReading | null => {
    if (!side) return null;
    if (side.tracks.length === 0) throw new Error('A mix with no tracks cannot be measured.');
    const mix = { ...side, tracks: side.tracks.map((t) => ({ ...t, channels: t.channels.map(at) })) };
    return readMix(renderPureMix(mix, rate, { reverbTailDb: READING_REVERB_TAIL_DB }), rate);
  };
  const readA = read(a);
  const readB = read(b);
  return { a: readA, b: readB, elapsedMs: performance.now() - started };
}
