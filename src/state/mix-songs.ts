import { signal } from '@preact/signals';
import type { MixerModel } from './mixer-model';
import { generateTestSource } from './test-sources';

/** Something the learner can pick to mix. */
export interface SongChoice {
  id: string;
  title: string;
}

/** The test material's id. */
export const TEST_SIGNALS_ID = 'test-signals';

/** Sample rate of generated material. */
const SOURCE_RATE = 44100;

/** What the song picker offers (generated songs join once the production layer renders stems). */
export const songChoices = signal<SongChoice[]>([
  { id: TEST_SIGNALS_ID, title: 'Test signals (pink noise and tones)' },
]);

/** The choice being loaded or mixed. */
export const currentChoice = signal<string>(TEST_SIGNALS_ID);

/** Progress of rendering the current song's stems (0..1), or null when nothing is rendering. */
export const renderProgress = signal<number | null>(null);

/** Loads a choice into the mixer. */
export async function loadSongChoice(model: MixerModel, id: string): Promise<void> {
  currentChoice.value = id;
  model.stop();
  await model.load(generateTestSource(SOURCE_RATE));
}
