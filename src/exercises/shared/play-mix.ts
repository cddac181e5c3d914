/** Helpers for kinds that play a song as a small mix: one strip per track at its rough-mix fader. */
import type { DeepPartial, StripSettings } from '../../engine';
import type { TrackId } from '../../production/types';
import type { Excerpt } from './play-sources';
import { excerptTrack, monoTrack, SOLO_FADER_DB } from './play-sources';
import type { SideSpec, TrackSpec } from './play-types';

/** Per-track changes on top of the rough mix (fader offsets are added to the rough-mix fader). */
export interface TrackMove {
  /** dB added to the track's rough-mix fader. */
  faderOffsetDb?: number;
  settings?: DeepPartial<StripSettings>;
}

/**
 * Strips for `ids` of an excerpt (in that order) at their rough-mix faders, with `moves` applied. A track
 * playing alone starts at SOLO_FADER_DB instead, so a solo is about as loud as a mix.
 */
export function mixTracks(
  excerpt: Excerpt,
  ids: readonly TrackId[],
  moves: Partial<Record<TrackId, TrackMove>> = {},
): TrackSpec[] {
  return ids.map((id) => {
    const t = excerptTrack(excerpt, id);
    const move = moves[id] ?? {};
    return monoTrack(t.name, t.samples, {
      ...move.settings,
      faderDb: (ids.length === 1 ? SOLO_FADER_DB : t.defaultFaderDb) + (move.faderOffsetDb ?? 0),
    });
  });
}

/** A side that plays `ids` of an excerpt as a rough mix with `moves`. */
export function mixSide(
  excerpt: Excerpt,
  ids: readonly TrackId[],
  moves: Partial<Record<TrackId, TrackMove>> = {},
  extra: Omit<SideSpec, 'tracks'> = {},
): SideSpec {
  return { tracks: mixTracks(excerpt, ids, moves), bpm: excerpt.bpm, ...extra };
}

/** Every track id an excerpt has, in its order. */
export function allTrackIds(excerpt: Excerpt): TrackId[] {
  return excerpt.tracks.map((t) => t.id);
}
