/**
 * The model of a `::mixer` block: its own mixer model (the Mix page's stays as it is), loaded with only the
 * block's tracks, each fader starting where the block says (rough mix, all down, or all at 0 dB).
 */
import { effect, signal } from '@preact/signals';
import type { MixerBlock } from '../../lessons/schema';
import { createMixerModel } from '../mixer/mixer-model';
import { describe } from '../shared/audio';
import { claimLessonAudio, releaseLessonAudio } from './lesson-audio';
import { type LessonSongLoader, lessonMixSource, loadLessonSong } from './lesson-songs';

/** Where a lesson mixer gets its song (tests pass their own). */
export interface LessonMixerOptions {
  loadSong?: LessonSongLoader;
}

/** Creates a lesson block's mixer (call `load()` when it appears, `dispose()` when it goes). */
export function createLessonMixer(block: MixerBlock, options: LessonMixerOptions = {}) {
  const model = createMixerModel();
  const error = signal<string | null>(null);
  const owner = {};
  let disposed = false;
  const stopWatching = effect(() => {
    if (model.transport.value.playing) claimLessonAudio(owner, () => model.stop());
    else releaseLessonAudio(owner);
  });

  return {
    block,
    /** The mixer model the strips read and drive. */
    model,
    /** Why the song could not be loaded, if it could not. */
    error,
    /** Renders (or reuses) the song's stems and loads the block's tracks. */
    async load(): Promise<void> {
      if (block.source.type !== 'song') {
        model.status.value = 'failed';
        error.value = 'A mixer needs a song, not pink noise.';
        return;
      }
      model.status.value = 'loading';
      try {
        const song = await (options.loadSong ?? loadLessonSong)(block.source);
        if (disposed) return;
        await model.load(lessonMixSource(song, block.tracks, block.start));
      } catch (e) {
        if (disposed) return;
        model.status.value = 'failed';
        error.value = `The song could not be made (${describe(e)}).`;
      }
    },
    dispose(): void {
      disposed = true;
      stopWatching();
      releaseLessonAudio(owner);
      model.stopMeters();
      model.detach();
    },
  };
}

/** A lesson block's mixer. */
export type LessonMixer = ReturnType<typeof createLessonMixer>;
