/**
 * The compressor bank's AudioWorklet processor class: the gain computer and detector of
 * src/dsp/compressor.ts for up to COMPRESSOR_BANK_SLOTS strips in one node, so many compressors cost one
 * call per render quantum instead of one each. Input k: the signal slot k measures (1 or 2 channels).
 * Output k: one channel carrying the linear gain to apply, sample by sample; the engine feeds it into a
 * GainNode's gain param (a "VCA") on the audio path, so the audio itself never passes through here.
 * Each slot's settings are AudioParams (COMPRESSOR_BANK_PARAMS: k-rate except the makeup), exactly as the
 * single compressor's (worklet-compressor.ts), so both compute the same gain sample for sample; a slot's
 * 'claim' param is 0 while free (output silent, no work) and changes when a compressor takes it (the
 * detector starts afresh, or from the gain reduction of the slot the claim names: claimSeed). Reports every slot's largest gain reduction of each ~1/30 s to the main thread
 * (offline: one report in 30, and the last window's at the render's end). Registered by engine.worklet.ts.
 */
import {
  type CompressorSettings,
  type CompressorState,
  createCompressorState,
  processCompressorBlockLinear,
} from '../dsp/compressor';
import {
  bankParamName,
  COMPRESSOR_BANK_PARAMS,
  COMPRESSOR_BANK_SLOTS,
  type CompressorBankReport,
  claimSeed,
  type WorkletCommand,
} from './worklet-names';
import type { WorkletBus, WorkletProcessorBase, WorkletProcessorClass } from './worklet-scope';

const REPORTS_PER_SECOND = 30;
/** Offline, only every this many reports is posted (plus the last window's): see worklet-compressor.ts. */
const OFFLINE_REPORT_EVERY = 30;
const FIELDS = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'] as const;

/** One claimed slot: its detector, the claim it belongs to, and the settings read each quantum. */
interface Slot {
  claim: number;
  state: CompressorState;
  settings: CompressorSettings;
  maxReduction: number;
}

/** Each slot's param names, built once: its claim, then FIELDS in order (no strings built per quantum). */
const NAMES = Array.from({ length: COMPRESSOR_BANK_SLOTS }, (_, k) => ({
  claim: bankParamName(k, 'claim'),
  fields: FIELDS.map((f) => bankParamName(k, f)),
}));

/** The compressor bank processor class on the scope's AudioWorkletProcessor at the scope's sample rate. */
export function defineCompressorBankProcessor(
  Base: WorkletProcessorBase,
  sampleRate: number,
  frameNow: () => number = () => 0,
): WorkletProcessorClass {
  return class CompressorBankProcessor extends Base {
    static parameterDescriptors = COMPRESSOR_BANK_PARAMS;
    private readonly slots: (Slot | undefined)[] = new Array(COMPRESSOR_BANK_SLOTS).fill(undefined);
    private readonly reportEvery = Math.max(1, Math.round(sampleRate / 128 / REPORTS_PER_SECOND));
    private blocks = 0;
    private reports = 0;
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
      let length = 128;
      for (let k = 0; k < COMPRESSOR_BANK_SLOTS; k++) {
        const out = outputs[k]?.[0];
        if (!out) continue;
        length = out.length;
        const names = NAMES[k] as (typeof NAMES)[number];
        const claim = parameters[names.claim]?.[0] ?? 0;
        if (claim === 0) {
          this.slots[k] = undefined;
          out.fill(0); // a free slot drives nothing
          continue;
        }
        let slot = this.slots[k];
        if (!slot || slot.claim !== claim) {
          // A claim that follows another slot (its strip's tone path rebuilt) starts from that detector.
          const seed = claimSeed(claim);
          const from = seed === undefined ? undefined : this.slots[seed];
          const state = createCompressorState();
          if (from) state.reductionDb = from.state.reductionDb;
          slot = { claim, state, settings: { ...DEFAULTS }, maxReduction: 0 };
          this.slots[k] = slot;
        }
        const s = slot.settings;
        const f = names.fields;
        s.thresholdDb = first(parameters[f[0] as string], s.thresholdDb);
        s.ratio = first(parameters[f[1] as string], s.ratio);
        s.kneeDb = first(parameters[f[2] as string], s.kneeDb);
        s.attackMs = first(parameters[f[3] as string], s.attackMs);
        s.releaseMs = first(parameters[f[4] as string], s.releaseMs);
        // A makeup given per sample that holds one value (a param with automation events the browser
        // still hands over sample by sample) is steady: the same gains, far less work. A moving makeup goes
        // in per sample (after the detector); a steady one through the settings.
        const values = parameters[f[5] as string];
        let makeup: Float32Array | undefined;
        if (values !== undefined && values.length > 1 && !steady(values)) {
          makeup = values;
          s.makeupDb = 0;
        } else s.makeupDb = first(values, s.makeupDb);
        const reduction = processCompressorBlockLinear(
          slot.state,
          inputs[k] ?? [],
          sampleRate,
          s,
          out,
          makeup,
        );
        if (reduction > slot.maxReduction) slot.maxReduction = reduction;
      }
      this.report(frameNow() + length);
      return this.alive;
    }

    private report(nextFrame: number): void {
      const windowDone = ++this.blocks >= this.reportEvery;
      const offline = this.endFrame !== Number.POSITIVE_INFINITY;
      const last = offline && nextFrame >= this.endFrame;
      if (!windowDone && !last) return;
      if (!offline || last || ++this.reports % OFFLINE_REPORT_EVERY === 0) {
        const report: CompressorBankReport = {
          type: 'bank-reduction',
          db: this.slots.map((slot) => (slot ? -slot.maxReduction : 0)),
        };
        this.port.postMessage(report);
      }
      if (windowDone) {
        this.blocks = 0;
        for (const slot of this.slots) if (slot) slot.maxReduction = 0;
      }
    }
  };
}

/** A param's first value, or `fallback` when the browser gave none. */
function first(values: Float32Array | undefined, fallback: number): number {
  return values !== undefined && values.length > 0 ? (values[0] as number) : fallback;
}

/** Whether every value of a per-sample param is the same. */
function steady(values: Float32Array): boolean {
  const head = values[0];
  for (let n = 1; n < values.length; n++) if (values[n] !== head) return false;
  return true;
}

/** A fresh slot's settings before its params are read (the params' defaults). */
const DEFAULTS: CompressorSettings = {
  thresholdDb: -20,
  ratio: 4,
  kneeDb: 6,
  attackMs: 10,
  releaseMs: 100,
  makeupDb: 0,
};
