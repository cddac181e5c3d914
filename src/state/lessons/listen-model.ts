/**
 * The model of a `::listen` block: loads its material (a song's stems or pink noise), builds A and B with the
 * block's settings, and plays them through the exercises' A/B player (both sides run in step, the switch is
 * the engine's equal-power crossfade, the louder side is trimmed when level matching is on). The UI reads
 * signals and calls actions; it never holds an AudioNode.
 */
import { signal } from '@preact/signals';
import type { IAnalyserNode, IGainNode } from 'standardized-audio-context';
import { measurePeakDb, measureRmsDb } from '../../dsp/meters';
import type { Decibels, SampleRate } from '../../dsp/units';
import type { AnyContext } from '../../engine/index';
import { cutExcerpt, pinkLoop } from '../../exercises/shared/play-sources';
import type { Playback, PlaybackState, PreparedQuestion } from '../../exercises/shared/play-types';
import type { ListenBlock } from '../../lessons/schema';
import { currentAudioContext, describe, holdAudio, reportEngineFailure, startAudio } from '../shared/audio';
import { holdBusy } from '../shared/busy';
import { pairMeasurer } from '../shared/level-match';
import { settings } from '../shared/storage';
import { claimLessonAudio, releaseLessonAudio } from './lesson-audio';
import { LESSON_RATE, type LessonSongLoader, lessonSongSource, loadLessonSong } from './lesson-songs';
import { type ListenMaterial, prepareListen } from './listen-sides';

/** Where a listen model is: nothing loaded yet, making the material, ready to play, or broken. */
export type ListenStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** Peak and RMS of what the block sends out, dBFS (−Infinity when silent). */
export interface OutputLevel {
  peakDb: Decibels;
  rmsDb: Decibels;
}

/** Where a listen model gets its music (tests pass their own). */
export interface ListenModelOptions {
  loadSong?: LessonSongLoader;
  /** Rate of the pink-noise loop (default the lessons' rate). */
  sampleRate?: SampleRate;
}

/** Seed of the pink noise every listening example plays. */
const PINK_SEED = 5;
const SILENT: OutputLevel = { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY };

const loadPlays = () => import('../../exercises/play-registry');

/** Makes the material a block plays. */
export async function loadListenMaterial(
  block: ListenBlock,
  options: ListenModelOptions = {},
): Promise<ListenMaterial> {
  const source = block.source;
  if (source.type === 'pink') {
    const sampleRate = options.sampleRate ?? LESSON_RATE;
    return { type: 'pink', sampleRate, samples: pinkLoop(PINK_SEED, sampleRate) };
  }
  const song = await (options.loadSong ?? loadLessonSong)({ style: source.style, seed: source.seed });
  return {
    type: 'song',
    excerpt: cutExcerpt(song.stems, lessonSongSource(song, block.startS, block.durationS)),
  };
}

/** Creates the model of one listen block (call `load()` early so Play starts at once). */
export function createListenModel(block: ListenBlock, options: ListenModelOptions = {}) {
  const status = signal<ListenStatus>('idle');
  const error = signal<string | null>(null);
  const state = signal<PlaybackState | null>(null);
  const owner = {};
  let prepared: PreparedQuestion<never> | null = null;
  let loading: Promise<PreparedQuestion<never> | null> | null = null;
  let playback: Playback<never> | null = null;
  let building: Promise<Playback<never> | null> | null = null;
  let tap: IGainNode<AnyContext> | null = null;
  let analyser: IAnalyserNode<AnyContext> | null = null;
  let scratch: Float32Array<ArrayBuffer> | null = null;
  let releaseBusy: (() => void) | null = null;
  let unlisten: (() => void) | null = null;
  const chosen = signal<'a' | 'b'>('a');
  const levelMatch = signal(block.matched && settings.value.levelMatch);
  let disposed = false;
  // The live context stays while a lesson's example is on screen (closed a moment after the last one goes).
  const releaseAudio = holdAudio();

  const syncBusy = (playing: boolean) => {
    if (playing && !releaseBusy) releaseBusy = holdBusy('playback');
    if (!playing && releaseBusy) {
      releaseBusy();
      releaseBusy = null;
    }
    if (playing) claimLessonAudio(owner, () => playback?.stop());
    else releaseLessonAudio(owner);
  };

  function load(): Promise<PreparedQuestion<never> | null> {
    loading ??= (async () => {
      status.value = 'loading';
      try {
        const material = await loadListenMaterial(block, options);
        if (disposed) return null;
        prepared = prepareListen(block, material);
        status.value = 'ready';
        return prepared;
      } catch (e) {
        status.value = 'failed';
        error.value = `This example could not be prepared (${describe(e)}).`;
        loading = null;
        return null;
      }
    })();
    return loading;
  }

  /** Builds the live A/B player on `ctx` (once), with a tap that meters what goes out. */
  function attach(ctx: AnyContext): Promise<Playback<never> | null> {
    building ??= (async () => {
      const ready = prepared ?? (await load());
      if (!ready || disposed) return null;
      const { createPlayback } = await loadPlays();
      tap = ctx.createGain();
      tap.connect(ctx.destination);
      analyser = ctx.createAnalyser();
      analyser.fftSize = 2048;
      tap.connect(analyser);
      // The level match measured in a Worker on the engine's plain mix (offline renders would stay in memory).
      const made = await createPlayback(ctx, ready, {
        levelMatch: levelMatch.value,
        output: tap,
        measurePair: pairMeasurer(ready),
      });
      if (disposed) {
        made.dispose();
        return null;
      }
      playback = made;
      if (chosen.value !== 'a') made.select(chosen.value);
      unlisten = made.onChange((s) => {
        state.value = s;
        syncBusy(s.playing);
      });
      state.value = made.state;
      return made;
    })().catch((e) => {
      status.value = 'failed';
      error.value = `The audio engine could not start (${describe(e)}).`;
      reportEngineFailure(e);
      building = null;
      return null;
    });
    return building;
  }

  const model = {
    block,
    status,
    error,
    /** The live player's state (null until the first Play builds it). */
    state,
    /** Whether loudness matching is asked for (the learner's switch; an unmatched block stays off). */
    levelMatch,
    /** The side heard (or to be heard when playing starts). */
    selected: chosen,
    load,
    attach,
    /** Starts the loop; call from a click or key press (it may create the audio context). */
    async play(): Promise<void> {
      const ctx = await startAudio();
      if (ctx?.state !== 'running') return;
      const live = await attach(ctx);
      if (!live) return;
      await live.play();
    },
    stop(): void {
      playback?.stop();
    },
    toggle(): Promise<void> {
      if (state.value?.playing) {
        playback?.stop();
        return Promise.resolve();
      }
      return model.play();
    },
    /** Switches to A or B with a short equal-power crossfade (position never jumps). */
    select(side: 'a' | 'b'): void {
      chosen.value = side;
      playback?.select(side);
    },
    /** Flips between A and B. */
    swap(): void {
      model.select(chosen.value === 'a' ? 'b' : 'a');
    },
    setLooping(on: boolean): void {
      playback?.setLooping(on);
    },
    /** Turns loudness matching on or off for this example (an unmatched example stays unmatched). */
    setLevelMatch(on: boolean): void {
      levelMatch.value = on && block.matched;
      playback?.setLevelMatch(on);
    },
    /** Peak and RMS of the last ~46 ms the block sent out (silent before the first Play). */
    readOutput(): OutputLevel {
      if (!analyser || !state.value?.playing) return SILENT;
      scratch ??= new Float32Array(analyser.fftSize);
      analyser.getFloatTimeDomainData(scratch);
      return { peakDb: measurePeakDb(scratch), rmsDb: measureRmsDb(scratch) };
    },
    /** The live context, if audio has started anywhere in the app. */
    currentContext: currentAudioContext,
    dispose(): void {
      disposed = true;
      unlisten?.();
      unlisten = null;
      playback?.dispose();
      playback = null;
      tap?.disconnect();
      tap = null;
      analyser = null;
      syncBusy(false);
      releaseAudio();
    },
  };
  return model;
}

/** A listen block's model. */
export type ListenModel = ReturnType<typeof createListenModel>;
