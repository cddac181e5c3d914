/**
 * Rendering a song in parallel Workers: its tracks split into groups of about equal work, each group
 * rendered by renderTracksSteps in its own Worker, the raw tracks put together by assembleStems — the same
 * stems, bit for bit, as one renderStemsSync.
 */
import { sampledPatchFor } from './sampler/patches';
import { voiceFor } from './synth/voices';
import type { Song, StyleId, Track, TrackId } from './types';

/** Rough cost units: a full-length buffer (allocate, render into, DC-block, level) per track. */
const PER_TRACK = 1;
/** Per event of a drum or held synth note (mixing a cached sound). */
const PER_SYNTH_EVENT = 0.004;
/** Per event of a sampled note (mixing, and now and then rendering a new note). */
const PER_SAMPLED_EVENT = 0.012;
/** Per second of a song for voices synthesised sample by sample (vocal, pink noise). */
const PER_SECOND_WHOLE_TRACK = 0.04;

/** The estimated work of rendering one track (arbitrary units, for balancing only). */
export function trackCost(
  track: Track,
  style: StyleId,
  seed: number,
  songSeconds: number,
  withSamples: boolean,
): number {
  if (withSamples && sampledPatchFor(track.instrument, style, seed))
    return PER_TRACK + PER_SAMPLED_EVENT * track.events.length;
  const voice = voiceFor(track.instrument);
  if (voice.kind === 'track') return PER_TRACK + PER_SECOND_WHOLE_TRACK * songSeconds;
  return PER_TRACK + PER_SYNTH_EVENT * track.events.length;
}

/**
 * The unmuted tracks of `song` in at most `workers` groups of about equal estimated work (longest first,
 * each to the least loaded group), none empty, each in song order. Pass each group as `ids` to
 * renderTracksSteps in its own Worker and every group's raw tracks to assembleStems.
 */
export function splitStemWork(song: Song, workers: number, withSamples: boolean): TrackId[][] {
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`Bad worker count ${workers}`);
  const seconds = (song.sections.reduce((n, s) => n + s.bars, 0) * 4 * 60) / song.bpm;
  const tracks = song.tracks.filter((t) => !t.muted);
  const costed = tracks
    .map((t, order) => ({ id: t.id, order, cost: trackCost(t, song.style, song.seed, seconds, withSamples) }))
    .sort((a, b) => b.cost - a.cost || a.order - b.order);
  const groups = Array.from({ length: Math.min(workers, tracks.length) }, () => ({
    load: 0,
    items: [] as { id: TrackId; order: number }[],
  }));
  for (const item of costed) {
    let best = groups[0];
    for (const g of groups) if (best && g.load < best.load) best = g;
    if (!best) break;
    best.load += item.cost;
    best.items.push(item);
  }
  return groups.map((g) => g.items.sort((a, b) => a.order - b.order).map((i) => i.id));
}
