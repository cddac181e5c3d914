/**
 * Compression amounts that are what the label says: the peak gain reduction a compressor measures on an
 * excerpt (the compressor maths of src/dsp/compressor.ts, attack and release included), and the threshold
 * below the excerpt's peak that gives a wanted amount (found by bisection on the measured reduction).
 */
import { renderCompressorGain } from '../../dsp/compressor';
import { dbToGain } from '../../dsp/db';
import type { Decibels } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { type RelativeCompressor, resolveCompressor } from '../shared/relative-compressor';
import { ANALYSIS_RATE, type SongAnalysis, trackProfile } from '../shared/song-analysis';

/** The samples a comp-spot question compresses: one stem as rendered, or the rough mix of every stem. */
export function sourceSamples(analysis: SongAnalysis, track: TrackId | undefined): Float32Array {
  if (track) return trackProfile(analysis, track).samples;
  const parts = [...analysis.tracks.values()];
  const out = new Float32Array(parts[0]?.samples.length ?? 0);
  for (const t of parts) {
    const g = dbToGain(t.faderDb);
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + g * (t.samples[i] as number);
  }
  return out;
}

/** Largest gain reduction (dB, ≥ 0, makeup left out) the compressor applies to `samples` (ANALYSIS_RATE). */
export function measuredPeakReductionDb(samples: Float32Array, spec: RelativeCompressor): Decibels {
  const settings = { ...resolveCompressor(spec, peakDb(samples)), makeupDb: 0 };
  const gain = renderCompressorGain([samples], ANALYSIS_RATE, settings);
  let least = 0;
  for (let i = 0; i < gain.length; i++) least = Math.min(least, gain[i] as number);
  return Math.round(-least * 100) / 100;
}

/** Sample peak of `samples`, dBFS (−Infinity when silent); the player measures the same. */
export function peakDb(samples: Float32Array): Decibels {
  let peak = 0;
  for (let i = 0; i < samples.length; i++) peak = Math.max(peak, Math.abs(samples[i] as number));
  return peak > 0 ? 20 * Math.log10(peak) : Number.NEGATIVE_INFINITY;
}

/** Deepest threshold tried below the peak, dB. */
const DEEPEST_DB = 60;

/**
 * The threshold below the peak (dB, 0.1 dB steps) at which `shape` measures `reductionDb` of peak gain
 * reduction on `samples` (the deepest tried when even that falls short).
 */
export function calibrateThresholdBelowPeak(
  samples: Float32Array,
  shape: Omit<RelativeCompressor, 'thresholdBelowPeakDb'>,
  reductionDb: Decibels,
): Decibels {
  let lo = 0;
  let hi = DEEPEST_DB;
  for (let i = 0; i < 10; i++) {
    const mid = (lo + hi) / 2;
    if (measuredPeakReductionDb(samples, { ...shape, thresholdBelowPeakDb: mid }) < reductionDb) lo = mid;
    else hi = mid;
  }
  return Math.round(((lo + hi) / 2) * 10) / 10;
}
