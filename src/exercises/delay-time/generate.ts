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
