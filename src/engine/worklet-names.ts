import type { WorkletParamDescriptor } from './worklet-scope';

/** Registered name of the compressor's gain-computer processor. */
export const COMPRESSOR_PROCESSOR = 'headroom-compressor';

/** Registered name of the strip's saturation processor. */
export const SATURATION_PROCESSOR = 'headroom-saturation';

/** AudioParams of the saturation processor: the drive into the curve, dB (k-rate). */
export const SATURATION_PARAMS: WorkletParamDescriptor[] = [
  { name: 'driveDb', defaultValue: 0, minValue: -40, maxValue: 30, automationRate: 'k-rate' },
];

/** Registered name of the hearing-safety limiter processor. */
export const LIMITER_PROCESSOR = 'headroom-limiter';

/** AudioParams of the compressor processor (names match CompressorSettings; k-rate except makeup). */
export const COMPRESSOR_PARAMS: WorkletParamDescriptor[] = [
  { name: 'thresholdDb', defaultValue: -20, minValue: -120, maxValue: 0, automationRate: 'k-rate' },
  { name: 'ratio', defaultValue: 4, minValue: 1, maxValue: 1000, automationRate: 'k-rate' },
  { name: 'kneeDb', defaultValue: 6, minValue: 0, maxValue: 48, automationRate: 'k-rate' },
  { name: 'attackMs', defaultValue: 10, minValue: 0, maxValue: 2000, automationRate: 'k-rate' },
  { name: 'releaseMs', defaultValue: 100, minValue: 0, maxValue: 5000, automationRate: 'k-rate' },
  // a-rate, so a makeup change ramps sample by sample (it is not smoothed by the detector).
  { name: 'makeupDb', defaultValue: 0, minValue: -60, maxValue: 60, automationRate: 'a-rate' },
];

/** Registered name of the compressor bank's processor (the gain computers of many strips in one node). */
export const COMPRESSOR_BANK_PROCESSOR = 'headroom-compressor-bank';

/** Strips one compressor bank node serves. */
export const COMPRESSOR_BANK_SLOTS = 8;

/** The bank's AudioParam for one slot's setting (or its 'claim': 0 free, else the claim's number). */
export function bankParamName(slot: number, name: string): string {
  return `${name}${slot}`;
}

/** Claim values carry the slot a claim's detector starts from: claim × CLAIM_SEEDS + (seed slot + 1, or 0). */
export const CLAIM_SEEDS = 16;

/** The value of a slot's 'claim' param for claim number `claim` (≥ 1), seeded from slot `seed` if given. */
export function claimValue(claim: number, seed?: number): number {
  return claim * CLAIM_SEEDS + (seed === undefined ? 0 : seed + 1);
}

/** The slot a claim value's detector starts from (undefined: from no gain reduction). */
export function claimSeed(value: number): number | undefined {
  const seed = value % CLAIM_SEEDS;
  return seed === 0 ? undefined : seed - 1;
}

/**
 * AudioParams of the compressor bank: for every slot the compressor's six (as COMPRESSOR_PARAMS) and its
 * claim (k-rate; 0 while the slot is free, a new number each time a compressor takes it, which resets the
 * detector). Settings travel as AudioParams, not messages: automation is applied on the render's own clock,
 * so an offline render started right after a strip is built hears its settings from the first sample.
 */
export const COMPRESSOR_BANK_PARAMS: WorkletParamDescriptor[] = Array.from(
  { length: COMPRESSOR_BANK_SLOTS },
  (_, slot) => [
    ...COMPRESSOR_PARAMS.map((p) => ({ ...p, name: bankParamName(slot, p.name) })),
    { name: bankParamName(slot, 'claim'), defaultValue: 0, minValue: 0, automationRate: 'k-rate' as const },
  ],
).flat();

/** Messages a processor posts to the main thread. */
export type WorkletReport = { type: 'gain-reduction'; db: number };

/** Messages the main thread posts to a processor. */
export type WorkletCommand = { type: 'dispose' };

/** What the compressor bank reports: each slot's largest gain reduction of the last ~1/30 s, dB (≤ 0). */
export type CompressorBankReport = { type: 'bank-reduction'; db: number[] };

/** Options the limiter processor takes (processorOptions). */
export interface LimiterProcessorOptions {
  ceilingDb: number;
  lookaheadMs: number;
  releaseMs: number;
}
