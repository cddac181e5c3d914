/**
 * What a question's generator needs to know of a generated song's loop to make every question audible: per
 * track, how much of the loop it plays (from the notes), its third-octave spectrum at its rough-mix fader and
 * its samples (from one pure render of the whole song at ANALYSIS_RATE, cut to the excerpt). Cached per song.
 */
import { bandLevels, exactCentre, THIRD_OCTAVE_CENTRES } from '../../dsp/bands';
import { dbToGain } from '../../dsp/db';
import type { Hz, SampleRate } from '../../dsp/units';
import { generateSong } from '../../production/generate-song';
import { renderStemsSync } from '../../production/render-stems';
import type { NoteEvent, Song, TrackId } from '../../production/types';
import type { SongSource } from '../types';

/** Rate songs are analysed at (bands up to 10 kHz; higher bands read as the 10 kHz band). */
export const ANALYSIS_RATE: SampleRate = 24000;
/** Third-octave centres analysed: 25 Hz … 20 kHz (ISO 266 nominal). */
export const ANALYSIS_CENTRES: readonly Hz[] = THIRD_OCTAVE_CENTRES;
/** Highest centre the render can measure; bands above copy its level. */
const MEASURED_TOP_HZ: Hz = 10000;
/** How many songs the cache keeps. */
export const ANALYSIS_CACHE_SIZE = 4;

/** One track of an analysed loop. */
export interface TrackProfile {
  id: TrackId;
  /** Share of the loop's half-bars in which the part sounds (a note starts or rings), 0 … 1. */
  activity: number;
  /** The part's notes in the loop, beats from the loop's start (start, end), sorted. */
  notes: readonly (readonly [number, number])[];
  /** Band power (mean square, linear) of the stem at its rough-mix fader, per ANALYSIS_CENTRES band. */
  bands: readonly number[];
  /** The stem's excerpt at ANALYSIS_RATE (unscaled: the stem as rendered). */
  samples: Float32Array;
  /** The stem's rough-mix fader, dB. */
  faderDb: number;
}

/** A song loop, analysed. */
export interface SongAnalysis {
  /** Loop length in beats. */
  beats: number;
  bpm: number;
  tracks: ReadonlyMap<TrackId, TrackProfile>;
}

/** The loop's notes of one track, in beats from `from`, clipped to [0, length). */
export function loopNotes(events: readonly NoteEvent[], from: number, length: number): [number, number][] {
  const out: [number, number][] = [];
  for (const e of events) {
    const start = e.time - from;
    const end = start + Math.max(e.duration, 0.05);
    if (end <= 0 || start >= length) continue;
    out.push([Math.max(0, start), Math.min(length, end)]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Share of `length` beats' half-bar windows (2 beats) that hold a sounding note. */
export function activityOf(notes: readonly (readonly [number, number])[], length: number): number {
  const windows = Math.max(1, Math.round(length / 2));
  let active = 0;
  for (let w = 0; w < windows; w++) {
    const lo = w * 2;
    const hi = lo + 2;
    if (notes.some(([s, e]) => s < hi && e > lo)) active++;
  }
  return active / windows;
}

/** Band powers of `samples` at ANALYSIS_CENTRES, scaled by `gain` (linear amplitude). */
function bandPowers(samples: Float32Array, gain: number): number[] {
  const measured = ANALYSIS_CENTRES.filter((f) => f <= MEASURED_TOP_HZ);
  const levels = bandLevels(samples, ANALYSIS_RATE, measured.map(exactCentre), 3);
  const powers = levels.map((l) => (Number.isFinite(l) ? 10 ** (l / 10) * gain * gain : 0));
  const top = powers[powers.length - 1] ?? 0;
  return ANALYSIS_CENTRES.map((_, i) => powers[i] ?? top);
}

function analyse(source: SongSource): SongAnalysis {
  const song: Song = generateSong(source.seed, source.style, source.overrides);
  const stems = renderStemsSync(song, { sampleRate: ANALYSIS_RATE });
  const from = Math.max(0, Math.round(source.startS * ANALYSIS_RATE));
  const length = Math.round(source.durationS * ANALYSIS_RATE);
  const beatsFrom = (source.startS * song.bpm) / 60;
  const beats = Math.round(((source.durationS * song.bpm) / 60) * 1000) / 1000;
  const tracks = new Map<TrackId, TrackProfile>();
  for (const stem of stems.tracks) {
    const full = stem.channels[0] ?? new Float32Array(0);
    const samples = full.slice(from, Math.min(full.length, from + length));
    const events = song.tracks.find((t) => t.id === stem.id)?.events ?? [];
    const notes = loopNotes(events, beatsFrom, beats);
    tracks.set(stem.id, {
      id: stem.id,
      activity: activityOf(notes, beats),
      notes,
      bands: bandPowers(samples, dbToGain(stem.defaultFaderDb)),
      samples,
      faderDb: stem.defaultFaderDb,
    });
  }
  return { beats, bpm: song.bpm, tracks };
}

const cache = new Map<string, SongAnalysis>();

/** The analysis of a song source's loop (rendered once per song and excerpt, least recently used dropped first). */
export function analyseSongLoop(source: SongSource): SongAnalysis {
  const key = JSON.stringify([
    source.style,
    source.seed,
    source.overrides ?? {},
    source.startS,
    source.durationS,
  ]);
  let hit = cache.get(key);
  if (hit) cache.delete(key);
  else hit = analyse(source);
  cache.set(key, hit);
  while (cache.size > ANALYSIS_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return hit;
}

/** The profile of one track (throws when the song has none). */
export function trackProfile(analysis: SongAnalysis, id: TrackId): TrackProfile {
  const t = analysis.tracks.get(id);
  if (!t) throw new Error(`The song has no ${id} track to analyse.`);
  return t;
}
