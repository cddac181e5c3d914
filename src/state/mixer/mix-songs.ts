import { effect, signal, untracked } from '@preact/signals';
// Static, small and needed at once: finding a stored song must not wait for a chunk after the page appears.
import { BEATS_PER_BAR } from '../../production/events';
import { generateSong } from '../../production/generate-song';
import { songSeconds } from '../../production/render-version';
import { STYLES } from '../../production/styles';
import type { Song, SongOverrides, Stems, StyleId } from '../../production/types';
import {
  importedSongs,
  importedSongsLoaded,
  isImportedSongId,
  loadImportedSong,
  refreshImportedSongs,
} from '../library/imported-songs';
import {
  type ArrangementSpec,
  arrangementOverrides,
  decodeArrangement,
  encodeArrangement,
} from '../produce/arrangement';
import { contextForBuilding, describe, keepAudioRunning } from '../shared/audio';
import { showNotice } from '../shared/notices';
import { navigate } from '../shared/router';
import { createAutosaver, mixWorkId, newestWork, readWork, type SavedWork } from '../shared/saved-work';
import {
  instrumentsForRender,
  loadSongStems,
  releaseSongStems,
  storedSongStemsHeadFirst,
} from '../shared/song-stems';
import { activeProfileId } from '../shared/storage';
import { generateTestSource, type MixSource } from '../shared/test-sources';
import { levelLike } from './head-levels';
import { mixUndo } from './mix-undo';
import { fittingMix, type MixWorkData, type RestoredMix } from './mix-work';
import { type MixerModel, mixer } from './mixer-model';
import type { FramedSource } from './source-frames';

/** Something the learner can pick to mix. */
export interface SongChoice {
  id: string;
  title: string;
}

/** The test material's id. */
export const TEST_SIGNALS_ID = 'test-signals';

/** Seed of the songs the picker offers (one per style). */
export const SONG_SEED = 1;
/** Bars rendered: long enough to hear the parts play off each other, short enough to render in a second. */
export const SONG_BARS = 8;
/** Sample rate of generated material (the arranger renders at it too, so its stems are reused here). */
export const SOURCE_RATE = 44100;
/** Picker ids that carry an arrangement from the Produce page start with this ('arranged?style=pop&seed=3…'). */
export const ARRANGED_PREFIX = 'arranged?';

/** What the song picker offers: one generated song per style, then the neutral test signals. */
export const songChoices = signal<SongChoice[]>([
  ...STYLES.map((s) => ({ id: s.id, title: `${s.label} song` })),
  { id: TEST_SIGNALS_ID, title: 'Test signals (pink noise and tones)' },
]);

// Imported songs (Produce → Library) sit between the generated songs and the test signals, kept in step
// with the library's list.
effect(() => {
  const imported = importedSongs.value.map((s) => ({ id: s.id, title: `Imported: ${s.name}` }));
  const others = songChoices.peek().filter((c) => !isImportedSongId(c.id));
  const at = others.findIndex((c) => c.id === TEST_SIGNALS_ID);
  songChoices.value = [...others.slice(0, at), ...imported, ...others.slice(at)];
});

/** The picker id of an arrangement made on the Produce page. */
export function arrangedChoiceId(spec: ArrangementSpec): string {
  return ARRANGED_PREFIX + encodeArrangement(spec);
}

/** The Mix page address that opens an arrangement (it also survives a reload). */
export function arrangedMixPath(spec: ArrangementSpec): string {
  return `/mix?song=${encodeURIComponent(arrangedChoiceId(spec))}`;
}

/** The arrangement an arranged picker id carries, or null for any other id. */
function arrangementOf(id: string): ArrangementSpec | null {
  return id.startsWith(ARRANGED_PREFIX) ? decodeArrangement(id.slice(ARRANGED_PREFIX.length)) : null;
}

/** The choice a /mix?song=… address asks for (an arranged, generated or imported song), else the default pop song. */
function initialChoice(): string {
  const fallback = songChoices.value[0]!.id;
  if (typeof location === 'undefined' || !location.pathname.startsWith('/mix')) return fallback;
  const asked = new URLSearchParams(location.search).get('song');
  if (asked && (isImportedSongId(asked) || STYLES.some((s) => s.id === asked))) return asked;
  const spec = asked ? arrangementOf(asked) : null;
  if (!spec) return fallback;
  listArranged(arrangedChoiceId(spec), 'Your song');
  return arrangedChoiceId(spec);
}

/** Puts an arranged song in the picker (one at a time: a newer arrangement replaces the older). */
function listArranged(id: string, title: string): void {
  const others = songChoices.value.filter((c) => !c.id.startsWith(ARRANGED_PREFIX));
  songChoices.value = [{ id, title }, ...others];
}

/** The choice being loaded or mixed (a generated pop song by default, or the arrangement the URL names). */
export const currentChoice = signal<string>(initialChoice());

/** True while a song's parts are being synthesised. */
export const rendering = signal(false);

let generation = 0;

/** Share of the current song's parts made while it renders (0..1), null when not known (or not rendering). */
export const renderProgress = signal<number | null>(null);

/** True while the song plays from its first bars and the rest is still being made. */
export const playingHead = signal(false);

/**
 * True while the song plays with synthesised instruments and its sampled parts are being made (a song
 * opened for the first time: see loadSongChoice); they take over before Play, or at the next Stop.
 */
export const awaitingSamples = signal(false);

/**
 * A generated song's source for the mixer, from its stems, `length` samples long (silence after the stems:
 * the mixer's buffers are made that long, and only the stems are copied into them).
 */
function sourceOf(song: Song, stems: Stems, length = stems.length): FramedSource {
  return {
    id: song.id,
    title: song.title,
    bpm: song.bpm,
    sampleRate: stems.sampleRate,
    frames: Math.max(length, stems.length),
    tracks: stems.tracks.map((t) => {
      // The song's stereo rough mix: each part's pan and a little of the room (lessons and drills start centred and dry).
      return {
        id: t.id,
        name: t.name,
        channels: t.channels,
        defaultFaderDb: t.defaultFaderDb,
        ...(t.defaultPan === undefined ? {} : { defaultPan: t.defaultPan }),
        ...(t.defaultReverbSendDb === undefined ? {} : { defaultReverbSendDb: t.defaultReverbSendDb }),
      };
    }),
  };
}

/** How songSource makes a song: what it reports while rendering, and with which instruments. */
export interface SongSourceOptions {
  /** The first bars of a fresh render, as a source as long as the whole song (silent after them). */
  onHead?: (head: MixSource, frames: number) => void;
  /** Share of the rendering done (0..1). */
  onProgress?: (fraction: number) => void;
  /** The render was asked of the song Worker (not called when the song was in memory or stored). */
  onAsked?: () => void;
  /** null: synthesised instruments (made at once, never stored); default: the sampled ones when the page has them. */
  instruments?: null;
}

/**
 * Generates a song and renders its stems (in a Worker, shared with drills' and the arranger's stem memory).
 * With `onHead`, a fresh render hands over the song's first bars first, as a source as long as the whole
 * song (silent after them), so playing can start while the rest renders. The stems leave the Worker's
 * shared memory once handed over: the mixer's audio buffers are then the song's one copy.
 */
export async function songSource(
  style: StyleId,
  seed = SONG_SEED,
  overrides: SongOverrides = { bars: SONG_BARS },
  watch: SongSourceOptions = {},
): Promise<MixSource> {
  const song = generateSong(seed, style, overrides);
  // The whole song's length, as render-stems makes it (the song and a 1.5 s tail).
  const length = Math.ceil((songSeconds(song) + 1.5) * SOURCE_RATE);
  const { onHead, onProgress, onAsked } = watch;
  const stems = await loadSongStems({ style, seed, overrides }, SOURCE_RATE, {
    release: true,
    ...(watch.instruments === null ? { instruments: null, persist: false } : {}),
    ...(onHead
      ? {
          onHead: (head: Stems, bars: number) =>
            onHead(
              sourceOf(song, head, length),
              Math.floor(((bars * BEATS_PER_BAR * 60) / song.bpm) * SOURCE_RATE),
            ),
        }
      : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(onAsked ? { onAsked } : {}),
  });
  return sourceOf(song, stems);
}

/** The stored mix of a choice for the active profile, checked against the song's tracks when it loads. */
async function storedMix(id: string): Promise<SavedWork | undefined> {
  return readWork(mixWorkId(activeProfileId.value, id));
}

/** Loads a source with the stored mix of `id` when one fits its tracks; says so when it does not. */
async function loadWithMix(model: MixerModel, source: MixSource, id: string, saved: SavedWork | undefined) {
  const fits = saved
    ? fittingMix(
        saved.data,
        source.tracks.map((t) => t.id),
      )
    : null;
  if (saved && !fits)
    showNotice({
      id: 'mix-restore',
      tone: 'warning',
      text: 'Your saved mix of this song no longer fits its parts, so it starts from the rough mix.',
    });
  await model.load(source, fits as RestoredMix | null);
  performance.mark('mix:model');
  mixKeeper.loaded(model, id, saved?.createdAt);
  void buildAhead(model);
}

/**
 * Builds the live mixer for what was just loaded before Play is pressed (on a context that stays
 * suspended until then), so Play only has to start the transport. Failures are left for Play to report.
 */
async function buildAhead(model: MixerModel): Promise<void> {
  if (model.status.peek() !== 'ready') return;
  performance.mark('mix:attach-start');
  const ctx = await contextForBuilding();
  // The Mix page is open: keep the device running (when the browser allows it) so Play needn't resume it.
  keepAudioRunning();
  if (ctx && model.status.peek() === 'ready') await model.attach(ctx).catch(() => undefined);
  performance.mark('mix:attached');
}

/**
 * Creates the live context (suspended until a gesture) and loads the engine's audio processors while the
 * song is found or rendered, so building its mixer afterwards waits for neither.
 */
async function prepareEngine(): Promise<void> {
  try {
    const [ctx, engine] = await Promise.all([
      contextForBuilding().then((c) => {
        performance.mark('mix:context');
        return c;
      }),
      import('./live-mix').then((m) => {
        performance.mark('mix:engine-code');
        return m;
      }),
    ]);
    if (ctx) await engine.prepareLiveMix(ctx);
    performance.mark('mix:worklets');
  } catch {
    // Building the mixer (or Play) tries again and says what went wrong.
  }
}

/** Loads a choice into the mixer: a generated or arranged song's stems, or the test signals. */
export async function loadSongChoice(model: MixerModel, id: string): Promise<void> {
  performance.mark('mix:choice');
  const mine = ++generation;
  currentChoice.value = id;
  model.stop();
  model.preloadEngine();
  playingHead.value = false;
  renderProgress.value = null;
  const saved = storedMix(id);
  const arranged = arrangementOf(id);
  const style = arranged?.style ?? STYLES.find((s) => s.id === id)?.id;
  if (!importedSongsLoaded.value) void refreshImportedSongs();
  if (isImportedSongId(id)) return loadImported(model, id, mine, saved);
  if (!style) {
    void prepareEngine();
    rendering.value = false;
    const source = generateTestSource(SOURCE_RATE);
    const stored = await saved;
    if (mine === generation) await loadWithMix(model, source, id, stored);
    return;
  }
  model.status.value = 'loading';
  awaitingSamples.value = false;
  const spec = arranged
    ? { style, seed: arranged.seed, overrides: arrangementOverrides(arranged) }
    : { style, seed: SONG_SEED, overrides: { bars: SONG_BARS } as SongOverrides };
  // Made before (in memory or stored): it plays with the sampled instruments at once. The live context
  // and the engine's processors are made meanwhile (the stored song is read off this thread).
  const found = storedSource(spec.style, spec.seed, spec.overrides).catch(() => null);
  void prepareEngine();
  const made = await found;
  performance.mark(made ? 'mix:stored-found' : 'mix:stored-none');
  if (mine !== generation) return;
  if (made) {
    const stored = await saved;
    performance.mark('mix:saved-mix');
    if (mine === generation) await loadWithMix(model, made.head, id, stored);
    if (mine === generation) nameChoice(id, arranged !== null, style, made.head.title);
    if (made.whole && mine === generation)
      await takeWhole(model, made.whole, id, mine, spec, stored?.createdAt);
    return;
  }
  rendering.value = true;
  // Unknown until the Worker reports: the bar moves meanwhile.
  renderProgress.value = null;
  // The first bars, once rendered, load and can play while the rest renders; the whole song then takes over.
  let head: Promise<boolean> | null = null;
  // Samples of the song loaded so far that hold their final notes (its first bars' cut): a fuller rendering
  // takes over at the same loudness, matched over them (head-levels.ts).
  let headFrames = 0;
  const onHead = (first: MixSource, frames: number) => {
    performance.mark('mix:head');
    if (mine !== generation) return;
    const previous = head;
    head = (async () => {
      const shown = previous ? await previous : false;
      const stored = await saved;
      if (mine !== generation) return false;
      const playing = model.source.peek();
      if (
        shown &&
        playing &&
        swapKeeping(model, levelLike(playing, first, headFrames), id, stored?.createdAt)
      ) {
        headFrames = frames;
        return true;
      }
      await loadWithMix(model, first, id, stored);
      headFrames = frames;
      playingHead.value = true;
      return true;
    })();
  };
  const onProgress = (fraction: number) => {
    if (mine === generation) renderProgress.value = fraction;
  };
  try {
    // A first opening: the song is synthesised (a fraction of a second for its first bars, where the
    // sampled instruments take one to three: the bank to read and every note to render); its sampled
    // parts are made next and take over while nothing plays (takeSampled).
    const watch = { onHead, onProgress, instruments: null };
    const source = await songSource(spec.style, spec.seed, spec.overrides, watch);
    const headShown = head ? await (head as Promise<boolean>) : false;
    const stored = await saved;
    if (mine !== generation) return;
    const playing = model.source.peek();
    const whole = headShown && playing ? levelLike(playing, source, headFrames) : source;
    if (!(headShown && swapKeeping(model, whole, id, stored?.createdAt)))
      await loadWithMix(model, source, id, stored);
    nameChoice(id, arranged !== null, style, source.title);
    void takeSampled(model, id, mine, spec, stored?.createdAt);
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
    if (mine === generation) {
      rendering.value = false;
      playingHead.value = false;
      renderProgress.value = null;
    }
  }
}

/** The picker's name for a generated or arranged song once made ("Rock: “Bright Harbour”"). */
function nameChoice(id: string, arranged: boolean, style: StyleId, title: string): void {
  const label = arranged ? 'Your song' : STYLES.find((s) => s.id === style)!.label;
  songChoices.value = songChoices.value.map((c) => (c.id === id ? { id, title: `${label}: “${title}”` } : c));
}

/**
 * Seconds of a stored song read first, so it can play while the rest comes off the disk (0.3–1.6 s here under
 * load; 5 s leaves room for a slow Chromebook disk before the first seconds run out).
 */
export const STORED_HEAD_SECONDS = 5;

/** A stored song's first seconds as a source as long as the whole song, and the whole song to follow (null: it is all here). */
interface StoredSource {
  head: MixSource;
  whole: Promise<MixSource> | null;
}

/**
 * A generated song's source when its sampled stems are already made (in memory or stored), else null.
 * From IndexedDB, its first STORED_HEAD_SECONDS come first (a few MB of its 60) and the whole song follows.
 */
async function storedSource(
  style: StyleId,
  seed: number,
  overrides: SongOverrides,
): Promise<StoredSource | null> {
  const found = await storedSongStemsHeadFirst(
    { style, seed, overrides },
    SOURCE_RATE,
    Math.round(STORED_HEAD_SECONDS * SOURCE_RATE),
  );
  if (!found) return null;
  const song = generateSong(seed, style, overrides);
  if (found.head.length >= found.length) return { head: sourceOf(song, found.head), whole: null };
  return {
    head: sourceOf(song, found.head, found.length),
    whole: found.whole.then((stems) => sourceOf(song, stems)),
  };
}

/**
 * Swaps the whole stored song in for its first seconds as soon as it is read (the same samples: the hand-over
 * is seamless, playing or not). Should the rest not be readable, the song is made again (rendered, or read once
 * more) and swapped in the same way. Export waits for it (see MixerModel.completeWith).
 */
async function takeWhole(
  model: MixerModel,
  whole: Promise<MixSource>,
  id: string,
  mine: number,
  spec: { style: StyleId; seed: number; overrides: SongOverrides },
  storedAt: number | undefined,
): Promise<void> {
  const done = (async () => {
    const source = await whole.catch(() => songSource(spec.style, spec.seed, spec.overrides));
    if (mine === generation) swapKeeping(model, source, id, storedAt);
  })();
  model.completeWith(done);
  await done.catch(() => undefined);
}

/** Resolves once `model` is not playing (at once when it is not), or when `gone` says the wait is moot. */
function whenStopped(model: MixerModel, gone: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    let stop: (() => void) | null = null;
    stop = effect(() => {
      if (model.transport.value.playing && !gone()) return;
      resolve();
      stop?.();
    });
    if (!model.transport.peek().playing || gone()) stop();
  });
}

/**
 * After a first opening on synthesised instruments: renders the song's sampled parts (stored for next
 * time) and swaps them in while nothing plays — at once when Play was not pressed yet, else at the next
 * Stop — so the instruments never change under the learner's ears. Nothing when the page has no samples.
 */
async function takeSampled(
  model: MixerModel,
  id: string,
  mine: number,
  spec: { style: StyleId; seed: number; overrides: SongOverrides },
  storedAt: number | undefined,
): Promise<void> {
  if (mine !== generation) return;
  awaitingSamples.value = true;
  try {
    if (!(await instrumentsForRender()) || mine !== generation) return;
    const sampled = await songSource(spec.style, spec.seed, spec.overrides);
    if (mine !== generation) return;
    await whenStopped(model, () => mine !== generation);
    if (mine === generation) swapKeeping(model, sampled, id, storedAt);
  } catch {
    // The synthesised song stays: it is the same music, with simpler instruments.
  } finally {
    if (mine === generation) awaitingSamples.value = false;
  }
}

/** Loads an imported song (Produce → Library) from storage into the mixer; test signals if it is gone. */
async function loadImported(
  model: MixerModel,
  id: string,
  mine: number,
  saved: Promise<SavedWork | undefined>,
): Promise<void> {
  model.status.value = 'loading';
  rendering.value = false;
  void prepareEngine();
  try {
    const source = await loadImportedSong(id);
    const stored = await saved;
    if (mine === generation) await loadWithMix(model, source, id, stored);
  } catch (error) {
    if (mine !== generation) return;
    currentChoice.value = TEST_SIGNALS_ID;
    showNotice({
      id: 'song-render',
      tone: 'error',
      text: `The imported song could not be opened (${describe(error)}); the mixer is playing test signals instead.`,
    });
    await model.load(generateTestSource(SOURCE_RATE));
  }
}

/**
 * Leaving the Mix page: the mix is saved now, loads under way are abandoned, and the live graph, the song's
 * audio and the songs kept in memory are released (about 60–100 MB). Opening the page again loads the
 * song from the stem cache (under a second) with its saved mix; the undo history starts afresh.
 */
export function releaseMixSong(model: MixerModel): void {
  generation++;
  void mixKeeper.saver.flush();
  mixKeeper.hold();
  model.stop();
  model.unload();
  rendering.value = false;
  playingHead.value = false;
  awaitingSamples.value = false;
  renderProgress.value = null;
  releaseSongStems();
}

/**
 * Opens an arrangement from the Produce page in the mixer, with exactly its parts: lists it in the picker
 * and starts loading (stems come from memory when the arranger has just rendered them). Navigate to
 * `arrangedMixPath(spec)` after calling it.
 */
export function loadArrangedSong(model: MixerModel, spec: ArrangementSpec): Promise<void> {
  const id = arrangedChoiceId(spec);
  listArranged(id, 'Your song');
  return loadSongChoice(model, id);
}

/** The Mix page's song as an address (so a reload opens it again). */
export function mixPath(id: string): string {
  return `/mix?song=${encodeURIComponent(id)}`;
}

/**
 * The choice to open when the Mix page first appears: the one the address names, else the song mixed
 * most recently (a stored mix), else the default. Lists an arranged song in the picker.
 */
export async function startingChoice(): Promise<string> {
  performance.mark('mix:starting');
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('song');
  if (asked) return currentChoice.value;
  const newest = await newestWork('mix');
  const id = (newest?.data as { choiceId?: unknown } | undefined)?.choiceId;
  if (typeof id !== 'string') return currentChoice.value;
  const spec = arrangementOf(id);
  if (spec) listArranged(id, 'Your song');
  else if (!isImportedSongId(id) && id !== TEST_SIGNALS_ID && !STYLES.some((s) => s.id === id))
    return currentChoice.value;
  return id;
}

/**
 * Opens the Mix page's song (the one the address names, else the one mixed last) unless one is loaded or
 * loading: the page calls it when it appears, and the app as it starts on a /mix address (main.tsx), so the
 * stored song is read, or its first bars rendered, and the engine made while the page's own code loads and
 * draws. The page then finds the song under way.
 */
export function openMixSong(model: MixerModel = mixer): void {
  if (model.status.peek() !== 'empty') return;
  model.status.value = 'loading';
  // The engine (context, processors) is made while the song is found: whatever the song, it plays there.
  void prepareEngine();
  void startingChoice().then((id) => {
    if (id !== currentChoice.peek()) navigate(mixPath(id), { replace: true });
    return loadSongChoice(model, id);
  });
}

/**
 * Keeps the Mix page's mix: after a song loads, any change to a strip or the master (compared with how it
 * loaded) is saved for that song after a short pause (see saved-work.ts).
 */
function createMixKeeper() {
  const saver = createAutosaver();
  let stopWatching: (() => void) | null = null;
  /** True once the learner changed the mix being watched. */
  let dirty = false;
  return {
    saver,
    /**
     * Starts watching `model` for changes to the mix of `choiceId` (the one just loaded). With
     * `keepChanges`, a mix the learner had already changed (before a fuller rendering was swapped in)
     * is saved again as it is now.
     */
    loaded(model: MixerModel, choiceId: string, storedAt?: number, keepChanges = false): void {
      stopWatching?.();
      const resave = keepChanges && dirty;
      dirty = false;
      const strips = model.strips.peek();
      const snapshot = (): MixWorkData => ({
        trackIds: strips.map((s) => s.trackId),
        strips: strips.map((s) => s.settings.value),
        masterFaderDb: model.masterFaderDb.value,
      });
      let last = JSON.stringify(untracked(snapshot));
      const profileId = activeProfileId.peek();
      const createdAt = storedAt ?? Date.now();
      const save = (data: MixWorkData) => {
        dirty = true;
        // The picker's name for the song ("Rock: “Bright Harbour”"), else the song's own title.
        const title =
          songChoices.peek().find((c) => c.id === choiceId)?.title ?? model.source.peek()?.title ?? 'a song';
        saver.schedule({
          id: mixWorkId(profileId, choiceId),
          kind: 'mix',
          profileId,
          title,
          data: { ...data, choiceId },
          createdAt,
          updatedAt: Date.now(),
        });
      };
      stopWatching = effect(() => {
        if (model.strips.value !== strips) return;
        const data = snapshot();
        const json = JSON.stringify(data);
        if (json === last) return;
        last = json;
        save(data);
      });
      if (resave) save(untracked(snapshot));
    },
    /** Stops watching for a moment (a fuller rendering is being swapped in; call loaded after). */
    hold(): void {
      stopWatching?.();
      stopWatching = null;
    },
  };
}

/**
 * Swaps a fuller rendering of the song being mixed into `model` (see MixerModel.swapSource) without the
 * swap itself counting as the learner's change; false when it does not fit (then load it instead).
 */
function swapKeeping(model: MixerModel, next: MixSource, choiceId: string, storedAt?: number): boolean {
  mixKeeper.hold();
  const swapped = model === mixer ? mixUndo.quietly(() => model.swapSource(next)) : model.swapSource(next);
  mixKeeper.loaded(model, choiceId, storedAt, true);
  return swapped;
}

/** The Mix page's mix keeper. */
export const mixKeeper = createMixKeeper();
