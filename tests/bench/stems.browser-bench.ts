// `npm run bench stems` (browser half): the stem cache (issue 4, "Performance"). Runs in headless Chromium.
// "Play → first sound with cached stems" is timed from the moment Play is pressed on a song whose stems are
// in IndexedDB but not in memory (a new visit, or the library's preview) to the first audible block at the
// master meter: read the cache, build the mixer, start the transport. The engine is loaded once first
// (as it is after any page that plays), and the song's own lead-in before its first sound is subtracted.
// A second goal row times Play on a mixer that was prepared from the cache beforehand (what drills do while
// the question is shown): then only the transport's scheduling lead remains.
import { findFirstSound } from '../../src/dsp/measure';
import { generateSong } from '../../src/production/generate-song';
import { RENDER_VERSION } from '../../src/production/render-stems';
import { SONG_BARS, SONG_SEED, SOURCE_RATE, songSource } from '../../src/state/mixer/mix-songs';
import { createMixerModel } from '../../src/state/mixer/mixer-model';
import { startAudio } from '../../src/state/shared/audio';
import { clearDrillStems, loadSongStems } from '../../src/state/shared/song-stems';
import { clearCachedAudio, readCachedStems, stemWritesSettled } from '../../src/state/shared/stem-cache';

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

const RUNS = 7;
const GOAL_MS = 100;
const SOUND_DB = -60;

/** Resolves with performance.now() when the model's master meter first reads above SOUND_DB. */
function firstSound(model: ReturnType<typeof createMixerModel>, timeoutMs = 5000): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    // A message loop polls about every millisecond (timers are clamped; rAF is throttled when headless).
    channel.port1.onmessage = () => {
      const peak = model.live?.readMasterMeter().peakDb ?? Number.NEGATIVE_INFINITY;
      if (peak > SOUND_DB) resolve(performance.now());
      else if (performance.now() - start > timeoutMs) reject(new Error('no sound within 5 s'));
      else channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  });
}

/** Seconds of lead-in before the song's first sound (the earliest track's first sample above SOUND_DB). */
function leadInMs(tracks: { channels: Float32Array[] }[], rate: number): number {
  const firsts = tracks
    .flatMap((t) => t.channels.map((c) => findFirstSound(c, SOUND_DB)))
    .filter((i) => i >= 0);
  return (Math.min(...firsts) / rate) * 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rows: cached play → first sound (goal < 100 ms), its cache read, and the uncached render for contrast. */
export async function run(): Promise<Row[]> {
  const song = { style: 'pop' as const, seed: SONG_SEED, overrides: { bars: SONG_BARS } };
  const songId = generateSong(song.seed, song.style, song.overrides).id;
  await clearCachedAudio();
  clearDrillStems();

  // Nothing cached: the first play renders in the Worker (and stores the stems).
  const renderStart = performance.now();
  const rendered = await loadSongStems(song, SOURCE_RATE);
  const renderMs = performance.now() - renderStart;
  await stemWritesSettled();
  const mb =
    rendered.tracks.reduce((n, t) => n + t.channels.reduce((m, c) => m + c.byteLength, 0), 0) / 2 ** 20;
  const leadIn = leadInMs(rendered.tracks, rendered.sampleRate);

  // Warm the engine (modules, worklets, a running AudioContext), as any earlier page that played would.
  const warm = createMixerModel();
  await warm.load(await songSource('pop'));
  await warm.play();
  await firstSound(warm);
  warm.stop();
  warm.detach();

  const readMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    clearDrillStems();
    const t = performance.now();
    const hit = await readCachedStems(songId, RENDER_VERSION, SOURCE_RATE);
    if (!hit) throw new Error('stems were not cached');
    readMs.push(performance.now() - t);
  }

  /** Play → first sound, `RUNS` times; `fromDisk` empties the stem memory first. */
  const timePlay = async (fromDisk: boolean): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      if (fromDisk) clearDrillStems();
      const model = createMixerModel();
      const pressed = performance.now();
      await model.load(await songSource('pop'));
      const heard = firstSound(model);
      await model.play();
      times.push((await heard) - pressed - leadIn);
      model.stop();
      model.detach();
    }
    return times;
  };
  const playMs = await timePlay(true);
  const memoryMs = await timePlay(false);
  // As the drill player does: stems loaded and the mixer built while the question shows, then Play.
  const preparedMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const model = createMixerModel();
    await model.load(await songSource('pop'));
    const ctx = await startAudio();
    if (!ctx) throw new Error('no audio context');
    await model.attach(ctx);
    const pressed = performance.now();
    const heard = firstSound(model);
    await model.play();
    preparedMs.push((await heard) - pressed - leadIn);
    model.stop();
    model.detach();
  }
  const best = Math.min(...playMs);
  const typical = median(playMs);
  const label = `8-bar pop song, ${rendered.tracks.length} stems, ${mb.toFixed(0)} MB`;
  return [
    {
      name: `play → first sound, stems cached in IndexedDB (${label}; median of ${RUNS})`,
      value: typical,
      unit: 'ms',
      goal: `< ${GOAL_MS} ms`,
      ok: typical < GOAL_MS,
    },
    { name: 'play → first sound, stems cached: best run', value: best, unit: 'ms' },
    {
      name: `  of which: reading the stems from IndexedDB (${mb.toFixed(0)} MB; median)`,
      value: median(readMs),
      unit: 'ms',
    },
    {
      name: 'play → first sound, stems already in memory (mixer build + start; median)',
      value: median(memoryMs),
      unit: 'ms',
    },
    {
      name: 'play → first sound, stems loaded and mixer built before Play (as drills do; median)',
      value: median(preparedMs),
      unit: 'ms',
      goal: `< ${GOAL_MS} ms`,
      ok: median(preparedMs) < GOAL_MS,
    },
    { name: 'first play with nothing cached (render in the Worker)', value: renderMs, unit: 'ms' },
  ];
}
