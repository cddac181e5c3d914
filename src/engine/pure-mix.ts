/**
 * A whole mix in plain TypeScript: what Mixer.create + a Transport playing from the start render offline,
 * computed with the engine's own maths (pure-strip.ts, pure-returns.ts, the limiter's processLimiterBlock),
 * with no AudioContext and no worklet to load. For level matching: the loudness of an exercise's loop in a few
 * tens of milliseconds instead of an offline render's hundreds. Imports nothing that touches Web Audio, so it
 * runs in a Worker as well.
 */
import { dbToGain } from '../dsp/db';
import { renderLimiter, SAFETY_LIMITER } from '../dsp/limiter';
import { integratedLoudness } from '../dsp/loudness';
import { applyWidth, effectiveWidth } from '../dsp/stereo-width';
import type { Decibels, Lufs, SampleRate } from '../dsp/units';
import { DEFAULT_DELAY, type DelaySettings } from './delay-bus';
import { renderPureDelay, renderPureReverb, type StereoSignal } from './pure-returns';
import { renderPureStrip } from './pure-strip';
import { DEFAULT_REVERB, type ReverbSettings } from './reverb-bus';
import { defaultStripSettings, mergeStripSettings, type StripSettings } from './strip-settings';
import type { DeepPartial } from './types';

/**
 * A mix as plain data, the shape the exercises' SideSpec already has: per track its samples (1 or 2
 * channels, one pass of the loop, all at one rate) and its strip settings over the flat default, plus the
 * returns. It plays like Mixer.create({ tracks, bpm, reverb, delay, masterDb }) fed by a Transport from 0.
 */
export interface PureMix {
  tracks: readonly { channels: readonly Float32Array[]; settings: DeepPartial<StripSettings> }[];
  /** Tempo for the delay's note value (default 120). */
  bpm?: number;
  reverb?: Partial<ReverbSettings>;
  delay?: Partial<Omit<DelaySettings, 'bpm'>>;
  /** Master fader (default 0 dB). */
  masterDb?: Decibels;
  /** Master width, side × width (default 1). */
  masterWidth?: number;
  /** Master summed to mono (default off). */
  masterMono?: boolean;
}

/** How much of a mix to render. */
export interface PureMixOptions {
  /** Samples to render (default: the longest track, one pass of the loop, like the offline renders). */
  length?: number;
  /** Cut the reverb's impulse response this many dB below its start (default 80, the engine's own). */
  reverbTailDb?: number;
}

/** Length of a mix's longest track in samples. */
export function pureMixLength(mix: PureMix): number {
  return mix.tracks.reduce((max, t) => Math.max(max, t.channels[0]?.length ?? 0), 0);
}

/** Adds `signal` (1 channel: to both sides; 2: side by side) into a stereo bus, in float32. */
function addInto(bus: StereoSignal, signal: readonly Float32Array[], length: number): void {
  const left = signal[0];
  if (!left) return;
  const right = signal[1] ?? left;
  const n = Math.min(length, left.length, right.length);
  for (let i = 0; i < n; i++) {
    bus[0][i] = (bus[0][i] as number) + (left[i] as number);
    bus[1][i] = (bus[1][i] as number) + (right[i] as number);
  }
}

/** A track's source cut or padded to `length` samples (a shorter track ends in silence). */
function fitted(channels: readonly Float32Array[], length: number): Float32Array[] {
  return channels.slice(0, 2).map((x) => {
    if (x.length === length) return x;
    const out = new Float32Array(length);
    out.set(x.subarray(0, length));
    return out;
  });
}

/**
 * Renders `mix` to stereo [L, R] at `sampleRate` (the tracks' rate): strips (with solo-in-place), the sends
 * into the reverb and delay returns, the master fader, the master width and the always-on safety limiter (so, like the engine,
 * the output is late by the limiter's 3 ms lookahead). Matches an offline render of the same mix to float32
 * rounding (see tests/engine/pure-mix.browser.test.ts).
 */
export function renderPureMix(
  mix: PureMix,
  sampleRate: SampleRate,
  options: PureMixOptions = {},
): StereoSignal {
  const length = options.length ?? pureMixLength(mix);
  const settings = mix.tracks.map((t) =>
    mergeStripSettings(defaultStripSettings(t.settings.name), t.settings as DeepPartial<StripSettings>),
  );
  const anySolo = settings.some((s: StripSettings) => s.solo);
  const bus = (): StereoSignal => [new Float32Array(length), new Float32Array(length)];
  const master = bus();
  let reverbIn: StereoSignal | undefined;
  let delayIn: StereoSignal | undefined;
  mix.tracks.forEach((track, i) => {
    const s = settings[i] as StripSettings;
    const strip = renderPureStrip(fitted(track.channels, length), s, sampleRate, anySolo && !s.solo);
    addInto(master, strip.output, length);
    if (strip.sends.reverb) addInto((reverbIn ??= bus()), strip.sends.reverb, length);
    if (strip.sends.delay) addInto((delayIn ??= bus()), strip.sends.delay, length);
  });
  if (reverbIn) {
    const room = { ...DEFAULT_REVERB, ...mix.reverb };
    addInto(master, renderPureReverb(reverbIn, room, sampleRate, length, options.reverbTailDb), length);
  }
  if (delayIn) {
    const echo = { ...DEFAULT_DELAY, ...mix.delay, bpm: mix.bpm ?? 120 };
    addInto(master, renderPureDelay(delayIn, echo, sampleRate, length), length);
  }
  const fader = Math.fround(dbToGain(mix.masterDb ?? 0));
  if (fader !== 1) {
    for (const side of master) for (let i = 0; i < length; i++) side[i] = (side[i] as number) * fader;
  }
  const width = effectiveWidth(mix.masterWidth ?? 1, mix.masterMono ?? false);
  const [left, right] = renderLimiter(applyWidth(master[0], master[1], width), sampleRate, SAFETY_LIMITER);
  return [left as Float32Array, right as Float32Array];
}

/** Below −40 dB the reverb's tail holds under 0.01 % of its energy: cutting it there changes no loudness. */
const LOUDNESS_REVERB_TAIL_DB = 40;

/**
 * Integrated loudness (BS.1770, LUFS) of one pass of `mix`'s loop, as measureMixLoudness would read an
 * offline render of it at the tracks' own rate. The reverb's IR is cut at −40 dB for speed (< 0.001 dB).
 */
export function measurePureMixLoudness(mix: PureMix, sampleRate: SampleRate): Lufs {
  const rendered = renderPureMix(mix, sampleRate, { reverbTailDb: LOUDNESS_REVERB_TAIL_DB });
  return integratedLoudness(rendered, sampleRate);
}

/** Loudness of both sides of an A/B pair, for AbCompare.setLevelMatch. */
export interface PureLevelMatch {
  aLufs: Lufs;
  bLufs: Lufs;
}

/**
 * Measures both sides of an A/B pair (e.g. an exercise's SideSpecs) in plain TypeScript, no offline render:
 * `ab.setLevelMatch(measurePureLevelMatch(a, b, sampleRate))`. Synchronous; for a long loop with reverb,
 * call it from a Worker to keep the page responsive.
 */
export function measurePureLevelMatch(a: PureMix, b: PureMix, sampleRate: SampleRate): PureLevelMatch {
  return { aLufs: measurePureMixLoudness(a, sampleRate), bLufs: measurePureMixLoudness(b, sampleRate) };
}
