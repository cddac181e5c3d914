import type { CompressorSettings } from '../dsp/compressor';
import type { WorkletParamDescriptor } from './worklet-scope';

/** Registered name of the compressor bank's processor (gain computers for many strips in one node). */
export const COMPRESSOR_PROCESSOR = 'headroom-compressor-bank';

/** Strips one compressor bank node serves. */
export const COMPRESSOR_BANK_SLOTS = 8;

/** Registered name of the strip's saturation processor. */
export const SATURATION_PROCESSOR = 'headroom-saturation';

/** AudioParams of the saturation processor: the drive into the curve, dB (k-rate). */
export const SATURATION_PARAMS: WorkletParamDescriptor[] = [
  { name: 'driveDb', defaultValue: 0, minValue: -40, maxValue: 30, automationRate: 'k-rate' },
];

/** Registered name of the hearing-safety limiter processor. */
export const LIMITER_PROCESSOR = 'headroom-limiter';

/** Messages the main thread posts to a processor. */
export type WorkletCommand = { type: 'dispose' };

/** What the main thread tells the compressor bank: a slot taken, a setting moved (from `at`), a slot freed. */
export type CompressorBankCommand =
  | WorkletCommand
  | { type: 'claim'; slot: number; settings: CompressorSettings }
  | { type: 'set'; slot: number; name: keyof CompressorSettings; value: number; at: number }
  | { type: 'release'; slot: number };

/**
 * What the bank tells the main thread: that its processor is listening (messages sent before are delivered
 * from then on), and each slot's largest gain reduction of the last ~1/30 s, dB (≤ 0).
 */
export type CompressorBankReport = { type: 'ready' } | { type: 'bank-reduction'; db: number[] };

/** Options the limiter processor takes (processorOptions). */
export interface LimiterProcessorOptions {
  ceilingDb: number;
  lookaheadMs: number;
  releaseMs: number;
}
