import { effect, signal } from '@preact/signals';
import type { SampleRate } from '../../dsp/units';
import { type ExerciseId, exercises } from '../../exercises/registry';
import { hidesAfterOnePass } from '../../exercises/shared/memory-mode';
import type { PairLoudness } from '../../exercises/shared/play-ab';
import type { AbPair, Playback, PlaybackState, PreparedQuestion } from '../../exercises/shared/play-types';
import {
  currentAudioContext,
  describe,
  holdAudio,
  keepAudioRunning,
  reportEngineFailure,
  startAudio,
} from '../shared/audio';
import { holdBusy } from '../shared/busy';
import { pairMeasurer } from '../shared/level-match';
import { settings } from '../shared/storage';
import { createMemoryGate } from './memory-gate';
import { measureIfOn, prepareQuestionAudio, takeAhead } from './question-ahead';

/**
 * The drill's player: prepares each question's audio (stems, loop, A/B pair), builds it on the live
 * AudioContext once one exists, and mirrors the Playback's state into signals for the UI. The engine
 * and the play half of the exercises load on demand (`import()`), so they stay out of the first screen.
 */

/** Where the player is for the current question. */
export type DrillPlayerStatus = 'idle' | 'loading' | 'ready' | 'failed';

const loadPlays = () => import('../../exercises/play-registry');

/**
 * "Hear every choice": the same prepared question whose review plays the reference (the question's A) against
 * one choice (what review(answer) makes of it as B), never the right answer.
 */
function practiceOf<A>(ready: PreparedQuestion<A>): PreparedQuestion<A> {
  return {
    ...ready,
    review: (answer) =>
      ready.practice?.(answer) ?? {
        a: ready.question.a,
        b: ready.review(answer).b,
        labels: { a: 'A: reference', b: 'B: this choice' },
      },
  };
}

let playbacksAlive = 0;

/**
 * How many drill playbacks (each a question's two engine graphs and their AudioBuffers) are built and not yet
 * disposed, across every drill player: one at most per open drill, the current question's (issue 21: an
 * answered question's graph and buffers go on Next).
 */
export function drillPlaybacksAlive(): number {
  return playbacksAlive;
}

/** `made`, counted in drillPlaybacksAlive until it is disposed (once). */
function counted(made: Playback<unknown>): Playback<unknown> {
  playbacksAlive++;
  const dispose = made.dispose.bind(made);
  let disposed = false;
  made.dispose = () => {
    if (!disposed) playbacksAlive--;
    disposed = true;
    dispose();
  };
  return made;
}

/** Timings measured while playing, for the UI and the report. */
export interface DrillPlayerTimings {
  /** Preparing the question's audio (stems from memory or rendered, loop cut), ms. */
  prepareMs: number | null;
  /** From pressing Play to the sound being scheduled, ms. */
  startMs: number | null;
}

/** Creates a player; the drill owns one and loads each question into it. */
export function createDrillPlayer() {
  const status = signal<DrillPlayerStatus>('idle');
  const error = signal<string | null>(null);
  const state = signal<PlaybackState | null>(null);
  const timings = signal<DrillPlayerTimings>({ prepareMs: null, startMs: null });
  // Whether this question has sounded: nothing is scored before the learner has listened.
  const heard = signal(false);
  // After answering: the two mixes as answered (for readings beside the review) and their sample rate.
  const reviewPair = signal<{ pair: AbPair; sampleRate: SampleRate } | null>(null);
  let prepared: PreparedQuestion<unknown> | null = null;
  let loudness: Promise<PairLoudness> | undefined;
  let playback: Playback<unknown> | null = null;
  let building: Promise<Playback<unknown> | null> | null = null;
  let generation = 0;
  let releaseBusy: (() => void) | null = null;
  let unlisten: (() => void) | null = null;
  let pendingAnswer: unknown;
  let reviewAnswer: unknown;
  // Memory mode (matching kinds): once the reference is hidden, A is refused and B plays.
  const memory = createMemoryGate(() => playback?.select('b'));
  // The live context stays while a drill is open; closed a moment after the last page that plays goes.
  const releaseAudio = holdAudio();

  const syncBusy = (playing: boolean) => {
    if (playing && !releaseBusy) releaseBusy = holdBusy('playback');
    if (!playing && releaseBusy) {
      releaseBusy();
      releaseBusy = null;
    }
  };

  const stopLevelMatchSync = effect(() => {
    const on = settings.value.levelMatch;
    playback?.setLevelMatch(on);
  });

  function teardown(): void {
    unlisten?.();
    unlisten = null;
    playback?.dispose();
    playback = null;
    building = null;
    prepared = null;
    loudness = undefined;
    pendingAnswer = undefined;
    reviewAnswer = undefined;
    reviewPair.value = null;
    state.value = null;
    syncBusy(false);
  }

  /** Builds the live playback for the prepared question (once per question). */
  function build(): Promise<Playback<unknown> | null> {
    const ctx = currentAudioContext();
    const current = prepared;
    if (!ctx || !current) return Promise.resolve(null);
    const mine = generation;
    building ??= (async () => {
      const { createPlayback } = await loadPlays();
      const made = counted(
        await createPlayback(ctx, current, {
          levelMatch: settings.value.levelMatch,
          loudness,
          measurePair: pairMeasurer(current),
        }),
      );
      if (mine !== generation) {
        made.dispose();
        return null;
      }
      playback = made;
      unlisten = made.onChange((s) => {
        state.value = s;
        syncBusy(s.playing);
        if (s.playing) heard.value = true;
        memory.observe(s.playing, s.selected, s.durationS, s.mode);
      });
      state.value = made.state;
      if (memory.view.peek().hidden && made.state.selected === 'a') made.select('b');
      if (reviewAnswer !== undefined) await made.showReview(reviewAnswer);
      else if (pendingAnswer !== undefined) made.update(pendingAnswer);
      return made;
    })().catch((e) => {
      if (mine === generation) {
        status.value = 'failed';
        error.value = `The audio engine could not start (${describe(e)}).`;
        reportEngineFailure(e);
      }
      return null;
    });
    return building;
  }

  return {
    status,
    error,
    /** The live playback's state (null until the first Play of a question builds it). */
    state,
    timings,
    /** Whether the current question has played at least once (Submit waits for it). */
    heard,
    /** After answering: the review's A and B as plain data (null before, or while nothing is prepared). */
    reviewPair,
    /** Memory mode for the current question (matching kinds): on, hidden, the hint; see memory-gate.ts. */
    memory,
    /** Loads a question: renders or reuses its stems and prepares A and B. */
    async load(kind: ExerciseId, question: unknown, practice = false): Promise<void> {
      teardown();
      heard.value = false;
      const level = (question as { level?: number } | null)?.level ?? 1;
      memory.reset(kind, { practice, onePass: hidesAfterOnePass(level, exercises[kind].meta.levels.length) });
      const mine = ++generation;
      status.value = 'loading';
      error.value = null;
      const started = performance.now();
      try {
        // Prepared ahead while the last question was answered (question-ahead.ts), or now.
        const audio = await (takeAhead(question) ?? prepareQuestionAudio(kind, question, false));
        if (mine !== generation) return;
        // A drill is open: keep the device running (when the browser allows it) so Play needn't resume it.
        keepAudioRunning();
        const { ready, playable } = audio;
        prepared = practice ? practiceOf(playable) : playable;
        timings.value = { prepareMs: performance.now() - started, startMs: null };
        // The level match, measured with the audio (or now, if it was turned on since), in a Worker.
        loudness = audio.loudness ?? measureIfOn(ready, playable);
        // Play is offered once the graph is built and the level match measured: pressing it only starts sound.
        if (currentAudioContext()) await build();
        if (loudness) await loudness.catch(() => undefined);
        if (mine !== generation || status.peek() === 'failed') return;
        status.value = 'ready';
      } catch (e) {
        if (mine !== generation) return;
        status.value = 'failed';
        error.value = `This question's audio could not be prepared (${describe(e)}).`;
      }
    },
    /** Starts the loop; call from a click or key press (it may create the audio context). */
    async play(): Promise<void> {
      const pressed = performance.now();
      const ctx = await startAudio();
      if (ctx?.state !== 'running') return;
      const live = playback ?? (await build());
      if (!live) return;
      await live.play();
      timings.value = { ...timings.value, startMs: performance.now() - pressed };
    },
    stop(): void {
      playback?.stop();
    },
    async toggle(): Promise<void> {
      if (state.value?.playing) playback?.stop();
      else await this.play();
    },
    setLooping(on: boolean): void {
      playback?.setLooping(on);
    },
    /** Picks a side; in memory mode a hidden reference is refused (the gate shows why). */
    select(side: 'a' | 'b'): void {
      if (!memory.allows(side, state.value?.mode ?? 'question')) return;
      playback?.select(side);
    },
    /** Flips between A and B. */
    swap(): void {
      const s = state.value;
      if (s) this.select(s.selected === 'a' ? 'b' : 'a');
    },
    /** Match kinds: B follows the learner's controls (in memory mode, turning one hides the reference). */
    update(answer: unknown): void {
      memory.touched();
      pendingAnswer = answer;
      playback?.update(answer);
    },
    /** After answering: the right answer against the learner's. */
    async review(answer: unknown): Promise<void> {
      reviewAnswer = answer;
      if (prepared) reviewPair.value = { pair: prepared.review(answer), sampleRate: prepared.sampleRate };
      // Without a playback yet, build() applies the review when it makes one.
      if (playback) await playback.showReview(answer);
    },
    /** Review: hears one track alone on both sides (by name; null: the whole mixes). */
    solo(name: string | null): void {
      playback?.solo(name);
    },
    /** Stops and forgets the current question. */
    clear(): void {
      generation++;
      memory.clear();
      teardown();
      status.value = 'idle';
    },
    dispose(): void {
      generation++;
      memory.clear();
      teardown();
      stopLevelMatchSync();
      releaseAudio();
    },
  };
}

/** A drill player (one per drill). */
export type DrillPlayer = ReturnType<typeof createDrillPlayer>;
