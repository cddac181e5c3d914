/**
 * A drill question's level match measured in a Worker, in plain TypeScript (engine/pure-mix.ts), not by two
 * offline renders: Chromium never frees an OfflineAudioContext that loaded an AudioWorklet (its worklet
 * thread, about 4 MB, and every buffer it held stay until the page closes), and a drill made two per question
 * (about 40 MB a question). Without a Worker it falls back to the offline measurement.
 */
import type { SampleRate } from '../../dsp/units';
import type { PairLoudness } from '../../exercises/shared/play-ab';
import type { AbPair, PreparedQuestion, SideSpec } from '../../exercises/shared/play-types';
import { createWorkerCall } from './worker-call';

/** What the worker does: measures both sides, or renders one side once through (`length` samples), at the tracks' rate. */
export type LevelMatchRequest =
  | { id: number; type: 'levels'; a: SideSpec; b: SideSpec; sampleRate: SampleRate }
  | { id: number; type: 'render'; side: SideSpec; sampleRate: SampleRate; length: number };

/** The worker's answer: each side's integrated loudness (LUFS), or a side's stereo render. */
export type LevelMatchReply =
  | { id: number; type: 'done'; aLufs: number; bLufs: number }
  | { id: number; type: 'done'; channels: Float32Array[] }
  | { id: number; type: 'error'; message: string };

type Done = Extract<LevelMatchReply, { type: 'done' }>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const worker = createWorkerCall<LevelMatchRequest, Done, Done>(
  () => new Worker(new URL('./level-match.worker.ts', import.meta.url), { type: 'module' }),
  (reply) => reply,
);

/**
 * How long the worker may sit idle before it is stopped (its heap released). Short: each measurement clones a
 * question's two sides into it and their garbage stays until it stops (about 90 MB of the renderer's memory
 * after a 10-question drill, issue 21); a new one starts in a moment, while the learner listens.
 */
export const LEVEL_MATCH_IDLE_MS = 1_000;
let idle: ReturnType<typeof setTimeout> | undefined;
let busy = 0;

/** Offline fallback: the exercises' own measurement (offline renders at the question's measuring rate). */
async function measureOffline<A>(prepared: PreparedQuestion<A>): Promise<PairLoudness> {
  const { measureQuestionLoudness } = await import('../../exercises/play-registry');
  return measureQuestionLoudness(prepared);
}

/** Loudness of both sides of `pair` (tracks at `sampleRate`) in the level-match Worker; null without one. */
export async function measurePairLevels(pair: AbPair, sampleRate: SampleRate): Promise<PairLoudness | null> {
  const started = performance.now();
  const reply = (await inWorker({ type: 'levels', a: pair.a, b: pair.b, sampleRate })) as {
    aLufs: number;
    bLufs: number;
  } | null;
  return reply && { aLufs: reply.aLufs, bLufs: reply.bLufs, elapsedMs: performance.now() - started };
}

/** A request's reply from the worker (stopped once idle), or null when no worker runs or it failed. */
async function inWorker(request: DistributiveOmit<LevelMatchRequest, 'id'>): Promise<Done | null> {
  const pending = worker.call(request as Omit<LevelMatchRequest, 'id'>);
  if (!pending) return null;
  busy++;
  clearTimeout(idle);
  try {
    return await pending;
  } catch {
    return null;
  } finally {
    if (--busy === 0) idle = setTimeout(() => worker.terminate(), LEVEL_MATCH_IDLE_MS);
  }
}

/**
 * Light mode's offline render of a side (light-question.ts's RenderSide) in the worker, in plain TypeScript;
 * the exercises' offline render (renderSide) where no worker runs.
 */
export async function renderSideInWorker(
  side: SideSpec,
  sampleRate: SampleRate,
  options: { durationS: number },
): Promise<{ numberOfChannels: number; getChannelData(channel: number): Float32Array }> {
  const length = Math.max(1, Math.round(options.durationS * sampleRate));
  const reply = (await inWorker({ type: 'render', side, sampleRate, length })) as {
    channels: Float32Array[];
  } | null;
  if (!reply) {
    const { renderSide } = await import('../../exercises/play-registry');
    return renderSide(side, sampleRate, options);
  }
  const { channels } = reply;
  return {
    numberOfChannels: channels.length,
    getChannelData: (c) => channels[c] ?? new Float32Array(length),
  };
}

/**
 * Loudness of the question's A and B (as measureQuestionLoudness, for createPlayback's `loudness`), in the
 * level-match Worker; the samples are copied there (a question's loop, a few MB) and freed after.
 */
export async function measureQuestionLevels<A>(prepared: PreparedQuestion<A>): Promise<PairLoudness> {
  return (await measurePairLevels(prepared.question, prepared.sampleRate)) ?? measureOffline(prepared);
}

/** A playback's `measurePair` for a prepared question: in the Worker, else offline (play-ab's own way). */
export function pairMeasurer<A>(prepared: PreparedQuestion<A>): (pair: AbPair) => Promise<PairLoudness> {
  return async (pair) => {
    const measured = await measurePairLevels(pair, prepared.sampleRate);
    if (measured) return measured;
    const { measureQuestionLoudness } = await import('../../exercises/play-registry');
    return measureQuestionLoudness({ ...prepared, question: pair });
  };
}
