import type { IAudioBuffer } from 'standardized-audio-context';
import { bandEdges } from '../../../src/dsp/bands';
import { type BiquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { limiterLatency, SAFETY_LIMITER } from '../../../src/dsp/limiter';
import { measureRms } from '../../../src/dsp/meters';
import type { SampleRate } from '../../../src/dsp/units';
import { renderSide } from '../../../src/exercises/play-registry';
import type { PlayEnv, SideSpec } from '../../../src/exercises/shared/play-types';
import { generateSong } from '../../../src/production/generate-song';
import { renderStems } from '../../../src/production/render-stems';
import type { Stems } from '../../../src/production/types';

const songs = new Map<string, Promise<Stems>>();

/** A play environment rendering songs with the pure renderer at `sampleRate` (memoised per song). */
export function testEnv(sampleRate: SampleRate): PlayEnv {
  return {
    sampleRate,
    loadSong(source) {
      const key = JSON.stringify([source.style, source.seed, source.overrides ?? {}, sampleRate]);
      let hit = songs.get(key);
      if (!hit) {
        hit = renderStems(generateSong(source.seed, source.style, source.overrides ?? {}), { sampleRate });
        songs.set(key, hit);
      }
      return hit;
    },
  };
}

/** Renders one side offline (one pass of its loop) and returns its left and right channels. */
export async function renderLR(side: SideSpec, sampleRate: SampleRate, durationS?: number) {
  const out: IAudioBuffer = await renderSide(side, sampleRate, durationS ? { durationS } : {});
  return { left: out.getChannelData(0), right: out.getChannelData(1), buffer: out };
}

/** The same side with only track `index` playing. */
export function soloTrack(side: SideSpec, index: number): SideSpec {
  return { ...side, tracks: side.tracks.filter((_, i) => i === index) };
}

/** The same side with every track's samples replaced by `samples` (e.g. an impulse). */
export function withSamples(side: SideSpec, samples: Float32Array): SideSpec {
  return { ...side, tracks: side.tracks.map((t) => ({ ...t, channels: [samples] })) };
}

/** RMS of a rendered side's left channel, in dB. */
export async function sideRmsDb(side: SideSpec, sampleRate: SampleRate): Promise<number> {
  const { left } = await renderLR(side, sampleRate);
  return 20 * Math.log10(measureRms(left));
}

/** Samples the master bus's safety limiter delays every rendered side by (its lookahead). */
export function masterLatency(sampleRate: SampleRate): number {
  return limiterLatency(sampleRate, SAFETY_LIMITER.lookaheadMs);
}

/** Expected level change (dB) of pink noise in the band of 1/`fraction` octave around `centre` through a biquad. */
export function bandGainDb(
  c: BiquadCoefficients,
  centre: number,
  sampleRate: SampleRate,
  fraction: 1 | 3 = 3,
): number {
  const [low, high] = bandEdges(centre, fraction);
  let sum = 0;
  const n = 64;
  for (let k = 0; k < n; k++) {
    // Pink noise has equal power per octave: average the power gain over log-spaced points.
    const f = low * (high / low) ** ((k + 0.5) / n);
    sum += 10 ** (biquadMagnitudeDb(c, f, sampleRate) / 10);
  }
  return 10 * Math.log10(sum / n);
}

/** Seeds 1…n. */
export function seeds(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
