import type { SampleRate, Seconds } from '../../dsp/units';
import { busySide, RATE, SECONDS } from './busy-mix';

/**
 * How fast this device mixes: eight stereo tracks of noise through every stage the engine has (filters, four
 * EQ bands, saturation, compressor, width, reverb and delay sends) rendered with the engine's maths in a Worker,
 * timed. The audio thread does the same work live, in real time; a device that renders it only a few times faster than it plays has
 * little to spare (see light-mode.ts). Loaded on demand: it brings the engine.
 */

/** What the speed Worker is asked: time the busy mix of `seconds` at `sampleRate`. */
export interface SpeedRequest {
  id: number;
  seconds: Seconds;
  sampleRate: SampleRate;
}

/** The speed Worker's answer: seconds of the busy mix it renders per second, in plain TypeScript. */
export type SpeedReply =
  | { id: number; type: 'done'; speed: number }
  | { id: number; type: 'error'; message: string };

/**
 * The browser's offline render of the busy mix (native nodes and the engine's worklets) against the engine's
 * plain-TypeScript mix in a Worker: the Worker's speed times this is the measure LIGHT_BELOW_SPEED was set on.
 * Measured twice in one page on a loaded 2-core machine (1.42 and 1.01: timings there are noisy, so the
 * mean); tests/state/shared/device-speed.browser.test.ts prints both and keeps them within a factor of 3.
 */
export const ENGINE_OVER_PURE = 1.2;

/**
 * Seconds of the busy mix this device renders per second of wall-clock time (× real time, best of two after
 * a warm-up), timed in a Worker on the engine's plain-TypeScript mix and scaled by ENGINE_OVER_PURE. Not by an
 * offline render: Chromium never frees an OfflineAudioContext that loaded an AudioWorklet (each check left four,
 * issue 21). Where no Worker runs, offline renders as before.
 */
export async function measureMixSpeed(): Promise<number> {
  const { createWorkerCall } = await import('./worker-call');
  const worker = createWorkerCall<SpeedRequest, Extract<SpeedReply, { type: 'done' }>, number>(
    () => new Worker(new URL('./device-speed.worker.ts', import.meta.url), { type: 'module' }),
    (reply) => reply.speed,
  );
  const pending = worker.call({ seconds: SECONDS, sampleRate: RATE });
  try {
    if (pending) return (await pending) * ENGINE_OVER_PURE;
  } catch {
    // The Worker failed: measure here instead.
  } finally {
    worker.terminate();
  }
  return measureOfflineSpeed();
}

/** The busy mix rendered offline and timed (best of two, after a warm-up): the fallback without a Worker. */
export async function measureOfflineSpeed(): Promise<number> {
  const { renderSide } = await import('../../exercises/play-registry');
  const side = busySide();
  // Warm-up: the worklet modules load and compile on the first render.
  await renderSide(side, RATE, { durationS: 0.1 });
  let best = 0;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    await renderSide(side, RATE, { durationS: SECONDS });
    const wallS = (performance.now() - started) / 1000;
    best = Math.max(best, SECONDS / Math.max(wallS, 1e-3));
  }
  return best;
}
