import { effect, signal } from '@preact/signals';
import type { ImportProblem } from '../../production/import/problems';
import { STYLES } from '../../production/styles';
import type { StyleId } from '../../production/types';
import { loadSongChoice, mixKeeper, mixPath, SONG_BARS, SONG_SEED, songSource } from '../mixer/mix-songs';
import { createMixerModel, mixer } from '../mixer/mixer-model';
import { arrangementSaver, getArranger } from '../produce/arranger';
import { describe } from '../shared/audio';
import { showNotice } from '../shared/notices';
import { navigate } from '../shared/router';
import {
  deleteSavedWork,
  newArrangementId,
  type SavedWork,
  type WorkActionResult,
  workName,
  writeWork,
} from '../shared/saved-work';
import { type ImportFile, importAudioFiles } from './import-audio';
import {
  deleteImportedSong,
  loadImportedSong,
  renameImportedSong,
  type SongActionResult,
} from './imported-songs';

export { formatBytes, formatDuration } from '../../production/import/limits';
export type { ImportProblem } from '../../production/import/problems';
export { type ImportProgress, importProgress } from './import-audio';
export type { SongSummary } from './imported-songs';
export { importedSongs, importedSongsLoaded, refreshImportedSongs } from './imported-songs';

/**
 * The song library (Produce → Library): the generated songs (one per style, a fixed seed) and the
 * learner's imported songs, each with a preview, and "Mix this song". The preview is a mixer of its own
 * (every track at its starting fader, through the engine's master limiter), so it never disturbs the
 * Mix page's mix.
 */

/** A generated song the library lists. */
export interface BuiltInSong {
  id: StyleId;
  style: string;
  seed: number;
  description: string;
  /** The generated title, once the song was made (null before). */
  title: string | null;
}

/** The generated songs, one per style (the same ones the Mix page offers). */
export const builtInSongs = signal<BuiltInSong[]>(
  STYLES.map((s) => ({ id: s.id, style: s.label, seed: SONG_SEED, description: s.description, title: null })),
);

/** What the preview is doing. */
export type PreviewStatus = 'idle' | 'loading' | 'playing';

/** The song being previewed (loading or playing), or null. */
export const previewSongId = signal<string | null>(null);
/** The preview's state. */
export const previewStatus = signal<PreviewStatus>('idle');

/** Problems of the last import (each names its file); empty after a good one. */
export const importProblems = signal<ImportProblem[]>([]);
/** The song the last import made (highlighted in the list). */
export const lastImportedId = signal<string | null>(null);

const previewer = createMixerModel();
previewer.setLooping(false);
let previewGeneration = 0;

effect(() => {
  const t = previewer.transport.value;
  if (previewStatus.peek() !== 'playing') return;
  if (!t.playing) {
    previewStatus.value = 'idle';
    previewSongId.value = null;
  }
});

/** Fills in the generated songs' titles (generating a song's notes takes milliseconds; no audio is made). */
export async function loadBuiltInTitles(): Promise<void> {
  if (builtInSongs.value.every((s) => s.title !== null)) return;
  const { generateSong } = await import('../../production/generate-song');
  builtInSongs.value = builtInSongs.value.map((s) => ({
    ...s,
    title: s.title ?? generateSong(s.seed, s.id, { bars: SONG_BARS }).title,
  }));
}

/** Plays a song from the start (stopping any other preview); a second call for the same song stops it. */
export async function togglePreview(id: string): Promise<void> {
  const wasThis = previewSongId.value === id;
  stopPreview();
  if (wasThis) return;
  const mine = ++previewGeneration;
  previewSongId.value = id;
  previewStatus.value = 'loading';
  try {
    const style = STYLES.find((s) => s.id === id)?.id;
    const source = style ? await songSource(style) : await loadImportedSong(id);
    if (mine !== previewGeneration) return;
    await previewer.load(source);
    if (mine !== previewGeneration) return;
    await previewer.play();
    if (mine !== previewGeneration) return;
    // Play resolves with the transport running, or without sound (audio blocked: a notice says why).
    if (previewer.transport.value.playing) previewStatus.value = 'playing';
    else stopPreview();
  } catch (error) {
    if (mine !== previewGeneration) return;
    stopPreview();
    showNotice({
      id: 'library-preview',
      tone: 'error',
      text: `The preview could not play (${describe(error)}).`,
    });
  }
}

/** Stops the preview. */
export function stopPreview(): void {
  previewGeneration++;
  previewer.stop();
  previewStatus.value = 'idle';
  previewSongId.value = null;
}

/** Imports files as one song; problems land in `importProblems`. True when a song was stored. */
export async function importFiles(files: readonly ImportFile[]): Promise<boolean> {
  if (files.length === 0) return false;
  importProblems.value = [];
  const result = await importAudioFiles(files);
  if (!result.ok) {
    importProblems.value = result.problems;
    return false;
  }
  lastImportedId.value = result.song.id;
  showNotice({
    id: 'library-import',
    tone: 'success',
    text: `Imported “${result.song.name}” with ${result.song.tracks.length} track${result.song.tracks.length === 1 ? '' : 's'}.`,
  });
  return true;
}

/** Clears the shown import problems. */
export function dismissImportProblems(): void {
  importProblems.value = [];
}

/** Renames an imported song. */
export function renameSong(id: string, name: string): Promise<SongActionResult> {
  return renameImportedSong(id, name);
}

/** Deletes an imported song (stopping its preview first). */
export async function deleteSong(id: string): Promise<SongActionResult> {
  if (previewSongId.value === id) stopPreview();
  const result = await deleteImportedSong(id);
  if (result.ok) showNotice({ id: 'library-delete', tone: 'success', text: 'The song was deleted.' });
  return result;
}

/** Opens a song on the Mix page (it starts loading at once, then the page shows it). */
export function mixSong(id: string): void {
  stopPreview();
  void loadSongChoice(mixer, id);
  navigate(`/mix?song=${encodeURIComponent(id)}`);
}

/** Opens a saved arrangement in the arranger (Produce); false (and a notice) when it cannot be read. */
export async function openArrangement(work: SavedWork): Promise<boolean> {
  stopPreview();
  const arranger = getArranger();
  await arrangementSaver.flush();
  if (!arranger.openWork(work)) {
    showNotice({
      id: 'work-open',
      tone: 'error',
      text: `“${work.name ?? work.title}” could not be read back (it is damaged), so it was not opened.`,
    });
    return false;
  }
  navigate('/produce');
  return true;
}

/** Opens a saved mix on the Mix page, as it was left. */
export function openMix(work: SavedWork): void {
  const id = (work.data as { choiceId?: unknown }).choiceId;
  if (typeof id !== 'string') return;
  stopPreview();
  void mixKeeper.saver.flush().then(() => loadSongChoice(mixer, id));
  navigate(mixPath(id));
}

/** Deletes a saved arrangement or mix; the arranger or mixer working on it keeps going as new, unsaved work. */
export async function deleteWork(work: SavedWork): Promise<WorkActionResult> {
  arrangementSaver.cancel(work.id);
  mixKeeper.saver.cancel(work.id);
  if (work.kind === 'arrangement') getArranger().forget(work.id);
  const result = await deleteSavedWork(work.id);
  if (result.ok)
    showNotice({ id: 'library-delete', tone: 'success', text: `“${work.name ?? work.title}” was deleted.` });
  return result;
}

/** A copy of a saved arrangement, as a work of its own ("… (copy)"), to try something without losing the original. */
export async function duplicateArrangement(work: SavedWork): Promise<WorkActionResult> {
  if (work.kind !== 'arrangement') return { ok: false, error: 'Only arrangements can be copied.' };
  await arrangementSaver.flush();
  const now = Date.now();
  const copy: SavedWork = {
    ...work,
    id: newArrangementId(),
    name: `${workName(work)} (copy)`.slice(0, 80),
    createdAt: now,
    updatedAt: now,
  };
  const ok = await writeWork(copy);
  return ok ? { ok: true } : { ok: false, error: 'The copy could not be saved on this device.' };
}
