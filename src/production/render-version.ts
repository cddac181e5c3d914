/**
 * What names a song's stems without rendering them: their render version and the song's length. Kept apart
 * from render-stems.ts (which brings the sampler and the synthesis along) so a page looking up stored stems
 * loads only this.
 */
import type { Seconds } from '../dsp/units';
import { BEATS_PER_BAR } from './events';
import { sampledPatchFor } from './sampler/patches';
import type { Song } from './types';

/** Bumped whenever the synthesis changes what a song sounds like (cached stems go stale). */
export const RENDER_VERSION = 4;

/** The version of stems in which sampled instruments play (sampler/): bumped when their sound changes. */
export const SAMPLED_RENDER_VERSION = 1007;

/**
 * The renderVersion stems of `song` get when rendered with a sample bank or without: SAMPLED_RENDER_VERSION
 * when any unmuted track plays a sampled patch, else RENDER_VERSION.
 */
export function stemsVersionFor(song: Song, withSamples: boolean): number {
  const sampled =
    withSamples && song.tracks.some((t) => !t.muted && sampledPatchFor(t.instrument, song.style, song.seed));
  return sampled ? SAMPLED_RENDER_VERSION : RENDER_VERSION;
}

/** Length of a song in seconds (without tail). */
export function songSeconds(song: Song): Seconds {
  const bars = song.sections.reduce((n, s) => n + s.bars, 0);
  return (bars * BEATS_PER_BAR * 60) / song.bpm;
}
