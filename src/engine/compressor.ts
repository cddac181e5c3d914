import { AudioWorkletNode, type IAudioWorkletNode, type IGainNode } from 'standardized-audio-context';
import { type CompressorSettings, DEFAULT_COMPRESSOR } from '../dsp/compressor';
import type { Decibels, Seconds } from '../dsp/units';
import { rampParam } from './strip-ramp';
import type { AnyContext, AnyNode } from './types';
import { COMPRESSOR_PROCESSOR, type WorkletCommand, type WorkletReport } from './worklet-names';
import { loadEngineWorklets } from './worklets';

const SETTING_NAMES = ['thresholdDb', 'ratio', 'kneeDb', 'attackMs', 'releaseMs', 'makeupDb'] as const;

export { DEFAULT_COMPRESSOR } from '../dsp/compressor';

/**
 * The engine's compressor (maths in src/dsp/compressor.ts). The audio passes through a GainNode (a "VCA")
 * whose gain param is driven, sample by sample and with no latency, by the compressor worklet listening to
 * the same source. So a mono source stays mono (the worklet itself always sees 2 channels) and the gain
 * applied is exactly the worklet's output, which is `renderCompressorGain` of the source.
 */
export class Compressor {
  /** The compressed audio (same channel count as the source). */
  readonly output: IGainNode<AnyContext>;
  private readonly detector: IAudioWorkletNode<AnyContext>;
  private readonly current: CompressorSettings;
  private reductionDb: Decibels = 0;

  /** Wires a compressor fed by `source` (the engine worklets must already be loaded on `ctx`). */
  constructor(
    private readonly ctx: AnyContext,
    private readonly source: AnyNode,
    settings: Partial<CompressorSettings> = {},
  ) {
    if (!AudioWorkletNode) throw new Error('This browser has no AudioWorklet: the mixing engine cannot run.');
    this.current = { ...DEFAULT_COMPRESSOR, ...settings };
    this.detector = new AudioWorkletNode(ctx, COMPRESSOR_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      parameterData: { ...this.current },
      // Offline, the processor posts few meter reports (and the last window's at the end).
      ...('startRendering' in ctx ? { processorOptions: { endFrame: ctx.length } } : {}),
    });
    this.detector.port.onmessage = (event: MessageEvent<WorkletReport>) => {
      if (event.data?.type === 'gain-reduction') this.reductionDb = event.data.db;
    };
    this.output = ctx.createGain();
    this.output.gain.value = 0; // the detector's signal is the whole gain
    this.detector.connect(this.output.gain);
    source.connect(this.output);
    source.connect(this.detector);
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

  /** Changes settings from time `at`; threshold, ratio, knee and makeup glide (~10 ms), no clicks. */
  update(patch: Partial<CompressorSettings>, at: Seconds = this.ctx.currentTime): void {
    for (const name of SETTING_NAMES) {
      const value = patch[name];
      if (value === undefined || value === this.current[name]) continue;
      this.current[name] = value;
      const param = this.detector.parameters.get(name);
      if (param) rampParam(param, value, at);
    }
  }

  /** The largest gain reduction of the last ~1/30 s the worklet reported (≤ 0 dB; 0 when not compressing). */
  readGainReductionDb(): Decibels {
    return this.reductionDb;
  }

  /** Disconnects every node it made (and its link from the source) and lets the worklet's processor end. */
  dispose(): void {
    this.source.disconnect(this.output);
    this.source.disconnect(this.detector);
    this.detector.disconnect();
    this.output.disconnect();
    this.detector.port.onmessage = null;
    const command: WorkletCommand = { type: 'dispose' };
    this.detector.port.postMessage(command);
  }
}
