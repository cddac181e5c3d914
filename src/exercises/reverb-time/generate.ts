/** How long is the reverb? Seeded questions per level. */
import type { Rng } from '../../dsp/random';
import type { TrackId } from '../../production/types';
import {
  ACTIVE_SHARE,
  type Audibility,
  drawAudible,
  inaudible,
  isAudible,
  roomAfterShare,
} from '../shared/audibility';
import { loopRoomShare } from '../shared/imported-notes';
import {
  type ImportedSongSummary,
  importedLoopPick,
  importedTrackId,
  loopActivity,
  loopOf,
  requireDynamics,
} from '../shared/imported-song';
import { clampLevel, levelSpec } from '../shared/levels';
import { analyseSongLoop, trackProfile } from '../shared/song-analysis';
import { generateSongSource } from '../shared/sources';
import type { SongSource } from '../types';
import { meta, type ReverbTimeQuestion } from './meta';

/** Sparse, dry parts whose tails are easy to hear. */
const REVERB_TRACKS: readonly TrackId[] = ['snare', 'keys', 'lead', 'vocal'];
/** Pre-delay used when it is not asked, ms. */
const DEFAULT_PRE_DELAY_MS = 10;

/** Silence after a note that lets a tail be heard, beats. */
const TAIL_ROOM_BEATS = 0.5;
/** Share of the part's notes that must be followed by TAIL_ROOM_BEATS of silence. */
export const TAIL_ROOM_SHARE = 0.25;

/**
 * The planted difference: the share of the part's notes followed by half a beat of silence, where the tail is
 * heard on its own (at least TAIL_ROOM_SHARE); the part must play in three quarters of the loop.
 */
export function audibility(q: ReverbTimeQuestion): Audibility {
  if (q.source.type !== 'song') return inaudible('an imported song: see importedAudibility');
  const analysis = analyseSongLoop(q.source);
  const target = trackProfile(analysis, q.source.track);
  if (target.activity < ACTIVE_SHARE)
    return inaudible(`the ${target.id} plays ${target.activity} of the loop`);
  return {
    planted: roomAfterShare(target.notes, TAIL_ROOM_BEATS, analysis.beats),
    required: TAIL_ROOM_SHARE,
  };
}

/**
 * audibility on an imported song, read from its summary: the part plays in three quarters of the loop and at
 * least TAIL_ROOM_SHARE of its notes there are followed by a quarter second (half a beat at 120 bpm) of
 * near-silence, 25 dB under the note (imported-notes.ts): where the tail is heard on its own.
 */
export function importedAudibility(q: ReverbTimeQuestion, song: ImportedSongSummary): Audibility {
  const loop = q.source.type === 'imported-song' ? loopOf(song, q.source) : null;
  const track = song.tracks.find((t) => importedTrackId(t) === q.source.track);
  if (!loop || !track) return inaudible('not a part of a loop of this song');
  const activity = loopActivity(track, loop);
  if (activity < ACTIVE_SHARE) return inaudible(`the ${track.name} plays ${activity} of the loop`);
  return { planted: loopRoomShare(track, loop), required: TAIL_ROOM_SHARE };
}

/** A question on an imported song (read from its summary): deterministic, plain JSON, its tails heard. */
export function generateImported(seed: number, level: number, song: ImportedSongSummary): ReverbTimeQuestion {
  requireDynamics(song);
  const lvl = clampLevel(meta, level);
  return drawAudible(
    seed,
    (rng) => build(rng, seed, lvl, song),
    (q) => importedAudibility(q, song),
  );
}

/**
 * A part of an imported song for the reverb: a loop of the song's body (seeded) and a part playing there,
 * one that leaves room after its notes when any does.
 */
function importedReverbSource(rng: Rng, song: ImportedSongSummary): ReverbTimeQuestion['source'] {
  const { loop, pool, source } = importedLoopPick(rng.fork('loop'), song, 1);
  const roomy = pool.filter((t) => loopRoomShare(t, loop) >= TAIL_ROOM_SHARE);
  const track = rng.fork('track').pick(roomy.length > 0 ? roomy : pool);
  return { ...source, track: importedTrackId(track) };
}

/** A question for (seed, level): deterministic, plain JSON, on a part whose tails are heard (see audibility). */
export function generate(seed: number, level: number): ReverbTimeQuestion {
  const lvl = clampLevel(meta, level);
  return drawAudible(seed, (rng) => build(rng, seed, lvl), audibility);
}

/** The drawn part when its tails are heard in this song, else one of the parts whose tails are (seeded). */
function withHeardTrack(rng: Rng, source: SongSource, drawn: TrackId): SongSource & { track: TrackId } {
  const heard = (track: TrackId) =>
    isAudible(audibility({ source: { ...source, track } } as ReverbTimeQuestion));
  if (heard(drawn)) return { ...source, track: drawn };
  const others = REVERB_TRACKS.filter((t) => t !== drawn && heard(t));
  return { ...source, track: others.length > 0 ? rng.fork('track').pick(others) : drawn };
}

function build(rng: Rng, seed: number, lvl: number, song?: ImportedSongSummary): ReverbTimeQuestion {
  const p = levelSpec(meta, lvl).params;
  const decayS = rng.pick(p.decaysS);
  const askPreDelay = p.preDelaysMs.length > 0;
  const preDelayMs = askPreDelay ? rng.pick(p.preDelaysMs) : DEFAULT_PRE_DELAY_MS;
  const drawn = rng.pick(REVERB_TRACKS);
  return {
    kind: 'reverb-time',
    seed,
    level: lvl,
    decayChoicesS: [...p.decaysS],
    preDelayChoicesMs: [...p.preDelaysMs],
    askPreDelay,
    reverb: { decayS, preDelayMs, damping: 0.4, stereoWidth: 1, seed: rng.int(1, 999_999) },
    sendDb: -6,
    source: song
      ? importedReverbSource(rng, song)
      : withHeardTrack(rng, generateSongSource(rng.fork('source')), drawn),
  };
}
