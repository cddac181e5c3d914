/**
 * The compressor bank's AudioWorklet processor class: the gain computer and detector (src/dsp/compressor.ts)
 * for up to COMPRESSOR_BANK_SLOTS strips in one node, so many compressors cost one call per render quantum
 * instead of one each (a worklet node's fixed cost per quantum grew faster than the strips did).
 * Input k: the signal slot k measures (1 or 2 channels). Output k: one channel carrying the linear gain to
 * apply, sample by sample; the engine feeds it into a GainNode's gain param (a "VCA") on the audio path, so
 * mono stays mono and the audio itself never passes through this processor. A slot's settings come by
 * message (claim, then set with a time: glides as rampParam would move an AudioParam, k-rate except the
 * makeup, which moves per sample). Reports every claimed slot's largest gain reduction of each ~1/30 s to
 * the main thread (offline: one report in 30, and the last window's at the render's end). Registered by
 * engine.worklet.ts.
 */
import {
  type CompressorSettings,
  type CompressorState,
  createCompressorState,
  processCompressorBlockLinear,
} from '../dsp/compressor';
import { type Glide, glideSettled, glideTo, glideValue, steadyGlide } from './param-glide';
import type { CompressorBankCommand, CompressorBankReport } from './worklet-names';
import type { WorkletBus, WorkletProcessorBase, WorkletProcessorClass } from './worklet-scope';

const REPORTS_PER_SECOND = 30;
/**
 * In an offline render (processorOptions.endFrame set) only every this many reports is posted, plus one in
 * the render's last quantum: a render runs many times faster than real time, and a flood of messages cost
 * the main thread more than the compressor itself. Nobody watches a meter during an offline render.
 */
const OFFLINE_REPORT_EVERY = 30;
const FIELDS = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'] as const;

/** One strip's compressor inside the bank. */
interface Slot {
  state: CompressorState;
  glides: Record<keyof CompressorSettings, Glide>;
  settings: CompressorSettings;
  maxReduction: number;
}

/** The compressor bank processor class on the scope's AudioWorkletProcessor at the scope's sample rate. */
export function defineCompressorProcessor(
  Base: WorkletProcessorBase,
  sampleRate: number,
  frameNow: () => number = () => 0,
): WorkletProcessorClass {
  return class CompressorBankProcessor extends Base {
    private readonly slots: (Slot | undefined)[] = [];
    private readonly reportEvery = Math.max(1, Math.round(sampleRate / 128 / REPORTS_PER_SECOND));
    private readonly makeup = new Float32Array(128);
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
      this.port.onmessage = (event: MessageEvent<CompressorBankCommand>) => this.command(event.data);
      // Messages sent before this point are delivered from now on: the main thread waits for this.
      const ready: CompressorBankReport = { type: 'ready' };
      this.port.postMessage(ready);
    }

    private command(c: CompressorBankCommand): void {
      if (c?.type === 'dispose') this.alive = false;
      else if (c?.type === 'claim') {
        const glides = {} as Record<keyof CompressorSettings, Glide>;
        for (const f of FIELDS) glides[f] = steadyGlide(c.settings[f]);
        this.slots[c.slot] = {
          state: createCompressorState(),
          glides,
          settings: { ...c.settings },
          maxReduction: 0,
        };
      } else if (c?.type === 'set') {
        const slot = this.slots[c.slot];
        if (slot) slot.glides[c.name] = glideTo(slot.glides[c.name], c.value, c.at);
      } else if (c?.type === 'release') this.slots[c.slot] = undefined;
    }

    process(inputs: WorkletBus[], outputs: WorkletBus[]): boolean {
      const frame = frameNow();
      const t0 = frame / sampleRate;
      const length = outputs[0]?.[0]?.length ?? 128;
      for (let k = 0; k < outputs.length; k++) {
        const slot = this.slots[k];
        const out = outputs[k]?.[0];
        if (!out) continue;
        if (!slot) {
          out.fill(0); // a free slot's output drives nothing, but stays silent
          continue;
        }
        const s = slot.settings;
        const g = slot.glides;
        for (const f of FIELDS) {
          const glide = g[f];
          s[f] = glideValue(glide, t0);
          if (glide.before && t0 >= glide.start) glide.before = undefined;
        }
        // A moving makeup goes in per sample (after the detector); a steady one through the settings.
        let makeup: Float32Array | undefined;
        if (!glideSettled(g.makeupDb, t0)) {
          makeup = this.makeup;
          for (let n = 0; n < length; n++) makeup[n] = glideValue(g.makeupDb, (frame + n) / sampleRate);
        }
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
      this.report(frame + length);
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
