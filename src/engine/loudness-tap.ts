import type { IAnalyserNode, IIIRFilterNode } from 'standardized-audio-context';
import { kWeightingCoefficients } from '../dsp/loudness';
import type { Lufs } from '../dsp/units';
import type { AnyContext, AnyNode } from './types';

/** Length of the momentary loudness window of ITU-R BS.1770 / EBU R128. */
const MOMENTARY_SECONDS = 0.4;
const OFFSET = -0.691;

/**
 * Momentary loudness (LUFS, 400 ms) of a stereo node, as the loudness meters of EBU R128 read it: both
 * K-weighting stages as IIR filters, then one analyser per channel whose last 400 ms are squared and
 * summed when read. Listens only (its analysers lead nowhere).
 */
export class LoudnessTap {
  private readonly filters: IIIRFilterNode<AnyContext>[];
  private readonly splitter: AnyNode;
  private readonly analysers: IAnalyserNode<AnyContext>[];
  private readonly buffer: Float32Array<ArrayBuffer>;
  private readonly window: number;

  constructor(
    ctx: AnyContext,
    private readonly source: AnyNode,
  ) {
    const { preFilter: p, rlb: r } = kWeightingCoefficients(ctx.sampleRate);
    const pre = ctx.createIIRFilter([p.b0, p.b1, p.b2], [1, p.a1, p.a2]);
    const rlb = ctx.createIIRFilter([r.b0, r.b1, r.b2], [1, r.a1, r.a2]);
    this.filters = [pre, rlb];
    const splitter = ctx.createChannelSplitter(2);
    this.splitter = splitter;
    const fftSize = 32768;
    this.window = Math.min(fftSize, Math.round(MOMENTARY_SECONDS * ctx.sampleRate));
    this.analysers = [0, 1].map((channel) => {
      const analyser = ctx.createAnalyser();
      analyser.fftSize = fftSize;
      splitter.connect(analyser, channel);
      return analyser;
    });
    this.buffer = new Float32Array(fftSize);
    source.connect(pre);
    pre.connect(rlb);
    rlb.connect(splitter);
  }

  /** Loudness of the last 400 ms (−∞ in silence). */
  read(): Lufs {
    let sum = 0;
    for (const analyser of this.analysers) {
      analyser.getFloatTimeDomainData(this.buffer);
      let power = 0;
      for (let i = this.buffer.length - this.window; i < this.buffer.length; i++) {
        const x = this.buffer[i] as number;
        power += x * x;
      }
      sum += power / this.window;
    }
    return sum > 0 ? OFFSET + 10 * Math.log10(sum) : Number.NEGATIVE_INFINITY;
  }

  /** Disconnects its nodes (not the source's other connections). */
  dispose(): void {
    try {
      this.source.disconnect(this.filters[0] as AnyNode);
    } catch {
      // Already disconnected.
    }
    for (const node of [...this.filters, this.splitter, ...this.analysers]) node.disconnect();
  }
}
