/** Which delay time? Seeded questions per level. */
import { noteValueSeconds } from '../../dsp/delay';
import type { Rng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import {
  ACTIVE_SHARE,
  type Audibility,
  drawAudible,
  freeEchoShare,
  inaudible,
  isAudible,
} from '../shared/audibility';
import { loopFreeEchoShare } from '../shared/imported-notes';
import {
  type ImportedSongSummary,
  importedLoopPick,
  importedTrackId,
  loopActivity,
  loopOf,
  requireDynamics,
  SEGMENT_S,
} from '../shared/imported-song';
import { loopBpm } from '../shared/imported-tempo';
import { clampLevel, levelSpec } from '../shared/levels';
import { analyseSongLoop, trackProfile } from '../shared/song-analysis';
import { generateSongSource, sourceBpm } from '../shared/sources';
import { type DelayTimeQuestion, meta } from './meta';

/** Parts with clear, separated notes, so the echoes are easy to follow. */
const DELAY_TRACKS: readonly TrackId[] = ['snare', 'keys', 'lead', 'vocal'];

/** Share of the part's onsets whose first echo must land in silence. */
export const FREE_ECHO_SHARE = 0.5;
/** The part must sound in at least this share of the loop's half-bars (echoes need notes to repeat). */
const DELAY_ACTIVE_SHARE = ACTIVE_SHARE;

/**
 * The planted difference: the share of the part's onsets whose first echo lands where the part is silent
 * (room between notes: at least FREE_ECHO_SHARE); the part must play in three quarters of the loop.
 */
export function audibility(q: DelayTimeQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  const analysis = analyseSongLoop(q.source);
  const target = trackProfile(analysis, q.source.track);
  if (target.activity < DELAY_ACTIVE_SHARE)
    return inaudible(`the ${target.id} plays ${target.activity} of the loop`);
  const delayBeats = (noteValueSeconds(q.note, q.bpm) * q.bpm) / 60;
  return { planted: freeEchoShare(target.notes, delayBeats, analysis.beats), required: FREE_ECHO_SHARE };
}

/** A question for (seed, level): deterministic, plain JSON, on a part with room for its echoes (see audibility). */
export function generate(seed: number, level: number): DelayTimeQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/**
 * audibility on an imported song, read from its summary: the part plays in three quarters of the loop, the
 * question's tempo is the one found from the loop's notes, and at least FREE_ECHO_SHARE of the part's notes
 * there send their first echo onto a near-silent moment of the part, clear of its other notes.
 */
export function importedAudibility(q: DelayTimeQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  const track = song.tracks.find((t) => importedTrackId(t) === q.source.track);
  if (!loop || !track) return inaudible('not a part of a loop of this song');
  const activity = loopActivity(track, loop);
  if (activity < DELAY_ACTIVE_SHARE) return inaudible(`the ${track.name} plays ${activity} of the loop`);
  if (loopBpm(song, loop) !== q.bpm) return inaudible('no steady beat found in this loop');
  const share = loopFreeEchoShare(track, loop, SEGMENT_S, noteValueSeconds(q.note, q.bpm));
  return { planted: share, required: FREE_ECHO_SHARE };
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, its echoes heard. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): DelayTimeQuestion {
  requireDynamics(song);
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => buildImported(rng, seed, lvl, song),
    (q) => importedAudibility(q, song),
  );
}

/** A loop of the imported song's body, its tempo, and a part there with room for this note value's echoes. */
function buildImported(rng: Rng, seed: number, lvl: number, song: ImportedSongSummary): DelayTimeQuestion {
  const p = levelSpec(meta, lvl).params;
  const note = rng.pick(p.notes);
  const { loop, pool, source } = importedLoopPick(rng.fork('loop'), song, 1);
  const bpm = loopBpm(song, loop) ?? 120;
  const delayS = noteValueSeconds(note, bpm);
  const heard = pool.filter((t) => loopFreeEchoShare(t, loop, SEGMENT_S, delayS) >= FREE_ECHO_SHARE);
  const track = rng.fork('track').pick(heard.length > 0 ? heard : pool);
  return {
    kind: 'delay-time',
    seed,
    level: lvl,
    bpm,
    noteChoices: [...p.notes],
    note,
    feedback: 0.35,
    sendDb: -6,
    source: { ...source, track: importedTrackId(track) },
  };
}

function build(rng: Rng, seed: number, lvl: number): DelayTimeQuestion {
  const p = levelSpec(meta, lvl).params;
  const note = rng.pick(p.notes);
  const drawn = rng.pick(DELAY_TRACKS);
  const song = generateSongSource(rng.fork('source'));
  const heard = (track: TrackId) =>
    isAudible(audibility({ source: { ...song, track }, note, bpm: sourceBpm(song) } as DelayTimeQuestion));
  const others = heard(drawn) ? [] : DELAY_TRACKS.filter((t) => t !== drawn && heard(t));
  const track = others.length > 0 ? rng.fork('track').pick(others) : drawn;
  const source = { ...song, track };
  return {
    kind: 'delay-time',
    seed,
    level: lvl,
    bpm: sourceBpm(source),
    noteChoices: [...p.notes],
    note,
    feedback: 0.35,
    sendDb: -6,
    source,
  };
}
