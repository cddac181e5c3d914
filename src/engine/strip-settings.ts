import { type CompressorSettings, DEFAULT_COMPRESSOR } from '../dsp/compressor';
import type { Width } from '../dsp/stereo-width';
import type { Decibels, Hz, Pan } from '../dsp/units';
import type { DeepPartial } from './types';

/** One band of the strip's parametric EQ. */
export interface EqBandSettings {
  enabled: boolean;
  type: 'lowshelf' | 'peaking' | 'highshelf';
  frequency: Hz;
  gainDb: Decibels;
  /** Linear Q (peaking bands); shelves follow Web Audio and ignore it (slope S = 1). */
  q: number;
}

/** One send from the strip to a return bus. */
export interface SendSettings {
  levelDb: Decibels;
  /** Taken before the fader (still after mute and solo). */
  preFader: boolean;
  enabled: boolean;
}

/** Everything a channel strip does, as plain data (JSON-safe except a fader or send at −Infinity). */
export interface StripSettings {
  name: string;
  trimDb: Decibels;
  /** 12 dB/octave Butterworth high-pass (Q 0.7071). */
  highPass: { enabled: boolean; frequency: Hz };
  /** 12 dB/octave Butterworth low-pass (Q 0.7071), after the high-pass. */
  lowPass: { enabled: boolean; frequency: Hz };
  /** Low shelf, peaking, peaking, high shelf. */
  eq: [EqBandSettings, EqBandSettings, EqBandSettings, EqBandSettings];
  /**
   * Saturation insert after the EQ (dsp/saturation.ts: tanh(g·x)/g at 4×, g = 10^(drive/20); adds
   * SATURATION_LATENCY samples of delay while it is on).
   */
  saturation: { enabled: boolean; driveDb: Decibels };
  compressor: CompressorSettings & { enabled: boolean };
  /** −Infinity … +10 dB. */
  faderDb: Decibels;
  pan: Pan;
  /**
   * Stereo width after the pan, mid-side (dsp/stereo-width.ts): the side signal times `width` (0 … 2;
   * 1 = unchanged). A mono source panned to the centre has no side, so only panned or stereo sources change.
   */
  width: Width;
  /** Sums the strip's output to mono (width 0), whatever `width` says. */
  mono: boolean;
  mute: boolean;
  solo: boolean;
  sends: { reverb: SendSettings; delay: SendSettings };
}

/** Highest fader setting, dB. */
export const FADER_MAX_DB: Decibels = 10;

/** A flat, unity-gain, centred, unchanged-width strip with the filters, compressor and sends off. */
export function defaultStripSettings(name = 'Channel'): StripSettings {
  return {
    name,
    trimDb: 0,
    highPass: { enabled: false, frequency: 80 },
    lowPass: { enabled: false, frequency: 12000 },
    eq: [
      { enabled: true, type: 'lowshelf', frequency: 100, gainDb: 0, q: Math.SQRT1_2 },
      { enabled: true, type: 'peaking', frequency: 400, gainDb: 0, q: 1 },
      { enabled: true, type: 'peaking', frequency: 2500, gainDb: 0, q: 1 },
      { enabled: true, type: 'highshelf', frequency: 8000, gainDb: 0, q: Math.SQRT1_2 },
    ],
    saturation: { enabled: false, driveDb: 0 },
    compressor: { enabled: false, ...DEFAULT_COMPRESSOR },
    faderDb: 0,
    pan: 0,
    width: 1,
    mono: false,
    mute: false,
    solo: false,
    sends: {
      reverb: { levelDb: -12, preFader: false, enabled: false },
      delay: { levelDb: -12, preFader: false, enabled: false },
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** `base` with `patch` applied at any depth (arrays patch by index); neither argument is modified. */
export function mergeStripSettings(base: StripSettings, patch: DeepPartial<StripSettings>): StripSettings {
  return mergeDeep(base, patch) as StripSettings;
}

function mergeDeep(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return structuredCopy(base);
  if (!isRecord(base) || !isRecord(patch)) return patch;
  if (Array.isArray(base)) return base.map((item, i) => mergeDeep(item, (patch as unknown as unknown[])[i]));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) out[key] = mergeDeep(base[key], patch[key]);
  return out;
}

function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = structuredCopy(value[key]);
    return out;
  }
  return value;
}

/** A filter stage the strip keeps in its chain: the high-pass or one audible EQ band. */
export interface FilterStage {
  /** 'hp', 'lp' or 'eq0' … 'eq3'. */
  id: string;
  type: 'highpass' | 'lowpass' | EqBandSettings['type'];
}

/**
 * The filter stages that must be in the chain, in order: the high-pass and low-pass if enabled, then every EQ band that
 * is enabled and not flat (a band at 0 dB is an identity filter, so it costs nothing to leave out).
 */
export function activeFilterStages(settings: StripSettings): FilterStage[] {
  const stages: FilterStage[] = [];
  if (settings.highPass.enabled) stages.push({ id: 'hp', type: 'highpass' });
  if (settings.lowPass?.enabled) stages.push({ id: 'lp', type: 'lowpass' });
  settings.eq.forEach((band, i) => {
    if (band.enabled && band.gainDb !== 0) stages.push({ id: `eq${i}`, type: band.type });
  });
  return stages;
}

/** A key that changes exactly when the chain of filter stages must be rebuilt. */
export function filterTopologyKey(stages: readonly FilterStage[]): string {
  return stages.map((s) => `${s.id}:${s.type}`).join('|');
}
