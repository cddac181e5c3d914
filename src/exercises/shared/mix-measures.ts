/**
 * What the mix grader needs to know of a generated song's tracks, measured from the stems themselves: the
 * loop analysis every song question already makes (song-analysis.ts renders the song once at 24 kHz and
 * cuts the excerpt) gives each track's spectrum weights and loudness weights. Nothing is rendered twice.
 */
import type { Hz } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { loudnessWeights } from '../comp-match/loudness-weights';
import { CURVE_POINTS_HZ } from '../eq-match/curve-distance';
import type { SongSource } from '../types';
import type { TrackMeasure } from './mix-grade';
import { levelWeight } from './programme-spectrum';
import { ANALYSIS_CENTRES, ANALYSIS_RATE, analyseSongLoop, type TrackProfile } from './song-analysis';

/** Spectrum weights at the comparison points from third-octave levels (dB), flat beyond the ends. */
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

// A track's measures live as long as its analysis (the analysis cache decides).
const measured = new WeakMap<TrackProfile, TrackMeasure>();

function measureTrack(profile: TrackProfile): TrackMeasure {
  const hit = measured.get(profile);
  if (hit) return hit;
  const samples = { channels: [profile.samples], sampleRate: ANALYSIS_RATE };
  const levelsDb = profile.bands.map((p) => (p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY));
  const m = {
    spectrumWeights: weightsFromBands(ANALYSIS_CENTRES, levelsDb),
    samples,
    loudWeights: loudnessWeights(samples),
  };
  measured.set(profile, m);
  return m;
}

/** The measures of `tracks` of a song excerpt (from its cached loop analysis). */
export function mixMeasures(source: SongSource, tracks: readonly TrackId[]): TrackMeasure[] {
  const analysis = analyseSongLoop(source);
  return tracks.map((id) => {
    const profile = analysis.tracks.get(id);
    if (!profile) throw new Error(`The song has no ${id} track to grade.`);
    return measureTrack(profile);
  });
}

/** Stand-in measures for grading faders, pan and sends only (they need no audio). */
export function flatMeasures(count: number): TrackMeasure[] {
  const samples = { channels: [new Float32Array(0)], sampleRate: ANALYSIS_RATE };
  const m = { spectrumWeights: CURVE_POINTS_HZ.map(() => 1), samples, loudWeights: new Float32Array(0) };
  return Array.from({ length: count }, () => m);
}
