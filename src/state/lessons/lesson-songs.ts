/**
 * The music of lesson blocks: a generated song named `style-seed` in the lesson, rendered once through the
 * drills' stem memory (so a listen block, a mixer block and the Mix page share one render), or pink noise.
 */
import type { Decibels, SampleRate, Seconds } from '../../dsp/units';
import { barsToSeconds } from '../../exercises/shared/sources';
import type { SongSource } from '../../exercises/types';
import type { LessonSource, MixerStart } from '../../lessons/schema';
import type { Stems, StemTrack, StyleId, TrackId } from '../../production/types';
import { loadSongStems } from '../shared/song-stems';
import type { MixSource } from '../shared/test-sources';

/** Rate lesson material is made at: the Mix page's SOURCE_RATE, so both share one render of a song. */
export const LESSON_RATE: SampleRate = 44100;
/** Bars of a lesson song: the verse and the chorus, as on the Mix page and in drills. */
export const LESSON_SONG_BARS = 8;
/** A listening example plays the chorus (bars 5–8) unless the lesson gives `start` and `length`. */
const CHORUS_FIRST_BAR = 4;
const CHORUS_BARS = 4;

/** A song ready for a lesson block: its stems, tempo and title. */
export interface LessonSong {
  style: StyleId;
  seed: number;
  title: string;
  bpm: number;
  stems: Stems;
}

/** Where a block gets a song's stems (the app's stem memory; tests pass a synthetic one). */
export type LessonSongLoader = (source: { style: StyleId; seed: number }) => Promise<LessonSong>;

/** Generates the song (for its tempo and title) and loads its stems at the Mix page's rate. */
export const loadLessonSong: LessonSongLoader = async ({ style, seed }) => {
  const overrides = { bars: LESSON_SONG_BARS };
  const [{ generateSong }, stems] = await Promise.all([
    import('../../production/generate-song'),
    loadSongStems({ style, seed, overrides }, LESSON_RATE),
  ]);
  const song = generateSong(seed, style, overrides);
  return { style, seed, title: song.title, bpm: song.bpm, stems };
};

/** The song a lesson source names, or null for pink noise. */
export function songOf(source: LessonSource): { style: StyleId; seed: number } | null {
  return source.type === 'song' ? { style: source.style, seed: source.seed } : null;
}

/** The excerpt a listening example loops: the author's start and length, else the chorus. */
export function excerptBounds(
  song: LessonSong,
  startS?: Seconds,
  durationS?: Seconds,
): Pick<SongSource, 'startS' | 'durationS'> {
  const total = song.stems.length / song.stems.sampleRate;
  const start = Math.max(0, Math.min(startS ?? barsToSeconds(CHORUS_FIRST_BAR, song.bpm), total - 0.5));
  const length = Math.max(0.5, Math.min(durationS ?? barsToSeconds(CHORUS_BARS, song.bpm), total - start));
  return { startS: start, durationS: length };
}

/** The song source (for cutExcerpt) of a lesson song and its excerpt. */
export function lessonSongSource(song: LessonSong, startS?: Seconds, durationS?: Seconds): SongSource {
  return {
    type: 'song',
    style: song.style,
    seed: song.seed,
    overrides: { bars: LESSON_SONG_BARS, bpm: song.bpm },
    ...excerptBounds(song, startS, durationS),
  };
}

/** Fader a `::mixer` block starts a track at. */
export function startFaderDb(track: Pick<StemTrack, 'defaultFaderDb'>, start: MixerStart): Decibels {
  if (start === 'down') return Number.NEGATIVE_INFINITY;
  return start === 'unity' ? 0 : track.defaultFaderDb;
}

/** What a `::mixer` block mixes: only its tracks (in the block's order), each starting where it says. */
export function lessonMixSource(song: LessonSong, tracks: readonly TrackId[], start: MixerStart): MixSource {
  const chosen = tracks
    .map((id) => song.stems.tracks.find((t) => t.id === id))
    .filter((t): t is StemTrack => t !== undefined);
  return {
    id: `${song.style}-${song.seed}`,
    title: song.title,
    bpm: song.bpm,
    sampleRate: song.stems.sampleRate,
    tracks: chosen.map((t) => ({
      id: t.id,
      name: t.name,
      channels: t.channels,
      defaultFaderDb: startFaderDb(t, start),
    })),
  };
}
