/**
 * Stems for generated songs: the one place drills and the Mix page get their music. Looks in memory
 * (the current song and the next one, and renders under way, so a drill can fetch the next question's song
 * while the learner answers this one), then in the persistent cache in IndexedDB (stem-cache.ts), and only
 * then renders in a Worker (falling back to the main thread), handing the result to the cache for next time.
 * The same Worker generates song-based questions (generateQuestionInWorker), with the instruments their
 * songs are rendered with, so the page never holds the instrument bank and its thread stays free.
 */
import type { SampleRate } from '../../dsp/units';
import type { ExerciseId, ExerciseQuestion } from '../../exercises/registry';
// Static and small (no sampler, no synthesis): a stored song is looked up without waiting for a chunk.
import { generateSong } from '../../production/generate-song';
import type { RawTrack } from '../../production/render-stems';
import { RENDER_VERSION, stemsVersionFor } from '../../production/render-version';
import type { SongOverrides, Stems, StyleId, TrackId } from '../../production/types';
import { instrumentBankReady, loadInstrumentBank } from './instrument-bank';
import { readCachedStems, readCachedStemsHeadFirst, type StemsHeadFirst, storeStems } from './stem-cache';
import { createWorkerCall } from './worker-call';

/** What to render: a generated song at a rate. */
export interface DrillStemRequest {
  id: number;
  type?: 'stems';
  style: StyleId;
  seed: number;
  overrides?: SongOverrides;
  sampleRate: SampleRate;
  /** The sampled instruments' URL to render with; absent: synthesis only (the page decides, see fetchStems). */
  bankUrl?: string | undefined;
  /** Send the song's first bars first (song-head.ts) and progress as it goes. */
  heads?: boolean;
  /** The bank's bytes, moved (not copied) to the Worker with its first request that names `bankUrl`. */
  bankBytes?: ArrayBuffer;
}

/** What to generate: a question of a kind, at a level or (adaptive) at a value of its main variable. */
export interface QuestionRequest {
  id: number;
  type: 'question';
  kind: ExerciseId;
  seed: number;
  level: number;
  /** The main variable's value (generateAt), or null for generate(seed, level). */
  value: number | null;
  bankUrl?: string | undefined;
  bankBytes?: ArrayBuffer;
}

/** Starts the Worker (and parses the bank when named) before the first song or question is asked for. */
export interface WarmRequest {
  id: number;
  type: 'warm';
  bankUrl?: string | undefined;
  bankBytes?: ArrayBuffer;
}

/** Some of a song's tracks to render unlevelled (a pool Worker's share, see renderInPool). */
export interface TracksRequest {
  id: number;
  type: 'tracks';
  style: StyleId;
  seed: number;
  overrides?: SongOverrides;
  sampleRate: SampleRate;
  ids: TrackId[];
  bankUrl?: string | undefined;
  bankBytes?: ArrayBuffer;
}

/** Any request to the song Worker. */
export type SongWorkerRequest = DrillStemRequest | QuestionRequest | WarmRequest | TracksRequest;

/** The worker's answers: progress and first bars (when asked for heads), then the stems or an error. */
export type DrillStemReply =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'head'; bars: number; stems: Stems }
  | { id: number; type: 'done'; stems: Stems }
  | { id: number; type: 'done'; question: ExerciseQuestion; instruments: string | null }
  | { id: number; type: 'done'; warm: true }
  | { id: number; type: 'done'; raw: RawTrack[] }
  | { id: number; type: 'error'; message: string };

type DoneReply = Extract<DrillStemReply, { type: 'done' }>;

/** What a caller in a hurry hears while a song renders (see loadSongStems). */
export interface StemRenderWatch {
  /** The song's first `bars` bars, levelled on their own, as soon as they are rendered. */
  onHead?: (stems: Stems, bars: number) => void;
  /** Share of the rendering done (0..1). */
  onProgress?: (fraction: number) => void;
  /** The render was asked of the Worker (the page may take on other work now). */
  onAsked?: () => void;
}

/**
 * Songs kept in memory: the current one and the next (a 12-bar song of 9 stereo stems at 48 kHz is about
 * 30 MB); the rest are released (they are in IndexedDB, a read away).
 */
export const STEM_MEMORY_SIZE = 2;

const cache = new Map<string, Promise<Stems>>();
const workerCall = createWorkerCall<SongWorkerRequest, DoneReply, DoneReply>(
  () => new Worker(new URL('./song-stems.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply,
);

/** How long the Worker may sit idle before it is stopped (its bank and caches, 100–150 MB, released). */
export const WORKER_IDLE_MS = 20_000;
let busy = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
/** Set when the songs were released while the Worker worked: it stops as soon as that work ends. */
let stopWhenIdle = false;
/** The song Worker, counted while it works, and stopped once idle for WORKER_IDLE_MS. */
const worker = {
  call(...args: Parameters<typeof workerCall.call>): ReturnType<typeof workerCall.call> {
    const pending = workerCall.call(...args);
    if (!pending) return pending;
    busy++;
    stopWhenIdle = false;
    clearTimeout(idleTimer);
    const settled = () => {
      if (--busy > 0) return;
      clearTimeout(idleTimer);
      if (stopWhenIdle) {
        stopWhenIdle = false;
        workerCall.terminate();
        return;
      }
      idleTimer = setTimeout(() => {
        if (busy === 0) workerCall.terminate();
      }, WORKER_IDLE_MS);
    };
    pending.then(settled, settled);
    return pending;
  },
  /** Stops the Worker now; requests it was working on are forgotten (they get no reply). */
  terminate: () => {
    workerCall.terminate();
    busy = 0;
    stopWhenIdle = false;
    clearTimeout(idleTimer);
  },
};

/** How a song's instruments are chosen: the page decides (undefined), or synthesis only (null), or a bank URL. */
export type InstrumentChoice = string | null | undefined;

function keyOf(r: Omit<DrillStemRequest, 'id'>, instruments: InstrumentChoice): string {
  return JSON.stringify([r.style, r.seed, r.overrides ?? {}, r.sampleRate, instruments === null]);
}

/** The bank's bytes to move to the Worker with a request that names `bankUrl` (the first such request only). */
let bankBytes: (() => ArrayBuffer | null) | null = null;

/** `request` with the bank's bytes attached the first time it names the bank, and what to transfer. */
function withBankBytes<R extends { bankUrl?: string | undefined; bankBytes?: ArrayBuffer }>(
  request: R,
): [R, Transferable[]] {
  const bytes = request.bankUrl ? (bankBytes?.() ?? null) : null;
  return bytes ? [{ ...request, bankBytes: bytes }, [bytes]] : [request, []];
}

async function renderHere(r: Omit<DrillStemRequest, 'id'>, watch?: StemRenderWatch): Promise<Stems> {
  const [{ generateSong }, { renderStems }, { installSampleBank }] = await Promise.all([
    import('../../production/generate-song'),
    import('../../production/render-stems'),
    import('../../production/sampler/sample-bank'),
  ]);
  // No Worker: this page parses the bank itself (or synthesises, as asked).
  installSampleBank(r.bankUrl ? ((await loadInstrumentBank())?.bank ?? null) : null);
  const song = generateSong(r.seed, r.style, r.overrides ?? {});
  return renderStems(song, { sampleRate: r.sampleRate }, undefined, watch?.onProgress);
}

/**
 * How many Workers render one song's tracks side by side: at most 4, one per core but one left for the page
 * and the audio thread, and 1 (the song Worker alone) on a device with 2 cores or fewer. Each pool Worker
 * parses the instrument bank itself (60–90 MB each while the pool runs; it stops when idle), so a 2-core
 * device, most likely a small one, keeps its memory: there 2 Workers render about 1.6× faster
 * (`npm run bench stem-pool`: 40× → 63× real time on a loaded 2-core machine), 4 no faster than 2.
 */
export function stemWorkerCount(
  cores = typeof navigator === 'undefined' ? 1 : navigator.hardwareConcurrency,
): number {
  if (!Number.isFinite(cores) || cores <= 2) return 1;
  return Math.min(4, Math.floor(cores) - 1);
}

type SongWorkerCall = ReturnType<typeof createWorkerCall<SongWorkerRequest, DoneReply, DoneReply>>;
/** The pool's Workers (started on first use, stopped after WORKER_IDLE_MS idle). */
const pool: SongWorkerCall[] = [];
let poolBusy = 0;
let poolTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * A song rendered by `workers` pool Workers, its tracks split by splitStemWork and put together by
 * assembleStems: the same stems, bit for bit, as one render. Null when a Worker cannot run or fails.
 */
export async function renderInPool(r: Omit<DrillStemRequest, 'id'>, workers: number): Promise<Stems | null> {
  if (typeof Worker === 'undefined') return null;
  const [{ generateSong }, { assembleStems, renderVersionFor }, { splitStemWork }] = await Promise.all([
    import('../../production/generate-song'),
    import('../../production/render-stems'),
    import('../../production/split-stem-work'),
  ]);
  const song = generateSong(r.seed, r.style, r.overrides ?? {});
  const groups = splitStemWork(song, workers, r.bankUrl !== undefined);
  while (pool.length < groups.length)
    pool.push(
      createWorkerCall<SongWorkerRequest, DoneReply, DoneReply>(
        () => new Worker(new URL('./song-stems.worker.ts', import.meta.url), { type: 'module' }),
        (reply) => reply,
      ),
    );
  poolBusy++;
  clearTimeout(poolTimer);
  try {
    const replies = groups.map((ids, k) => {
      const request: Omit<TracksRequest, 'id'> = {
        type: 'tracks',
        style: r.style,
        seed: r.seed,
        sampleRate: r.sampleRate,
        ids,
        bankUrl: r.bankUrl,
        ...(r.overrides ? { overrides: r.overrides } : {}),
      };
      return pool[k]?.call(request as Omit<SongWorkerRequest, 'id'>);
    });
    if (replies.some((p) => !p)) return null;
    const raw = (await Promise.all(replies)).flatMap((reply) => (reply as { raw: RawTrack[] }).raw);
    // The page holds no bank: assemble as synthesis, then name the version the tracks were rendered with.
    const stems = assembleStems(song, { sampleRate: r.sampleRate, sampleBank: null }, raw);
    return { ...stems, renderVersion: renderVersionFor(song, r.bankUrl !== undefined) };
  } catch {
    return null;
  } finally {
    if (--poolBusy === 0)
      poolTimer = setTimeout(() => {
        for (const w of pool) w.terminate();
      }, WORKER_IDLE_MS);
  }
}

function renderInWorker(r: Omit<DrillStemRequest, 'id'>, watch?: StemRenderWatch): Promise<Stems> {
  // A caller that plays the first bars while the rest renders (the Mix page) gets them from the song Worker.
  const workers = watch?.onHead ? 1 : stemWorkerCount();
  if (workers > 1) return renderInPool(r, workers).then((stems) => stems ?? renderInSongWorker(r, watch));
  return renderInSongWorker(r, watch);
}

function renderInSongWorker(r: Omit<DrillStemRequest, 'id'>, watch?: StemRenderWatch): Promise<Stems> {
  const heads = watch !== undefined && (watch.onHead !== undefined || watch.onProgress !== undefined);
  const [request, transfer] = withBankBytes({ ...r, type: 'stems' as const, heads });
  const pending = worker.call(request, transfer, (reply) => {
    const update = reply as DrillStemReply;
    if (update.type === 'progress') watch?.onProgress?.(update.fraction);
    else if (update.type === 'head') watch?.onHead?.(update.stems, update.bars);
  });
  watch?.onAsked?.();
  return pending
    ? pending.then((reply) => (reply as { stems: Stems }).stems).catch(() => renderHere(r, watch))
    : renderHere(r, watch);
}

/** Overrides that songs which come back use (drills, lessons, the Mix page): only length and tempo. */
const STOCK_OVERRIDES = new Set(['bars', 'bpm']);

/** True for a song worth keeping on disk: no arranger edits beyond its length and tempo. */
export function isStockSong(overrides: SongOverrides | undefined): boolean {
  return Object.keys(overrides ?? {}).every((k) => STOCK_OVERRIDES.has(k));
}

// As soon as anything that plays songs is loaded (after the first screen), start the Worker (its code loads
// while the page fetches the sampled instruments) and hand it the bank to parse, so the first song or
// question waits for neither; the page hands the bytes over and never parses them itself. Not when the app
// opens on the Mix page: a stored song needs no Worker, and a new one starts it with its first bars to render,
// which must not wait behind the bank's parsing or share the cores with it (leaving the page stops it anyway).
if (typeof location !== 'undefined' && !location.pathname.startsWith('/mix'))
  setTimeout(() => void warmSongWorker(), 0);

/** Starts the song Worker and has it parse the instrument bank ahead of the first request. */
export async function warmSongWorker(): Promise<void> {
  worker.call({ type: 'warm' })?.catch(() => undefined);
  const bankUrl = await instrumentsForRender();
  if (!bankUrl) return;
  const [request, transfer] = withBankBytes({ type: 'warm' as const, bankUrl });
  await worker.call(request, transfer)?.catch(() => undefined);
}

/** Longest the first song waits for the sampled instruments before it is synthesised instead. */
export const INSTRUMENT_WAIT_MS = 5000;

/**
 * The instrument bank's URL once this page has its bytes (fetching them on first use, after the first
 * screen), or undefined to synthesise (none after INSTRUMENT_WAIT_MS). The bytes go to the Worker, which
 * renders songs and generates questions with them.
 */
export async function instrumentsForRender(): Promise<string | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>(
    (resolve) => (timer = setTimeout(() => resolve(null), INSTRUMENT_WAIT_MS)),
  );
  const ready = await Promise.race([instrumentBankReady(), timeout]);
  clearTimeout(timer);
  if (ready) bankBytes = ready.takeBytes;
  return ready ? ready.url : undefined;
}

/** The instruments each question generated here was analysed with (bank URL, or null: synthesis). */
const questionBanks = new WeakMap<object, string | null>();

/** The instruments `question` was generated with: a bank URL, null for synthesis, undefined when unknown. */
export function questionInstruments(question: object): InstrumentChoice {
  return questionBanks.get(question);
}

/**
 * Generates a question in the song Worker; null when no Worker can run (generate on this thread instead).
 * Questions are made on synthesis there (see song-stems.worker.ts), as in Node, so the kind's pure generate is
 * the reference and nothing waits for the instrument bank. `instruments` (a URL, or null for synthesis) is
 * recorded with the question as what its songs play with (see questionInstruments); by default nothing is
 * recorded and its songs play with what this page has, like every other song.
 */
export function generateQuestionInWorker(
  kind: ExerciseId,
  seed: number,
  level: number,
  value: number | null,
  instruments?: InstrumentChoice,
): Promise<ExerciseQuestion> | null {
  if (typeof Worker === 'undefined') return null;
  return (async () => {
    const request = {
      type: 'question' as const,
      kind,
      seed,
      level,
      value,
      bankUrl: instruments ?? undefined,
    };
    const pending = worker.call(request);
    if (!pending) throw new Error('no worker');
    const reply = await pending;
    const { question, instruments: used } = reply as {
      question: ExerciseQuestion;
      instruments: string | null;
    };
    // What the Worker really has for its songs: a bank that could not be read there means synthesis.
    if (instruments !== undefined) questionBanks.set(question, used);
    return question;
  })();
}

/** IndexedDB, then a render (whose stems go to IndexedDB in the background when `persist`). */
async function fetchStems(
  r: Omit<DrillStemRequest, 'id'>,
  persist: boolean,
  watch?: StemRenderWatch,
  instruments?: InstrumentChoice,
): Promise<Stems> {
  const bank = instruments === undefined ? instrumentsForRender() : Promise.resolve(instruments ?? undefined);
  const song = generateSong(r.seed, r.style, r.overrides ?? {});
  // Stems stored with the sampled instruments play as they are: found without waiting for the bank's bytes.
  const sampled =
    instruments !== null ? await readCachedStems(song.id, stemsVersionFor(song, true), r.sampleRate) : null;
  if (sampled) return sampled;
  const bankUrl = await bank;
  // Sampled stems have their own render version: a synthesised fallback on disk never stands in for them.
  // Synthesised stems asked for but not to be kept (the Mix page's first bars) are not looked for either.
  if (!bankUrl && (persist || instruments !== null)) {
    const cached = await readCachedStems(song.id, RENDER_VERSION, r.sampleRate);
    if (cached) return cached;
  }
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
 * are ready (a song found in memory or on disk reports neither). `instruments` fixes the instruments (a
 * question's, see questionInstruments); by default the sampled ones when this page can have them. With
 * `release`, the song leaves memory once handed over (a drill cuts its loop from it and needs it no more):
 * a drill then holds only the next question's song (fetched ahead) and the current question's loop.
 */
export function loadSongStems(
  source: { style: StyleId; seed: number; overrides?: SongOverrides },
  sampleRate: SampleRate,
  options: { persist?: boolean; instruments?: InstrumentChoice; release?: boolean } & StemRenderWatch = {},
): Promise<Stems> {
  const request = { style: source.style, seed: source.seed, overrides: source.overrides, sampleRate };
  const key = keyOf(request, options.instruments);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    if (options.release) void hit.finally(() => forget(key, hit)).catch(() => undefined);
    else cache.set(key, hit);
    return hit;
  }
  const watch = options.onHead || options.onProgress || options.onAsked ? options : undefined;
  const persist = options.persist ?? isStockSong(source.overrides);
  const pending = fetchStems(request, persist, watch, options.instruments);
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  if (options.release) void pending.finally(() => forget(key, pending)).catch(() => undefined);
  while (cache.size > STEM_MEMORY_SIZE) cache.delete(cache.keys().next().value as string);
  return pending;
}

/**
 * The stems of a generated song as they would play with this page's instruments when they are already made:
 * from memory (which lets go of them: the caller holds them now), or stored with the sampled instruments in
 * IndexedDB; null when they would have to be rendered.
 */
export async function storedSongStems(
  source: { style: StyleId; seed: number; overrides?: SongOverrides },
  sampleRate: SampleRate,
): Promise<Stems | null> {
  const request = { style: source.style, seed: source.seed, overrides: source.overrides, sampleRate };
  const key = keyOf(request, undefined);
  const hit = cache.get(key);
  if (hit) {
    void hit.finally(() => forget(key, hit)).catch(() => undefined);
    return hit;
  }
  const song = generateSong(source.seed, source.style, source.overrides ?? {});
  return readCachedStems(song.id, stemsVersionFor(song, true), sampleRate);
}

/**
 * As storedSongStems, read head first: from memory the whole song at once (`whole` is `head`), from
 * IndexedDB its first `headFrames` samples first and the rest after (see readCachedStemsHeadFirst).
 */
export async function storedSongStemsHeadFirst(
  source: { style: StyleId; seed: number; overrides?: SongOverrides },
  sampleRate: SampleRate,
  headFrames: number,
): Promise<StemsHeadFirst | null> {
  const request = { style: source.style, seed: source.seed, overrides: source.overrides, sampleRate };
  const key = keyOf(request, undefined);
  const hit = cache.get(key);
  if (hit) {
    void hit.finally(() => forget(key, hit)).catch(() => undefined);
    const stems = await hit;
    return { head: stems, whole: Promise.resolve(stems), length: stems.length };
  }
  const song = generateSong(source.seed, source.style, source.overrides ?? {});
  return readCachedStemsHeadFirst(song.id, stemsVersionFor(song, true), sampleRate, headFrames);
}

/** Drops `pending` from memory unless a newer request for the same song replaced it. */
function forget(key: string, pending: Promise<Stems>): void {
  if (cache.get(key) === pending) cache.delete(key);
}

/**
 * Releases every song kept in memory (nothing plays them any more; they stay in IndexedDB), and stops the
 * song Worker once it has nothing to do (now, or when the work in hand ends, not WORKER_IDLE_MS later): its
 * instrument bank, note cache and garbage are 150–250 MB after a drill (the next song or question starts it
 * again).
 */
export function releaseSongStems(): void {
  cache.clear();
  if (busy === 0) {
    clearTimeout(idleTimer);
    workerCall.terminate();
  } else stopWhenIdle = true; // a render or question asked for the closed drill ends first (issue 21)
}

/**
 * Stops the song Worker once the work in hand ends (now when idle) and the pool's Workers when idle, keeping
 * the songs in memory: a drill calls it once its last question is shown, so the Workers' instrument bank,
 * note cache and garbage (about 100 MB each) go then, not WORKER_IDLE_MS later (issue 21). The next request
 * starts a Worker again, 3-4 s slower on its first question and song than a warm one (code compiled and warmed
 * up again): not worth it between a drill's questions.
 */
export function stopSongWorkersWhenIdle(): void {
  if (busy === 0) {
    clearTimeout(idleTimer);
    workerCall.terminate();
  } else stopWhenIdle = true;
  if (poolBusy === 0) {
    clearTimeout(poolTimer);
    for (const w of pool) w.terminate();
  }
}

/** Forgets every song in memory (and stops the worker). */
export function clearDrillStems(): void {
  cache.clear();
  worker.terminate();
}
