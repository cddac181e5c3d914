/**
 * The saturation insert's AudioWorklet processor (src/dsp/saturation.ts, 4× oversampled tanh): one streaming
 * state per channel, as many channels out as come in (the node's output follows its input's channel count,
 * so a mono strip stays mono). Drive is a k-rate AudioParam in dB. Registered by engine.worklet.ts.
 */
import { createSaturationState, processSaturation, type SaturationState } from '../dsp/saturation';
import { SATURATION_PARAMS, type WorkletCommand } from './worklet-names';
import type { WorkletBus, WorkletProcessorBase, WorkletProcessorClass } from './worklet-scope';

/** The saturation processor class on the scope's AudioWorkletProcessor. */
export function defineSaturationProcessor(Base: WorkletProcessorBase): WorkletProcessorClass {
  return class SaturationProcessor extends Base {
    static parameterDescriptors = SATURATION_PARAMS;
    private readonly states: SaturationState[] = [];
    private alive = true;
    private silence = new Float32Array(128);

    constructor(options: unknown) {
      super(options);
      this.port.onmessage = (event: MessageEvent<WorkletCommand>) => {
        if (event.data?.type === 'dispose') this.alive = false;
      };
    }

    process(inputs: WorkletBus[], outputs: WorkletBus[], parameters: Record<string, Float32Array>): boolean {
      const output = outputs[0] ?? [];
      const input = inputs[0] ?? [];
      const drive = parameters.driveDb?.[0] ?? 0;
      output.forEach((out, c) => {
        if (this.silence.length !== out.length) this.silence = new Float32Array(out.length);
        this.states[c] ??= createSaturationState();
        processSaturation(
          this.states[c] as SaturationState,
          input[c] ?? this.silence,
          out,
          out.length,
          drive,
        );
      });
      return this.alive;
    }
  };
}
