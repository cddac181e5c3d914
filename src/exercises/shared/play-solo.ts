/**
 * Soloing one track of a mix review, as plain data over the play sides: every other track is muted
 * (sends included, so the returns carry only the soloed track), the settings of the soloed one untouched.
 * A side without that track plays nothing. Muting keeps the side's tracks and samples, so the live player
 * morphs into a solo and back without a rebuild, seamlessly.
 */
import type { AbPair, SideSpec } from './play-types';

/** `side` with only the track called `name` heard (null: every track, unmuted). */
export function soloSide(side: SideSpec, name: string | null): SideSpec {
  return {
    ...side,
    tracks: side.tracks.map((t) => ({
      ...t,
      settings: { ...t.settings, mute: name !== null && t.name !== name },
    })),
  };
}

/** Both sides of a review soloed on the track called `name` (null: the whole mixes). */
export function soloPair(pair: AbPair, name: string | null): AbPair {
  return { ...pair, a: soloSide(pair.a, name), b: soloSide(pair.b, name) };
}

/**
 * The part of `side` worth rendering to measure a solo: the soloed track alone with the returns (null when
 * the side has no such track), or the whole side when `name` is null.
 */
export function soloForMeasure(side: SideSpec, name: string | null): SideSpec | null {
  if (name === null) return side;
  const tracks = side.tracks.filter((t) => t.name === name);
  return tracks.length > 0 ? { ...side, tracks } : null;
}
