/**
 * The compressor's AudioWorklet processor class: gain computer and detector (src/dsp/compressor.ts).
 * Input: the signal to measure (1 or 2 channels). Output: one channel carrying the linear gain to apply,
 * sample by sample. The engine feeds it into a GainNode's gain param (a "VCA") on the audio path, so mono
 * stays mono and the audio itself never passes through this processor. Reports the largest gain reduction
 * of each ~1/30 s to the main thread (offline: one report in 30, and the last window's at the render's end).
 * Registered by engine.worklet.ts.
 */
import {
  type CompressorSettings,
  createCompressorState,
  processCompressorBlockLinear,
} from '../dsp/compressor';
import { COMPRESSOR_PARAMS, type WorkletCommand, type WorkletReport } from './worklet-names';
import type { WorkletBus, WorkletProcessorBase, WorkletProcessorClass } from './worklet-scope';

const REPORTS_PER_SECOND = 30;
/**
 * In an offline render (processorOptions.endFrame set) only every this many reports is posted, plus one in
 * the render's last quantum: a render runs many times faster than real time, and a flood of messages cost
 * the main thread more than the compressor itself. Nobody watches a meter during an offline render.
 */
const OFFLINE_REPORT_EVERY = 30;

function first(values: Float32Array | undefined, fallback: number): number {
  return values?.[0] ?? fallback;
}

/** The compressor processor class on the scope's AudioWorkletProcessor at the scope's sample rate. */
export function defineCompressorProcessor(
  Base: WorkletProcessorBase,
  sampleRate: number,
  frameNow: () => number = () => 0,
): WorkletProcessorClass {
  return class CompressorProcessor extends Base {
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
    private reports = 0;
    private maxReduction = 0;
    private alive = true;
    /** Offline renders: the frame the render ends at (Infinity live). */
    private readonly endFrame: number;

    constructor(options?: unknown) {
      super(options);
      const end = (options as { processorOptions?: { endFrame?: number } } | undefined)?.processorOptions
        ?.endFrame;
      this.endFrame = typeof end === 'number' ? end : Number.POSITIVE_INFINITY;
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
      // A moving makeup goes in per sample (after the detector); a steady one through the settings.
      const moving = makeup !== undefined && makeup.length > 1;
      s.makeupDb = moving ? 0 : first(makeup, 0);
      const input = inputs[0] ?? [];
      const reduction = processCompressorBlockLinear(
        this.state,
        input,
        sampleRate,
        s,
        out,
        moving ? makeup : undefined,
      );
      if (reduction > this.maxReduction) this.maxReduction = reduction;
      const windowDone = ++this.blocks >= this.reportEvery;
      const offline = this.endFrame !== Number.POSITIVE_INFINITY;
      const last = offline && frameNow() + out.length >= this.endFrame;
      if (windowDone || last) {
        if (!offline || last || ++this.reports % OFFLINE_REPORT_EVERY === 0) {
          const report: WorkletReport = { type: 'gain-reduction', db: -this.maxReduction };
          this.port.postMessage(report);
        }
        if (windowDone) {
          this.blocks = 0;
          this.maxReduction = 0;
        }
      }
      return this.alive;
    }
  };
}
