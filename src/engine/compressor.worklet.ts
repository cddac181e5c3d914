/**
 * AudioWorklet processor: the compressor's gain computer and detector (src/dsp/compressor.ts).
 * Input: the signal to measure (1 or 2 channels; standardized-audio-context always delivers 2).
 * Output: one channel carrying the linear gain to apply, sample by sample. The engine feeds it into a
 * GainNode's gain param (a "VCA") on the audio path, so mono stays mono and the audio itself never passes
 * through this processor. Reports the largest gain reduction of each ~1/30 s to the main thread.
 */
import { type CompressorSettings, createCompressorState, processCompressorBlock } from '../dsp/compressor';
import {
  COMPRESSOR_PARAMS,
  COMPRESSOR_PROCESSOR,
  type WorkletCommand,
  type WorkletReport,
} from './worklet-names';
import type { RegisterProcessor, WorkletBus, WorkletProcessorBase } from './worklet-scope';

declare const AudioWorkletProcessor: WorkletProcessorBase;
declare const registerProcessor: RegisterProcessor;
declare const sampleRate: number;
const REPORTS_PER_SECOND = 30;

function first(values: Float32Array | undefined, fallback: number): number {
  return values?.[0] ?? fallback;
}

class CompressorProcessor extends AudioWorkletProcessor {
  static parameterDescriptors = COMPRESSOR_PARAMS;
  private readonly state = createCompressorState();
  private readonly settings: CompressorSettings = {
    thresholdDb: -20,
    ratio: 4,
    kneeDb: 6,
    attackMs: 10,
    releaseMs: 100,
    makeupDb: 0,
  };
  private readonly reportEvery = Math.max(1, Math.round(sampleRate / 128 / REPORTS_PER_SECOND));
  private blocks = 0;
  private maxReduction = 0;
  private alive = true;

  constructor(options?: unknown) {
    super(options);
    this.port.onmessage = (event: MessageEvent<WorkletCommand>) => {
      if (event.data?.type === 'dispose') this.alive = false;
    };
  }

  process(inputs: WorkletBus[], outputs: WorkletBus[], parameters: Record<string, Float32Array>): boolean {
    const out = outputs[0]?.[0];
    if (!out) return this.alive;
    const s = this.settings;
    s.thresholdDb = first(parameters.thresholdDb, s.thresholdDb);
    s.ratio = first(parameters.ratio, s.ratio);
    s.kneeDb = first(parameters.kneeDb, s.kneeDb);
    s.attackMs = first(parameters.attackMs, s.attackMs);
    s.releaseMs = first(parameters.releaseMs, s.releaseMs);
    const makeup = parameters.makeupDb;
    // A moving makeup is added per sample after the detector; a steady one goes through the shared code.
    const moving = makeup !== undefined && makeup.length > 1;
    s.makeupDb = moving ? 0 : first(makeup, 0);
    processCompressorBlock(this.state, inputs[0] ?? [], sampleRate, s, out);
    let reduction = this.maxReduction;
    for (let i = 0; i < out.length; i++) {
      const db = out[i] as number;
      const offset = moving ? ((makeup as Float32Array)[i] as number) : 0;
      const r = s.makeupDb - db;
      if (r > reduction) reduction = r;
      out[i] = 10 ** ((db + offset) / 20);
    }
    this.maxReduction = reduction;
    if (++this.blocks >= this.reportEvery) {
      const report: WorkletReport = { type: 'gain-reduction', db: -reduction };
      this.port.postMessage(report);
      this.blocks = 0;
      this.maxReduction = 0;
    }
    return this.alive;
  }
}

registerProcessor(COMPRESSOR_PROCESSOR, CompressorProcessor);
