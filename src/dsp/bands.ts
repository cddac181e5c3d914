import { powerToDb } from './db';
import { powerSpectrum, spectrumBandPower } from './fft';
import type { Decibels, Hz, SampleRate } from './units';

/** 1 for octave bands, 3 for third-octave bands. */
export type BandFraction = 1 | 3;

/** Nominal octave-band centres (ISO 266), 31.5 Hz … 16 kHz. */
export const OCTAVE_CENTRES: readonly Hz[] = [31.5, 63, 125, 250, 500, 1000, 2000, 4000, 8000, 16000];

/** Nominal third-octave-band centres (ISO 266), 25 Hz … 20 kHz. */
export const THIRD_OCTAVE_CENTRES: readonly Hz[] = [
  25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400, 500, 630, 800, 1000, 1250, 1600, 2000, 2500,
  3150, 4000, 5000, 6300, 8000, 10000, 12500, 16000, 20000,
];

// Base-10 octave ratio of IEC 61260-1: an octave is 10^0.3 (≈ 1.995), a third-octave exactly a tenth of a decade.
const OCTAVE_RATIO = 10 ** 0.3;
const BINS_PER_BAND = 16;
const MIN_SIZE = 256;
const MAX_SIZE = 65536;

/**
 * Exact (base-10, IEC 61260-1) centre of the third-octave band nearest to `nominal`: 1000·10^(k/10) Hz,
 * e.g. 31.5 → 31.62, 63 → 63.10, 16000 → 15849. Octave centres are every third of these, so it serves both.
 */
export function exactCentre(nominal: Hz): Hz {
  const k = Math.round(10 * Math.log10(nominal / 1000));
  return 1000 * 10 ** (k / 10);
}

/** Lower and upper edge of the band of width 1/`fraction` octave (base-10) around `centre`. */
export function bandEdges(centre: Hz, fraction: BandFraction): [low: Hz, high: Hz] {
  const half = OCTAVE_RATIO ** (1 / (2 * fraction));
  return [centre / half, centre * half];
}

function nextPowerOfTwo(n: number): number {
  return 2 ** Math.ceil(Math.log2(Math.max(1, n)));
}

/** FFT size giving about 16 bins across the narrowest band, within [256, 65536] and no longer than needed. */
function spectrumSize(
  sampleRate: SampleRate,
  lowestCentre: Hz,
  fraction: BandFraction,
  length: number,
): number {
  const [low, high] = bandEdges(lowestCentre, fraction);
  const wanted = nextPowerOfTwo((sampleRate * BINS_PER_BAND) / (high - low));
  return Math.max(MIN_SIZE, Math.min(wanted, MAX_SIZE, nextPowerOfTwo(length)));
}

/**
 * Mean-square level (dB re a mean square of 1, so a full-scale sine reads −3.01 dB) inside each band of width
 * 1/`fraction` octave around each of `centres`, all from one Welch-averaged Hann spectrum. The centres are
 * taken literally: pass exactCentre(nominal) for standard bands. Parts of a band above Nyquist count as empty;
 * an empty band reads −Infinity.
 */
export function bandLevels(
  samples: Float32Array,
  sampleRate: SampleRate,
  centres: readonly Hz[],
  fraction: BandFraction = 3,
): Decibels[] {
  if (centres.length === 0) return [];
  const size = spectrumSize(sampleRate, Math.min(...centres), fraction, samples.length);
  const spectrum = powerSpectrum(samples, sampleRate, { size, window: 'hann' });
  return centres.map((centre) => {
    const [low, high] = bandEdges(centre, fraction);
    return powerToDb(spectrumBandPower(spectrum, low, high));
  });
}

/** Mean-square level in dB of the band of width 1/`fraction` octave around `centre` (see bandLevels). */
export function bandLevelDb(
  samples: Float32Array,
  sampleRate: SampleRate,
  centre: Hz,
  fraction: BandFraction = 3,
): Decibels {
  return bandLevels(samples, sampleRate, [centre], fraction)[0]!;
}

/** Formats a frequency for people with three significant figures: "31.5 Hz", "250 Hz", "1.2 kHz", "16 kHz". */
export function formatHz(hz: Hz): string {
  if (!Number.isFinite(hz)) return `${hz} Hz`;
  const rounded = Number(hz.toPrecision(3));
  if (Math.abs(rounded) >= 1000) return `${Number((rounded / 1000).toPrecision(3))} kHz`;
  return `${rounded} Hz`;
}
