/** Preset id → synthesis: which voice renders a track, with which parameters. */
import type { SampleRate, Seconds } from '../../dsp/units';
import type { NoteEvent } from '../types';
import {
  type HatParams,
  type KickParams,
  renderClap,
  renderCymbal,
  renderKick,
  renderShaker,
  renderSnare,
  renderTambourine,
  renderTom,
  type SnareParams,
} from './drum-voices';
import type { Adsr } from './envelope';
import { EPIANO_AMP, ORGAN_AMP, renderEpiano, renderOrgan, renderPluck } from './keys-voices';
import { fillPinkNoise, type NoiseSource } from './noise';
import { BASS_808_AMP, FLUTE_AMP, render808, renderFlute } from './sine-voices';
import { renderSubtractive, type SubtractivePatch } from './subtractive';
import { ALTO, TENOR } from './vocal-singers';
import { renderVocal } from './vocal-voice';

/** Renders one drum hit (`hit` = GM drum note), start to silence. */
export type HitRender = (hit: number, sampleRate: SampleRate, noise: NoiseSource) => Float32Array;

/**
 * Renders `length` samples of a sustained tone at `pitch`, before the amplitude envelope, into `into` when
 * given (at least `length` long: every sample of its first `length` is written) or a new array.
 */
export type HeldRender = (
  pitch: number,
  length: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
  into?: Float32Array,
) => Float32Array;

/** Renders one note held for `gate` samples, including its tail (for sounds whose gate changes the tone). */
export type NoteRender = (
  pitch: number,
  gate: number,
  sampleRate: SampleRate,
  noise: NoiseSource,
) => Float32Array;

/** Renders a whole track into `out` (for voices where notes interact: legato vocals, continuous noise). */
export type TrackRender = (
  events: readonly NoteEvent[],
  secondsPerBeat: Seconds,
  sampleRate: SampleRate,
  out: Float32Array,
  noise: NoiseSource,
) => void;

/**
 * How a preset is synthesised, cheapest first: drum hits (cached per hit and round-robin take), held
 * tones (one rendering per pitch, shaped per note by `amp`), gate-dependent notes (cached per pitch and
 * length), or a whole track at once.
 */
export type Voice =
  | { kind: 'hit'; render: HitRender; variants: number }
  | { kind: 'held'; render: HeldRender; amp: Adsr }
  | { kind: 'note'; render: NoteRender }
  | { kind: 'track'; render: TrackRender };

const drum = (render: HitRender): Voice => ({ kind: 'hit', render, variants: 2 });
const held = (render: HeldRender, amp: Adsr): Voice => ({ kind: 'held', render, amp });
const patch = (p: SubtractivePatch): Voice =>
  held((pitch, length, sr, noise, into) => renderSubtractive(p, pitch, length, sr, noise, into), p.amp);

const kick = (p: KickParams): Voice => drum((_, sr, noise) => renderKick(p, sr, noise));

const SNARE_TIGHT: SnareParams = {
  toneHz: 200,
  toneDecay: 0.045,
  noiseDecay: 0.1,
  noiseLow: 1500,
  noiseHigh: 9000,
  tone: 0.55,
  noise: 1,
  length: 0.5,
};
const SNARE_FAT: SnareParams = {
  toneHz: 175,
  toneDecay: 0.07,
  noiseDecay: 0.17,
  noiseLow: 900,
  noiseHigh: 7000,
  tone: 0.7,
  noise: 1,
  length: 0.8,
};
const SNARE_SOFT: SnareParams = {
  toneHz: 190,
  toneDecay: 0.05,
  noiseDecay: 0.13,
  noiseLow: 1200,
  noiseHigh: 5000,
  tone: 0.4,
  noise: 0.7,
  length: 0.6,
};
const RIM: SnareParams = {
  toneHz: 480,
  toneDecay: 0.012,
  noiseDecay: 0.01,
  noiseLow: 2000,
  noiseHigh: 8000,
  tone: 1,
  noise: 0.5,
  length: 0.12,
};

const snare = (body: SnareParams, clap = false): Voice =>
  drum((hit, sr, noise) => {
    if (hit === 37) return renderSnare(RIM, sr, noise);
    return clap ? renderClap(1300, 0.12, sr, noise) : renderSnare(body, sr, noise);
  });

const hats = (p: HatParams): Voice => drum((hit, sr, noise) => renderCymbal(p, hit, sr, noise));

const perc = (bright: boolean): Voice =>
  drum((hit, sr, noise) => {
    const scale = bright ? 1.2 : 1;
    if (hit === 39) return renderClap(bright ? 1600 : 1150, bright ? 0.1 : 0.08, sr, noise);
    if (hit === 45) return renderTom(98 * scale, sr, noise);
    if (hit === 47) return renderTom(131 * scale, sr, noise);
    if (hit === 50) return renderTom(175 * scale, sr, noise);
    if (hit === 54) return renderTambourine(sr, noise);
    return renderShaker(bright ? 6500 : 4500, sr, noise);
  });

const SAW_DETUNED = (cents: readonly number[], level: number) =>
  cents.map((c) => ({ shape: 'saw' as const, semitones: c / 100, level }));

const VOICES: Record<string, Voice> = {
  'kick-punch': kick({
    startHz: 160,
    endHz: 52,
    sweep: 0.035,
    decay: 0.28,
    click: 0.35,
    drive: 1.5,
  }),
  'kick-808': kick({
    startHz: 115,
    endHz: 46,
    sweep: 0.05,
    decay: 0.6,
    click: 0.15,
    drive: 2.2,
  }),
  'kick-club': kick({
    startHz: 210,
    endHz: 50,
    sweep: 0.025,
    decay: 0.35,
    click: 0.5,
    drive: 2.5,
  }),
  'kick-soft': kick({
    startHz: 120,
    endHz: 55,
    sweep: 0.04,
    decay: 0.22,
    click: 0.08,
    drive: 1,
  }),
  'snare-tight': snare(SNARE_TIGHT),
  'snare-fat': snare(SNARE_FAT),
  'snare-clap': snare(SNARE_TIGHT, true),
  'snare-soft': snare(SNARE_SOFT),
  'hats-bright': hats({ highpass: 7500, lowpass: 16000, closed: 0.035, open: 0.28, crash: 0.9, metal: 1 }),
  'hats-dark': hats({ highpass: 5500, lowpass: 9500, closed: 0.045, open: 0.3, crash: 1.1, metal: 0.6 }),
  'perc-kit': perc(false),
  'perc-bright': perc(true),
  'bass-finger': patch({
    oscillators: [
      { shape: 'saw', semitones: 0, level: 0.6 },
      { shape: 'sine', semitones: 0, level: 0.8 },
    ],
    cutoff: 180,
    keyTrack: 2,
    envelope: 1400,
    envelopeTime: 0.08,
    resonance: 0.9,
    amp: { attack: 0.004, decay: 0.5, sustain: 0.6, release: 0.07 },
    drive: 1.3,
    gain: 0.9,
  }),
  'bass-sub': patch({
    oscillators: [
      { shape: 'sine', semitones: 0, level: 1 },
      { shape: 'sine', semitones: 12, level: 0.25 },
      { shape: 'saw', semitones: 0, level: 0.15 },
    ],
    cutoff: 500,
    keyTrack: 0,
    envelope: 0,
    envelopeTime: 0.1,
    resonance: 0.7,
    amp: { attack: 0.008, decay: 0.6, sustain: 0.9, release: 0.09 },
    drive: 0.8,
    gain: 0.9,
  }),
  'bass-saw': patch({
    oscillators: [...SAW_DETUNED([-8, 8], 0.5), { shape: 'sine', semitones: 0, level: 0.6 }],
    cutoff: 250,
    keyTrack: 1,
    envelope: 2400,
    envelopeTime: 0.09,
    resonance: 2.2,
    amp: { attack: 0.003, decay: 0.25, sustain: 0.75, release: 0.05 },
    drive: 1.2,
    gain: 0.8,
  }),
  'bass-808': held((pitch, length, sr, _noise, into) => render808(pitch, length, sr, into), BASS_808_AMP),
  'pad-warm': patch({
    oscillators: SAW_DETUNED([-10, 0, 10], 0.4),
    cutoff: 1000,
    keyTrack: 0.5,
    envelope: 800,
    envelopeTime: 0.6,
    resonance: 0.8,
    amp: { attack: 0.3, decay: 0.8, sustain: 0.8, release: 0.6 },
    drive: 0,
    gain: 0.7,
  }),
  'pad-strings': patch({
    oscillators: SAW_DETUNED([-15, -6, 6, 15], 0.32),
    cutoff: 2200,
    keyTrack: 1,
    envelope: 0,
    envelopeTime: 0.5,
    resonance: 0.7,
    amp: { attack: 0.35, decay: 1, sustain: 0.9, release: 0.7 },
    vibrato: { rate: 4.8, depth: 0.08, delay: 0.3 },
    drive: 0,
    gain: 0.7,
  }),
  'guitar-drive': patch({
    oscillators: [...SAW_DETUNED([-6, 6], 0.5), { shape: 'pulse', semitones: 0, level: 0.4, width: 0.4 }],
    cutoff: 2600,
    keyTrack: 0,
    envelope: 1500,
    envelopeTime: 0.05,
    resonance: 1,
    amp: { attack: 0.002, decay: 0.5, sustain: 0.6, release: 0.05 },
    drive: 4,
    gain: 0.6,
  }),
  'chords-stab': patch({
    oscillators: SAW_DETUNED([-12, -5, 5, 12], 0.3),
    cutoff: 700,
    keyTrack: 0.5,
    envelope: 5000,
    envelopeTime: 0.12,
    resonance: 1.5,
    amp: { attack: 0.002, decay: 0.3, sustain: 0.35, release: 0.12 },
    drive: 0,
    gain: 0.8,
  }),
  'keys-organ': held(renderOrgan, ORGAN_AMP),
  'keys-pluck': { kind: 'note', render: renderPluck },
  'keys-epiano': held((pitch, length, sr, _noise, into) => renderEpiano(pitch, length, sr, into), EPIANO_AMP),
  'lead-square': patch({
    oscillators: [{ shape: 'pulse', semitones: 0, level: 0.6, width: 0.42 }],
    cutoff: 1800,
    keyTrack: 1,
    envelope: 1500,
    envelopeTime: 0.15,
    resonance: 0.9,
    amp: { attack: 0.008, decay: 0.2, sustain: 0.8, release: 0.12 },
    vibrato: { rate: 5.5, depth: 0.2, delay: 0.2 },
    drive: 0,
    gain: 0.8,
  }),
  'lead-saw': patch({
    oscillators: SAW_DETUNED([-7, 7], 0.45),
    cutoff: 2500,
    keyTrack: 1,
    envelope: 2500,
    envelopeTime: 0.12,
    resonance: 1.1,
    amp: { attack: 0.006, decay: 0.25, sustain: 0.8, release: 0.12 },
    vibrato: { rate: 5.8, depth: 0.22, delay: 0.2 },
    drive: 0.6,
    gain: 0.8,
  }),
  'lead-flute': held(renderFlute, FLUTE_AMP),
  'vocal-alto': {
    kind: 'track',
    render: (events, spb, sr, out, noise) => renderVocal(events, spb, sr, out, noise, ALTO),
  },
  'vocal-tenor': {
    kind: 'track',
    render: (events, spb, sr, out, noise) => renderVocal(events, spb, sr, out, noise, TENOR),
  },
  'noise-pink': { kind: 'track', render: renderNoiseTrack },
};

/** Pink noise wherever events cover the timeline (abutting events join into one stream), with 5 ms fades. */
function renderNoiseTrack(
  events: readonly NoteEvent[],
  secondsPerBeat: Seconds,
  sampleRate: SampleRate,
  out: Float32Array,
  noise: NoiseSource,
): void {
  const spans: [number, number, number][] = [];
  for (const e of events) {
    const s = Math.round(e.time * secondsPerBeat * sampleRate);
    const t = Math.round((e.time + e.duration) * secondsPerBeat * sampleRate);
    const last = spans[spans.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], t);
    else spans.push([s, t, e.velocity]);
  }
  const fade = Math.round(0.005 * sampleRate);
  const scratch = new Float32Array(out.length);
  for (const [s, t, velocity] of spans) {
    fillPinkNoise(scratch, s, t - s, noise);
    for (let i = s; i < Math.min(t, out.length); i++) {
      const edge = Math.min(1, (i - s + 1) / fade, (t - i) / fade);
      out[i] = (out[i] as number) + (scratch[i] as number) * velocity * edge;
    }
  }
}

/** The voice for a preset id; throws RangeError for an unknown id. */
export function voiceFor(presetId: string): Voice {
  const voice = VOICES[presetId];
  if (!voice) throw new RangeError(`Unknown sound preset "${presetId}"`);
  return voice;
}
