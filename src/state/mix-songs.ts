import { signal } from '@preact/signals';
import { STYLES } from '../production/styles';
import type { StyleId } from '../production/types';
import { describe } from './audio';
import { loadSongStems } from './drill-stems';
import type { MixerModel } from './mixer-model';
import { showNotice } from './notices';
import { generateTestSource, type MixSource } from './test-sources';

/** Something the learner can pick to mix. */
export interface SongChoice {
  id: string;
  title: string;
}

/** The test material's id. */
export const TEST_SIGNALS_ID = 'test-signals';

/** Seed of the songs the picker offers (one per style). */
const SONG_SEED = 1;
/** Bars rendered: long enough to hear the parts play off each other, short enough to render in a second. */
const SONG_BARS = 8;
/** Sample rate of generated material. */
const SOURCE_RATE = 44100;

/** What the song picker offers: one generated song per style, then the neutral test signals. */
export const songChoices = signal<SongChoice[]>([
  ...STYLES.map((s) => ({ id: s.id, title: `${s.label} song` })),
  { id: TEST_SIGNALS_ID, title: 'Test signals (pink noise and tones)' },
]);

/** The choice being loaded or mixed (a generated pop song by default). */
export const currentChoice = signal<string>(songChoices.value[0]!.id);

/** True while a song's parts are being synthesised. */
export const rendering = signal(false);

let generation = 0;

/** Generates a style's song and renders its stems (in a Worker, shared with drills' stem memory). */
async function songSource(style: StyleId): Promise<MixSource> {
  const overrides = { bars: SONG_BARS };
  const [{ generateSong }, stems] = await Promise.all([
    import('../production/generate-song'),
    loadSongStems({ style, seed: SONG_SEED, overrides }, SOURCE_RATE),
  ]);
  const song = generateSong(SONG_SEED, style, overrides);
  return {
    id: song.id,
    title: song.title,
    bpm: song.bpm,
    sampleRate: stems.sampleRate,
    tracks: stems.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      channels: t.channels,
      defaultFaderDb: t.defaultFaderDb,
    })),
  };
}

/** Loads a choice into the mixer: a generated song's stems, or the test signals. */
export async function loadSongChoice(model: MixerModel, id: string): Promise<void> {
  const mine = ++generation;
  currentChoice.value = id;
  model.stop();
  const style = STYLES.find((s) => s.id === id)?.id;
  if (!style) {
    rendering.value = false;
    await model.load(generateTestSource(SOURCE_RATE));
    return;
  }
  model.status.value = 'loading';
  rendering.value = true;
  try {
    const source = await songSource(style);
    if (mine !== generation) return;
    await model.load(source);
    const label = STYLES.find((s) => s.id === style)!.label;
    songChoices.value = songChoices.value.map((c) =>
      c.id === id ? { id, title: `${label}: “${source.title}”` } : c,
    );
  } catch (error) {
    if (mine !== generation) return;
    // The mixer still works on test signals if a song cannot be made.
    currentChoice.value = TEST_SIGNALS_ID;
    showNotice({
      id: 'song-render',
      tone: 'error',
      text: `The song could not be made (${describe(error)}); the mixer is playing test signals instead.`,
    });
    await model.load(generateTestSource(SOURCE_RATE));
  } finally {
    if (mine === generation) rendering.value = false;
  }
}
