/**
 * What the mix grader needs to know of a generated song's tracks, measured from the stems themselves: the
 * song is re-synthesised once at 24 kHz by the pure renderer (as comp-match does for one track), cut to the
 * question's excerpt, and each track gives its spectrum weights and its loudness weights. Cached per song.
 */
import { bandLevels, exactCentre, THIRD_OCTAVE_CENTRES } from '../../dsp/bands';
import type { Hz } from '../../dsp/units';
import { generateSong } from '../../production/generate-song';
import { renderStemsSync } from '../../production/render-stems';
import type { TrackId } from '../../production/types';
import { loudnessWeights } from '../comp-match/loudness-weights';
import { CHECK_SAMPLE_RATE } from '../comp-match/stem-cache';
import { CURVE_POINTS_HZ } from '../eq-match/curve-distance';
import type { SongSource } from '../types';
import type { TrackMeasure } from './mix-grade';
import { levelWeight } from './programme-spectrum';

/** Third-octave centres measured (up to 10 kHz: the 24 kHz render holds nothing above 12 kHz). */
const CENTRES: readonly Hz[] = THIRD_OCTAVE_CENTRES.filter((f) => f <= 10000);

/** How many songs the cache keeps. */
export const MIX_MEASURE_CACHE_SIZE = 3;

const cache = new Map<string, Map<TrackId, TrackMeasure>>();

/** Spectrum weights at the comparison points from third-octave levels (dB re the loudest), flat beyond the ends. */
export function weightsFromBands(centres: readonly Hz[], levelsDb: readonly number[]): number[] {
  const max = Math.max(...levelsDb.filter((l) => Number.isFinite(l)));
  const rel = levelsDb.map((l) => (Number.isFinite(l) ? l - max : -200));
  return CURVE_POINTS_HZ.map((f) => {
    if (f <= (centres[0] as number)) return levelWeight(rel[0] as number);
    for (let i = 1; i < centres.length; i++) {
      const hi = centres[i] as number;
      if (f <= hi) {
        const lo = centres[i - 1] as number;
        const t = Math.log(f / lo) / Math.log(hi / lo);
        return levelWeight((rel[i - 1] as number) * (1 - t) + (rel[i] as number) * t);
      }
    }
    return levelWeight(rel[rel.length - 1] as number);
  });
}

function measureSong(source: SongSource): Map<TrackId, TrackMeasure> {
  const song = generateSong(source.seed, source.style, source.overrides);
  const stems = renderStemsSync(song, { sampleRate: CHECK_SAMPLE_RATE });
  const from = Math.max(0, Math.round(source.startS * CHECK_SAMPLE_RATE));
  const length = Math.round(source.durationS * CHECK_SAMPLE_RATE);
  const out = new Map<TrackId, TrackMeasure>();
  for (const track of stems.tracks) {
    const full = track.channels[0] ?? new Float32Array(0);
    const excerpt = full.slice(from, Math.min(full.length, from + length));
    const samples = { channels: [excerpt], sampleRate: CHECK_SAMPLE_RATE };
    const levels = bandLevels(excerpt, CHECK_SAMPLE_RATE, CENTRES.map(exactCentre), 3);
    out.set(track.id, {
      spectrumWeights: weightsFromBands(CENTRES, levels),
      samples,
      loudWeights: loudnessWeights(samples),
    });
  }
  return out;
}

/** The measures of `tracks` of a song excerpt (rendered once per song, least recently used dropped first). */
export function mixMeasures(source: SongSource, tracks: readonly TrackId[]): TrackMeasure[] {
  const key = JSON.stringify([
    source.style,
    source.seed,
    source.overrides ?? {},
    source.startS,
    source.durationS,
  ]);
  let song = cache.get(key);
  if (song) cache.delete(key);
  else song = measureSong(source);
  cache.set(key, song);
  while (cache.size > MIX_MEASURE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return tracks.map((id) => {
    const m = song.get(id);
    if (!m) throw new Error(`The song has no ${id} track to grade.`);
    return m;
  });
}
