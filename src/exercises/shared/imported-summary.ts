/**
 * Making an imported song's drill summary (once, at import): per track its level per WINDOW_S window, and per
 * SEGMENT_S segment its third-octave band powers, sample peak, compressor reduction curve
 * (imported-reduction.ts) and notes with room after them (imported-notes.ts), measured on the track's mono sum
 * at its own rate (what the drills play); then, once the song's body is known from every track, the peak
 * envelopes of each track's comp-match loops (comp-match/imported-loops.ts). Pure: the import Worker runs it on the decoded stems, Node tests on
 * synthetic ones.
 */
import { bandLevels, exactCentre } from '../../dsp/bands';
import type { SampleRate } from '../../dsp/units';
import { guessTrackKind } from '../../production/import/track-names';
import { compLoopPlan, measureCompLoops } from '../comp-match/imported-loops';
import { amplitudeCounts } from './imported-distortion';
import { notesPerSegment, onsetsAndQuiet } from './imported-notes';
import { measureLoopHeads, measureReductions, segmentPeaksDb } from './imported-reduction';
import {
  type ImportedSongSummary,
  type ImportedTrackSummary,
  LEVEL_STEP_DB,
  LOOP_SEGMENTS,
  SEGMENT_S,
  SILENT_DB,
  SUMMARY_VERSION,
  WINDOW_S,
} from './imported-song';
import { ANALYSIS_CENTRES } from './song-analysis';

/** Highest band measured; bands above copy its level (as the generated songs' analysis does). */
const MEASURED_TOP_HZ = 10000;
/** Floor of a stored band level, dB. */
const BAND_FLOOR_DB = SILENT_DB - 40;

/** A decoded track to summarise. */
export interface TrackToSummarise {
  name: string;
  /** SHA-256 hex of the file's bytes. */
  fileHash: string;
  /** One or two channels, all `sampleRate`. */
  channels: readonly Float32Array[];
}

const step = (db: number, floor: number) =>
  Number.isFinite(db) ? Math.max(floor, Math.round(db / LEVEL_STEP_DB) * LEVEL_STEP_DB) : floor;

/** The mono sum of a track (channels averaged), at its own rate: what the drills play. */
export function monoSum(channels: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(channels[0]?.length ?? 0);
  const scale = 1 / Math.max(1, channels.length);
  for (const c of channels)
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) + (c[i] as number) * scale;
  return out;
}

/** Mean-square level of `x[from, to)` in dBFS. */
function levelDb(x: Float32Array, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (x[i] as number) ** 2;
  return to > from && sum > 0 ? 10 * Math.log10(sum / (to - from)) : Number.NEGATIVE_INFINITY;
}

const measured = ANALYSIS_CENTRES.filter((f) => f <= MEASURED_TOP_HZ).map(exactCentre);

/** Third-octave band powers of one segment, dB at ANALYSIS_CENTRES (bands above Nyquist read as empty). */
function segmentBands(x: Float32Array, sampleRate: SampleRate): number[] {
  // A track shorter than the song (it ends in silence) has nothing here to measure.
  if (x.length < 1024) return ANALYSIS_CENTRES.map(() => BAND_FLOOR_DB);
  const levels = bandLevels(x, sampleRate, measured, 3).map((l) => step(l, BAND_FLOOR_DB));
  const top = levels[levels.length - 1] ?? BAND_FLOOR_DB;
  return ANALYSIS_CENTRES.map((_, i) => levels[i] ?? top);
}

/** Unique keys from file hashes: 'h' + 10 hex digits, a suffix for a file imported twice. */
export function keysOf(hashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((h) => {
    const base = `h${h.slice(0, 10)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/** One track's summary. */
export function summariseTrack(
  track: TrackToSummarise,
  key: string,
  sampleRate: SampleRate,
  durationS: number,
): ImportedTrackSummary {
  const x = monoSum(track.channels);
  const perWindow = Math.round(WINDOW_S * sampleRate);
  const perSegment = Math.round(SEGMENT_S * sampleRate);
  const windows = Math.floor(durationS / WINDOW_S + 1e-9);
  const segments = Math.floor(durationS / SEGMENT_S + 1e-9);
  const levelsDb = Array.from({ length: windows }, (_, w) =>
    step(levelDb(x, w * perWindow, Math.min(x.length, (w + 1) * perWindow)), SILENT_DB),
  );
  const bandsDb = Array.from({ length: segments }, (_, s) =>
    segmentBands(x.subarray(s * perSegment, Math.min(x.length, (s + 1) * perSegment)), sampleRate),
  );
  const peaksDb = segmentPeaksDb(x, sampleRate, SEGMENT_S, segments);
  const heads = measureLoopHeads(x, sampleRate, SEGMENT_S, Math.min(LOOP_SEGMENTS, segments), peaksDb);
  return {
    key,
    name: track.name,
    role: guessTrackKind(track.name),
    fileHash: track.fileHash,
    levelsDb,
    bandsDb,
    peaksDb,
    reductionDb: measureReductions(x, sampleRate, SEGMENT_S, peaksDb),
    ...heads,
    ...amplitudeCounts(x, sampleRate, SEGMENT_S, segments, Math.min(LOOP_SEGMENTS, segments)),
    notes: notesPerSegment(x, sampleRate, SEGMENT_S, segments),
    ...onsetsAndQuiet(x, sampleRate, SEGMENT_S, segments),
  };
}

/** The song's duration from its longest track's length in samples, s (to the millisecond). */
export function songDurationS(length: number, sampleRate: SampleRate): number {
  return Math.round((length / sampleRate) * 1000) / 1000;
}

/**
 * The drill summary of a song: every track summarised, sorted by key (the files' order never matters).
 * `hash` is the song's content hash (songHashOf of the files' hashes).
 */
export function summariseImportedSong(
  name: string,
  hash: string,
  tracks: readonly TrackToSummarise[],
  sampleRate: SampleRate,
): ImportedSongSummary {
  const durationS = songDurationS(Math.max(0, ...tracks.map((t) => t.channels[0]?.length ?? 0)), sampleRate);
  const keys = keysOf(tracks.map((t) => t.fileHash));
  const summaries = tracks.map((t, i) => summariseTrack(t, keys[i] as string, sampleRate, durationS));
  summaries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const song = { version: SUMMARY_VERSION, hash, name, durationS, tracks: summaries };
  const plan = compLoopPlan(song);
  for (const [i, t] of tracks.entries()) {
    const summary = summaries.find((s) => s.key === keys[i]) as ImportedTrackSummary;
    summary.compLoops = measureCompLoops(monoSum(t.channels), sampleRate, plan.get(summary.key) ?? []);
  }
  return song;
}
