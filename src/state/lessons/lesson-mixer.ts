/**
 * The model of a `::mixer` block: its own mixer model (the Mix page's stays as it is), loaded with only the
 * block's tracks, each fader starting where the block says (rough mix, all down, or all at 0 dB) or where
 * the learner left it: every change is kept in the lesson's progress and comes back on the next visit.
 */
import { effect, signal, untracked } from '@preact/signals';
import type { LessonSummary, MixerBlock } from '../../lessons/schema';
import { fittingMix, type MixWorkData } from '../mixer/mix-work';
import { createMixerModel } from '../mixer/mixer-model';
import { describe, holdAudio } from '../shared/audio';
import { savedLessonMixer, saveLessonMixer } from '../shared/lessons';
import { claimLessonAudio, releaseLessonAudio } from './lesson-audio';
import { type LessonSongLoader, lessonMixSource, loadLessonSong } from './lesson-songs';

/** Where a lesson mixer gets its song (tests pass their own). */
export interface LessonMixerOptions {
  loadSong?: LessonSongLoader;
  /** The lesson the block is in: its mixer settings are kept in that lesson's progress (absent: not kept). */
  lesson?: LessonSummary;
}

/** How long the mixer waits after a change before keeping it (a fader drag is one save). */
const KEEP_AFTER_MS = 400;

/** Creates a lesson block's mixer (call `load()` when it appears, `dispose()` when it goes). */
export function createLessonMixer(block: MixerBlock, options: LessonMixerOptions = {}) {
  const model = createMixerModel();
  const error = signal<string | null>(null);
  const owner = {};
  let disposed = false;
  let stopKeeping: (() => void) | null = null;
  // The live context stays while the block is on screen (closed a moment after the last page that plays goes).
  const releaseAudio = holdAudio();
  const stopWatching = effect(() => {
    if (model.transport.value.playing) claimLessonAudio(owner, () => model.stop());
    else releaseLessonAudio(owner);
  });

  /** Watches the loaded strips and master; keeps them in the lesson's progress after each pause. */
  function keepChanges(lesson: LessonSummary): () => void {
    const strips = model.strips.peek();
    const snapshot = (): MixWorkData => ({
      trackIds: strips.map((s) => s.trackId),
      strips: strips.map((s) => s.settings.value),
      masterFaderDb: model.masterFaderDb.value,
    });
    let last = JSON.stringify(untracked(snapshot));
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending: MixWorkData | null = null;
    const write = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (pending) void saveLessonMixer(lesson, block.id, pending);
      pending = null;
    };
    const stop = effect(() => {
      if (model.strips.value !== strips) return;
      const data = snapshot();
      const json = JSON.stringify(data);
      if (json === last) return;
      last = json;
      pending = data;
      if (timer) clearTimeout(timer);
      timer = setTimeout(write, KEEP_AFTER_MS);
    });
    // Leaving the page (or the app being closed) keeps the last change at once.
    const leaving = () => write();
    if (typeof addEventListener === 'function') addEventListener('pagehide', leaving);
    return () => {
      stop();
      write();
      if (typeof removeEventListener === 'function') removeEventListener('pagehide', leaving);
    };
  }

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
        const source = lessonMixSource(song, block.tracks, block.start);
        const saved = options.lesson ? savedLessonMixer(options.lesson, block.id) : null;
        await model.load(
          source,
          fittingMix(
            saved,
            source.tracks.map((t) => t.id),
          ),
        );
        if (!disposed && options.lesson) stopKeeping = keepChanges(options.lesson);
      } catch (e) {
        if (disposed) return;
        model.status.value = 'failed';
        error.value = `The song could not be made (${describe(e)}).`;
      }
    },
    dispose(): void {
      disposed = true;
      stopKeeping?.();
      stopWatching();
      releaseLessonAudio(owner);
      model.stopMeters();
      model.detach();
      releaseAudio();
    },
  };
}

/** A lesson block's mixer. */
export type LessonMixer = ReturnType<typeof createLessonMixer>;
