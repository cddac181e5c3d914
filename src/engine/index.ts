/**
 * The mixing engine's public API (standardized-audio-context only; every class takes its context).
 * Exercises' play files and src/state import from here, not from the individual modules.
 */

export {
  AbCompare,
  type AbCompareOptions,
  type AbSide,
  type ChainLoudness,
  type LevelMatchReading,
  type LevelMatchState,
  measureChainLoudness,
  measureLevelMatch,
  measureMixLoudness,
} from './ab-compare';
export {
  ChannelStrip,
  defaultStripSettings,
  type EqBandSettings,
  type SendSettings,
  type StripSettings,
} from './channel-strip';
export { Compressor, DEFAULT_COMPRESSOR } from './compressor';
export { DEFAULT_DELAY, DelayBus, type DelaySettings, MAX_DELAY_S } from './delay-bus';
export { downloadBlob, exportWav } from './export-wav';
export { createLimiterNode, disposeLimiterNode, limiterLatencySeconds } from './limiter';
export { MasterBus, type MasterBusOptions, type MasterMeterReading, SAFETY_CEILING_DB } from './master-bus';
export { Mixer, type MixerOptions } from './mixer';
export {
  measurePureLevelMatch,
  measurePureMixLoudness,
  type PureLevelMatch,
  type PureMix,
  type PureMixOptions,
  pureMixLength,
  renderPureMix,
} from './pure-mix';
export { renderPureDelay, renderPureReverb, type StereoSignal } from './pure-returns';
export { type PureStripRender, renderPureStrip } from './pure-strip';
export { bufferChannels, type RenderOptions, renderOffline } from './render';
export { DEFAULT_REVERB, ReverbBus, type ReverbSettings } from './reverb-bus';
export type { StripMeterReading } from './strip-meter';
export {
  combineTargets,
  type LoopRegion,
  Transport,
  type TransportOptions,
  type TransportSnapshot,
  type TransportTarget,
} from './transport';
export type { AnyContext, AnyNode, AnyParam, DeepPartial } from './types';
export { loadEngineWorklets } from './worklets';
