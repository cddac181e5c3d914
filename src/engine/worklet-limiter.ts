/**
 * The hearing-safety limiter's AudioWorklet processor class (src/dsp/limiter.ts) on a stereo bus.
 * Input arrives as 2 channels (standardized-audio-context up-mixes mono); no input counts as silence,
 * which still flushes the delay line. Output: 2 channels, never above the ceiling. Registered by
 * engine.worklet.ts.
 */
import { createLimiterState, type LimiterState, processLimiterBlock, SAFETY_LIMITER } from '../dsp/limiter';
import type { LimiterProcessorOptions, WorkletCommand } from './worklet-names';
import type { WorkletBus, WorkletProcessorBase, WorkletProcessorClass } from './worklet-scope';

/** The limiter processor class on the scope's AudioWorkletProcessor at the scope's sample rate. */
export function defineLimiterProcessor(
  Base: WorkletProcessorBase,
  sampleRate: number,
): WorkletProcessorClass {
  return class LimiterProcessor extends Base {
    private readonly state: LimiterState;
    private alive = true;

    constructor(options: { processorOptions?: Partial<LimiterProcessorOptions> }) {
      super(options);
      const settings = { ...SAFETY_LIMITER, ...options.processorOptions };
      this.state = createLimiterState(sampleRate, settings, 2);
      this.port.onmessage = (event: MessageEvent<WorkletCommand>) => {
        if (event.data?.type === 'dispose') this.alive = false;
      };
    }

    process(inputs: WorkletBus[], outputs: WorkletBus[]): boolean {
      const output = outputs[0] ?? [];
      const length = output[0]?.length ?? 0;
      const input = inputs[0] ?? [];
      // A mono input (if it ever arrives un-mixed) feeds both sides.
      const source = input.length === 1 ? [input[0] as Float32Array, input[0] as Float32Array] : input;
      processLimiterBlock(this.state, source, output, length);
      return this.alive;
    }
  };
}
