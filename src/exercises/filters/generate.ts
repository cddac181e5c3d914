/** Filter drills: seeded questions per level, each checked for audibility on the song's loop. */
import { exactCentre, formatHz } from '../../dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import type { Rng } from '../../dsp/random';
import type { Hz } from '../../dsp/units';
import {
  type Audibility,
  drawAudible,
  inaudible,
  JND_DB,
  KEEP_SHARE,
  largestBandChangeDb,
  sumBands,
} from '../shared/audibility';
import {
  type ImportedSongSummary,
  importedLoopAnalysis,
  importedLoopPick,
  loopOf,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { ANALYSIS_CENTRES, analyseSongLoop, type SongAnalysis } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { type FilterSetting, type FiltersQuestion, type FilterType, meta } from './meta';

/** Where the 'which' drill centres its two cutoffs, Hz (drawn log-uniformly in this range per type). */
export const WHICH_CENTRES_HZ: Readonly<Record<FilterType, readonly [Hz, Hz]>> = {
  highpass: [150, 500],
  lowpass: [1500, 5000],
};

/** Power gain per analysed band of a filter (the strip's maths at 48 kHz); null is no filter. */
export function filterPowerGains(filter: FilterSetting | null): number[] {
  if (!filter) return ANALYSIS_CENTRES.map(() => 1);
  const c = biquadCoefficients(filter.type, filter.frequencyHz, Math.SQRT1_2, 0, 48000);
  return ANALYSIS_CENTRES.map((f) => 10 ** (biquadMagnitudeDb(c, exactCentre(f), 48000) / 10));
}

function filtered(bands: readonly number[], filter: FilterSetting | null): number[] {
  const g = filterPowerGains(filter);
  return bands.map((p, i) => p * (g[i] as number));
}

/** The two filters whose difference is asked: A and B, or for 'cutoff' the right cutoff and its nearest choice. */
function comparedFilters(q: FiltersQuestion): [FilterSetting | null, FilterSetting | null] {
  if (q.subtype !== 'cutoff') return [q.filterA, q.filterB];
  const right = q.filterB.frequencyHz;
  const others = q.choices.map(Number).filter((f) => f !== right);
  const nearest = others.reduce((best, f) =>
    Math.abs(Math.log2(f / right)) < Math.abs(Math.log2(best / right)) ? f : best,
  );
  return [q.filterB, { type: q.filterB.type, frequencyHz: nearest }];
}

/**
 * The planted difference: the largest third-octave change between the two versions compared (A and B, or the
 * right cutoff and the nearest other choice), after loudness matching, in the bands the loop's rough mix
 * fills; it must keep half the change the filters make on a flat spectrum (and ≥ 0.5 dB on fixed levels).
 */
export function audibility(q: FiltersQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  return audibilityOn(q, analyseSongLoop(q.source));
}

/** audibility on an imported song: the loop's band powers read from the song's summary. */
export function importedAudibility(q: FiltersQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  return loop ? audibilityOn(q, importedLoopAnalysis(song, loop)) : inaudible('not a loop of this song');
}

function audibilityOn(q: FiltersQuestion, analysis: SongAnalysis): Audibility {
  const mix = sumBands([...analysis.tracks.values()].map((t) => ({ bands: t.bands })));
  const [x, y] = comparedFilters(q);
  const planted = largestBandChangeDb(filtered(mix, x), filtered(mix, y), true);
  const flat = ANALYSIS_CENTRES.map(() => 1);
  const nominal = largestBandChangeDb(filtered(flat, x), filtered(flat, y), true);
  const required = Math.max(KEEP_SHARE * nominal, q.adaptiveValue === undefined ? JND_DB : 0);
  return { planted, required };
}

/** A question for (seed, level): deterministic, plain JSON, audible on its loop (see audibility). */
export function generate(seed: number, level: number): FiltersQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/**
 * Adaptive mode: "which version has the higher cutoff?" on the base level with the cutoffs `value` octaves
 * apart (clamped to the main variable's range, rounded to 0.01 octave).
 */
export function generateAt(seed: number, value: number): FiltersQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max) * 100) / 100;
  return drawAudible(seed, (rng) => ({ ...build(rng, seed, mv.baseLevel, v), adaptiveValue: v }), audibility);
}

/** "high-pass" / "low-pass". */
export function filterName(type: FilterType): string {
  return type === 'highpass' ? 'high-pass' : 'low-pass';
}

function build(
  rng: Rng,
  seed: number,
  lvl: number,
  apartOctaves?: number,
  song?: ImportedSongSummary,
): FiltersQuestion {
  const p = levelSpec(meta, lvl).params;
  const subtype = apartOctaves === undefined ? rng.pick(p.subtypes) : 'which';
  const source = song
    ? importedLoopPick(rng.fork('loop'), song).source
    : generateSongSource(rng.fork('source'));
  const type = rng.pick(p.types);
  const base = { kind: 'filters' as const, seed, level: lvl, subtype, source };
  switch (subtype) {
    case 'type':
      return {
        ...base,
        prompt: 'A is the mix. Which filter is on B?',
        choices: ['highpass', 'lowpass'],
        choiceLabels: ['High-pass (the lows are cut)', 'Low-pass (the highs are cut)'],
        correct: type,
        filterA: null,
        filterB: { type, frequencyHz: p.typeCutoffsHz[type] },
      };
    case 'cutoff': {
      const cutoffs = [...p.cutoffsHz[type]];
      const cutoff = rng.pick(cutoffs);
      return {
        ...base,
        prompt: `A is the mix. B has a ${filterName(type)}: where is its cutoff?`,
        choices: cutoffs.map(String),
        choiceLabels: cutoffs.map(formatHz),
        correct: String(cutoff),
        filterA: null,
        filterB: { type, frequencyHz: cutoff },
      };
    }
    case 'which': {
      const [low, high] = WHICH_CENTRES_HZ[type];
      const centre = low * (high / low) ** rng.next();
      const apart = apartOctaves ?? p.apartOctaves;
      const lower = Math.round(centre * 2 ** (-apart / 2));
      const higher = Math.round(centre * 2 ** (apart / 2));
      const higherSide = rng.chance(0.5) ? 'A' : 'B';
      const at = (hz: Hz): FilterSetting => ({ type, frequencyHz: hz });
      return {
        ...base,
        prompt:
          type === 'highpass'
            ? 'Both have a high-pass. Which is cut higher (thinner)?'
            : 'Both have a low-pass. Which is cut higher (brighter)?',
        choices: ['A', 'B'],
        choiceLabels: ['A', 'B'],
        correct: higherSide,
        filterA: at(higherSide === 'A' ? higher : lower),
        filterB: at(higherSide === 'B' ? higher : lower),
      };
    }
  }
}

/** A question on an imported song (its whole mix, read from its summary): deterministic, plain JSON, audible. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): FiltersQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: "which is cut higher?" with the cutoffs `value` octaves apart. */
export function generateImportedAt(seed: number, value: number, song: ImportedSongSummary): FiltersQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max) * 100) / 100;
  return drawAudible(
    seed,
    (rng) => ({ ...build(rng, seed, mv.baseLevel, v, song), adaptiveValue: v }),
    (q) => importedAudibility(q, song),
  );
}
