/** Saturation drills: seeded questions per level, each with its distortion measured on the song's loop. */
import { dbToGain } from '../../dsp/db';
import type { Rng } from '../../dsp/random';
import { distortionDb, saturationCurve } from '../../dsp/saturation';
import type { Decibels } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import { ACTIVE_SHARE, type Audibility, drawAudible, inaudible } from '../shared/audibility';
import { predictedDistortionsDb } from '../shared/imported-distortion';
import {
  type ImportedSongSummary,
  importedLoopPick,
  importedTrackId,
  loopActivity,
  loopOf,
  requireDynamics,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { ANALYSIS_RATE, analyseSongLoop, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import type { SongSource } from '../types';
import { meta, type SaturationQuestion } from './meta';

/** Where the part's peak enters the curve before the drive, dBFS (so the drive means the same on any part). */
export const PEAK_IN_DB: Decibels = -12;
/** Seconds of the loop the distortion is measured on (its start). */
export const MEASURE_S = 2;
/** A fixed level's distortion must reach this, dB against the signal (about where a trained ear starts). */
export const AUDIBLE_DISTORTION_DB: Decibels = -40;
/** Neighbouring drives offered must differ in measured distortion by at least this, dB. */
export const AMOUNT_STEP_DB: Decibels = 2;

/** The samples a question's drive is measured on: the part (or the rough mix) at ANALYSIS_RATE, peak at 1. */
export function measuredSamples(source: SongSource): Float32Array {
  const analysis = analyseSongLoop(source);
  const length = Math.min(
    Math.round(MEASURE_S * ANALYSIS_RATE),
    [...analysis.tracks.values()][0]?.samples.length ?? 0,
  );
  const out = new Float32Array(length);
  const parts = source.track ? [trackProfile(analysis, source.track)] : [...analysis.tracks.values()];
  for (const t of parts) {
    const g = source.track ? 1 : dbToGain(t.faderDb);
    for (let i = 0; i < length; i++) out[i] = (out[i] as number) + g * ((t.samples[i] as number) ?? 0);
  }
  let peak = 0;
  for (const v of out) peak = Math.max(peak, Math.abs(v));
  if (peak > 0) for (let i = 0; i < length; i++) out[i] = (out[i] as number) / peak;
  return out;
}

/**
 * Distortion (dB against the signal) of each drive on `samples` (peak at 1), the peak set to PEAK_IN_DB first.
 * A prediction: the curve sample by sample at the analysis rate (no oversampling, a thousandth of the work),
 * so the harmonics count whether or not they fall in the band; the browser test measures the real stage.
 */
export function distortionsAt(samples: Float32Array, drivesDb: readonly Decibels[]): number[] {
  const x = samples.map((v) => v * dbToGain(PEAK_IN_DB));
  return drivesDb.map((d) => {
    const g = dbToGain(d);
    return (
      Math.round(
        distortionDb(
          x,
          x.map((v) => saturationCurve(v, g)),
        ) * 10,
      ) / 10
    );
  });
}

/**
 * The planted difference: the measured distortion of the question's drive (on a fixed level at least −40 dB
 * against the signal); for 'amount', the smallest step in measured distortion between neighbouring choices
 * (at least 2 dB). A part played alone must sound in three quarters of the loop.
 */
export function audibility(q: SaturationQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  if (q.source.track) {
    const part = trackProfile(analyseSongLoop(q.source), q.source.track);
    if (part.activity < ACTIVE_SHARE) return inaudible(`the ${part.id} plays ${part.activity} of the loop`);
  }
  return distortionRule(q);
}

/**
 * audibility on an imported song, read from its summary: the part plays in three quarters of the loop, and the
 * question's distortions (predicted from the part's amplitude counts over the loop) meet the same rule.
 */
export function importedAudibility(q: SaturationQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  const track = song.tracks.find((t) => importedTrackId(t) === q.source.track);
  if (!loop || !track) return inaudible('not a part of a loop of this song');
  const activity = loopActivity(track, loop);
  if (activity < ACTIVE_SHARE) return inaudible(`the ${track.name} plays ${activity} of the loop`);
  return distortionRule(q);
}

/** The rule on the question's measured distortions (see audibility). */
function distortionRule(q: SaturationQuestion): Audibility {
  if (q.subtype === 'amount') {
    const d = q.distortionDb;
    let step = Number.POSITIVE_INFINITY;
    for (let i = 1; i < d.length; i++) step = Math.min(step, (d[i] as number) - (d[i - 1] as number));
    return { planted: step, required: AMOUNT_STEP_DB };
  }
  const planted = q.distortionDb[0] as number;
  return q.adaptiveValue === undefined
    ? { planted: planted - AUDIBLE_DISTORTION_DB, required: 0 }
    : { planted: Number.isFinite(planted) ? 1 : 0, required: 1 };
}

/** A question for (seed, level): deterministic, plain JSON, its distortion measured (see audibility). */
export function generate(seed: number, level: number): SaturationQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/** Adaptive mode: "which version is distorted?" on the base level at `value` dB of drive (clamped, 0.5 dB steps). */
export function generateAt(seed: number, value: number): SaturationQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max) * 2) / 2;
  return drawAudible(seed, (rng) => ({ ...build(rng, seed, mv.baseLevel, v), adaptiveValue: v }), audibility);
}

/** "+12 dB drive". */
export function driveLabel(db: Decibels): string {
  return `+${db} dB drive`;
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, its distortion predicted. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): SaturationQuestion {
  requireDynamics(song);
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: "which is distorted?" at `value` dB of drive (as generateAt). */
export function generateImportedAt(
  seed: number,
  value: number,
  song: ImportedSongSummary,
): SaturationQuestion {
  requireDynamics(song);
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max) * 2) / 2;
  return drawAudible(
    seed,
    (rng) => ({ ...build(rng, seed, mv.baseLevel, v, song), adaptiveValue: v }),
    (q) => importedAudibility(q, song),
  );
}

/** Where a draw plays and how its drives are measured: a generated song's part or mix, or an imported part. */
function drawSource(
  rng: Rng,
  where: string,
  song: ImportedSongSummary | undefined,
): { source: SaturationQuestion['source']; distortions: (drives: readonly Decibels[]) => number[] } {
  if (song) {
    const { loop, pool, source } = importedLoopPick(rng.fork('loop'), song, 1);
    const track = rng.pick(pool);
    return {
      source: { ...source, track: importedTrackId(track) },
      distortions: (drives) => predictedDistortionsDb(track, loop, drives, PEAK_IN_DB),
    };
  }
  const source = generateSongSource(rng.fork('source'), where === 'mix' ? {} : { track: where as TrackId });
  const samples = measuredSamples(source);
  return { source, distortions: (drives) => distortionsAt(samples, drives) };
}

function build(
  rng: Rng,
  seed: number,
  lvl: number,
  adaptiveDb?: number,
  song?: ImportedSongSummary,
): SaturationQuestion {
  const p = levelSpec(meta, lvl).params;
  const subtype = adaptiveDb === undefined ? rng.pick(p.subtypes) : 'which';
  const where = rng.pick(p.sources);
  const { source, distortions } = drawSource(rng, where, song);
  const base = { kind: 'saturation' as const, seed, level: lvl, subtype, source };
  if (subtype === 'amount') {
    const drives = [...p.drivesDb];
    const drive = rng.pick(drives);
    return {
      ...base,
      prompt: 'A is clean. How hard is B driven?',
      choices: drives.map(String),
      choiceLabels: drives.map((d) => `+${d} dB`),
      correct: String(drive),
      driveDb: drive,
      distortionDb: distortions(drives),
    };
  }
  const drive = adaptiveDb ?? p.driveDb;
  const side = rng.chance(0.5) ? 'A' : 'B';
  return {
    ...base,
    prompt: 'Which version is distorted?',
    choices: ['A', 'B'],
    choiceLabels: ['A', 'B'],
    correct: side,
    driveDb: drive,
    distortedSide: side,
    distortionDb: distortions([drive]),
  };
}
