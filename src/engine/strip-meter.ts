import type { IAnalyserNode, IAudioNode } from 'standardized-audio-context';
import { measurePeakDb, measureRmsDb } from '../dsp/meters';
import type { Decibels } from '../dsp/units';
import type { AnyContext, AnyNode } from './types';

/** Samples read per meter read: ~43 ms at 48 kHz, longer than a 60 fps frame, so no peak is missed. */
const METER_WINDOW = 2048;

/** A peak/RMS reading in dBFS of the louder channel (−Infinity for silence). */
export interface StripMeterReading {
  peakDb: Decibels;
  rmsDb: Decibels;
}

/** An output meter: a splitter and one AnalyserNode per channel tapping a stereo node. */
export class StripMeter {
  private readonly splitter: IAudioNode<AnyContext>;
  private readonly analysers: IAnalyserNode<AnyContext>[];
  private readonly scratch = new Float32Array(METER_WINDOW);

  constructor(
    ctx: AnyContext,
    private readonly source: AnyNode,
  ) {
    this.splitter = ctx.createChannelSplitter(2);
    this.analysers = [0, 1].map((channel) => {
      const analyser = ctx.createAnalyser();
      analyser.fftSize = METER_WINDOW;
      this.splitter.connect(analyser, channel);
      return analyser;
    });
    source.connect(this.splitter);
  }

  /** Peak and RMS over the last METER_WINDOW samples, the louder channel of the two. */
  read(): StripMeterReading {
    let peakDb = Number.NEGATIVE_INFINITY;
    let rmsDb = Number.NEGATIVE_INFINITY;
    for (const analyser of this.analysers) {
      analyser.getFloatTimeDomainData(this.scratch);
      peakDb = Math.max(peakDb, measurePeakDb(this.scratch));
      rmsDb = Math.max(rmsDb, measureRmsDb(this.scratch));
    }
    return { peakDb, rmsDb };
  }

  /** Disconnects the meter's nodes (and its tap on the source). */
  dispose(): void {
    this.source.disconnect(this.splitter);
    this.splitter.disconnect();
    for (const analyser of this.analysers) analyser.disconnect();
  }
}
