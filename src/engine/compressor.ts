import type { IGainNode } from 'standardized-audio-context';
import { type CompressorSettings, DEFAULT_COMPRESSOR } from '../dsp/compressor';
import type { Decibels, Seconds } from '../dsp/units';
import { CompressorBank } from './compressor-bank';
import type { AnyContext, AnyNode } from './types';
import { loadEngineWorklets } from './worklets';

const SETTING_NAMES = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'] as const;

export { DEFAULT_COMPRESSOR } from '../dsp/compressor';

/**
 * The engine's compressor (maths in src/dsp/compressor.ts). The audio passes through a GainNode (a "VCA")
 * whose gain param is driven, sample by sample and with no latency, by a slot of the context's compressor
 * bank (compressor-bank.ts: one worklet node for up to 8 compressors) listening to the same source. So a
 * mono source stays mono (the bank hears its one channel, a stereo source's two) and the gain applied is exactly the
 * worklet's output, which is `renderCompressorGain` of the source.
 */
export class Compressor {
  /** The compressed audio (same channel count as the source). */
  readonly output: IGainNode<AnyContext>;
  private readonly bank: CompressorBank;
  private readonly slot: number;
  private readonly current: CompressorSettings;
  private disposed = false;

  /**
   * Wires a compressor fed by `source` (the engine worklets must already be loaded on `ctx`). `follows`, a
   * compressor this one replaces, lends its detector's gain reduction as the starting point (see
   * CompressorBank.claim).
   */
  constructor(
    private readonly ctx: AnyContext,
    private readonly source: AnyNode,
    settings: Partial<CompressorSettings> = {},
    follows?: Compressor,
  ) {
    this.current = { ...DEFAULT_COMPRESSOR, ...settings };
    const live = follows && !follows.disposed ? { bank: follows.bank, slot: follows.slot } : undefined;
    const { bank, slot } = CompressorBank.claim(ctx, this.current, live);
    this.bank = bank;
    this.slot = slot;
    this.output = ctx.createGain();
    this.output.gain.value = 0; // the detector's signal is the whole gain
    bank.node.connect(this.output.gain, slot);
    source.connect(this.output);
    source.connect(bank.node, 0, slot);
  }

  /** Loads the engine worklets on `ctx` if needed, then wires a compressor fed by `source`. */
  static async create(
    ctx: AnyContext,
    source: AnyNode,
    settings: Partial<CompressorSettings> = {},
  ): Promise<Compressor> {
    await loadEngineWorklets(ctx);
    return new Compressor(ctx, source, settings);
  }

  /** The current settings. */
  get settings(): CompressorSettings {
    return { ...this.current };
  }

  /** Changes settings from time `at`; every setting glides (~10 ms), no clicks. */
  update(patch: Partial<CompressorSettings>, at: Seconds = this.ctx.currentTime): void {
    for (const name of SETTING_NAMES) {
      const value = patch[name];
      if (value === undefined || value === this.current[name]) continue;
      this.current[name] = value;
      this.bank.set(this.slot, name, value, at);
    }
  }

  /** The largest gain reduction of the last ~1/30 s the worklet reported (≤ 0 dB; 0 when not compressing). */
  readGainReductionDb(): Decibels {
    return this.disposed ? 0 : this.bank.reduction(this.slot);
  }

  /** Disconnects every node it made (and its links from the source and the bank) and frees its bank slot. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.source.disconnect(this.output);
    this.source.disconnect(this.bank.node, 0, this.slot);
    this.bank.node.disconnect(this.output.gain, this.slot);
    this.output.disconnect();
    this.bank.release(this.slot);
  }
}
