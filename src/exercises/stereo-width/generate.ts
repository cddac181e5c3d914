/** Stereo width drills: seeded questions per level, each checked for audibility on the song's loop. */
import { dbToGain } from '../../dsp/db';
import { panGains } from '../../dsp/pan';
import type { Rng } from '../../dsp/random';
import type { Decibels, Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import {
  ACTIVE_SHARE,
  type Audibility,
  drawAudible,
  inaudible,
  isAudible,
  JND_DB,
  KEEP_SHARE,
} from '../shared/audibility';
import {
  type ImportedLoop,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  importedLoopAnalysis,
  importedLoopPick,
  importedTrackId,
  loopOf,
  SEGMENT_S,
  WINDOW_S,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { analyseSongLoop, type SongAnalysis } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { trackRef } from '../shared/tracks';
import { meta, type StereoWidthQuestion } from './meta';

/** The stereo picture every question starts from: drums and bass centred, the rest spread (mirrored at random). */
export const WIDE_LAYOUT: Readonly<Partial<Record<TrackId, Pan>>> = {
  hats: 0.5,
  perc: -0.55,
  chords: -0.8,
  keys: 0.8,
  lead: -0.4,
  snare: 0.1,
};

/** Parts that may be the out-of-phase one in the mono drill (sustained, pitched or steady parts). */
export const MONO_CANDIDATES: readonly TrackId[] = ['hats', 'bass', 'chords', 'keys', 'lead', 'vocal'];

/** Side levels further than this below the mid are not heard, dB. */
export const SIDE_FLOOR_DB: Decibels = -30;
/** The mix's side must be within this of its mid for a width change to be heard, dB. */
export const SIDE_HEARD_DB: Decibels = -20;
/** The out-of-phase part must carry at least this share of the mix's power, dB. */
export const MONO_PART_SHARE_DB: Decibels = -14;

/** Mean square of samples. */
function power(x: Float32Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += (x[i] as number) ** 2;
  return x.length > 0 ? s / x.length : 0;
}

/** Each part's power in the loop (mean square at its fader), by id. */
type PartPowers = ReadonlyMap<TrackId, number>;

/** A generated song's part powers: measured on the analysed loop's samples at each rough-mix fader. */
function analysedPowers(analysis: SongAnalysis): PartPowers {
  return new Map(
    [...analysis.tracks.values()].map((t) => [t.id, power(t.samples) * dbToGain(t.faderDb) ** 2]),
  );
}

/** Side against mid of the loop's rough mix with `pans` (parts uncorrelated, equal-power pan), dB. */
export function sideToMidOfLayout(analysis: SongAnalysis, pans: StereoWidthQuestion['pans']): Decibels {
  return sideToMidOfPowers(analysedPowers(analysis), pans);
}

/** sideToMidOfLayout on part powers. */
function sideToMidOfPowers(powers: PartPowers, pans: StereoWidthQuestion['pans']): Decibels {
  let mid = 0;
  let side = 0;
  for (const [id, p] of powers) {
    const [gl, gr] = panGains(pans[id] ?? 0);
    mid += p * ((gl + gr) / 2) ** 2;
    side += p * ((gl - gr) / 2) ** 2;
  }
  return side > 0 && mid > 0 ? 10 * Math.log10(side / mid) : Number.NEGATIVE_INFINITY;
}

/** Side level (re the mid, floored at SIDE_FLOOR_DB) of the layout at `width`. */
function sideAt(sideDb: Decibels, width: number): Decibels {
  return width <= 0 ? SIDE_FLOOR_DB : Math.max(SIDE_FLOOR_DB, sideDb + 20 * Math.log10(width));
}

/**
 * The planted difference: how far the side level moves between the two widths compared (the right choice and
 * its nearest other choice for 'amount'), floored where the side is no longer heard; it must keep half its
 * nominal size (and ≥ 0.5 dB on fixed levels), with the side within 20 dB of the mid. 'mono': the flipped
 * part sounds in three quarters of the loop and carries at least −14 dB of the mix's power.
 */
export function audibility(q: StereoWidthQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  const analysis = analyseSongLoop(q.source);
  return audibilityOn(q, analysis, analysedPowers(analysis));
}

/**
 * audibility on an imported song, read from its summary: each track's activity from its levels, its power the
 * mean of its level windows in the loop (the mono sum the drill plays, at 0 dB).
 */
export function importedAudibility(q: StereoWidthQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  const powers = new Map(song.tracks.map((t) => [importedTrackId(t), loopPower(t, loop)]));
  return audibilityOn(q, importedLoopAnalysis(song, loop), powers);
}

/** A track's mean square over a loop (the mean of its level windows there), linear. */
export function loopPower(track: ImportedTrackSummary, loop: ImportedLoop): number {
  const per = Math.round(SEGMENT_S / WINDOW_S);
  const from = loop.firstSegment * per;
  let sum = 0;
  for (let w = from; w < from + loop.segments * per; w++) sum += 10 ** ((track.levelsDb[w] ?? -200) / 10);
  return sum / Math.max(1, loop.segments * per);
}

function audibilityOn(q: StereoWidthQuestion, analysis: SongAnalysis, powers: PartPowers): Audibility {
  if (q.subtype === 'mono') {
    const part = q.flipped ? analysis.tracks.get(q.flipped) : undefined;
    if (!part) return inaudible('no part is out of phase');
    if (part.activity < ACTIVE_SHARE) return inaudible(`the ${part.id} plays ${part.activity} of the loop`);
    let total = 0;
    for (const p of powers.values()) total += p;
    const share = 10 * Math.log10((powers.get(part.id) ?? 0) / total);
    return { planted: share - MONO_PART_SHARE_DB, required: 0 };
  }
  const sideDb = sideToMidOfPowers(powers, q.pans);
  if (sideDb < SIDE_HEARD_DB) return inaudible(`the side is ${sideDb.toFixed(1)} dB below the mid`);
  const widths =
    q.subtype === 'which'
      ? [q.widthA, q.widthB]
      : [q.widthB, ...q.choices.map((c) => Number(c) / 100).filter((w) => w !== q.widthB)];
  const [right, ...others] = widths as [number, ...number[]];
  const nominal = (w: number) =>
    Math.min(-SIDE_FLOOR_DB, Math.abs(20 * Math.log10(Math.max(w, 1e-3) / Math.max(right, 1e-3))));
  const nearest = others.reduce((best, w) => (nominal(w) < nominal(best) ? w : best));
  const planted = Math.abs(sideAt(sideDb, right) - sideAt(sideDb, nearest));
  const required = Math.max(KEEP_SHARE * nominal(nearest), q.adaptiveValue === undefined ? JND_DB : 0);
  return { planted, required };
}

function pansFor(rng: Rng): StereoWidthQuestion['pans'] {
  const mirror = rng.chance(0.5) ? -1 : 1;
  return Object.fromEntries(Object.entries(WIDE_LAYOUT).map(([id, pan]) => [id, mirror * (pan as number)]));
}

/** A question for (seed, level): deterministic, plain JSON, audible on its loop (see audibility). */
export function generate(seed: number, level: number): StereoWidthQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/**
 * Adaptive mode: "which version is wider?" on the base level with the narrow side `value` % narrower than
 * the other (clamped to the main variable's range, rounded to 1 %).
 */
export function generateAt(seed: number, value: number): StereoWidthQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max));
  return drawAudible(seed, (rng) => ({ ...build(rng, seed, mv.baseLevel, v), adaptiveValue: v }), audibility);
}

function build(
  rng: Rng,
  seed: number,
  lvl: number,
  narrowerPercent?: number,
  song?: ImportedSongSummary,
): StereoWidthQuestion {
  const p = levelSpec(meta, lvl).params;
  const subtype = narrowerPercent === undefined ? rng.pick(p.subtypes) : 'which';
  const imported = song ? importedLoopPick(rng.fork('loop'), song, 2) : null;
  const source = imported ? imported.source : generateSongSource(rng.fork('source'));
  const pans = song ? importedPans(song, rng.fork('pans')) : pansFor(rng.fork('pans'));
  const base = { kind: 'stereo-width' as const, seed, level: lvl, subtype, source, pans };
  switch (subtype) {
    case 'which': {
      const narrow = Math.round(100 - (narrowerPercent ?? p.narrowerPercent)) / 100;
      const wideSide = rng.chance(0.5) ? 'A' : 'B';
      return {
        ...base,
        prompt: 'Which version is wider?',
        choices: ['A', 'B'],
        choiceLabels: ['A', 'B'],
        correct: wideSide,
        widthA: wideSide === 'A' ? 1 : narrow,
        widthB: wideSide === 'B' ? 1 : narrow,
      };
    }
    case 'amount': {
      const widths = [...p.widthsPercent];
      const width = rng.pick(widths);
      return {
        ...base,
        prompt: 'A is the mix as panned (100 %). How wide is B?',
        choices: widths.map(String),
        choiceLabels: widths.map(widthLabel),
        correct: String(width),
        widthA: 1,
        widthB: width / 100,
      };
    }
    case 'mono': {
      if (imported) {
        // The parts that play in most of the loop (at least two, as the loop was picked for).
        const offered = rng.shuffle(imported.pool.map((t) => t.key)).slice(0, p.monoChoices);
        const flipped = rng.pick(offered) as TrackId;
        const ordered = imported.pool.filter((t) => offered.includes(t.key));
        return {
          ...base,
          prompt: 'B is A summed to mono. Which part disappears?',
          choices: ordered.map((t) => t.key),
          choiceLabels: ordered.map((t) => t.name),
          correct: flipped,
          widthA: 1,
          widthB: 1,
          flipped,
        };
      }
      const offered = rng.shuffle(MONO_CANDIDATES).slice(0, p.monoChoices);
      const flipped = rng.pick(offered);
      const ordered = MONO_CANDIDATES.filter((id) => offered.includes(id));
      return {
        ...base,
        prompt: 'B is A summed to mono. Which part disappears?',
        choices: ordered,
        choiceLabels: ordered.map((id) => trackRef(id).name),
        correct: flipped,
        widthA: 1,
        widthB: 1,
        flipped,
      };
    }
  }
}

/** Parts of an imported song that stay in the centre (the low end and the backbeat, as most mixes keep them). */
const CENTRED_ROLES: readonly string[] = ['kick', 'bass', 'snare'];
/** How far from the centre an imported song's other parts sit (seeded per part). */
const SPREAD_PANS: readonly Pan[] = [0.4, 0.6, 0.8, 1];

/**
 * The stereo picture of an imported song (its stems play as mono sums, so the question places them): parts
 * whose names say kick, bass or snare in the centre, every other part in turn left and right (the first side
 * at random) at a seeded distance from SPREAD_PANS.
 */
export function importedPans(song: ImportedSongSummary, rng: Rng): StereoWidthQuestion['pans'] {
  let side = rng.chance(0.5) ? -1 : 1;
  const pans: Partial<Record<TrackId, Pan>> = {};
  // A song of nothing but kick, bass and snare has them spread too (else it would have no width at all).
  const centring = song.tracks.some((t) => !CENTRED_ROLES.includes(t.role));
  for (const t of song.tracks) {
    const distance = rng.pick(SPREAD_PANS);
    if (centring && CENTRED_ROLES.includes(t.role)) continue;
    pans[importedTrackId(t)] = side * distance;
    side = -side;
  }
  return pans;
}

/** Seeds tried per level to judge whether a song can carry the width drills. */
const FIT_SEEDS = 3;

/**
 * Why an imported song cannot carry the width drills (plain words), or null: on some level a question stays
 * below what is heard after every re-draw (the parts spread left and right are too quiet beside the centred
 * ones), judged on FIT_SEEDS seeds per level.
 */
export function importedWidthProblem(song: ImportedSongSummary): string | null {
  const known = widthProblems.get(song);
  if (known !== undefined) return known;
  let problem: string | null = null;
  for (let level = 1; level <= meta.levels.length && !problem; level++)
    for (let seed = 1; seed <= FIT_SEEDS && !problem; seed++)
      if (!isAudible(importedAudibility(generateImported(seed, level, song), song)))
        problem = `The parts of “${song.name}” that would be spread left and right are too quiet beside the others to hear the mix get wider or narrower.`;
  widthProblems.set(song, problem);
  return problem;
}

/** importedWidthProblem's answers, per summary object (Train asks on every render of the kind's card). */
const widthProblems = new WeakMap<ImportedSongSummary, string | null>();

/** A question on an imported song (read from its summary): deterministic, plain JSON, audible. */
export function generateImported(
  seed: number,
  level: number,
  song: ImportedSongSummary,
): StereoWidthQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, undefined, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: "which is wider?" with the narrow side `value` % narrower. */
export function generateImportedAt(
  seed: number,
  value: number,
  song: ImportedSongSummary,
): StereoWidthQuestion {
  const mv = meta.mainVariable as NonNullable<typeof meta.mainVariable>;
  const v = Math.round(clampValue(value, mv.min, mv.max));
  return drawAudible(
    seed,
    (rng) => ({ ...build(rng, seed, mv.baseLevel, v, song), adaptiveValue: v }),
    (q) => importedAudibility(q, song),
  );
}

/** "mono (0 %)", "half as wide (50 %)", "150 %". */
export function widthLabel(percent: number): string {
  if (percent === 0) return 'mono (0 %)';
  if (percent === 50) return 'half as wide (50 %)';
  if (percent === 200) return 'twice as wide (200 %)';
  return `${percent} %`;
}
