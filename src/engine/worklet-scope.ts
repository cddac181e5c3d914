/**
 * Types for the AudioWorkletGlobalScope. The app's tsconfig has the DOM lib, not the worklet one, so each
 * worklet file declares the globals it uses locally (`declare const sampleRate: number`, ...) with these
 * types. They must stay free identifiers: standardized-audio-context wraps a worklet module's body in a
 * function that passes its own (patched) AudioWorkletProcessor and registerProcessor.
 */

/** What process() receives per input/output: channels of 128 samples. */
export type WorkletBus = Float32Array[];

/** The part of AudioWorkletProcessor the engine's processors use. */
export interface WorkletProcessor {
  readonly port: MessagePort;
}

/** The AudioWorkletProcessor base class. */
export type WorkletProcessorBase = new (options?: unknown) => WorkletProcessor;

/** One AudioParam a processor declares. */
export interface WorkletParamDescriptor {
  name: string;
  defaultValue: number;
  minValue?: number;
  maxValue?: number;
  automationRate?: 'a-rate' | 'k-rate';
}

/** A processor class as registerProcessor() takes it. */
export interface WorkletProcessorClass {
  new (
    options: never,
  ): WorkletProcessor & {
    process(inputs: WorkletBus[], outputs: WorkletBus[], parameters: Record<string, Float32Array>): boolean;
  };
  parameterDescriptors?: WorkletParamDescriptor[];
}

/** The worklet scope's registerProcessor(). */
export type RegisterProcessor = (name: string, processor: WorkletProcessorClass) => void;
