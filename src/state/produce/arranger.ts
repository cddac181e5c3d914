import { batch, computed, signal } from '@preact/signals';
import { createRng } from '../../dsp/random';
import type { Seconds } from '../../dsp/units';
import { generateSong } from '../../production/generate-song';
import { STYLES } from '../../production/styles';
import type { Song, SongOverrides, Stems, StyleId, TrackId } from '../../production/types';
import { arrangedMixPath, loadArrangedSong, SOURCE_RATE } from '../mixer/mix-songs';
import { mixer } from '../mixer/mixer-model';
import { currentAudioContext, describe, startAudio } from '../shared/audio';
import { navigate } from '../shared/router';
import { createAutosaver, newArrangementId, newestWork, type SavedWork } from '../shared/saved-work';
import { loadSongStems } from '../shared/song-stems';
import { activeProfileId } from '../shared/storage';
import { createUndoStack } from '../shared/undo-stack';
import * as edits from './arrangement';
import {
  type ArrangementSpec,
  arrangementOverrides,
  checkArrangement,
  createArrangement,
} from './arrangement';
import { createArrangerPlayer } from './arranger-player';

/**
 * The arranger's model: the arrangement (a spec of production decisions), the song it makes, and its
 * stems. Every edit re-generates the song at once (cheap) and re-renders the stems after a pause
 * (~300 ms, so a run of clicks renders once) in the stem Worker; a newer edit makes an older render's
 * result stale (it is never played). Play previews the rough mix; "Mix this song" opens it in the mixer.
 */

/** The song an arrangement makes. */
export function arrangeSong(spec: ArrangementSpec): Song {
  return generateSong(spec.seed, spec.style, arrangementOverrides(spec));
}

/** Length of the song's bars in seconds: the preview loops them (without the last note's tail). */
export function loopSeconds(song: Song): Seconds {
  return (song.arrangement.bars * 4 * 60) / song.bpm;
}

/** Where the stems are: not asked for, waiting out the pause after an edit, rendering, ready, or failed. */
export type RenderStatus = 'idle' | 'waiting' | 'rendering' | 'ready' | 'failed';

/** What the UI shows about rendering. */
export interface RenderView {
  status: RenderStatus;
  /** True once a render has taken longer than SLOW_RENDER_MS (show a progress bar). */
  slow: boolean;
  /** Fraction done, or null when the renderer does not report progress. */
  progress: number | null;
  /** Wall time of the last finished render, ms (a few ms when it came from memory). */
  renderMs: number | null;
  /** From pressing Play to the sound being scheduled, ms (including any wait for stems). */
  startMs: number | null;
  error: string | null;
}

/** Gets a song's stems (the Worker-backed stem cache in the app; a plain render in tests). */
export type StemLoader = (
  source: { style: StyleId; seed: number; overrides: SongOverrides },
  sampleRate: number,
  onProgress?: (fraction: number) => void,
) => Promise<Stems>;

/** Pause after the last edit before re-rendering. */
export const RENDER_DEBOUNCE_MS = 300;
/** Renders longer than this get a progress bar. */
export const SLOW_RENDER_MS = 200;

/** What an arranger needs from outside (tests replace them). */
export interface ArrangerOptions {
  load?: StemLoader;
  debounceMs?: number;
  /** Seed source for the dice button (default: seeded from the clock). */
  rollSeed?: () => number;
  initial?: ArrangementSpec;
  /** Render rate (default SOURCE_RATE, the Mix page's, so "Mix this song" finds the stems in memory). */
  sampleRate?: number;
  /** Where each change of the arrangement goes to be kept (the app's autosaver; tests spy on it). */
  save?: (work: SavedWork) => void;
}

/** What the arranger knows about the stored work it is editing. */
interface WorkMeta {
  id: string;
  profileId: string;
  createdAt: number;
}

/** How a list names an arrangement: its style and its song's title. */
export function arrangementTitle(spec: ArrangementSpec, song: Song): string {
  return `${STYLES.find((s) => s.id === spec.style)?.label ?? spec.style}: “${song.title}”`;
}

/** Creates an arranger model (the app uses the `arranger` singleton). */
export function createArranger(options: ArrangerOptions = {}) {
  const load: StemLoader = options.load ?? ((source, rate) => loadSongStems(source, rate));
  const debounceMs = options.debounceMs ?? RENDER_DEBOUNCE_MS;
  const sampleRate = options.sampleRate ?? SOURCE_RATE;
  const dice = createRng(Date.now() % 2 ** 31);
  const rollSeed = options.rollSeed ?? (() => dice.int(1, 99_999));
  const spec = signal<ArrangementSpec>(options.initial ?? createArrangement('pop', 1));
  const song = computed(() => arrangeSong(spec.value));
  const stems = signal<Stems | null>(null);
  const render = signal<RenderView>({
    status: 'idle',
    slow: false,
    progress: null,
    renderMs: null,
    startMs: null,
    error: null,
  });
  const player = createArrangerPlayer();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inFlight = false;
  let playPressedAt: number | null = null;
  /** Tempo of each rendered song, to carry the playhead across a tempo change. */
  const songBpm = new Map<string, number>();
  /** The stored arrangement being edited; null until the first change (or after "New"/delete). */
  const work = signal<WorkMeta | null>(null);
  /** True while the page shows the arranger (renders wait for it). */
  let active = false;
  /** Counts the learner's edits (a restore from storage never replaces an arrangement being edited). */
  let editCount = 0;

  /** Hands the current arrangement to the autosaver (making it a stored work on its first change). */
  function keep(): void {
    if (!options.save) return;
    const now = Date.now();
    const meta = work.value ?? { id: newArrangementId(), profileId: activeProfileId.value, createdAt: now };
    if (meta !== work.value) work.value = meta;
    options.save({
      id: meta.id,
      kind: 'arrangement',
      profileId: meta.profileId,
      title: arrangementTitle(spec.value, song.value),
      data: spec.value,
      createdAt: meta.createdAt,
      updatedAt: now,
    });
  }

  const patchRender = (patch: Partial<RenderView>) => {
    render.value = { ...render.value, ...patch };
  };

  /** Puts the arrangement at `next` as the learner's change: saved, re-rendered, muted parts silenced. */
  function change(next: ArrangementSpec): void {
    spec.value = next;
    editCount++;
    keep();
    schedule(debounceMs);
    player.silence(next.mutedTracks ?? []);
  }

  /** Undo and redo of the learner's edits (opening another arrangement starts afresh). */
  const history = createUndoStack<ArrangementSpec>(() => spec.value, change);

  /** One edit; `key` names what it changes, so a slider's drag is one undo step. */
  function edit(make: (s: ArrangementSpec) => ArrangementSpec, key = ''): void {
    const before = spec.value;
    const next = make(before);
    if (next === before) return;
    history.record(before, key);
    change(next);
  }

  /** Replaces the arrangement with a stored one (no save: it is stored already). */
  function openSpec(next: ArrangementSpec, meta: WorkMeta | null): void {
    stop();
    history.clear();
    spec.value = next;
    work.value = meta;
    if (active) schedule(0);
  }

  function schedule(delay: number): void {
    if (timer) clearTimeout(timer);
    if (stems.value?.songId === song.value.id) {
      patchRender({ status: 'ready' });
      return;
    }
    if (!inFlight) patchRender({ status: 'waiting', slow: false, progress: null });
    timer = setTimeout(() => {
      timer = null;
      void renderCurrent();
    }, delay);
  }

  /** Renders the current song unless a render is under way (it asks again when that one ends). */
  async function renderCurrent(): Promise<void> {
    if (inFlight) return;
    const current = spec.value;
    const target = song.value;
    if (stems.value?.songId === target.id) return;
    inFlight = true;
    const started = performance.now();
    patchRender({ status: 'rendering', slow: false, progress: null, error: null });
    const slowTimer = setTimeout(() => patchRender({ slow: true }), SLOW_RENDER_MS);
    const onProgress = (fraction: number) => {
      if (song.value.id === target.id) patchRender({ progress: fraction });
    };
    try {
      const source = { style: current.style, seed: current.seed, overrides: arrangementOverrides(current) };
      const result = await load(source, sampleRate, onProgress);
      if (song.value.id === target.id) accept(result, target, performance.now() - started);
    } catch (error) {
      if (song.value.id === target.id) patchRender({ status: 'failed', error: describe(error) });
    } finally {
      clearTimeout(slowTimer);
      inFlight = false;
      // An edit arrived while rendering: its result is stale; render the newest song now (no extra pause).
      if (song.value.id !== target.id && !timer) void renderCurrent();
    }
  }

  function accept(result: Stems, target: Song, ms: number): void {
    const previous = stems.value;
    const oldBpm = previous ? songBpm.get(previous.songId) : undefined;
    songBpm.set(result.songId, target.bpm);
    batch(() => {
      stems.value = result;
      patchRender({ status: 'ready', slow: false, progress: 1, renderMs: Math.round(ms) });
    });
    if (player.playing.value) {
      // Keep the place in the song in beats, so a tempo change carries on from the same note.
      const at = player.position() * ((oldBpm ?? target.bpm) / target.bpm);
      player.swap(result, at, loopSeconds(target));
    } else if (playPressedAt !== null) void startPlayback();
  }
  async function startPlayback(): Promise<void> {
    const ctx = currentAudioContext();
    const ready = stems.value;
    if (ctx?.state !== 'running' || !ready || ready.songId !== song.value.id) return;
    const pressed = playPressedAt;
    playPressedAt = null;
    await player.play(ctx, ready, 0, loopSeconds(song.value));
    if (pressed !== null) patchRender({ startMs: Math.round(performance.now() - pressed) });
  }

  /** Play: starts audio from the click, then plays as soon as the current stems exist. */
  async function play(): Promise<void> {
    playPressedAt = performance.now();
    const ctx = await startAudio();
    if (ctx?.state !== 'running') {
      playPressedAt = null;
      return;
    }
    if (stems.value?.songId === song.value.id) await startPlayback();
    else {
      if (timer) clearTimeout(timer);
      timer = null;
      void renderCurrent();
    }
  }

  function stop(): void {
    playPressedAt = null;
    player.stop();
  }

  return {
    /** The production decisions made so far. */
    spec,
    /** The song they make. */
    song,
    /** The stems of the song last rendered (may lag `song` while re-rendering). */
    stems,
    render,
    /** True while the preview plays. */
    playing: player.playing,
    /** True between pressing Play and the sound starting (waiting for stems). */
    get waitingToPlay(): boolean {
      return playPressedAt !== null;
    },
    /** The stored work being edited (null before the first change). */
    work,
    /** Renders the current song now if it is not rendered (the view calls it when it appears). */
    activate(): void {
      active = true;
      player.prepare();
      schedule(0);
    },
    /** Opens a stored arrangement (from the Library, or the newest at start-up); false when it is unusable. */
    openWork(stored: SavedWork): boolean {
      const next = checkArrangement(stored.data);
      if (stored.kind !== 'arrangement' || !next) return false;
      openSpec(next, { id: stored.id, profileId: stored.profileId, createdAt: stored.createdAt });
      return true;
    },
    /**
     * At start-up: opens the newest stored arrangement unless the learner has changed this one meanwhile.
     * `find` reads it (storage in the app).
     */
    async restore(find: () => Promise<SavedWork | undefined>): Promise<boolean> {
      const before = editCount;
      const stored = await find();
      if (!stored || editCount !== before || work.value) return false;
      return this.openWork(stored);
    },
    /** A new arrangement, kept as a work of its own (the one being edited stays in the Library). */
    startNew(style: StyleId = spec.value.style): void {
      openSpec(createArrangement(style, rollSeed()), null);
      editCount++;
      keep();
    },
    /** Stops keeping the current arrangement under `id` (it was deleted): the next change makes a new work. */
    forget(id: string): void {
      if (work.value?.id === id) work.value = null;
    },
    setStyle: (style: StyleId) => edit((s) => edits.setStyle(s, style), 'style'),
    /** The dice: a new song idea from a new seed. */
    newIdea: () => edit((s) => edits.setSeed(s, rollSeed()), 'idea'),
    setSeed: (seed: number) => edit((s) => edits.setSeed(s, seed), 'seed'),
    setBars: (bars: number) => edit((s) => edits.setBars(s, bars), 'bars'),
    setBpm: (bpm: number) => edit((s) => edits.setBpm(s, bpm), 'bpm'),
    setProgression: (index: number | null) => edit((s) => edits.setProgression(s, index), 'chords'),
    toggleStep: (row: number, step: number) =>
      edit((s) => edits.toggleStep(s, edits.currentPattern(s, song.value), row, step), `step ${row}:${step}`),
    cycleStep: (row: number, step: number) =>
      edit((s) => edits.cycleStep(s, edits.currentPattern(s, song.value), row, step), `step ${row}:${step}`),
    resetDrums: () => edit(edits.resetDrums, 'drums'),
    setInstrument: (track: TrackId, preset: string) =>
      edit((s) => edits.setInstrument(s, track, preset), `sound ${track}`),
    /** Mutes or unmutes a part; the preview silences it at once, before the re-render lands. */
    toggleMute(track: TrackId): void {
      edit((s) => edits.toggleMute(s, track), `mute ${track}`);
    },
    /** True when there is an edit to undo / to redo. */
    canUndo: history.canUndo,
    canRedo: history.canRedo,
    /** Takes back the last edit (false with none). */
    undo: (): boolean => history.undo(),
    /** Makes the last undone edit again (false with none). */
    redo: (): boolean => history.redo(),
    play,
    stop,
    togglePlay: (): Promise<void> =>
      player.playing.value || playPressedAt !== null ? Promise.resolve(stop()) : play(),
    /** Length of the loop the preview plays (the current song's bars), seconds. */
    loopSeconds: (): Seconds => loopSeconds(song.value),
    /** Where the preview is, in seconds of the rendered song. */
    position: (): Seconds => player.position(),
    /** Output peak now (dBFS), for the preview meter. */
    readPeakDb: () => player.readPeakDb(),
    /** Opens this exact arrangement in the mixer (the Mix page). */
    openInMixer(): void {
      stop();
      void loadArrangedSong(mixer, spec.value);
      navigate(arrangedMixPath(spec.value));
    },
    /** Stops playback and pending renders (leaving the page). */
    deactivate(): void {
      active = false;
      stop();
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Releases the preview's audio nodes. */
    dispose(): void {
      this.deactivate();
      player.dispose();
    },
  };
}

/** An arranger model (see createArranger). */
export type Arranger = ReturnType<typeof createArranger>;

let shared: Arranger | null = null;
/** The app's autosaver for arrangements (the Library flushes or cancels it). */
export const arrangementSaver = createAutosaver();

/** The app's arranger: one, so the arrangement survives leaving the page and coming back. */
export function getArranger(): Arranger {
  if (!shared) {
    shared = createArranger({ save: (work) => arrangementSaver.schedule(work) });
    void shared.restore(() => newestWork('arrangement'));
  }
  return shared;
}
