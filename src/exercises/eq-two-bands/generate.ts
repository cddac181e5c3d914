/** Two EQ moves at once: seeded questions per level, and at a given size for adaptive mode. */
import { exactCentre, OCTAVE_CENTRES } from '../../dsp/bands';
import type { Rng } from '../../dsp/random';
import type { Hz } from '../../dsp/units';
import {
  type Audibility,
  drawAudible,
  EQ_ENERGY_BELOW_DB,
  inaudible,
  JND_DB,
  KEEP_SHARE,
  octaveBelowLoudestDb,
  peakingPowerGains,
  sumBands,
  weightedPower,
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
import { type EqTwoBandsLevel, type EqTwoBandsQuestion, meta } from './meta';

/** The boost and the cut are at least this many octaves apart, so neither hides the other. */
export const MIN_APART_OCTAVES = 2;

function build(
  rng: Rng,
  seed: number,
  level: number,
  p: EqTwoBandsLevel,
  adaptiveValue?: number,
  song?: ImportedSongSummary,
): EqTwoBandsQuestion {
  const bandsHz = Array.from(
    { length: p.choices },
    (_, k) => OCTAVE_CENTRES[p.lowestIndex + k * p.spacing] as Hz,
  );
  const boostIndex = rng.int(0, bandsHz.length - 1);
  const apart = Math.ceil(MIN_APART_OCTAVES / p.spacing);
  const far = bandsHz.map((_, i) => i).filter((i) => Math.abs(i - boostIndex) >= apart);
  const cutIndex = rng.pick(far);
  const [low, high] = p.gainDb;
  const gainDb = adaptiveValue ?? (low === high ? low : roundTo(rng.range(low, high), 0.5));
  const question: EqTwoBandsQuestion = {
    kind: 'eq-two-bands',
    seed,
    level,
    bandsHz,
    boostHz: bandsHz[boostIndex] as Hz,
    cutHz: bandsHz[cutIndex] as Hz,
    gainDb,
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

/** Index of the analysed third-octave nearest `hz`. */
function nearestBand(hz: Hz): number {
  let best = 0;
  ANALYSIS_CENTRES.forEach((f, i) => {
    if (Math.abs(Math.log(f / hz)) < Math.abs(Math.log((ANALYSIS_CENTRES[best] as number) / hz))) best = i;
  });
  return best;
}

/**
 * The planted difference: each move's own change, after loudness matching, in the third-octave at its centre
 * (the other move acting too); the smaller of the two must keep half the moves' size (at least JND_DB on
 * fixed levels). On music, each target octave must lie within EQ_ENERGY_BELOW_DB of the programme's loudest.
 */
export function audibility(q: EqTwoBandsQuestion): Audibility {
  if (q.source.type === 'imported-song') return inaudible('an imported song: see importedAudibility');
  return audibilityOn(
    q,
    q.source.type === 'song' ? sumBands([...analyseSongLoop(q.source).tracks.values()]) : null,
  );
}

/** audibility on an imported song: the loop's programme spectrum read from the song's summary. */
export function importedAudibility(q: EqTwoBandsQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  return audibilityOn(q, sumBands([...importedLoopAnalysis(song, loop).tracks.values()]));
}

/** The rule on a programme's band powers (null: pink noise, flat). */
function audibilityOn(q: EqTwoBandsQuestion, programme: readonly number[] | null): Audibility {
  const required =
    q.adaptiveValue === undefined ? Math.max(KEEP_SHARE * q.gainDb, JND_DB) : KEEP_SHARE * q.gainDb;
  let bands: readonly number[] = ANALYSIS_CENTRES.map(() => 1);
  if (programme) {
    bands = programme;
    for (const hz of [q.boostHz, q.cutHz]) {
      const below = octaveBelowLoudestDb(bands, hz);
      if (below < -EQ_ENERGY_BELOW_DB) return inaudible(`the ${hz} Hz band is ${Math.round(-below)} dB down`);
    }
  }
  const boost = peakingPowerGains(exactCentre(q.boostHz), q.gainDb, q.q);
  const cut = peakingPowerGains(exactCentre(q.cutHz), -q.gainDb, q.q);
  const after = bands.map((v, i) => v * (boost[i] as number) * (cut[i] as number));
  const offset = 10 * Math.log10(weightedPower(after) / weightedPower(bands));
  const change = (hz: Hz) => {
    const i = nearestBand(hz);
    return 10 * Math.log10((after[i] as number) / (bands[i] as number)) - offset;
  };
  const planted = Math.min(change(q.boostHz), -change(q.cutHz));
  return { planted, required };
}

/** A question for (seed, level): deterministic, plain JSON, audible (see audibility). */
export function generate(seed: number, level: number): EqTwoBandsQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl, levelSpec(meta, lvl).params), audibility);
}

/** Adaptive mode: a question on the base level with both moves `valueDb` in size (clamped to 1 … 18 dB). */
export function generateAt(seed: number, valueDb: number): EqTwoBandsQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  const p = levelSpec(meta, mv.baseLevel).params;
  return drawAudible(seed, (rng) => build(rng, seed, mv.baseLevel, p, value), audibility);
}

/** A question on an imported song (every level plays the song; read from its summary): deterministic, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): EqTwoBandsQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, levelSpec(meta, lvl).params, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: both moves `valueDb` in size (clamped) on the base level. */
export function generateImportedAt(
  seed: number,
  valueDb: number,
  song: ImportedSongSummary,
): EqTwoBandsQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(valueDb, mv.min, mv.max), 0.01);
  const p = levelSpec(meta, mv.baseLevel).params;
  return drawAudible(
    seed,
    (rng) => build(rng, seed, mv.baseLevel, p, value, song),
    (q) => importedAudibility(q, song),
  );
}
