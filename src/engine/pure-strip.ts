/**
 * A ChannelStrip's processing in plain TypeScript: the same maths as the Web Audio graph (biquadCoefficients
 * through applyBiquad, the compressor worklet's processCompressorBlockLinear, float32 gains, the pan laws),
 * with no AudioContext, so it runs anywhere (a Worker too) and in a fraction of an offline render's time.
 * Imports nothing that touches Web Audio.
 */
import { applyBiquad, biquadCoefficients } from '../dsp/biquad';
import { createCompressorState, processCompressorBlockLinear } from '../dsp/compressor';
import { dbToGain } from '../dsp/db';
import { panGains } from '../dsp/pan';
import { renderSaturation } from '../dsp/saturation';
import { applyWidth, effectiveWidth } from '../dsp/stereo-width';
import type { SampleRate } from '../dsp/units';
import { balanceGains } from './strip-pan';
import { activeFilterStages, FADER_MAX_DB, type StripSettings } from './strip-settings';

/** What a strip sends on: its stereo output and each send's signal (null when the send is off or silent). */
export interface PureStripRender {
  /** Post-fader, post-pan stereo output [L, R]. */
  output: [Float32Array, Float32Array];
  /** Send signals as the strip's send outputs carry them: mono (reaches both sides) or stereo. */
  sends: { reverb: Float32Array[] | null; delay: Float32Array[] | null };
}

/**
 * x·gain (a GainNode with a steady gain; AudioParam values are float32). Unity returns `x` itself: nothing
 * here writes into an array it was given.
 */
function scaled(x: Float32Array, gain: number): Float32Array {
  const g = Math.fround(gain);
  if (g === 1) return x;
  const out = new Float32Array(x.length);
  if (g !== 0) for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) * g;
  return out;
}

/** The filter stages of `settings` in series, each through the coefficients the engine's node uses. */
function filtered(channels: Float32Array[], settings: StripSettings, sampleRate: SampleRate): Float32Array[] {
  let out = channels;
  for (const stage of activeFilterStages(settings)) {
    const c =
      stage.id === 'hp'
        ? biquadCoefficients('highpass', settings.highPass.frequency, Math.SQRT1_2, 0, sampleRate)
        : stage.id === 'lp'
          ? biquadCoefficients('lowpass', settings.lowPass.frequency, Math.SQRT1_2, 0, sampleRate)
          : (() => {
              const band = settings.eq[Number(stage.id.slice(2))];
              if (!band) throw new Error(`No EQ band ${stage.id}`);
              return biquadCoefficients(band.type, band.frequency, band.q, band.gainDb, sampleRate);
            })();
    out = out.map((x) => applyBiquad(x, c));
  }
  return out;
}

/** The compressor as the engine runs it: the worklet's linear gain (float32) times the signal (the VCA). */
function compressed(
  channels: Float32Array[],
  settings: StripSettings,
  sampleRate: SampleRate,
): Float32Array[] {
  const { enabled: _, ...compressor } = settings.compressor;
  const length = channels[0]?.length ?? 0;
  const gain = new Float32Array(length);
  processCompressorBlockLinear(createCompressorState(), channels, sampleRate, compressor, gain);
  return channels.map((x) => {
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = (x[i] as number) * (gain[i] as number);
    return out;
  });
}

/** The pan stage: a mono source gets the equal-power law, a stereo one the balance law. */
function panned(channels: Float32Array[], pan: number): [Float32Array, Float32Array] {
  const length = channels[0]?.length ?? 0;
  const outL = new Float32Array(length);
  const outR = new Float32Array(length);
  const left = channels[0] ?? outL;
  if (channels.length < 2) {
    const [gl, gr] = panGains(Math.max(-1, Math.min(1, pan))).map(Math.fround) as [number, number];
    for (let i = 0; i < length; i++) {
      const m = left[i] as number;
      outL[i] = m * gl;
      outR[i] = m * gr;
    }
    return [outL, outR];
  }
  const right = channels[1] as Float32Array;
  const [ll, rl, lr, rr] = balanceGains(pan).map(Math.fround) as [number, number, number, number];
  for (let i = 0; i < length; i++) {
    const l = left[i] as number;
    const r = right[i] as number;
    outL[i] = ll * l + rl * r;
    outR[i] = lr * l + rr * r;
  }
  return [outL, outR];
}

/**
 * Renders one strip: trim → high-pass, low-pass and audible EQ bands → saturation → compressor → mute / solo-silence
 * (`silenced`) → pre-fader sends → fader → post-fader sends → pan → width (or mono). `channels` is the source (1 or 2 channels, one pass
 * of the loop); channels past the second are ignored.
 */
export function renderPureStrip(
  channels: readonly Float32Array[],
  settings: StripSettings,
  sampleRate: SampleRate,
  silenced = false,
): PureStripRender {
  const source = channels.slice(0, 2);
  let signal = source.map((x) => scaled(x, dbToGain(settings.trimDb)));
  signal = filtered(signal, settings, sampleRate);
  if (settings.saturation?.enabled)
    signal = signal.map((x) => renderSaturation(x, settings.saturation.driveDb));
  if (settings.compressor.enabled) signal = compressed(signal, settings, sampleRate);
  const open = !settings.mute && !silenced;
  if (!open) signal = signal.map((x) => new Float32Array(x.length));
  const fader = Math.min(settings.faderDb, FADER_MAX_DB);
  const post = signal.map((x) => scaled(x, dbToGain(fader)));
  const send = (name: 'reverb' | 'delay'): Float32Array[] | null => {
    const s = settings.sends[name];
    const gain = s.enabled ? dbToGain(s.levelDb) : 0;
    if (!open || gain === 0) return null;
    return (s.preFader ? signal : post).map((x) => scaled(x, gain));
  };
  const [left, right] = panned(post, settings.pan);
  const width = effectiveWidth(settings.width ?? 1, settings.mono ?? false);
  return { output: applyWidth(left, right, width), sends: { reverb: send('reverb'), delay: send('delay') } };
}
