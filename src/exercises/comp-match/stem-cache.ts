/**
 * The samples comp-match scores on, in Node or the browser alike: a generated track is re-synthesised by the
 * pure production renderer (only that track, at 24 kHz) and cut to the question's excerpt; an imported part
 * is its loop's peak envelope (2 kHz) that the question carries. A small cache keeps repeated checks fast.
 */
import type { SampleRate } from '../../dsp/units';
import { generateSong } from '../../production/generate-song';
import { renderStemsSync } from '../../production/render-stems';
import type { TrackId } from '../../production/types';
import { MIX_TRACKS } from '../shared/tracks';
import type { CompSongStem, CompStem } from './meta';
import { decodePeakEnvelope } from './stem-envelope';

/** Sample rate generated stems are scored at: plenty for a gain trace, half the cost of 48 kHz. */
export const CHECK_SAMPLE_RATE: SampleRate = 24000;
/** How many excerpts the cache keeps (each ≈ 1 MB at most). */
export const STEM_CACHE_SIZE = 8;

/** Mono or multichannel samples with their rate. */
export interface StemSamples {
  channels: readonly Float32Array[];
  sampleRate: SampleRate;
}

const cache = new Map<string, StemSamples>();

/** The cache key of a generated stem excerpt (an imported part's is its envelope). */
export function stemKey(stem: CompSongStem): string {
  const { style, seed, track, overrides, startS, durationS } = stem;
  return JSON.stringify([style, seed, track, overrides ?? {}, startS, durationS]);
}

/** Renders the excerpt of one generated track at CHECK_SAMPLE_RATE (every other track muted). */
export function renderSongStemExcerpt(stem: CompSongStem): StemSamples {
  const mutedTracks: TrackId[] = MIX_TRACKS.filter((id) => id !== stem.track);
  const song = generateSong(stem.seed, stem.style, { ...stem.overrides, mutedTracks });
  const stems = renderStemsSync(song, { sampleRate: CHECK_SAMPLE_RATE });
  const samples = stems.tracks.find((t) => t.id === stem.track)?.channels[0] ?? new Float32Array(0);
  const from = Math.max(0, Math.round(stem.startS * CHECK_SAMPLE_RATE));
  const to = Math.min(samples.length, from + Math.round(stem.durationS * CHECK_SAMPLE_RATE));
  return { channels: [samples.slice(from, Math.max(from, to))], sampleRate: CHECK_SAMPLE_RATE };
}

/** The samples to score a question's stem on (cached for generated stems, least recently used dropped first). */
export function stemSamplesForCheck(stem: CompStem): StemSamples {
  const key =
    stem.type === 'imported-song'
      ? `envelope:${stem.envelope.sampleRate}:${stem.envelope.length}:${stem.envelope.data}`
      : stemKey(stem);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const rendered =
    stem.type === 'imported-song'
      ? { channels: [decodePeakEnvelope(stem.envelope)], sampleRate: stem.envelope.sampleRate }
      : renderSongStemExcerpt(stem);
  cache.set(key, rendered);
  while (cache.size > STEM_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return rendered;
}

/** Empties the cache (tests, or to free memory). */
export function clearStemCache(): void {
  cache.clear();
}
