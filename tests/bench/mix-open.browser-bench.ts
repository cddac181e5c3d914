// `npm run bench mix-open` (browser): opening a song on the Mix page (issue 15, "Fast first sound").
// Times, from the moment a song is chosen, until Play is enabled and until the first sound is heard when Play
// is pressed at once. Cold: the song's stems in neither memory nor IndexedDB and a fresh song Worker (its
// code loaded again, the instrument bank parsed again and no note rendered yet); the bank's file itself is
// in the HTTP cache, as on any visit after the first (a first visit's download is in the production rows
// of tests/bench/run.mjs). Warm: the stems in IndexedDB (a later opening). "Whole song first" is how the
// page worked at first: the sampled stems rendered whole, then the mixer loaded. "Loaded now" is
// loadSongChoice: stored stems load at once; a song never opened before plays its first bars synthesised
// (they render in a fraction of the time the sampled instruments need) while the rest renders, and its
// sampled parts take over while nothing plays. The live context and the engine's modules exist first.
// Before this change (same bench, 7 Dec 2026, alone on the machine), "first bars first" (sampled): cold
// chosen → Play enabled 2541 ms, → first sound 2929 ms, Play → sound 400 ms; warm 353 ms / Play → sound 178 ms.
// After (7 Dec, 17:05, load average 5 from other work, so slower than alone): "loaded now" cold 2421 ms,
// → first sound 2806 ms, Play → sound 354 ms; warm 477 ms / 299 ms ("whole song first" in the same run: cold
// 4675 ms). Production builds before/after interleaved in one run (fresh profiles, medians of rock, pop,
// electronic, same load): first visit navigation → Play enabled 6538 → 5692 ms, Play → sound 1250 → 371 ms;
// a later visit's cold song (bank in the cache) 5185 → 3843 ms, Play → sound 305 → 100 ms; warm 3834 → 3582 ms.
// The production rows (navigation → Play enabled / → first sound, first visit, cold, warm, and where the time
// goes) are run.mjs's mixOpenRows. 7 Dec, 19:40, production builds before/after this change interleaved
// (fresh profiles, medians of rock, pop, electronic, load 5-9): first visit navigation → Play enabled
// 3274 → 2296 ms, → first sound 4076 → 2857 ms; cold (app and bank cached) 2173 → 1361 / 2617 → 1813 ms;
// warm 1349 → 1110 / 1736 → 1491 ms; Play → sound about 380-450 ms either way (the engine is built after Play
// is enabled). The stored song was found only after render-stems (the sampler) had loaded and run.
// 7 Dec, 21:37 (before) and 22:50 (after), one run each of `npm run bench mix-open` on a machine shared by other
// work (load 8-14 before, 11-14 after): the app starts the song and the engine on a /mix address, a stored song
// plays from its first 3 s (read first), strips no longer wait for the engine's code, no bank parse in the song
// Worker on /mix. Navigation → first sound: warm 2417 → 1619 ms (Play enabled 1922 → 1141), cold 4969 → 3081
// (3416 → 2536), first visit 4297 → 4790 (3599 → 3649, noise). Step timings: performance marks mix:*, stems:*,
// live:* (mix-songs.ts, stem-cache.ts, live-mix.ts). run.mjs's "stored song read" row now reads the whole song's
// read, which may end after the first sound (then NaN).

import {
  awaitingSamples,
  loadSongChoice,
  SONG_BARS,
  SONG_SEED,
  songSource,
} from '../../src/state/mixer/mix-songs';
import { createMixerModel, type MixerModel } from '../../src/state/mixer/mixer-model';
import { startAudio } from '../../src/state/shared/audio';
import { clearDrillStems } from '../../src/state/shared/song-stems';
import { clearCachedAudio, stemWritesSettled } from '../../src/state/shared/stem-cache';

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

const STYLES = ['pop', 'rock', 'electronic'] as const;
const GOAL_MS = 1000;
/** Play → sound (issue 20 part 3; the drill's rows are in first-sound.browser-bench.ts). */
const PLAY_GOAL_MS = 100;
const SOUND_DB = -60;

/** Resolves with performance.now() when `test` first holds (polled on a message loop, about every ms). */
function when(test: () => boolean, timeoutMs = 30_000): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (test()) resolve(performance.now());
      else if (performance.now() - start > timeoutMs) reject(new Error('timed out'));
      else channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  });
}

const heard = (model: MixerModel) => () =>
  (model.live?.readMasterMeter().peakDb ?? Number.NEGATIVE_INFINITY) > SOUND_DB;

/** Chooses `style` and presses Play as soon as it is enabled: ms to Play enabled, to first sound, and Play → sound. */
async function open(style: (typeof STYLES)[number], wholeFirst: boolean): Promise<[number, number, number]> {
  const model = createMixerModel({ holdOnce: true });
  const chosen = performance.now();
  const loading = wholeFirst ? songSource(style).then((s) => model.load(s)) : loadSongChoice(model, style);
  const ready = await when(() => model.status.value === 'ready');
  const sound = when(heard(model));
  const pressed = performance.now();
  await model.play();
  const first = await sound;
  model.stop();
  // The rest of the song renders on, and its sampled parts (stored) take over, before the next measurement.
  await loading;
  await when(() => !awaitingSamples.value, 60_000);
  model.detach();
  return [ready - chosen, first - chosen, first - pressed];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Rows: cold and warm opening, whole song first (before) and first bars first (now). */
export async function run(): Promise<Row[]> {
  // Warm the engine (modules, worklets, a running context), as the page does while the song renders.
  const ctx = await startAudio();
  if (!ctx) throw new Error('no audio context');
  const warm = createMixerModel();
  await warm.load(await songSource('pop', SONG_SEED, { bars: SONG_BARS }));
  await warm.play();
  await when(heard(warm));
  warm.stop();
  warm.detach();

  const rows: Row[] = [];
  for (const wholeFirst of [true, false]) {
    const cold: [number, number, number][] = [];
    const warmed: [number, number, number][] = [];
    for (const style of STYLES) {
      await clearCachedAudio();
      clearDrillStems();
      cold.push(await open(style, wholeFirst));
      await stemWritesSettled();
      clearDrillStems();
      warmed.push(await open(style, wholeFirst));
    }
    const how = wholeFirst ? 'whole song first' : 'loaded now';
    for (const [label, runs] of [
      ['cold (nothing cached, fresh Worker)', cold],
      ['warm (stems in IndexedDB)', warmed],
    ] as const) {
      const sound = median(runs.map((r) => r[1]));
      rows.push({
        name: `Mix page (dev server), ${how}, ${label}: song chosen → Play enabled (median of pop, rock, electronic)`,
        value: median(runs.map((r) => r[0])),
        unit: 'ms',
      });
      rows.push({
        name: `Mix page (dev server), ${how}, ${label}: song chosen → first sound (Play pressed when enabled)`,
        value: sound,
        unit: 'ms',
        goal: `< ${GOAL_MS} ms`,
        ok: sound < GOAL_MS,
      });
      const press = median(runs.map((r) => r[2]));
      rows.push({
        name: `Mix page (dev server), ${how}, ${label}: Play pressed → first sound at the master meter`,
        value: press,
        unit: 'ms',
        goal: `< ${PLAY_GOAL_MS} ms`,
        ok: press < PLAY_GOAL_MS,
      });
    }
  }
  return rows;
}
