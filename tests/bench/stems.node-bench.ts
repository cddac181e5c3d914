/**
 * Stem rendering speed (issues 4 and 20): a 32-bar, 9-track song at 48 kHz per style, in Node, as × real
 * time (goal ≥ 200× whatever the instruments). Rows:
 * - synthesis, one thread: best of three after one warm-up render;
 * - sampled instruments, one thread: cold (a freshly parsed bank, every note rendered by the SoundFont
 *   synthesiser) and warm (the same song again: its notes come from the shared note cache);
 * - split over 2 and 4 worker threads (splitStemWork → renderTracksSteps in each → assembleStems here), warm
 *   Workers as a pool would keep them: the time from asking to holding the stems. Bit-identical to one
 *   render (tests/production/split-stem-work.test.ts). Only as fast as the free cores allow.
 * CPU time per render is printed too (process.cpuUsage: all threads), since the machine may be shared.
 */
import { availableParallelism } from 'node:os';
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
