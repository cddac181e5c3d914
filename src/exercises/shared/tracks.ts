/** Seeded choice of a song's tracks for the mixing drills, in mixer order with display names. */
import type { Rng } from '../../dsp/random';
import { TRACK_NAMES } from '../../production/generate-song';
import { SONG_TRACK_IDS, type TrackId } from '../../production/types';

/** The tracks every generated song has, in mixer order (the order seeds pick from: never reorder). */
export const MIX_TRACKS: readonly TrackId[] = SONG_TRACK_IDS;

/** A track as a question lists it. */
export interface TrackRef {
  id: TrackId;
  /** Display name ("Kick", "Vocal", …). */
  name: string;
}

/** The display form of a track id. */
export function trackRef(id: TrackId): TrackRef {
  return { id, name: TRACK_NAMES[id] };
}

/** `count` different tracks from `pool` (default: all nine), returned in mixer order. */
export function pickTracks(rng: Rng, count: number, pool: readonly TrackId[] = MIX_TRACKS): TrackRef[] {
  const chosen = new Set(rng.shuffle(pool).slice(0, Math.min(count, pool.length)));
  return MIX_TRACKS.filter((id) => chosen.has(id)).map(trackRef);
}
