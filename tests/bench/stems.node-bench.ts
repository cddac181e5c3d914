/**
 * Stem rendering speed (issues 4 and 20): a 32-bar, 9-track song at 48 kHz per style, in Node, as × real
 * time (goal ≥ 200× whatever the instruments). Rows:
 * - synthesis, one thread: best of three after one warm-up render;
 * - sampled instruments, one thread: cold (a freshly parsed bank, every note rendered by the SoundFont
 *   synthesiser) and warm (the same song again: its notes come from the shared note cache);
 * - split over 2 and 4 worker threads (splitStemWork → renderTracksSteps in each → assembleStems here), warm
 *   Workers as a pool would keep them: the time from asking to holding the stems. Bit-identical to one
 *   render (tests/production/split-stem-work.test.ts). Only as fast as the free cores allow.
 * - synthesis, one thread, fresh memory per render: a child process whose every large array is freshly mapped
 *   (MALLOC_MMAP_THRESHOLD_), as a browser Worker's are (PartitionAlloc maps large arrays afresh), so each
 *   render pays the system's page faults on its stems as the app's Worker does; by CPU time, median of three
 *   renders after a warm-up. Node otherwise reuses freed memory, which hides those faults.
 * CPU time per render is printed too (process.cpuUsage: all threads), since the machine may be shared.
 *
 * Issue 20 (tools/profile-stems.ts; old and new renderers alternated in one process, medians of 3 rounds, CPU
 * time; this 2-core machine shared by 5 agents), 32 bars × 9 tracks, 48 kHz, before → after:
 * | | before | after |
 * |---|---|---|
 * | synthesis, fresh memory per render (5 styles) | 67–98× | 87–119× (median 1.23×) |
 * |   page faults per render | 40.6 k | 34.4 k |
 * | synthesis, Node's reused memory | 135–267× | 133–315× (0.98×: inside the noise) |
 * | sampled, notes cached, fresh memory, 44.1 kHz (4 styles) | 48–69× | 52–78× (1.07×) |
 * The stems are bit-identical (tests/production/render-unchanged.test.ts; 180 stem digests). This bench, one
 * run each (the renderer before built from e27f8f4 with this file): fresh-memory row 59–76× → 98–129×; the
 * wall-clock rows swung twofold with the other agents' load (pop synthesis 91× before, 43× after) and measure
 * nothing on that day. 200× is not reached: what is left is in src/production/README.md.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { generateSong } from '../../src/production/generate-song';
import {
  assembleStems,
  type RawTrack,
  renderStemsSync,
  renderTracksSteps,
  songSeconds,
} from '../../src/production/render-stems';
import { parseSampleBank, type SampleBank } from '../../src/production/sampler/sample-bank';
import { splitStemWork } from '../../src/production/split-stem-work';
import { STYLES } from '../../src/production/styles';
import type { StyleId, TrackId } from '../../src/production/types';
import { instrumentBankBytes } from '../../tools/instrument-bank';

const RATE = 48_000;
const BARS = 32;

interface Job {
  style: StyleId;
  ids: TrackId[];
  sampled: boolean;
}

/** Worker side: renders the asked tracks and sends them back (transferred). */
async function serve(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  let bank: SampleBank | null = null;
  port.on('message', async (job: Job) => {
    if (job.sampled && !bank) bank = parseSampleBank(await instrumentBankBytes());
    const song = generateSong(1, job.style, { bars: BARS });
    const steps = renderTracksSteps(
      song,
      { sampleRate: RATE, sampleBank: job.sampled ? bank : null },
      job.ids,
    );
    let step = steps.next();
    while (!step.done) step = steps.next();
    const raw = step.value;
    port.postMessage(
      raw,
      raw.map((r) => r.samples.buffer as ArrayBuffer),
    );
  });
}

if (!isMainThread && (workerData as { stemsBench?: boolean } | null)?.stemsBench) void serve();

/** In the child process of the fresh-memory row: × real time by CPU per style, printed as JSON. */
function freshMemorySpeeds(): void {
  const speeds: number[] = [];
  for (const { id } of STYLES) {
    const song = generateSong(1, id, { bars: BARS });
    const once = () => {
      const c = process.cpuUsage();
      renderStemsSync(song, { sampleRate: RATE, sampleBank: null });
      const d = process.cpuUsage(c);
      return speed(songSeconds(song), (d.user + d.system) / 1000);
    };
    once();
    speeds.push([once(), once(), once()].sort((a, b) => a - b)[1] as number);
  }
  process.stdout.write(`${JSON.stringify(speeds)}\n`);
}

if (isMainThread && process.env.HEADROOM_STEMS_FRESH === '1') freshMemorySpeeds();

function ask(worker: Worker, job: Job): Promise<RawTrack[]> {
  return new Promise((resolve, reject) => {
    const done = (raw: RawTrack[]) => {
      worker.off('error', fail);
      resolve(raw);
    };
    const fail = (error: Error) => {
      worker.off('message', done);
      reject(error);
    };
    worker.once('message', done);
    worker.once('error', fail);
    worker.postMessage(job);
  });
}

/** × real time of a render of `seconds` of song taking `ms`. */
function speed(seconds: number, ms: number): number {
  return (seconds * 1000) / ms;
}

/** Rows: per style synthesis and sampled (cold, warm) on one thread, then 2 and 4 worker threads. */
export async function run() {
  const rows = [];
  const bytes = await instrumentBankBytes();
  const timed = <T>(f: () => T): { ms: number; cpu: number; value: T } => {
    const c = process.cpuUsage();
    const t = performance.now();
    const value = f();
    const ms = performance.now() - t;
    const d = process.cpuUsage(c);
    return { ms, cpu: (d.user + d.system) / 1000, value };
  };
  let cold: number | null = null;
  for (const { id } of STYLES) {
    const song = generateSong(1, id, { bars: BARS });
    const seconds = songSeconds(song);
    const synth = [0, 1, 2, 3].map(() =>
      timed(() => renderStemsSync(song, { sampleRate: RATE, sampleBank: null })),
    );
    cold ??= speed(seconds, (synth[0] as { ms: number }).ms);
    const best = synth.slice(1).reduce((a, b) => (b.ms < a.ms ? b : a));
    rows.push({
      name: `stems: ${id}, synthesis, one thread (${seconds.toFixed(0)} s, CPU ${best.cpu.toFixed(0)} ms)`,
      value: speed(seconds, best.ms),
      unit: '× real time',
      goal: '≥ 200×',
      ok: speed(seconds, best.ms) >= 200,
    });
    const bank = parseSampleBank(bytes);
    const first = timed(() => renderStemsSync(song, { sampleRate: RATE, sampleBank: bank }));
    const again = timed(() => renderStemsSync(song, { sampleRate: RATE, sampleBank: bank }));
    rows.push({
      name: `stems: ${id}, sampled, one thread, cold bank (CPU ${first.cpu.toFixed(0)} ms)`,
      value: speed(seconds, first.ms),
      unit: '× real time',
    });
    rows.push({
      name: `stems: ${id}, sampled, one thread, notes cached (CPU ${again.cpu.toFixed(0)} ms)`,
      value: speed(seconds, again.ms),
      unit: '× real time',
      goal: '≥ 200×',
      ok: speed(seconds, again.ms) >= 200,
    });
  }
  rows.push({
    name: 'stems: first render in a fresh process (pop, synthesis)',
    value: cold ?? 0,
    unit: '× real time',
  });
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url)], {
    env: { ...process.env, HEADROOM_STEMS_FRESH: '1', MALLOC_MMAP_THRESHOLD_: '131072' },
    encoding: 'utf8',
  });
  const fresh = JSON.parse(child.stdout.trim().split('\n').pop() || 'null') as number[] | null;
  if (!fresh) throw new Error(`The fresh-memory child failed: ${child.stderr}`);
  rows.push({
    name: `stems: synthesis, one thread, fresh memory per render as in a browser Worker, by CPU, slowest style (${fresh.map((x) => x.toFixed(0)).join('/')})`,
    value: Math.min(...fresh),
    unit: '× real time',
    goal: '≥ 200×',
    ok: Math.min(...fresh) >= 200,
  });
  for (const threads of [2, 4]) {
    const workers = Array.from(
      { length: threads },
      () => new Worker(new URL(import.meta.url), { workerData: { stemsBench: true } }),
    );
    try {
      for (const sampled of [false, true]) {
        const worst: number[] = [];
        for (const { id } of STYLES) {
          const song = generateSong(1, id, { bars: BARS });
          const groups = splitStemWork(song, threads, sampled);
          const options = { sampleRate: RATE, sampleBank: null };
          const once = async () => {
            const t = performance.now();
            const parts = await Promise.all(
              groups.map((ids, k) => ask(workers[k] as Worker, { style: id, ids, sampled })),
            );
            // assembleStems only levels: the bank matters for renderVersion alone.
            assembleStems(song, options, parts.flat());
            return performance.now() - t;
          };
          await once();
          worst.push(speed(songSeconds(song), Math.min(await once(), await once())));
        }
        const low = Math.min(...worst);
        rows.push({
          name: `stems: ${threads} worker threads, ${sampled ? 'sampled, notes cached' : 'synthesis'}, slowest style (${worst.map((x) => x.toFixed(0)).join('/')}; ${availableParallelism()} cores)`,
          value: low,
          unit: '× real time',
          goal: '≥ 200×',
          ok: low >= 200,
        });
      }
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  return rows;
}
