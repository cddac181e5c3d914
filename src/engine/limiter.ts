import { AudioWorkletNode, type IAudioWorkletNode } from 'standardized-audio-context';
import { type LimiterSettings, limiterLatency, SAFETY_LIMITER } from '../dsp/limiter';
import type { Seconds } from '../dsp/units';
import type { AnyContext } from './types';
import { LIMITER_PROCESSOR } from './worklet-names';
import { releaseWorkletNode } from './worklet-release';
import { loadEngineWorklets } from './worklets';

/**
 * Creates the master bus's lookahead limiter (default ceiling −1 dBFS, 3 ms lookahead, 60 ms release).
 * Loads the engine worklets first if needed. Resolves to the AudioWorkletNode itself (stereo in, stereo out,
 * delayed by the lookahead: see limiterLatencySeconds), so it connects like any node; dispose it with
 * `disposeLimiterNode`.
 */
export async function createLimiterNode(
  ctx: AnyContext,
  settings: Partial<LimiterSettings> = {},
): Promise<IAudioWorkletNode<AnyContext>> {
  await loadEngineWorklets(ctx);
  const processorOptions = { ...SAFETY_LIMITER, ...settings };
  if (!AudioWorkletNode) throw new Error('This browser has no AudioWorklet: the mixing engine cannot run.');
  return new AudioWorkletNode(ctx, LIMITER_PROCESSOR, {
    numberOfInputs: 1,
    numberOfOutputs: 1,
    outputChannelCount: [2],
    channelCount: 2,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions,
  });
}

/** The limiter's delay in seconds at this context's sample rate (its lookahead, rounded to samples). */
export function limiterLatencySeconds(ctx: AnyContext, lookaheadMs = SAFETY_LIMITER.lookaheadMs): Seconds {
  return limiterLatency(ctx.sampleRate, lookaheadMs) / ctx.sampleRate;
}

/** Disconnects a limiter node and lets its processor end (it stops costing CPU). */
export function disposeLimiterNode(node: IAudioWorkletNode<AnyContext>): void {
  releaseWorkletNode(node);
}
