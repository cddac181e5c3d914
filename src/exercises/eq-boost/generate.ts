/** Spot the EQ boost: seeded questions per level, and at a given boost size for adaptive mode. */
import { exactCentre, OCTAVE_CENTRES, THIRD_OCTAVE_CENTRES } from '../../dsp/bands';
import type { Rng } from '../../dsp/random';
import type { Hz } from '../../dsp/units';
import {
  type Audibility,
  bandBelowLoudestDb,
  drawAudible,
  EQ_ENERGY_BELOW_DB,
  inaudible,
  JND_DB,
  KEEP_SHARE,
  largestBandChangeDb,
  octaveBelowLoudestDb,
  peakingPowerGains,
  sumBands,
} from '../shared/audibility';
import {
  type ImportedSongSummary,
  importedLoopAnalysis,
  importedLoopPick,
  loopOf,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { ANALYSIS_CENTRES, analyseSongLoop } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { type EqBoostLevel, type EqBoostQuestion, type EqResolution, meta } from './meta';

/** The full band list a resolution indexes into (ISO 266 nominal centres). */
export function bandList(resolution: EqResolution): readonly Hz[] {
  return resolution === 'octave' ? OCTAVE_CENTRES : THIRD_OCTAVE_CENTRES;
}

function build(
  rng: Rng,
  seed: number,
  level: number,
  p: EqBoostLevel,
  adaptiveValue?: number,
  song?: ImportedSongSummary,
): EqBoostQuestion {
  const list = bandList(p.resolution);
  const span = p.spacing * (p.choices - 1);
  const start = rng.int(p.lowestIndex, Math.max(p.lowestIndex, p.highestIndex - span));
  const bandsHz = Array.from({ length: p.choices }, (_, k) => list[start + k * p.spacing] as Hz);
  const targetHz = rng.pick(bandsHz);
  const [low, high] = p.gainDb;
  const size = low === high ? low : roundTo(rng.range(low, high), 0.5);
  const direction = p.cuts && rng.chance(0.5) ? 'cut' : 'boost';
  const question: EqBoostQuestion = {
    kind: 'eq-boost',
    seed,
    level,
    bandsHz,
    resolution: p.resolution,
    targetHz,
    direction,
    askDirection: p.cuts,
    gainDb: direction === 'cut' ? -size : size,
    q: p.q,
    source: song
      ? importedLoopPick(rng.fork('loop'), song).source
      : p.source === 'pink'
        ? { type: 'pink' }
        : generateSongSource(rng.fork('source')),
  };
  if (adaptiveValue !== undefined) question.adaptiveValue = adaptiveValue;
  return question;
}

/** Pink noise's band powers: the same power in every third-octave. */
const PINK_BANDS: readonly number[] = ANALYSIS_CENTRES.map(() => 1);

/**
 * The planted difference: the largest third-octave change the band makes to the programme after loudness
 * matching, which must keep half the band's gain (at least JND_DB on fixed levels); on music the target band
 * (its octave or third-octave) must lie within EQ_ENERGY_BELOW_DB of the programme's loudest.
 */
export function audibility(q: EqBoostQuestion): Audibility {
  if (q.source.type === 'imported-song') return inaudible('an imported song: see importedAudibility');
  return audibilityOn(
    q,
    q.source.type === 'song' ? sumBands([...analyseSongLoop(q.source).tracks.values()]) : null,
  );
}

/** audibility on an imported song: the loop's programme spectrum read from the song's summary. */
export function importedAudibility(q: EqBoostQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  return audibilityOn(q, sumBands([...importedLoopAnalysis(song, loop).tracks.values()]));
}

/** The rule on a programme's band powers (null: pink noise, flat). */
function audibilityOn(q: EqBoostQuestion, programme: readonly number[] | null): Audibility {
  const size = Math.abs(q.gainDb);
  const required = q.adaptiveValue === undefined ? Math.max(KEEP_SHARE * size, JND_DB) : KEEP_SHARE * size;
  let bands = PINK_BANDS;
  if (programme) {
    bands = programme;
    const below =
      q.resolution === 'octave'
        ? octaveBelowLoudestDb(bands, q.targetHz)
        : bandBelowLoudestDb(bands, q.targetHz);
    if (below < -EQ_ENERGY_BELOW_DB)
      return inaudible(`the ${q.targetHz} Hz band is ${Math.round(-below)} dB down`);
  }
  const gains = peakingPowerGains(exactCentre(q.targetHz), q.gainDb, q.q);
  const b = bands.map((v, i) => v * (gains[i] as number));
  return { planted: largestBandChangeDb(bands, b, true), required };
}

/** A question for (seed, level): deterministic, plain JSON, audible (see audibility). */
export function generate(seed: number, level: number): EqBoostQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl, levelSpec(meta, lvl).params), audibility);
}

/** Adaptive mode: a question on the base level with a boost of `valueDb` (clamped to 0.5 … 18 dB). */
export function generateAt(seed: number, valueDb: number): EqBoostQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  const p = { ...levelSpec(meta, mv.baseLevel).params, gainDb: [value, value] as [number, number] };
  return drawAudible(seed, (rng) => build(rng, seed, mv.baseLevel, p, value), audibility);
}

/** A question on an imported song (every level plays the song; read from its summary): deterministic, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): EqBoostQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, levelSpec(meta, lvl).params, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: a boost of `valueDb` (clamped) on the base level. */
export function generateImportedAt(
  seed: number,
  valueDb: number,
  song: ImportedSongSummary,
): EqBoostQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  const p = { ...levelSpec(meta, mv.baseLevel).params, gainDb: [value, value] as [number, number] };
  return drawAudible(
    seed,
    (rng) => build(rng, seed, mv.baseLevel, p, value, song),
    (q) => importedAudibility(q, song),
  );
}
