/**
 * Stems for generated songs: the one place drills and the Mix page get their music. Looks in memory
 * (the last few songs, and renders under way, so a drill can fetch the next question's song while the
 * learner answers this one), then in the persistent cache in IndexedDB (stem-cache.ts), and only then
 * renders in a Worker (falling back to the main thread), handing the result to the cache for next time.
 */
import type { SampleRate } from '../../dsp/units';
import type { SongOverrides, Stems, StyleId } from '../../production/types';
import { fetchInstrumentBank, loadInstrumentBank } from './instrument-bank';
import { readCachedStems, storeStems } from './stem-cache';
import { createWorkerCall } from './worker-call';

/** What to render: a generated song at a rate. */
export interface DrillStemRequest {
  id: number;
  style: StyleId;
  seed: number;
  overrides?: SongOverrides;
  sampleRate: SampleRate;
  /** The sampled instruments' URL to render with; absent: synthesis only (the page decides, see fetchStems). */
  bankUrl?: string | undefined;
  /** Send the song's first bars first (song-head.ts) and progress as it goes. */
  heads?: boolean;
}

/** The worker's answers: progress and first bars (when asked for heads), then the stems or an error. */
export type DrillStemReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'head'; bars: number; stems: Stems }
  | { id: number; type: 'done'; stems: Stems }
  | { id: number; type: 'error'; message: string };

/** What a caller in a hurry hears while a song renders (see loadSongStems). */
export interface StemRenderWatch {
  /** The song's first `bars` bars, levelled on their own, as soon as they are rendered. */
  onHead?: (stems: Stems, bars: number) => void;
  /** Share of the rendering done (0..1). */
  onProgress?: (fraction: number) => void;
}

/** Songs kept in memory (an 8-bar song at 48 kHz is about 7 MB). */
export const STEM_MEMORY_SIZE = 6;

const cache = new Map<string, Promise<Stems>>();
const worker = createWorkerCall<DrillStemRequest, Extract<DrillStemReply, { type: 'done' }>, Stems>(
  () => new Worker(new URL('./song-stems.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply.stems,
);

function keyOf(r: Omit<DrillStemRequest, 'id'>): string {
  return JSON.stringify([r.style, r.seed, r.overrides ?? {}, r.sampleRate]);
}

async function renderHere(r: Omit<DrillStemRequest, 'id'>, watch?: StemRenderWatch): Promise<Stems> {
  const [{ generateSong }, { renderStems }] = await Promise.all([
    import('../../production/generate-song'),
    import('../../production/render-stems'),
  ]);
  const song = generateSong(r.seed, r.style, r.overrides ?? {});
  return renderStems(song, { sampleRate: r.sampleRate }, undefined, watch?.onProgress);
}

function renderInWorker(r: Omit<DrillStemRequest, 'id'>, watch?: StemRenderWatch): Promise<Stems> {
  const heads = watch !== undefined && (watch.onHead !== undefined || watch.onProgress !== undefined);
  const pending = worker.call({ ...r, heads }, [], (reply) => {
    const update = reply as DrillStemReply;
    if (update.type === 'progress') watch?.onProgress?.(update.fraction);
    else if (update.type === 'head') watch?.onHead?.(update.stems, update.bars);
  });
  return pending ? pending.catch(() => renderHere(r, watch)) : renderHere(r, watch);
}

/** Overrides that songs which come back use (drills, lessons, the Mix page): only length and tempo. */
const STOCK_OVERRIDES = new Set(['bars', 'bpm']);

/** True for a song worth keeping on disk: no arranger edits beyond its length and tempo. */
export function isStockSong(overrides: SongOverrides | undefined): boolean {
  return Object.keys(overrides ?? {}).every((k) => STOCK_OVERRIDES.has(k));
}

// Fetch and parse the sampled instruments as soon as anything that plays songs is loaded (after the first
// screen), so that the first question's analysis on this page already hears them, and its first song waits less.
if (typeof location !== 'undefined') setTimeout(() => void loadInstrumentBank(), 0);

/** Longest the first song waits for the sampled instruments before it is synthesised instead. */
export const INSTRUMENT_WAIT_MS = 5000;

/**
 * The instrument bank's URL once this page has its bytes (fetching them on first use, after the first
 * screen), or undefined to synthesise. The page parses and installs the bank in the background, so the
 * exercises' analyses (rendered here) hear the samples too; the Worker loads the same URL meanwhile.
 */
async function instrumentsForRender(): Promise<string | undefined> {
  void loadInstrumentBank();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>(
    (resolve) => (timer = setTimeout(() => resolve(null), INSTRUMENT_WAIT_MS)),
  );
  const fetched = await Promise.race([fetchInstrumentBank(), timeout]);
  clearTimeout(timer);
  return fetched ? fetched.url : undefined;
}

/** IndexedDB, then a render (whose stems go to IndexedDB in the background when `persist`). */
async function fetchStems(
  r: Omit<DrillStemRequest, 'id'>,
  persist: boolean,
  watch?: StemRenderWatch,
): Promise<Stems> {
  const [{ generateSong }, { RENDER_VERSION, renderVersionFor }, bankUrl] = await Promise.all([
    import('../../production/generate-song'),
    import('../../production/render-stems'),
    instrumentsForRender(),
  ]);
  const song = generateSong(r.seed, r.style, r.overrides ?? {});
  // Sampled stems have their own render version: a synthesised fallback on disk never stands in for them.
  const version = bankUrl ? renderVersionFor(song, true) : RENDER_VERSION;
  const cached = await readCachedStems(song.id, version, r.sampleRate);
  if (cached) return cached;
  r = { ...r, bankUrl };
  const stems = await renderInWorker(r, watch);
  if (persist) void storeStems(stems);
  return stems;
}

/**
 * The stems of a generated song at `sampleRate`: from memory, the IndexedDB cache, or a fresh render.
 * Renders are kept on disk when `persist` says so; by default only stock songs (see isStockSong) are,
 * so an arranger's every edit does not push the drills' songs out of the cache. With `onHead` or
 * `onProgress`, a fresh render reports its progress and hands over the song's first bars as soon as they
 * are ready (a song found in memory or on disk reports neither).
 */
export function loadSongStems(
  source: { style: StyleId; seed: number; overrides?: SongOverrides },
  sampleRate: SampleRate,
  options: { persist?: boolean } & StemRenderWatch = {},
): Promise<Stems> {
  const request = { style: source.style, seed: source.seed, overrides: source.overrides, sampleRate };
  const key = keyOf(request);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const watch = options.onHead || options.onProgress ? options : undefined;
  const pending = fetchStems(request, options.persist ?? isStockSong(source.overrides), watch);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  while (cache.size > STEM_MEMORY_SIZE) cache.delete(cache.keys().next().value as string);
  return pending;
}

/** Forgets every song in memory (and stops the worker). */
export function clearDrillStems(): void {
  cache.clear();
  worker.terminate();
}
