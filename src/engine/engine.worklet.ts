/**
 * The engine's one AudioWorklet module: registers the compressor (one per node, and the bank: many per node), limiter and saturation processors, so a context
 * loads a single file (each addModule costs a fetch, a parse and, with standardized-audio-context, a probe
 * node). The globals stay free identifiers here: standardized-audio-context wraps this module's body in a
 * function that passes its own (patched) AudioWorkletProcessor and registerProcessor.
 */
import { defineCompressorProcessor } from './worklet-compressor';
import { defineCompressorBankProcessor } from './worklet-compressor-bank';
import { defineLimiterProcessor } from './worklet-limiter';
import {
  COMPRESSOR_BANK_PROCESSOR,
  COMPRESSOR_PROCESSOR,
  LIMITER_PROCESSOR,
  SATURATION_PROCESSOR,
} from './worklet-names';
import { defineSaturationProcessor } from './worklet-saturation';
import type { RegisterProcessor, WorkletProcessorBase } from './worklet-scope';

declare const AudioWorkletProcessor: WorkletProcessorBase;
declare const registerProcessor: RegisterProcessor;
declare const sampleRate: number;
declare const currentFrame: number;

registerProcessor(
  COMPRESSOR_PROCESSOR,
  defineCompressorProcessor(AudioWorkletProcessor, sampleRate, () => currentFrame),
);
registerProcessor(
  COMPRESSOR_BANK_PROCESSOR,
  defineCompressorBankProcessor(AudioWorkletProcessor, sampleRate, () => currentFrame),
);
registerProcessor(LIMITER_PROCESSOR, defineLimiterProcessor(AudioWorkletProcessor, sampleRate));
registerProcessor(SATURATION_PROCESSOR, defineSaturationProcessor(AudioWorkletProcessor));
