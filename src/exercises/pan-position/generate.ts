/** Where is it panned? Seeded questions per level, and at a given spacing of positions for adaptive mode. */
import { panGains } from '../../dsp/pan';
import type { Rng } from '../../dsp/random';
import type { Pan } from '../../dsp/units';
import type { TrackId } from '../../production/types';
import {
  ACTIVE_SHARE,
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
  importedTrackId,
  loopOf,
  mostActiveTracks,
} from '../shared/imported-song';
import { clampLevel, clampValue, levelSpec } from '../shared/levels';
import { roundTo } from '../shared/scoring';
import { analyseSongLoop, type SongAnalysis, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import { ADAPTIVE_POSITIONS, meta, type PanPositionQuestion } from './meta';

/** Tracks that make good panning targets (sustained or busy, clearly located). */
const PAN_TRACKS: readonly TrackId[] = ['hats', 'perc', 'chords', 'keys', 'lead', 'vocal'];

/** `count` evenly spaced positions from −1 to 1 (count ≥ 2), rounded to 1e-6. */
export function panPositions(count: number): Pan[] {
  return Array.from({ length: count }, (_, i) => Math.round((-1 + (2 * i) / (count - 1)) * 1e6) / 1e6);
}

/**
 * The adaptive positions: seven neighbours on a grid centred on the middle, `spacingPct` % of the stereo width
 * apart (the width is hard left to hard right, 2 in pan units; the spacing is capped so seven fit), placed
 * at random inside hard left … hard right. Returns the positions (ascending, rounded to 1e-6).
 */
export function adaptivePositions(spacingPct: number, rng: Rng): Pan[] {
  const step = Math.min((2 * spacingPct) / 100, 2 / (ADAPTIVE_POSITIONS - 1));
  const reach = Math.floor(1 / step + 1e-9);
  const first = rng.int(-reach, reach - (ADAPTIVE_POSITIONS - 1));
  return Array.from({ length: ADAPTIVE_POSITIONS }, (_, i) => Math.round((first + i) * step * 1e6) / 1e6 + 0);
}

function build(
  rng: Rng,
  seed: number,
  level: number,
  positions: number | { spacingPct: number },
  inMix: boolean,
  song?: ImportedSongSummary,
): PanPositionQuestion {
  const positionsPan =
    typeof positions === 'number'
      ? panPositions(positions)
      : adaptivePositions(positions.spacingPct, rng.fork('positions'));
  const targetIndex = rng.int(0, positionsPan.length - 1);
  // On an imported song: a loop of its body, and one of the tracks that play in most of it.
  // In the mix, a loop where another part plays too (a song of one part plays it alone).
  const imported = song
    ? importedLoopPick(rng.fork('loop'), song, inMix ? Math.min(2, mostActiveTracks(song)) : 1)
    : null;
  const track = imported ? importedTrackId(rng.pick(imported.pool)) : rng.pick(PAN_TRACKS);
  return {
    kind: 'pan-position',
    seed,
    level,
    positionsPan,
    targetIndex,
    inMix,
    source: { ...(imported ? imported.source : generateSongSource(rng.fork('source'))), track },
  };
}

/** Largest channel level change of a part alone moved from `from` to `to`, dB (capped at 12). */
function aloneChangeDb(from: Pan, to: Pan): number {
  const [l1, r1] = panGains(from);
  const [l2, r2] = panGains(to);
  const db = (x: number, y: number) => (x > 0 && y > 0 ? Math.abs(20 * Math.log10(x / y)) : 12);
  return Math.min(12, Math.max(db(l1, l2), db(r1, r2)));
}

/**
 * The planted difference: moving the part one spacing from the centre, the largest third-octave change of
 * either channel (the other parts stay centred), which must keep half of what the part alone would show (at
 * least JND_DB on fixed levels); the part must play in three quarters of the loop. The measure does not look
 * at which position is right, so re-draws leave every position equally likely.
 */
export function audibility(q: PanPositionQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  return audibilityOn(q, analyseSongLoop(q.source));
}

/** audibility on an imported song, read from its summary (every stem plays its mono sum at 0 dB). */
export function importedAudibility(q: PanPositionQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  return loop ? audibilityOn(q, importedLoopAnalysis(song, loop)) : inaudible('not a loop of this song');
}

function audibilityOn(q: PanPositionQuestion, analysis: SongAnalysis): Audibility {
  if (!analysis.tracks.has(q.source.track)) return inaudible(`the song has no ${q.source.track}`);
  const target = trackProfile(analysis, q.source.track);
  if (target.activity < ACTIVE_SHARE)
    return inaudible(`the ${target.id} plays ${target.activity} of the loop`);
  const others = q.inMix ? [...analysis.tracks.values()].filter((t) => t.id !== target.id) : [];
  const [cl, cr] = panGains(0);
  const channels = (pan: Pan) => {
    const [l, r] = panGains(pan);
    return [
      sumBands([
        ...others.map((o) => ({ bands: o.bands, powerGain: cl * cl })),
        { bands: target.bands, powerGain: l * l },
      ]),
      sumBands([
        ...others.map((o) => ({ bands: o.bands, powerGain: cr * cr })),
        { bands: target.bands, powerGain: r * r },
      ]),
    ];
  };
  const spacing = Math.abs((q.positionsPan[1] ?? 1) - (q.positionsPan[0] ?? 0));
  const here = channels(0);
  const there = channels(spacing);
  const planted = Math.max(...here.map((h, c) => largestBandChangeDb(h, there[c] as number[], false)));
  const alone = aloneChangeDb(0, spacing);
  const required = q.adaptiveValue === undefined ? Math.max(KEEP_SHARE * alone, JND_DB) : KEEP_SHARE * alone;
  return { planted, required };
}

/** A question for (seed, level): deterministic, plain JSON, audible (see audibility). */
export function generate(seed: number, level: number): PanPositionQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  return drawAudible(seed, (rng) => build(rng, seed, lvl, p.positions, p.inMix), audibility);
}

/**
 * Adaptive mode: seven neighbouring positions `spacingPct` % of the stereo width apart (clamped to the main
 * variable's range, rounded to 0.01), with the base level's setting (in the mix).
 */
export function generateAt(seed: number, spacingPct: number): PanPositionQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(spacingPct, mv.min, mv.max), 0.01);
  const inMix = levelSpec(meta, mv.baseLevel).params.inMix;
  return drawAudible(
    seed,
    (rng) => ({ ...build(rng, seed, mv.baseLevel, { spacingPct: value }, inMix), adaptiveValue: value }),
    audibility,
  );
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, audible. */
export function generateImported(
  seed: number,
  level: number,
  song: ImportedSongSummary,
): PanPositionQuestion {
  const lvl = clampLevel(meta, level);
  const p = levelSpec(meta, lvl).params;
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, p.positions, p.inMix, song),
    (q) => importedAudibility(q, song),
  );
}

/** Adaptive mode on an imported song: seven positions `spacingPct` % of the width apart, in the mix. */
export function generateImportedAt(
  seed: number,
  spacingPct: number,
  song: ImportedSongSummary,
): PanPositionQuestion {
  const mv = meta.mainVariable!;
  const value = roundTo(clampValue(spacingPct, mv.min, mv.max), 0.01);
  const inMix = levelSpec(meta, mv.baseLevel).params.inMix;
  return drawAudible(
    seed,
    (rng) => ({
      ...build(rng, seed, mv.baseLevel, { spacingPct: value }, inMix, song),
      adaptiveValue: value,
    }),
    (q) => importedAudibility(q, song),
  );
}
