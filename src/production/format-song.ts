/** A song as readable text, one event a line: for snapshot tests, debugging and teachers' curiosity. */
import { DRUM_HIT_NAMES, isDrumTrack } from './drum-hits';
import { noteName } from './theory';
import type { NoteEvent, Song, Track, TrackId } from './types';

/** What to include in the listing. */
export interface FormatSongOptions {
  /** Only these tracks (default: all). */
  tracks?: readonly TrackId[];
  /** At most this many events per track (default: all). */
  maxEvents?: number;
}

function formatEvent(track: Track, e: NoteEvent, song: Song): string {
  const what = isDrumTrack(track.id)
    ? (DRUM_HIT_NAMES[e.pitch] ?? `drum ${e.pitch}`)
    : track.id === 'noise'
      ? 'noise'
      : noteName(e.pitch, song.key);
  const vowel = e.vowel ? ` "${e.consonant ?? ''}${e.vowel}"` : '';
  return `  ${e.time.toFixed(3).padStart(8)} +${e.duration.toFixed(3)} ${what.padEnd(10)} v${e.velocity.toFixed(2)}${vowel}`;
}

/** Formats a song: a header, the form with its chords, then each track's events. */
export function formatSong(song: Song, options: FormatSongOptions = {}): string {
  const a = song.arrangement;
  const lines = [
    `${song.id} "${song.title}" | ${song.style} | ${song.bpm} BPM | ${song.key.name} | 4/4 | swing ${a.swing.toFixed(2)} | ${a.bars} bars`,
    `progression ${a.progression.join('-')} | chorus ${a.chorusProgression.join('-')}`,
  ];
  for (const s of song.sections) {
    const bars = `bars ${s.startBar}-${s.startBar + s.bars - 1}`;
    lines.push(`${s.name.padEnd(7)} ${bars.padEnd(11)} | ${s.chords.map((c) => c.name).join(' ')}`);
  }
  for (const track of song.tracks) {
    if (options.tracks && !options.tracks.includes(track.id)) continue;
    const muted = track.muted ? ' (muted)' : '';
    lines.push(`[${track.id}] ${track.name} | ${track.instrument} | ${track.events.length} events${muted}`);
    const shown = track.events.slice(0, options.maxEvents ?? track.events.length);
    for (const e of shown) lines.push(formatEvent(track, e, song));
  }
  return lines.join('\n');
}
