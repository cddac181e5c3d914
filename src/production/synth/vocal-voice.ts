/**
 * A vowel-singing voice by formant synthesis: a band-limited sawtooth (the glottal buzz, tilted down
 * further by a low-pass) through four parallel band-pass resonators at the formant frequencies of the
 * vowel being sung. Notes within a phrase glide into each other (legato), formants move smoothly
 * between vowels, vibrato fades in on held notes, and onsets get a small dip and a breath of consonant.
 */
import type { Hz, SampleRate, Seconds } from '../../dsp/units';
import type { NoteEvent, Vowel } from '../types';
import { onePoleCoefficient, Svf } from './filters';
import type { NoiseSource } from './noise';
import { midiToHz, polyBlep, sineCycles } from './oscillators';

/** Formant frequencies (F1–F4) per vowel, bandwidth scale and breathiness: one singer. */
export interface VocalParams {
  formants: Readonly<Record<Vowel, readonly [Hz, Hz, Hz, Hz]>>;
  bandwidths: readonly [Hz, Hz, Hz, Hz];
  levels: readonly [number, number, number, number];
  breath: number;
}

/** An alto voice (formants from published averages for adult female speakers). */
export const ALTO: VocalParams = {
  formants: {
    a: [850, 1220, 2810, 3800],
    e: [600, 2300, 2990, 4000],
    i: [310, 2790, 3310, 4200],
    o: [590, 920, 2710, 3800],
    u: [370, 950, 2670, 3800],
  },
  bandwidths: [90, 110, 160, 200],
  levels: [1, 0.7, 0.5, 0.35],
  breath: 0.05,
};

/** A tenor voice (formants from published averages for adult male speakers). */
export const TENOR: VocalParams = {
  formants: {
    a: [730, 1090, 2440, 3400],
    e: [530, 1840, 2480, 3400],
    i: [270, 2290, 3010, 3500],
    o: [570, 840, 2410, 3300],
    u: [300, 870, 2240, 3300],
  },
  bandwidths: [80, 95, 130, 170],
  levels: [1, 0.65, 0.5, 0.35],
  breath: 0.04,
};

const BLOCK = 32;
const LEGATO_GAP_BEATS = 0.2;
const RELEASE: Seconds = 0.12;

function phrases(events: readonly NoteEvent[]): NoteEvent[][] {
  const out: NoteEvent[][] = [];
  for (const e of events) {
    const current = out[out.length - 1];
    const prev = current?.[current.length - 1];
    if (current && prev && e.time - (prev.time + prev.duration) < LEGATO_GAP_BEATS) current.push(e);
    else out.push([e]);
  }
  return out;
}

/** Tuning of one band-pass resonator (TPT state-variable form); `weight` × v1 is the band at `level`. */
interface Resonator {
  a1: number;
  a2: number;
  a3: number;
  weight: number;
}

function tune(r: Resonator, centre: Hz, bandwidth: Hz, level: number, sampleRate: SampleRate): void {
  const fc = Math.min(centre, 0.45 * sampleRate);
  const g = Math.tan((Math.PI * fc) / sampleRate);
  const k = bandwidth / fc;
  r.a1 = 1 / (1 + g * (g + k));
  r.a2 = g * r.a1;
  r.a3 = g * r.a2;
  r.weight = level * k;
}

/** Renders every vocal note of a track into `out` (mixing in), phrase by phrase. */
export function renderVocalTrack(
  events: readonly NoteEvent[],
  secondsPerBeat: Seconds,
  sampleRate: SampleRate,
  out: Float32Array,
  noise: NoiseSource,
  params: VocalParams,
): void {
  const toSample = (beats: number) => Math.round(beats * secondsPerBeat * sampleRate);
  const res: Resonator[] = [0, 1, 2, 3].map(() => ({ a1: 0, a2: 0, a3: 0, weight: 0 }));
  const [r0, r1, r2, r3] = res as [Resonator, Resonator, Resonator, Resonator];
  const tilt = onePoleCoefficient(1800, sampleRate);
  const breath = new Svf(2500, 0.7, sampleRate);
  const glide = 1 - Math.exp(-BLOCK / (0.04 * sampleRate));
  const morph = 1 - Math.exp(-BLOCK / (0.05 * sampleRate));
  const ampSmooth = 1 - Math.exp(-1 / (0.02 * sampleRate));
  const vibStep = (5.3 * BLOCK) / sampleRate;
  const releaseSamples = Math.round(RELEASE * sampleRate);
  const consonantCoef = Math.exp(-1 / (0.025 * sampleRate));
  const air = new Float32Array(BLOCK);
  const formant = new Float64Array(4);
  // Resonator states live in locals across the whole track: the hot loop touches no objects.
  let p0 = 0;
  let q0 = 0;
  let p1 = 0;
  let q1 = 0;
  let p2 = 0;
  let q2 = 0;
  let p3 = 0;
  let q3 = 0;
  for (const phrase of phrases(events)) {
    const first = phrase[0] as NoteEvent;
    const last = phrase[phrase.length - 1] as NoteEvent;
    const start = toSample(first.time);
    const gateEnd = toSample(last.time + last.duration);
    const end = Math.min(out.length, gateEnd + releaseSamples);
    const onsets = phrase.map((e) => toSample(e.time));
    let note = 0;
    let pitch = first.pitch - 0.7;
    let sinceOnset = 0;
    let vib = 0;
    let phase = 0;
    let tilted = 0;
    let amp = 0;
    let consonant = 0;
    for (let f = 0; f < 4; f++) formant[f] = params.formants[first.vowel ?? 'a'][f] as number;
    for (let blockStart = start; blockStart < end; blockStart += BLOCK) {
      while (note + 1 < phrase.length && blockStart >= (onsets[note + 1] as number)) {
        note++;
        sinceOnset = 0;
        consonant = (phrase[note]?.pitch ?? 0) % 3 === 0 ? 0.25 : 0.1;
      }
      const event = phrase[note] as NoteEvent;
      pitch += (event.pitch - pitch) * glide;
      const vibDepth = Math.min(1, Math.max(0, (sinceOnset / sampleRate - 0.25) / 0.3)) * 0.3;
      const dt = midiToHz(pitch + vibDepth * sineCycles(vib)) / sampleRate;
      vib += vibStep;
      const targets = params.formants[event.vowel ?? 'a'];
      for (let f = 0; f < 4; f++) {
        const centre = (formant[f] as number) + ((targets[f] as number) - (formant[f] as number)) * morph;
        formant[f] = centre;
        tune(
          res[f] as Resonator,
          centre,
          params.bandwidths[f] as number,
          params.levels[f] as number,
          sampleRate,
        );
      }
      const level = blockStart < gateEnd ? event.velocity ** 1.5 : 0;
      const target = level * (sinceOnset < 0.04 * sampleRate && note > 0 ? 0.6 : 1);
      const blockEnd = Math.min(end, blockStart + BLOCK);
      const n = blockEnd - blockStart;
      for (let i = 0; i < n; i++) {
        air[i] = breath.highpass(noise()) * (params.breath + consonant);
        consonant *= consonantCoef;
      }
      const { a1: b0, a2: c0, a3: d0, weight: w0 } = r0;
      const { a1: b1, a2: c1, a3: d1, weight: w1 } = r1;
      const { a1: b2, a2: c2, a3: d2, weight: w2 } = r2;
      const { a1: b3, a2: c3, a3: d3, weight: w3 } = r3;
      for (let i = 0; i < n; i++) {
        phase += dt;
        if (phase >= 1) phase -= 1;
        const buzz = 1 - 2 * phase + polyBlep(phase, dt);
        tilted += tilt * (buzz - tilted);
        amp += ampSmooth * (target - amp);
        const x = tilted + 0.5 * buzz + (air[i] as number);
        let v3 = x - q0;
        let v1 = b0 * p0 + c0 * v3;
        let v2 = q0 + c0 * p0 + d0 * v3;
        p0 = 2 * v1 - p0;
        q0 = 2 * v2 - q0;
        let y = w0 * v1;
        v3 = x - q1;
        v1 = b1 * p1 + c1 * v3;
        v2 = q1 + c1 * p1 + d1 * v3;
        p1 = 2 * v1 - p1;
        q1 = 2 * v2 - q1;
        y += w1 * v1;
        v3 = x - q2;
        v1 = b2 * p2 + c2 * v3;
        v2 = q2 + c2 * p2 + d2 * v3;
        p2 = 2 * v1 - p2;
        q2 = 2 * v2 - q2;
        y += w2 * v1;
        v3 = x - q3;
        v1 = b3 * p3 + c3 * v3;
        v2 = q3 + c3 * p3 + d3 * v3;
        p3 = 2 * v1 - p3;
        q3 = 2 * v2 - q3;
        y += w3 * v1;
        const o = blockStart + i;
        out[o] = (out[o] as number) + y * amp;
      }
      sinceOnset += BLOCK;
    }
  }
}

/** Above this rate the voice is synthesised at half rate (its formants all lie below 4.5 kHz) and interpolated up. */
const HALF_RATE_FROM: SampleRate = 32000;

/**
 * Renders a vocal track into `out` (mixing in). At 32 kHz and above it synthesises at half the sample
 * rate and upsamples by linear interpolation (images of the weak top octave stay about 30 dB down),
 * which halves the cost of the most expensive voice.
 */
export function renderVocal(
  events: readonly NoteEvent[],
  secondsPerBeat: Seconds,
  sampleRate: SampleRate,
  out: Float32Array,
  noise: NoiseSource,
  params: VocalParams,
): void {
  if (sampleRate < HALF_RATE_FROM) {
    renderVocalTrack(events, secondsPerBeat, sampleRate, out, noise, params);
    return;
  }
  const half = new Float32Array(Math.ceil(out.length / 2) + 1);
  renderVocalTrack(events, secondsPerBeat, sampleRate / 2, half, noise, params);
  for (let m = 0; 2 * m < out.length; m++) {
    const a = half[m] as number;
    out[2 * m] = (out[2 * m] as number) + a;
    if (2 * m + 1 < out.length)
      out[2 * m + 1] = (out[2 * m + 1] as number) + 0.5 * (a + (half[m + 1] as number));
  }
}
