/** A compressor set relative to its input's peak, so a question means the same on any stem. */
import type { CompressorSettings } from '../../dsp/compressor';
import type { Decibels } from '../../dsp/units';

/**
 * Compressor settings with the threshold given below the source's peak level: the player measures the
 * excerpt's sample peak P (dBFS) and uses thresholdDb = P − thresholdBelowPeakDb. With a hard knee and a
 * fast attack the peak gain reduction is then about thresholdBelowPeakDb × (1 − 1/ratio).
 */
export type RelativeCompressor = Omit<CompressorSettings, 'thresholdDb'> & { thresholdBelowPeakDb: Decibels };

/** Threshold distance below the peak that gives about `reductionDb` of peak gain reduction at `ratio`. */
export function thresholdBelowPeakFor(reductionDb: Decibels, ratio: number): Decibels {
  return Math.round((reductionDb / (1 - 1 / Math.max(ratio, 1.01))) * 10) / 10;
}

/** The absolute settings for a source whose excerpt peaks at `peakDb` dBFS. */
export function resolveCompressor(spec: RelativeCompressor, peakDb: Decibels): CompressorSettings {
  const { thresholdBelowPeakDb, ...rest } = spec;
  return { ...rest, thresholdDb: peakDb - thresholdBelowPeakDb };
}
