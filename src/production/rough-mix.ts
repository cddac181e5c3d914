/**
 * The stereo rough mix: every stem at its default fader, placed across the stereo field (drums' kit
 * pieces, chords and keys apart, bass, kick, snare and vocal in the middle) and sent a little to one
 * room, the engine's default reverb (decay 1.6 s, pre-delay 20 ms, seed 1), so a mixer built from
 * `defaultPan` and `defaultReverbSendDb` (post-fader sends) plays exactly this.
 */
import { convolveStereo } from '../dsp/convolve';
import { dbToGain } from '../dsp/db';
import { panGains } from '../dsp/pan';
import { createRng } from '../dsp/random';
import { generateImpulseResponse, type ImpulseResponseOptions } from '../dsp/reverb-ir';
import type { Decibels, Pan, SampleRate } from '../dsp/units';
import type { Stems, StyleId, TrackId } from './types';

/** Where each part sits by default (−1 left … 1 right), as an engineer's first rough mix would. */
export const ROUGH_MIX_PAN: Readonly<Record<TrackId, Pan>> = {
  kick: 0,
  snare: 0,
  hats: 0.35,
  perc: -0.5,
  bass: 0,
  chords: -0.45,
  keys: 0.45,
  lead: 0.3,
  vocal: 0,
  noise: 0,
};

/** Post-fader reverb send per part (dB); −Infinity sends nothing (kick, bass, the test noise stay dry). */
export const ROUGH_MIX_REVERB_SEND_DB: Readonly<Record<TrackId, Decibels>> = {
  kick: Number.NEGATIVE_INFINITY,
  snare: -15,
  hats: -24,
  perc: -18,
  bass: Number.NEGATIVE_INFINITY,
  chords: -18,
  keys: -16,
  lead: -15,
  vocal: -13,
  noise: Number.NEGATIVE_INFINITY,
};

/** How much wetter (+) or drier (−) a style's rough mix is than ROUGH_MIX_REVERB_SEND_DB. */
const STYLE_WETNESS_DB: Readonly<Record<StyleId, Decibels>> = {
  pop: 0,
  rock: -1,
  hiphop: -4,
  electronic: -2,
  ballad: 3,
};

/** The rough mix's room: the same as the engine's DEFAULT_REVERB (a medium, slightly dark room). */
export const ROUGH_MIX_ROOM: Readonly<Omit<ImpulseResponseOptions, 'sampleRate'> & { seed: number }> = {
  decayS: 1.6,
  preDelayMs: 20,
  damping: 0.5,
  stereoWidth: 1,
  seed: 1,
};

/** A part's default pan and reverb send in a style. */
export function roughMixPlacement(track: TrackId, style: StyleId): { pan: Pan; reverbSendDb: Decibels } {
  return {
    pan: ROUGH_MIX_PAN[track],
    reverbSendDb: ROUGH_MIX_REVERB_SEND_DB[track] + STYLE_WETNESS_DB[style],
  };
}

/** The rough mix's impulse response at `sampleRate` ([left, right], unit energy). */
export function roughMixRoom(sampleRate: SampleRate): [Float32Array, Float32Array] {
  return generateImpulseResponse(createRng(ROUGH_MIX_ROOM.seed), { ...ROUGH_MIX_ROOM, sampleRate });
}

/**
 * The stems as a stereo rough mix [left, right]: each at its fader (default: defaultFaderDb), panned
 * (equal power, defaultPan) and sent post-fader to the room (defaultReverbSendDb), the room's return
 * at 0 dB. Stems without a placement (imported, or cached before placements) play centred and dry.
 */
export function renderRoughMix(
  stems: Stems,
  fadersDb: Partial<Record<TrackId, Decibels>> = {},
): [Float32Array, Float32Array] {
  const n = stems.length;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  const send = new Float32Array(n);
  let sent = false;
  for (const t of stems.tracks) {
    const samples = t.channels[0];
    if (!samples) continue;
    const g = dbToGain(fadersDb[t.id] ?? t.defaultFaderDb);
    if (g === 0) continue;
    const [pl, pr] = panGains(t.defaultPan ?? 0);
    const gl = g * pl;
    const gr = g * pr;
    const gs = g * dbToGain(t.defaultReverbSendDb ?? Number.NEGATIVE_INFINITY);
    const m = Math.min(n, samples.length);
    for (let i = 0; i < m; i++) {
      const x = samples[i] as number;
      left[i] = (left[i] as number) + x * gl;
      right[i] = (right[i] as number) + x * gr;
    }
    if (gs > 0) {
      sent = true;
      for (let i = 0; i < m; i++) send[i] = (send[i] as number) + (samples[i] as number) * gs;
    }
  }
  if (!sent) return [left, right];
  const [wetL, wetR] = convolveStereo([send], roughMixRoom(stems.sampleRate), n);
  for (let i = 0; i < n; i++) {
    left[i] = (left[i] as number) + (wetL[i] as number);
    right[i] = (right[i] as number) + (wetR[i] as number);
  }
  return [left, right];
}
