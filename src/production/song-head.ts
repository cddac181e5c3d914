/**
 * The first bars of a song as a song of their own, so a player can start on them while the whole song
 * renders: the same parts and sounds, with only the notes that start before the cut.
 */
import { BEATS_PER_BAR } from './events';
import type { Song } from './types';

/** Bars of a song in its form. */
export function songBars(song: Song): number {
  return song.sections.reduce((n, s) => n + s.bars, 0);
}

/**
 * `song` cut after `bars` bars: the form shortened to them and every part keeping the notes that start
 * before the cut (they ring on as in the whole song). The same song when it is no longer than that.
 */
export function songHead(song: Song, bars: number): Song {
  const total = songBars(song);
  const keep = Math.max(1, Math.floor(bars));
  if (keep >= total) return song;
  const endBeat = keep * BEATS_PER_BAR;
  const sections = song.sections
    .filter((s) => s.startBar < keep)
    .map((s) =>
      s.startBar + s.bars <= keep
        ? s
        : { ...s, bars: keep - s.startBar, chords: s.chords.slice(0, keep - s.startBar) },
    );
  const tracks = song.tracks.map((t) => ({ ...t, events: t.events.filter((e) => e.time < endBeat) }));
  return { ...song, sections, tracks };
}

/**
 * How a long render is staged for a quick start: the bar counts of the heads to render before the whole
 * song (two bars first; eight more when the song is long enough that two would run out well before it is
 * done). Empty for a song of two bars or fewer.
 */
export function headStages(totalBars: number): number[] {
  const stages: number[] = [];
  if (totalBars > 2) stages.push(2);
  if (totalBars > 16) stages.push(8);
  return stages;
}
