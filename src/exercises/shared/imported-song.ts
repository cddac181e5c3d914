/**
 * Imported multitracks as drill material. At import, each song gets a summary (plain JSON, stored with it):
 * per track, its level in every WINDOW_S window and its third-octave spectrum in every SEGMENT_S segment. A
 * generator reads only that summary, so questions on an imported song stay pure and deterministic: it picks a
 * loop in the body of the song (where the programme is loud), tracks that play in most of the loop, and
 * judges audibility on the loop's band powers exactly as it does for generated songs.
 */
import type { Rng } from '../../dsp/random';
import type { Decibels, Seconds } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import type { PeakEnvelope } from '../comp-match/meta';
import type { ImportedSongSource } from '../types';
import { ACTIVE_SHARE, weightedPower } from './audibility';
import { ANALYSIS_CENTRES, type SongAnalysis, type TrackProfile } from './song-analysis';
import type { TrackRef } from './tracks';

/**
 * Summary format version. A stored summary of a newer version cannot be read (summaryProblem says so and
 * asks for the stems again); versions 1 and 2 still carry the drills that read what they kept
 * (dynamicsProblem, compLoopsProblem name the others). 2: per segment each track's sample peak, the compressor
 * reduction at REDUCTION_BELOW_PEAK_DB, its amplitude counts and its notes with room after them. 3: per track
 * the peak envelope of the COMP_LOOPS loops of the song's body where it plays most (comp-match scores on it).
 */
export const SUMMARY_VERSION = 3;
/** Loops per track whose peak envelope version 3 keeps (comp-match's loops on that part). */
export const COMP_LOOPS = 2;
/** Length of a level window, s (the activity grain: a generated song's half-bar is 1 s at 120 bpm). */
export const WINDOW_S: Seconds = 0.5;
/** Length of a spectrum segment, s; loops start on segment boundaries. */
export const SEGMENT_S: Seconds = 4;
/** Segments in a loop (a loop is 8 s, or the whole song when shorter). */
export const LOOP_SEGMENTS = 2;
/** A window quieter than this (mean square, dBFS) is silence, whatever the track's own level. */
export const SILENT_DB: Decibels = -70;
/** A window more than this below the track's loudest window counts as the part not playing, dB. */
export const ACTIVE_BELOW_DB: Decibels = 30;
/** Segments whose programme is within this of the loudest segment are the song's body, dB. */
export const BODY_WITHIN_DB: Decibels = 6;
/** Levels are stored in steps of this, dB (keeps the summary short and the same on every device). */
export const LEVEL_STEP_DB: Decibels = 0.5;

/**
 * The compressor whose peak gain reduction the summary measures per segment (ratio 4:1, 2 dB knee, 3 ms attack,
 * 120 ms release, as comp-spot's "which one?" level): questions on an imported song use exactly this shape.
 */
export const REDUCTION_SHAPE = { ratio: 4, kneeDb: 2, attackMs: 3, releaseMs: 120, makeupDb: 0 } as const;
/** Thresholds below a segment's sample peak at which the reduction is measured, dB (ascending, from 0). */
export const REDUCTION_BELOW_PEAK_DB: readonly Decibels[] = [0, 2, 4, 6, 9, 12, 16, 21, 28, 36];
/**
 * Lower edges of the amplitude counts' bins, dB below the peak: 0.5 dB wide for the top 12 dB (where a curve
 * like saturation's bends), then 1 dB wide down to 48 dB.
 */
export const AMPLITUDE_EDGES_DB: readonly Decibels[] = [
  ...Array.from({ length: 24 }, (_, i) => (i + 1) * 0.5),
  ...Array.from({ length: 36 }, (_, i) => 13 + i),
];
/** Bins of the amplitude counts. */
export const AMPLITUDE_BINS = AMPLITUDE_EDGES_DB.length;
/** Silence after a note that lets a reverb tail or an echo be heard, s (half a beat at 120 bpm). */
export const NOTE_ROOM_S: Seconds = 0.25;

/** One imported track, summarised. */
export interface ImportedTrackSummary {
  /** Unique within the song: 'h' + the first 10 hex digits of the file's hash (a number added for copies). */
  key: string;
  /** Display name ("Kick", "Bass", …). */
  name: string;
  /** The kind of part guessed from its name ('kick', 'bass', 'vocal', …, or 'audio'). */
  role: string;
  /** SHA-256 hex of the file's bytes. */
  fileHash: string;
  /** Mean-square level per WINDOW_S window of the whole song, dBFS (floored at SILENT_DB, LEVEL_STEP_DB steps). */
  levelsDb: number[];
  /** Third-octave band powers per SEGMENT_S segment, dB at ANALYSIS_CENTRES (floored at SILENT_DB − 40). */
  bandsDb: number[][];
  /** Sample peak per SEGMENT_S segment, dBFS (0.1 dB steps, floored at SILENT_DB − 40). */
  peaksDb: number[];
  /**
   * Per segment, the largest gain reduction (dB, 0.1 dB steps) of the REDUCTION_SHAPE compressor with its
   * threshold at each REDUCTION_BELOW_PEAK_DB below the segment's own peak (run through the whole track).
   */
  reductionDb: number[][];
  /**
   * Per segment, the sample peak of the crossfaded head of the loop starting there (the player closes each
   * loop with a 10 ms crossfade from its end into its start), dBFS; PEAK floor when no loop starts there.
   */
  headPeaksDb: number[];
  /** Per segment, that head's largest reduction from a fresh compressor, as reductionDb (same thresholds). */
  headReductionDb: number[][];
  /**
   * Per segment, how many samples have |x| in each bin below the segment's peak (AMPLITUDE_EDGES_DB; quieter
   * samples not counted): what a curve like saturation's does to the part depends only on these.
   */
  amplitudeCounts: number[][];
  /** Per segment, the same counts of the loop head starting there (below the head's own peak, headPeaksDb). */
  headAmplitudeCounts: number[][];
  /** Per segment, the FRAME_S frames (from the segment's start) where its notes start (imported-notes.ts). */
  onsets: number[][];
  /**
   * Per segment, which FRAME_S frames are near-silent (25 dB under the segment's loudest frame, or below
   * SILENT_DB): hex, four frames a digit, the first frame in the digit's highest bit.
   */
  quietFrames: string[];
  /** Per segment, [notes starting in it, those followed by NOTE_ROOM_S of near-silence] (see imported-notes.ts). */
  notes: [number, number][];
  /**
   * Version 3: up to COMP_LOOPS loops of the song's body where the track plays in ACTIVE_SHARE of the windows
   * or more (most active first, then loudest), each with the peak envelope of the loop as the player makes it
   * (its head crossfaded): what comp-match scores a compressor on (comp-match/imported-loops.ts). Absent
   * before version 3.
   */
  compLoops?: CompLoop[];
}

/** A loop of a track kept for comp-match: where it starts and the envelope of the loop as played. */
export interface CompLoop {
  /** The loop's first segment (it is LOOP_SEGMENTS long, or the whole song when shorter). */
  firstSegment: number;
  /** The loop's peak envelope (comp-match/stem-envelope.ts). */
  envelope: PeakEnvelope;
}

/** An imported song, summarised for drills (plain JSON). */
export interface ImportedSongSummary {
  version: number;
  /** The song's content hash (see songHashOf in src/classroom/imported-song-hash.ts). */
  hash: string;
  name: string;
  durationS: Seconds;
  /** Tracks sorted by key, so the order never depends on the order the files were picked in. */
  tracks: ImportedTrackSummary[];
}

/** A loop of an imported song: where it starts, how long, in whole segments. */
export interface ImportedLoop {
  firstSegment: number;
  segments: number;
}

/** What a learner can do about a song whose measurements cannot be used. */
const AGAIN = 'import its stems again';
const DAMAGED = `its measurements for drills are damaged: ${AGAIN}`;

/** Why a summary cannot be used (plain words, for the learner), or null when it can. */
export function summaryProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return `Headroom has not measured it for drills: ${AGAIN}`;
  const s = value as Partial<ImportedSongSummary>;
  if (
    !(
      typeof s.version === 'number' &&
      Number.isInteger(s.version) &&
      s.version >= 1 &&
      s.version <= SUMMARY_VERSION
    )
  )
    return `it was measured for drills by another version of Headroom, which this one cannot read: ${AGAIN}`;
  if (typeof s.hash !== 'string' || !/^[0-9a-f]{64}$/.test(s.hash)) return DAMAGED;
  if (typeof s.name !== 'string' || !(typeof s.durationS === 'number' && s.durationS > 0)) return DAMAGED;
  if (!Array.isArray(s.tracks) || s.tracks.length === 0) return DAMAGED;
  const segments = segmentCount(s as ImportedSongSummary);
  for (const t of s.tracks) {
    if (typeof t?.key !== 'string' || typeof t.name !== 'string' || !Array.isArray(t.levelsDb))
      return DAMAGED;
    if (!Array.isArray(t.bandsDb) || t.bandsDb.length !== segments) return DAMAGED;
    if (t.bandsDb.some((b) => !Array.isArray(b) || b.length !== ANALYSIS_CENTRES.length)) return DAMAGED;
    // Version 1 kept only the levels and spectra (every drill that needs more asks dynamicsProblem).
    if (s.version === 1) continue;
    if (!Array.isArray(t.peaksDb) || t.peaksDb.length !== segments) return DAMAGED;
    if (!Array.isArray(t.reductionDb) || t.reductionDb.length !== segments) return DAMAGED;
    if (t.reductionDb.some((r) => !Array.isArray(r) || r.length !== REDUCTION_BELOW_PEAK_DB.length))
      return DAMAGED;
    if (!Array.isArray(t.headPeaksDb) || t.headPeaksDb.length !== segments) return DAMAGED;
    if (!Array.isArray(t.headReductionDb) || t.headReductionDb.length !== segments) return DAMAGED;
    if (!Array.isArray(t.amplitudeCounts) || t.amplitudeCounts.length !== segments) return DAMAGED;
    if (t.amplitudeCounts.some((c) => !Array.isArray(c) || c.length !== AMPLITUDE_BINS)) return DAMAGED;
    if (!Array.isArray(t.headAmplitudeCounts) || t.headAmplitudeCounts.length !== segments) return DAMAGED;
    if (t.headAmplitudeCounts.some((c) => !Array.isArray(c) || c.length !== AMPLITUDE_BINS)) return DAMAGED;
    if (!Array.isArray(t.notes) || t.notes.length !== segments) return DAMAGED;
    if (!Array.isArray(t.onsets) || t.onsets.length !== segments || t.onsets.some((o) => !Array.isArray(o)))
      return DAMAGED;
    if (!Array.isArray(t.quietFrames) || t.quietFrames.length !== segments) return DAMAGED;
    if (t.quietFrames.some((q) => typeof q !== 'string' || !/^[0-9a-f]*$/.test(q))) return DAMAGED;
    if (t.notes.some((n) => !Array.isArray(n) || n.length !== 2)) return DAMAGED;
    if (s.version === 2) continue;
    if (!Array.isArray(t.compLoops) || t.compLoops.length > COMP_LOOPS) return DAMAGED;
    if (t.compLoops.some((l) => !compLoopOk(l, segments))) return DAMAGED;
  }
  if (segments < 1) return `the song is shorter than ${SEGMENT_S} seconds`;
  return null;
}

/**
 * Why a (valid) summary cannot carry the drills that need version 2's measurements — compression, distortion,
 * notes and echoes — in plain words, or null when it can: a song imported before them was measured without.
 */
export function dynamicsProblem(summary: Pick<ImportedSongSummary, 'version' | 'name'>): string | null {
  return summary.version >= 2
    ? null
    : `“${summary.name}” was imported before Headroom measured what this drill needs (its dynamics and where its notes are). Headroom measures it again from the stored stems while Train is open; if this message stays, import its stems again.`;
}

/** Whether a kept comp-match loop has its fields (its envelope decodes when a question scores on it). */
function compLoopOk(l: unknown, segments: number): boolean {
  const loop = l as Partial<CompLoop> | null;
  const e = loop?.envelope;
  return (
    typeof loop?.firstSegment === 'number' &&
    Number.isInteger(loop.firstSegment) &&
    loop.firstSegment >= 0 &&
    loop.firstSegment < segments &&
    typeof e === 'object' &&
    e !== null &&
    typeof e.sampleRate === 'number' &&
    e.sampleRate > 0 &&
    typeof e.length === 'number' &&
    Number.isInteger(e.length) &&
    e.length > 0 &&
    typeof e.data === 'string'
  );
}

/**
 * Why a (valid) summary cannot carry comp-match, in plain words, or null when it can: a song imported before
 * version 3 has no envelopes, and one where no part plays through a loop of the body has none kept.
 */
export function compLoopsProblem(
  summary: Pick<ImportedSongSummary, 'version' | 'name' | 'tracks'>,
): string | null {
  if (summary.version < 3)
    return `“${summary.name}” was imported before Headroom measured what this drill needs (how each part’s level moves from moment to moment). Headroom measures it again from the stored stems while Train is open; if this message stays, import its stems again.`;
  return summary.tracks.some((t) => (t.compLoops?.length ?? 0) > 0)
    ? null
    : `No part of “${summary.name}” plays through ${SEGMENT_S * LOOP_SEGMENTS} seconds of the song’s fullest part, so there is nothing steady to match a compressor on.`;
}

/** Throws dynamicsProblem's sentence when the summary lacks version 2's measurements (no question from less). */
export function requireDynamics(summary: Pick<ImportedSongSummary, 'version' | 'name'>): void {
  const problem = dynamicsProblem(summary);
  if (problem) throw new Error(problem);
}

/** The fields version 2 added to each track (version 1 had every other field, measured the same way). */
const ADDED_IN_2 = [
  'peaksDb',
  'reductionDb',
  'headPeaksDb',
  'headReductionDb',
  'amplitudeCounts',
  'headAmplitudeCounts',
  'notes',
  'onsets',
  'quietFrames',
] as const;

/** The fields version 3 added to each track. */
const ADDED_IN_3 = ['compLoops'] as const;

/** The fields each version added, by version (a version's summary is the one before it plus these). */
const ADDED: Readonly<Record<number, readonly string[]>> = { 2: ADDED_IN_2, 3: ADDED_IN_3 };

/**
 * The summary as an older version of Headroom made it from the same files (null for a version it cannot
 * rebuild: a newer one, or none): each version is the next one without the fields that one added (version 2
 * is version 3 without compLoops, version 1 is version 2 without the dynamics and notes). The teacher's
 * re-check uses it to tell a report from an older Headroom (same measurements, fewer of them) from a song that
 * decoded differently.
 */
export function summaryAsVersion(summary: ImportedSongSummary, version: number): ImportedSongSummary | null {
  if (version === summary.version) return summary;
  if (!(Number.isInteger(version) && version >= 1 && version < summary.version)) return null;
  const dropped = new Set<string>();
  for (let v = version + 1; v <= summary.version; v++) for (const f of ADDED[v] ?? []) dropped.add(f);
  const tracks = summary.tracks.map((t) => {
    const older: Record<string, unknown> = { ...t };
    for (const field of dropped) delete older[field];
    return older as unknown as ImportedTrackSummary;
  });
  return { ...summary, version, tracks };
}

/** Whole SEGMENT_S segments in the song. */
export function segmentCount(summary: Pick<ImportedSongSummary, 'durationS'>): number {
  return Math.floor(summary.durationS / SEGMENT_S + 1e-9);
}

/**
 * The id a question uses for an imported track: its key. Imported tracks are not one of a generated song's
 * parts, but questions and the play helpers only use the id to find the track, so it travels as a TrackId.
 */
export function importedTrackId(track: Pick<ImportedTrackSummary, 'key'>): TrackId {
  return track.key as TrackId;
}

/** A track as a question lists it. */
export function importedTrackRef(track: ImportedTrackSummary): TrackRef {
  return { id: importedTrackId(track), name: track.name };
}

/** Every loop the song offers: LOOP_SEGMENTS segments (fewer when the song is shorter), one per start. */
export function loopCandidates(summary: ImportedSongSummary): ImportedLoop[] {
  const total = segmentCount(summary);
  const segments = Math.min(LOOP_SEGMENTS, total);
  return Array.from({ length: total - segments + 1 }, (_, firstSegment) => ({ firstSegment, segments }));
}

const fromDb = (db: number) => 10 ** (db / 10);

/** A track's band powers over a loop (linear mean square, the mean of its segments). */
export function loopBands(track: ImportedTrackSummary, loop: ImportedLoop): number[] {
  return ANALYSIS_CENTRES.map((_, k) => {
    let sum = 0;
    for (let s = 0; s < loop.segments; s++) sum += fromDb(track.bandsDb[loop.firstSegment + s]?.[k] ?? -200);
    return sum / loop.segments;
  });
}

/**
 * Share of the loop's windows in which the track plays: its window is above SILENT_DB and within
 * ACTIVE_BELOW_DB of the track's loudest window anywhere in the song.
 */
export function loopActivity(track: ImportedTrackSummary, loop: ImportedLoop): number {
  const per = Math.round(SEGMENT_S / WINDOW_S);
  const from = loop.firstSegment * per;
  const to = from + loop.segments * per;
  const loudest = Math.max(...track.levelsDb);
  const floor = Math.max(SILENT_DB, loudest - ACTIVE_BELOW_DB);
  let active = 0;
  for (let w = from; w < to; w++) if ((track.levelsDb[w] ?? SILENT_DB) > floor) active++;
  return active / Math.max(1, to - from);
}

/** The programme loudness of one segment (K-weighted band power of every track summed), dB. */
export function segmentLoudnessDb(summary: ImportedSongSummary, segment: number): Decibels {
  const sum = ANALYSIS_CENTRES.map(() => 0);
  for (const t of summary.tracks)
    loopBands(t, { firstSegment: segment, segments: 1 }).forEach((p, k) => {
      sum[k] = (sum[k] as number) + p;
    });
  const p = weightedPower(sum);
  return p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY;
}

/**
 * The loops in the body of the song: every segment of the loop within BODY_WITHIN_DB of the song's loudest
 * segment (so no loop reaches into a quiet intro, a break or the ending).
 */
export function bodyLoops(summary: ImportedSongSummary): ImportedLoop[] {
  const loudness = Array.from({ length: segmentCount(summary) }, (_, s) => segmentLoudnessDb(summary, s));
  const floor = Math.max(...loudness) - BODY_WITHIN_DB;
  return loopCandidates(summary).filter((l) =>
    loudness.slice(l.firstSegment, l.firstSegment + l.segments).every((db) => db >= floor),
  );
}

/** The tracks that play in at least `share` (default ACTIVE_SHARE) of a loop. */
export function activeTracks(
  summary: ImportedSongSummary,
  loop: ImportedLoop,
  share = ACTIVE_SHARE,
): ImportedTrackSummary[] {
  return summary.tracks.filter((t) => loopActivity(t, loop) >= share);
}

/** `count` different tracks of `pool` (at most all of them), in the summary's order, as a question lists them. */
export function pickImportedTracks(
  rng: Rng,
  count: number,
  pool: readonly ImportedTrackSummary[],
): TrackRef[] {
  const chosen = new Set(rng.shuffle(pool.map((t) => t.key)).slice(0, Math.min(count, pool.length)));
  return pool.filter((t) => chosen.has(t.key)).map(importedTrackRef);
}

/**
 * What a generator on an imported song starts from: a seeded loop in the body of the song where at least
 * `minTracks` parts play, those parts, and the source. Throws a plain sentence when the song has no such loop
 * (the Train page checks importedFit first).
 */
export function importedLoopPick(
  rng: Rng,
  summary: ImportedSongSummary,
  minTracks = 1,
): { loop: ImportedLoop; pool: ImportedTrackSummary[]; source: ImportedSongSource } {
  const loop = pickLoop(rng, summary, minTracks);
  if (!loop)
    throw new Error(
      `“${summary.name}” has no ${SEGMENT_S * LOOP_SEGMENTS}-second stretch where ${minTracks} parts play together.`,
    );
  return { loop, pool: activeTracks(summary, loop), source: importedSource(summary, loop) };
}

/** Most parts playing together in one loop of the song's body. */
export function mostActiveTracks(summary: ImportedSongSummary): number {
  return Math.max(0, ...bodyLoops(summary).map((l) => activeTracks(summary, l).length));
}

/** The source a question plays for a loop. */
export function importedSource(summary: ImportedSongSummary, loop: ImportedLoop): ImportedSongSource {
  return {
    type: 'imported-song',
    hash: summary.hash,
    name: summary.name,
    startS: loop.firstSegment * SEGMENT_S,
    durationS: loop.segments * SEGMENT_S,
  };
}

/** The loop a source plays (its segments), or null when the source does not fit the song. */
export function loopOf(summary: ImportedSongSummary, source: ImportedSongSource): ImportedLoop | null {
  const firstSegment = Math.round(source.startS / SEGMENT_S);
  const segments = Math.round(source.durationS / SEGMENT_S);
  if (source.hash !== summary.hash || segments < 1 || firstSegment < 0) return null;
  if (firstSegment + segments > segmentCount(summary)) return null;
  return { firstSegment, segments };
}

/**
 * A seeded loop in the body of the song where at least `minTracks` parts play (null when none has them):
 * every question's target then plays in most of what is heard, and the programme is the song's fullest.
 */
export function pickLoop(rng: Rng, summary: ImportedSongSummary, minTracks = 1): ImportedLoop | null {
  const fits = bodyLoops(summary).filter((l) => activeTracks(summary, l).length >= minTracks);
  return fits.length > 0 ? rng.pick(fits) : null;
}

/**
 * The loop as a SongAnalysis, so the audibility rules read it as they read a generated song: per track its
 * activity and band powers (the stems play as exported: fader 0 dB). Imported songs have no notes and no
 * samples here (empty): kinds that need note timing or the samples do not take imported songs.
 */
export function importedLoopAnalysis(summary: ImportedSongSummary, loop: ImportedLoop): SongAnalysis {
  const tracks = new Map<TrackId, TrackProfile>();
  for (const t of summary.tracks) {
    tracks.set(importedTrackId(t), {
      id: importedTrackId(t),
      activity: loopActivity(t, loop),
      notes: [],
      bands: loopBands(t, loop),
      samples: new Float32Array(0),
      faderDb: 0,
    });
  }
  return { beats: (loop.segments * SEGMENT_S * 120) / 60, bpm: 120, tracks };
}
