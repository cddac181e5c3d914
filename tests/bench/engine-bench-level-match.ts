// Level-match readiness for the engine bench: from "question ready" (samples and settings known) to both
// sides' integrated loudness known, the way the drill measures it (offline renders of each side's loop).
import type { IAudioBuffer, IOfflineAudioContext } from 'standardized-audio-context';
import { renderPinkNoise } from '../../src/dsp/noise';
import { createRng } from '../../src/dsp/random';
import {
  type DeepPartial,
  type DelaySettings,
  Mixer,
  measureLevelMatch,
  measurePureLevelMatch,
  type ReverbSettings,
  type StripSettings,
  Transport,
} from '../../src/engine';

/** One side of an exercise: tracks (samples + strip settings) and returns, as the drill describes them. */
export interface BenchSide {
  tracks: { channels: Float32Array[]; settings: DeepPartial<StripSettings> }[];
  bpm?: number;
  reverb?: Partial<ReverbSettings>;
  delay?: Partial<Omit<DelaySettings, 'bpm'>>;
}

/** An exercise's A/B pair with its samples' rate and the rate the drill measures loudness at. */
export interface BenchExercise {
  name: string;
  sampleRate: number;
  measureRate: number;
  a: BenchSide;
  b: BenchSide;
}

/** Spot the EQ boost: one 4 s pink-noise loop, A flat, B with a +6 dB peak; measured at the full rate. */
export function eqBoostExercise(sampleRate = 48000): BenchExercise {
  const samples = renderPinkNoise(createRng(3), 4 * sampleRate);
  const track = (gainDb: number): BenchSide => ({
    tracks: [
      { channels: [samples], settings: { faderDb: -6, eq: [{}, { gainDb, frequency: 1000, q: 1.4 }] } },
    ],
  });
  return { name: 'EQ boost, 1 track, 4 s', sampleRate, measureRate: sampleRate, a: track(0), b: track(6) };
}

/** Four bars at 100 BPM: a song excerpt's loop, 9.6 s. */
const EXCERPT_S = 9.6;

/** How long is the reverb: one track of a 4-bar excerpt, A dry, B sent at −6 dB into a 2.5 s room. */
export function reverbTimeExercise(sampleRate = 48000): BenchExercise {
  const samples = renderPinkNoise(createRng(4), Math.round(EXCERPT_S * sampleRate), 0.15);
  const side = (wet: boolean): BenchSide => ({
    bpm: 100,
    reverb: { decayS: 2.5, preDelayMs: 30, returnDb: 0 },
    tracks: [
      { channels: [samples], settings: { faderDb: -4, sends: { reverb: { enabled: wet, levelDb: -6 } } } },
    ],
  });
  return {
    name: 'reverb time, 1 track, 9.6 s, 2.5 s room',
    sampleRate,
    measureRate: Math.min(sampleRate, 32000),
    a: side(false),
    b: side(true),
  };
}

/** A mix move on a whole excerpt: 8 mono tracks of a 4-bar loop at rough-mix faders, B one fader 3 dB up. */
export function mixExercise(sampleRate = 48000): BenchExercise {
  const length = Math.round(EXCERPT_S * sampleRate);
  const rng = createRng(5);
  const stems = Array.from({ length: 8 }, (_, i) => renderPinkNoise(rng.fork(`stem ${i}`), length, 0.15));
  const side = (vocalUpDb: number): BenchSide => ({
    bpm: 100,
    tracks: stems.map((samples, i) => ({
      channels: [samples],
      settings: { faderDb: -10 - i + (i === 0 ? vocalUpDb : 0), pan: -0.6 + 0.17 * i },
    })),
  });
  return {
    name: 'level change, 8 tracks, 9.6 s',
    sampleRate,
    measureRate: Math.min(sampleRate, 32000),
    a: side(0),
    b: side(3),
  };
}

/** Builds a side into an offline context like the drill does: a Mixer and a looping Transport. */
async function buildSide(ctx: IOfflineAudioContext, side: BenchSide, sampleRate: number): Promise<void> {
  const mixer = await Mixer.create(ctx, {
    tracks: side.tracks.map((t) => t.settings),
    bpm: side.bpm ?? 120,
    reverb: side.reverb,
    delay: side.delay,
  });
  const buffers = side.tracks.map((t) => {
    const buffer: IAudioBuffer = ctx.createBuffer(t.channels.length, t.channels[0]!.length, sampleRate);
    t.channels.forEach((data, c) => {
      buffer.copyToChannel(data, c);
    });
    return buffer;
  });
  const transport = new Transport(ctx, mixer, buffers);
  transport.setLoop({ start: 0, end: transport.duration });
  transport.play(0, 0);
}

/** Loop length of a side in seconds. */
export function sideSeconds(side: BenchSide, sampleRate: number): number {
  return side.tracks.reduce((max, t) => Math.max(max, t.channels[0]!.length), 0) / sampleRate;
}

/** Time to both loudness values via two offline renders (in parallel), as the drill does today, ms. */
export async function levelMatchByRender(ex: BenchExercise): Promise<{ ms: number; a: number; b: number }> {
  const started = performance.now();
  const reading = await measureLevelMatch(
    (ctx) => buildSide(ctx, ex.a, ex.sampleRate),
    (ctx) => buildSide(ctx, ex.b, ex.sampleRate),
    { sampleRate: ex.measureRate, durationS: sideSeconds(ex.a, ex.sampleRate) },
  );
  return { ms: performance.now() - started, a: reading.aLufs, b: reading.bLufs };
}

/** Time to both loudness values in plain TypeScript (measurePureLevelMatch), at the tracks' own rate, ms. */
export function levelMatchByPureMaths(ex: BenchExercise): { ms: number; a: number; b: number } {
  const started = performance.now();
  const { aLufs, bLufs } = measurePureLevelMatch(ex.a, ex.b, ex.sampleRate);
  return { ms: performance.now() - started, a: aLufs, b: bLufs };
}
