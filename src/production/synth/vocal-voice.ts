/**
 * A singing voice by formant synthesis: a band-limited sawtooth (the glottal buzz, tilted down further by
 * a low-pass) through four parallel band-pass resonators at the formant frequencies of the vowel being
 * sung. Notes within a phrase glide into each other (legato), vibrato fades in on held notes, and each
 * syllable starts with its consonant (CONSONANTS): nasals and liquids move the formants and dim the voice,
 * stops close it and release a burst of noise, fricatives hiss through a band-pass, h breathes.
 */
import type { SampleRate, Seconds } from '../../dsp/units';
import type { Consonant, NoteEvent, Vowel } from '../types';
import { onePoleCoefficient, Svf } from './filters';
import { addHalfBandUpsampled, HALF_BAND_SIDE } from './half-band';
import type { NoiseSource } from './noise';
import { midiToHz, polyBlep, sineCycles } from './oscillators';
import { CONSONANTS, type ConsonantSound, type VocalParams } from './vocal-singers';

const CONSONANT_LIST = Object.keys(CONSONANTS) as Consonant[];
/** A consonant takes at most this share of its note. */
const CONSONANT_SHARE = 0.4;
/** A stop's burst: its length (s), decaying from its peak. */
const BURST: Seconds = 0.015;

const BLOCK = 32;
const LEGATO_GAP_BEATS = 0.2;
const RELEASE: Seconds = 0.12;
const VOWELS: readonly Vowel[] = ['a', 'e', 'i', 'o', 'u'];

/** The notes as plain numbers (typed arrays), grouped into legato phrases: the hot loop reads nothing else. */
interface VocalScore {
  onset: Int32Array;
  gateEnd: Int32Array;
  pitch: Float64Array;
  level: Float64Array;
  vowel: Int8Array;
  /** Index into CONSONANT_LIST, −1 for none. */
  consonant: Int8Array;
  /** Index of the first note of each phrase, plus the note count at the end. */
  phraseStarts: number[];
}

function prepareScore(
  events: readonly NoteEvent[],
  secondsPerBeat: Seconds,
  sampleRate: SampleRate,
): VocalScore {
  const n = events.length;
  const score: VocalScore = {
    onset: new Int32Array(n),
    gateEnd: new Int32Array(n),
    pitch: new Float64Array(n),
    level: new Float64Array(n),
    vowel: new Int8Array(n),
    consonant: new Int8Array(n),
    phraseStarts: [],
  };
  let previousEnd = Number.NEGATIVE_INFINITY;
  events.forEach((e, i) => {
    score.onset[i] = Math.round(e.time * secondsPerBeat * sampleRate);
    score.gateEnd[i] = Math.round((e.time + e.duration) * secondsPerBeat * sampleRate);
    score.pitch[i] = e.pitch;
    score.level[i] = e.velocity ** 1.5;
    score.vowel[i] = Math.max(0, VOWELS.indexOf(e.vowel ?? 'a'));
    score.consonant[i] = e.consonant ? CONSONANT_LIST.indexOf(e.consonant) : -1;
    if (e.time - previousEnd >= LEGATO_GAP_BEATS) score.phraseStarts.push(i);
    previousEnd = e.time + e.duration;
  });
  score.phraseStarts.push(n);
  return score;
}

const PHASE = 8;
const TILTED = 9;
const AMP = 10;
const STATE_SIZE = 11;

/**
 * The hot loop, kept small so the JIT optimises it early and keeps it: `n` samples of buzz → tilt →
 * amplitude, plus breath (`air`, already at its level), → four parallel resonators (coefficients a1, a2,
 * a3, weight per formant in `coef`), plus the consonants' `hiss` (past the resonators), mixed into `out`. `state` holds the filter memories, phase, tilt and amplitude between calls.
 */
function synthBlock(
  out: Float32Array,
  offset: number,
  n: number,
  air: Float32Array,
  hiss: Float32Array,
  coef: Float64Array,
  state: Float64Array,
  dt: number,
  target: number,
  tilt: number,
  ampSmooth: number,
): void {
  const b0 = coef[0] as number;
  const c0 = coef[1] as number;
  const d0 = coef[2] as number;
  const w0 = coef[3] as number;
  const b1 = coef[4] as number;
  const c1 = coef[5] as number;
  const d1 = coef[6] as number;
  const w1 = coef[7] as number;
  const b2 = coef[8] as number;
  const c2 = coef[9] as number;
  const d2 = coef[10] as number;
  const w2 = coef[11] as number;
  const b3 = coef[12] as number;
  const c3 = coef[13] as number;
  const d3 = coef[14] as number;
  const w3 = coef[15] as number;
  let p0 = state[0] as number;
  let q0 = state[1] as number;
  let p1 = state[2] as number;
  let q1 = state[3] as number;
  let p2 = state[4] as number;
  let q2 = state[5] as number;
  let p3 = state[6] as number;
  let q3 = state[7] as number;
  let phase = state[PHASE] as number;
  let tilted = state[TILTED] as number;
  let amp = state[AMP] as number;
  for (let i = 0; i < n; i++) {
    phase += dt;
    if (phase >= 1) phase -= 1;
    const buzz = 1 - 2 * phase + polyBlep(phase, dt);
    tilted += tilt * (buzz - tilted);
    amp += ampSmooth * (target - amp);
    const x = (tilted + 0.5 * buzz) * amp + (air[i] as number);
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
    const o = offset + i;
    out[o] = (out[o] as number) + y + (hiss[i] as number);
  }
  state[0] = p0;
  state[1] = q0;
  state[2] = p1;
  state[3] = q1;
  state[4] = p2;
  state[5] = q2;
  state[6] = p3;
  state[7] = q3;
  state[PHASE] = phase;
  state[TILTED] = tilted;
  state[AMP] = amp;
}

/**
 * `n` samples of the breath (white noise high-passed, into `air`) and the consonants' noise (band-passed,
 * into `hiss`: a steady part plus a burst decaying by `burstCoef` per sample), both × `level`; returns the
 * burst left.
 * Its own small function, so the JIT optimises it on its own (inside the block loop it allocated numbers).
 */
function fillNoise(
  air: Float32Array,
  hiss: Float32Array,
  n: number,
  noise: NoiseSource,
  breath: Svf,
  band: Svf,
  airLevel: number,
  hissLevel: number,
  level: number,
  burst: number,
  burstCoef: number,
): number {
  let b = burst;
  for (let i = 0; i < n; i++) {
    const white = noise.next();
    air[i] = breath.highpass(white) * airLevel * level;
    hiss[i] = band.bandpass(white) * (hissLevel + b) * level;
    b *= burstCoef;
  }
  return b;
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
  const score = prepareScore(events, secondsPerBeat, sampleRate);
  const formantTable = new Float64Array(20);
  VOWELS.forEach((v, i) => {
    for (let f = 0; f < 4; f++) formantTable[i * 4 + f] = params.formants[v][f] as number;
  });
  const bandwidths = Float64Array.from(params.bandwidths);
  const levels = Float64Array.from(params.levels);
  const nyquistCap = 0.45 * sampleRate;
  // Per resonator: a1, a2, a3, weight (level × k, so weight·v1 is the unity-peak band-pass at `level`).
  const coef = new Float64Array(16);
  const tilt = onePoleCoefficient(1800, sampleRate);
  const breath = new Svf(2500, 0.7, sampleRate);
  const hissBand = new Svf(3000, 1, sampleRate);
  const glide = 1 - Math.exp(-BLOCK / (0.04 * sampleRate));
  const morph = 1 - Math.exp(-BLOCK / (0.05 * sampleRate));
  // Out of a consonant the formants move fast (about 25 ms) and the level follows within a few ms.
  const morphFast = 1 - Math.exp(-BLOCK / (0.025 * sampleRate));
  const ampSmooth = 1 - Math.exp(-1 / (0.02 * sampleRate));
  const ampFast = 1 - Math.exp(-1 / (0.004 * sampleRate));
  const vibStep = (5.3 * BLOCK) / sampleRate;
  const releaseSamples = Math.round(RELEASE * sampleRate);
  const burstCoef = Math.exp(-1 / ((BURST / 3) * sampleRate));
  const breathLevel = params.breath;
  const air = new Float32Array(BLOCK);
  const hiss = new Float32Array(BLOCK);
  const formant = new Float64Array(4);
  // Resonator states (p, q per formant), glottal phase, tilt filter and amplitude, carried across blocks.
  const state = new Float64Array(STATE_SIZE);
  for (let ph = 0; ph + 1 < score.phraseStarts.length; ph++) {
    const firstNote = score.phraseStarts[ph] as number;
    const lastNote = (score.phraseStarts[ph + 1] as number) - 1;
    const start = score.onset[firstNote] as number;
    const gateEnd = score.gateEnd[lastNote] as number;
    const end = Math.min(out.length, gateEnd + releaseSamples);
    let note = firstNote - 1;
    let pitch = (score.pitch[firstNote] as number) - 0.7;
    let sinceOnset = 0;
    let vib = 0;
    let sound: ConsonantSound | null = null;
    let consonantEnd = 0;
    let closureEnd = 0;
    let burst = 0;
    state[PHASE] = 0;
    state[TILTED] = 0;
    state[AMP] = 0;
    const firstVowel = (score.vowel[firstNote] as number) * 4;
    for (let f = 0; f < 4; f++) formant[f] = formantTable[firstVowel + f] as number;
    for (let blockStart = start; blockStart < end; blockStart += BLOCK) {
      while (note < lastNote && blockStart >= (score.onset[note + 1] as number)) {
        note++;
        sinceOnset = 0;
        const c = score.consonant[note] as number;
        sound = c >= 0 ? CONSONANTS[CONSONANT_LIST[c] as Consonant] : null;
        const noteLength = (score.gateEnd[note] as number) - (score.onset[note] as number);
        const cap = CONSONANT_SHARE * noteLength;
        consonantEnd = sound ? Math.min(cap, sound.length * sampleRate) : 0;
        closureEnd = sound?.closure ? Math.min(0.6 * consonantEnd, sound.closure * sampleRate) : 0;
        burst = 0;
        if (sound && sound.noise > 0) hissBand.set(sound.noiseHz, sound.noiseQ, sampleRate);
        if (sound?.formants) for (let f = 0; f < 4; f++) formant[f] = sound.formants[f] as number;
      }
      pitch += ((score.pitch[note] as number) - pitch) * glide;
      const vibDepth = Math.min(1, Math.max(0, (sinceOnset / sampleRate - 0.25) / 0.3)) * 0.3;
      const dt = midiToHz(pitch + vibDepth * sineCycles(vib)) / sampleRate;
      vib += vibStep;
      const inConsonant = sound !== null && sinceOnset < consonantEnd;
      const vowel = (score.vowel[note] as number) * 4;
      const held = inConsonant && sound?.formants;
      const rate = sound !== null && sinceOnset < consonantEnd + 0.05 * sampleRate ? morphFast : morph;
      for (let f = 0; f < 4; f++) {
        const goal = held ? (sound?.formants?.[f] as number) : (formantTable[vowel + f] as number);
        const centre = (formant[f] as number) + (goal - (formant[f] as number)) * rate;
        formant[f] = centre;
        const fc = centre < nyquistCap ? centre : nyquistCap;
        const g = Math.tan((Math.PI * fc) / sampleRate);
        const k = (bandwidths[f] as number) / fc;
        const a1 = 1 / (1 + g * (g + k));
        coef[f * 4] = a1;
        coef[f * 4 + 1] = g * a1;
        coef[f * 4 + 2] = g * g * a1;
        coef[f * 4 + 3] = (levels[f] as number) * k;
      }
      const level = blockStart < gateEnd ? (score.level[note] as number) : 0;
      const voicing = inConsonant && sound ? sound.voice : 1;
      const target = level * voicing;
      const blockEnd = Math.min(end, blockStart + BLOCK);
      const n = blockEnd - blockStart;
      // The consonant's noise: a stop's burst after its closure, a fricative's hiss rising and falling
      // over its length, aspiration through the formants.
      let hissLevel = 0;
      let aspiration = 0;
      if (inConsonant && sound) {
        const t = sinceOnset / consonantEnd;
        if (sound.closure) {
          if (sinceOnset >= closureEnd && burst === 0) burst = sound.noise;
          aspiration = sinceOnset >= closureEnd ? sound.aspiration : 0;
        } else {
          hissLevel = sound.noise * Math.sin(Math.PI * Math.min(1, t));
          aspiration = sound.aspiration * Math.sin(Math.PI * Math.min(1, t));
        }
      }
      burst = fillNoise(
        air,
        hiss,
        n,
        noise,
        breath,
        hissBand,
        breathLevel + aspiration,
        hissLevel,
        level,
        burst,
        burstCoef,
      );
      const smoothing = sound !== null && sinceOnset < consonantEnd + BLOCK ? ampFast : ampSmooth;
      synthBlock(out, blockStart, n, air, hiss, coef, state, dt, target, tilt, smoothing);
      sinceOnset += BLOCK;
    }
  }
}

/** The half-rate voice's buffer, kept for the next track: fresh pages cost more than zeroing used ones. */
let scratch = new Float32Array(0);

/** `length` zeros at the start of the kept half-rate buffer (grown when too short). */
function halfRateScratch(length: number): Float32Array {
  if (scratch.length < length) scratch = new Float32Array(Math.max(length, Math.ceil(scratch.length * 1.25)));
  const p = scratch.subarray(0, length);
  p.fill(0);
  return p;
}

/** Above this rate the voice is synthesised at half rate (its formants all lie below 4.5 kHz) and interpolated up. */
const HALF_RATE_FROM: SampleRate = 32000;

/**
 * Renders a vocal track into `out` (mixing in). At 32 kHz and above it synthesises at half the sample
 * rate and upsamples with a half-band interpolator (every other sample kept, the ones between from a
 * 24-tap windowed sinc), so no image of the voice or its consonants' hiss reaches the top octaves; it
 * halves the cost of the most expensive voice.
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
  const side = HALF_BAND_SIDE;
  const halfLength = Math.ceil(out.length / 2) + 1;
  // Padded by `side` zeros at each end so the interpolator never reads outside.
  const p = halfRateScratch(halfLength + 2 * side);
  renderVocalTrack(
    events,
    secondsPerBeat,
    sampleRate / 2,
    p.subarray(side, side + halfLength),
    noise,
    params,
  );
  addHalfBandUpsampled(p, out);
}
