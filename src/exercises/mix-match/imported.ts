/**
 * Mix to the reference on an imported song, read from its summary alone (pure, deterministic): a loop of the
 * song's body, the parts heard in it (playing in three quarters of it, none more than HEARD_WITHIN_DB below
 * the loudest), a seeded reference mix of those stems (imported-reference.ts) and each part's loop spectrum,
 * which the question carries for the EQ weights. The desk as found is the centre of what the reference draws
 * (importedStartMix), as on a generated song.
 * Levels that grade compression play only Headroom's songs: compression is graded on the part's samples,
 * which a summary does not keep.
 */
import { createRng, type Rng } from '../../dsp/random';
import type { Decibels } from '../../dsp/units';
import { FREE_ECHO_SHARE } from '../delay-time/generate';
import { TAIL_ROOM_SHARE } from '../reverb-time/generate';
import { ACTIVE_SHARE, type Audibility, inaudible, isAudible, weightedPower } from '../shared/audibility';
import { loopFreeEchoShare, loopRoomShare } from '../shared/imported-notes';
import {
  activeTracks,
  bodyLoops,
  dynamicsProblem,
  type ImportedLoop,
  type ImportedSongSummary,
  type ImportedTrackSummary,
  importedSource,
  importedTrackId,
  importedTrackRef,
  loopActivity,
  loopBands,
  loopOf,
  SEGMENT_S,
} from '../shared/imported-song';
import { loopBpm } from '../shared/imported-tempo';
import { clampLevel, levelSpec } from '../shared/levels';
import { untouchedTrack } from '../shared/mix-spec';
import { farEnough, withDimensions } from './generate';
import { eqAudible, type ImportedPart, importedReferenceMix, importedStartMix } from './imported-reference';
import { type MixMatchQuestion, meta } from './meta';

/**
 * A part more than this below the loop's loudest part (K-weighted loop power, through its fader) is not heard
 * well enough to mix, dB: every part is within it of the loudest on the desk as found, in the reference and in
 * the reference's faders mirrored about the desk's (so the rule keeps the faders' spread symmetric: a quiet
 * part is as likely to go down as up).
 */
export const HEARD_WITHIN_DB: Decibels = 15;
/**
 * Fewest parts a mix on an imported song has: two parts' balance is one number, which a random desk hits
 * within the grader's two steps one time in five.
 */
export const MIN_IMPORTED_PARTS = 3;
/** Fewest parts whose EQ is heard well (eqAudible) on the EQ level. */
export const MIN_EQ_PARTS = 2;
/**
 * Fewest sends (reverb or delay, on parts with room for them) the sends level's parts (SENDS_LEVEL_PARTS of
 * the loop's) must offer. Each send starts at its middle level and the reference moves it up to
 * IMPORTED_SEND_SPREAD_DB either way; one send adds about 0.9 of the MIN_START_STEPS the desk as found must be
 * off on average, so fewer than five sends almost never make a question (two, the rule before the desk started
 * at the middle, never do).
 */
export const MIN_SEND_SLOTS = 5;
/** Parts the sends level mixes (its level's track count). */
const SENDS_LEVEL_PARTS = 4;
/** Levels per part spectrum are stored in steps of this and floored here, dB. */
const BAND_STEP_DB = 0.5;
const BAND_FLOOR_DB = -60;
/** Draws after which a reference still too close to the desk as found gives up (not reached in tests). */
const MAX_IMPORTED_DRAWS = 60;

/** The levels an imported song can carry: every level that does not grade compression. */
export const IMPORTED_LEVELS: readonly number[] = meta.levels
  .map((l, i) => (l.params.dimensions.includes('dynamics') ? 0 : i + 1))
  .filter((n) => n > 0);

/** What each level asks on an imported song, in its own words (the level texts name Headroom's tracks). */
const IMPORTED_LEVEL_TEXT: Readonly<Partial<Record<number, { name: string; ask: string }>>> = {
  1: { name: 'Your parts, faders', ask: 'set the faders to the reference balance.' },
  2: { name: 'Your parts, faders and pan', ask: 'balance them and place them left to right.' },
  3: { name: 'Your parts, EQ', ask: 'as you exported them, shape each one’s EQ like the reference.' },
  5: {
    name: 'Your parts, reverb and delay',
    ask: 'the ones that leave room after their notes: send each to the reverb and delay like the reference.',
  },
  6: { name: 'Your song, faders, pan and EQ', ask: 'balance, pan and EQ.' },
};

/**
 * A level's name and description on an imported song (plain words: what is really on the desk, the song's own
 * parts, not Headroom's kick and vocal), or null for a level imported songs do not carry.
 */
export function importedLevelText(level: number): { name: string; description: string } | null {
  const lvl = clampLevel(meta, level);
  const text = IMPORTED_LEVEL_TEXT[lvl];
  if (!text || !IMPORTED_LEVELS.includes(lvl)) return null;
  const most = levelSpec(meta, lvl).params.tracks.length;
  return {
    name: text.name,
    description: `${MIN_IMPORTED_PARTS} to ${most} of your song’s parts, the ones heard together in the loop: ${text.ask}`,
  };
}

/** Why no imported song can carry `level` (plain words), or null when one can. */
export function importedLevelProblem(level: number): string | null {
  const lvl = clampLevel(meta, level);
  if (IMPORTED_LEVELS.includes(lvl)) return null;
  return `Level ${lvl} grades compression, which is judged on every detail of each part’s sound; Headroom keeps only an outline of your stems, so this level plays only Headroom’s songs.`;
}

/** A part's loop spectrum as a question carries it: dB re its loudest band, 0.5 dB steps, floored at −60. */
export function partBandsDb(track: ImportedTrackSummary, loop: ImportedLoop): Decibels[] {
  const db = loopBands(track, loop).map((p) => (p > 0 ? 10 * Math.log10(p) : Number.NEGATIVE_INFINITY));
  const top = Math.max(...db);
  return db.map((d) =>
    Number.isFinite(top)
      ? Math.max(BAND_FLOOR_DB, Math.round((d - top) / BAND_STEP_DB) * BAND_STEP_DB) + 0
      : BAND_FLOOR_DB,
  );
}

/** The parts heard in a loop: playing in three quarters of it and within HEARD_WITHIN_DB of the loudest part. */
export function heardTracks(song: ImportedSongSummary, loop: ImportedLoop): ImportedTrackSummary[] {
  const active = activeTracks(song, loop);
  const power = active.map((t) => weightedPower(loopBands(t, loop)));
  const loudest = Math.max(0, ...power);
  return active.filter((_, i) => {
    const p = power[i] as number;
    return p > 0 && 10 * Math.log10(p / loudest) >= -HEARD_WITHIN_DB;
  });
}

/** The loop's tempo as the delay plays it (found from its notes; 120 bpm when too few notes start in it). */
function tempoOf(song: ImportedSongSummary, loop: ImportedLoop): number {
  return (song.version >= 2 ? loopBpm(song, loop) : null) ?? 120;
}

/** What the reference may do with a part (its spectrum, and whether a reverb tail or an echo is heard on it). */
function partOf(
  song: ImportedSongSummary,
  track: ImportedTrackSummary,
  loop: ImportedLoop,
  bpm: number,
): ImportedPart {
  const notes = song.version >= 2;
  return {
    bandsDb: partBandsDb(track, loop),
    reverbRoom: notes && loopRoomShare(track, loop) >= TAIL_ROOM_SHARE,
    echoRoom: notes && loopFreeEchoShare(track, loop, SEGMENT_S, 60 / bpm) >= FREE_ECHO_SHARE,
  };
}

/** A loop a level can use: its heard parts, and how many sends they have room for. */
interface LoopFit {
  loop: ImportedLoop;
  heard: ImportedTrackSummary[];
  /** The loop's tempo, as the delay plays it. */
  bpm: number;
  parts: ImportedPart[];
}

/** What a level needs of a loop beyond two heard parts. */
interface Needs {
  /** Sends: SENDS_LEVEL_PARTS parts with room for MIN_SEND_SLOTS sends. */
  sends: boolean;
  /** EQ alone: MIN_EQ_PARTS parts with sound where the EQ moves act (eqAudible). */
  tone: boolean;
}

/** How many sends a part has room for (0, 1 or 2). */
const slots = (p: ImportedPart | undefined) => (p?.reverbRoom ? 1 : 0) + (p?.echoRoom ? 1 : 0);

function fitsFor(song: ImportedSongSummary, needs: Needs): LoopFit[] {
  return bodyLoops(song)
    .map((loop) => {
      const heard = heardTracks(song, loop);
      const bpm = tempoOf(song, loop);
      return { loop, heard, bpm, parts: heard.map((t) => partOf(song, t, loop, bpm)) };
    })
    .filter(
      (f) =>
        f.heard.length >= MIN_IMPORTED_PARTS &&
        (!needs.sends ||
          f.parts
            .map(slots)
            .sort((a, b) => b - a)
            .slice(0, SENDS_LEVEL_PARTS)
            .reduce((n, k) => n + k, 0) >= MIN_SEND_SLOTS) &&
        (!needs.tone || f.parts.filter((p) => eqAudible(p.bandsDb)).length >= MIN_EQ_PARTS),
    );
}

/** What level `lvl` needs of a loop. */
function needsOf(lvl: number): Needs {
  const dims = levelSpec(meta, lvl).params.dimensions;
  return { sends: dims.includes('space'), tone: dims.length === 1 && dims[0] === 'tone' };
}

/**
 * Why `song` cannot carry mix-match (at `level`, when given) in plain words, or null when it can:
 * MIN_IMPORTED_PARTS parts heard together in a loop of its body; the EQ level needs MIN_EQ_PARTS of them with
 * sound where the EQ moves act, the
 * sends level parts that leave room for a reverb tail or an echo.
 */
export function importedMixFitProblem(song: ImportedSongSummary, level?: number): string | null {
  if (level !== undefined) {
    const bad = importedLevelProblem(level);
    if (bad) return bad;
  }
  if (fitsFor(song, { sends: false, tone: false }).length === 0)
    return `“${song.name}” has no 8-second stretch where ${MIN_IMPORTED_PARTS} parts play together within ${HEARD_WITHIN_DB} dB of each other.`;
  if (level === undefined) return null;
  const lvl = clampLevel(meta, level);
  const needs = needsOf(lvl);
  if (needs.sends) {
    const old = dynamicsProblem(song);
    if (old) return old;
  }
  if (fitsFor(song, needs).length > 0) return null;
  return needs.sends
    ? `Level ${lvl} needs parts that leave room after their notes for a reverb tail or an echo to be heard, ${MIN_SEND_SLOTS} such sends among ${SENDS_LEVEL_PARTS} parts; “${song.name}” has too few, so this level plays only Headroom’s songs.`
    : `Level ${lvl} needs ${MIN_EQ_PARTS} parts with sound where the EQ works; “${song.name}” has too few, so this level plays only Headroom’s songs.`;
}

/**
 * The rule every question on an imported song passes: it plays a loop of the song's body, every part plays in
 * three quarters of it and is heard (within HEARD_WITHIN_DB of the loudest part, on the desk as found, in the
 * reference and with the reference's fader moves reversed), it carries each part's loop spectrum, and the desk
 * as found is clearly off (farEnough).
 */
export function importedAudibility(q: MixMatchQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  if (!loop) return inaudible('not a loop of this song');
  if (!bodyLoops(song).some((l) => l.firstSegment === loop.firstSegment)) return inaudible('not in the body');
  const parts = q.tracks.map((r) => song.tracks.find((t) => importedTrackId(t) === r.id));
  if (parts.some((t) => !t || loopActivity(t, loop) < ACTIVE_SHARE))
    return inaudible('a part plays too little');
  const tracks = parts as ImportedTrackSummary[];
  if (JSON.stringify(tracks.map((t) => partBandsDb(t, loop))) !== JSON.stringify(q.trackBandsDb))
    return inaudible('its spectra are not the loop’s');
  const loud = tracks.map((t) => 10 * Math.log10(weightedPower(loopBands(t, loop))));
  const spread = (mix: MixMatchQuestion['start']) => {
    const at = loud.map((l, i) => l + (mix[i]?.faderDb ?? 0));
    return Math.max(...at) - Math.min(...at);
  };
  const mirrored = q.reference.map((r, i) => ({ ...r, faderDb: 2 * (q.start[i]?.faderDb ?? 0) - r.faderDb }));
  const worst = Math.max(spread(q.start), spread(q.reference), spread(mirrored));
  if (!(worst <= HEARD_WITHIN_DB)) return inaudible(`a part ${worst.toFixed(1)} dB below the loudest`);
  return farEnough(q) ? { planted: 1, required: 1 } : inaudible('the desk as found is too close');
}

function draw(seed: number, lvl: number, rng: Rng, song: ImportedSongSummary): MixMatchQuestion {
  const p = levelSpec(meta, lvl).params;
  const dimensions = [...p.dimensions];
  const needs = needsOf(lvl);
  const sends = needs.sends;
  const fits = fitsFor(song, needs);
  if (fits.length === 0)
    throw new Error(importedMixFitProblem(song, lvl) ?? 'This song cannot be mixed here.');
  // The loop stays the same through redraws.
  const fit = createRng(seed).fork('loop').pick(fits);
  const count = Math.min(p.tracks.length, fit.heard.length);
  const order = rng.shuffle(fit.heard.map((_, i) => i));
  const roomy = (i: number) => slots(fit.parts[i]);
  // On the sends level the parts with the most room come first, on the EQ level those whose EQ is heard.
  const eqOk = (i: number) => (eqAudible((fit.parts[i] as ImportedPart).bandsDb) ? 1 : 0);
  const first = sends ? roomy : needs.tone ? eqOk : () => 0;
  const chosen = new Set([...order].sort((a, b) => first(b) - first(a)).slice(0, count));
  const picked = fit.heard.map((_, i) => i).filter((i) => chosen.has(i));
  const parts = picked.map((i) => fit.parts[i] as ImportedPart);
  const untouched = parts.map(() => untouchedTrack());
  const reference = withDimensions(untouched, importedReferenceMix(rng.fork('reference'), parts), dimensions);
  const start = withDimensions(untouched, importedStartMix(parts), dimensions);
  return {
    kind: 'mix-match',
    seed,
    level: lvl,
    tracks: picked.map((i) => importedTrackRef(fit.heard[i] as ImportedTrackSummary)),
    dimensions,
    reference,
    start,
    source: importedSource(song, fit.loop),
    trackBandsDb: picked.map((i) => [...(fit.parts[i] as ImportedPart).bandsDb]),
    ...(sends ? { bpm: fit.bpm } : {}),
  };
}

/**
 * A question on an imported song: deterministic, plain JSON. A reference the desk as found already nearly
 * matches (see farEnough) is redrawn on the same loop; a song or level that cannot carry the kind throws
 * importedMixFitProblem's sentence (Train and the assignment form check it first).
 */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): MixMatchQuestion {
  const lvl = clampLevel(meta, level);
  const problem = importedMixFitProblem(song, lvl);
  if (problem) throw new Error(problem);
  let q = draw(seed, lvl, createRng(seed), song);
  const ok = (x: MixMatchQuestion) => isAudible(importedAudibility(x, song));
  for (let k = 1; k < MAX_IMPORTED_DRAWS && !ok(q); k++)
    q = draw(seed, lvl, createRng(seed).fork(`redraw-${k}`), song);
  if (!ok(q))
    throw new Error(
      `Headroom could not make a reference mix of “${song.name}” clearly different from the desk as found.`,
    );
  return q;
}
