import { OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { measureRmsDb } from '../../../src/dsp/meters';
import { renderPinkNoise } from '../../../src/dsp/noise';
import { createRng } from '../../../src/dsp/random';
import { createMixerModel, type MixerModel } from '../../../src/state/mixer/mixer-model';
import type { MixSource } from '../../../src/state/shared/test-sources';

const RATE = 24000;
const SECONDS = 0.6;

/** One pink-noise track, or two, at −20 dBFS RMS: well under the safety limiter's −1 dBFS ceiling. */
function noiseSource(tracks = 1): MixSource {
  return {
    id: 'noise-test',
    title: 'Noise',
    sampleRate: RATE,
    tracks: Array.from({ length: tracks }, (_, i) => ({
      id: 'noise',
      name: `Noise ${i + 1}`,
      channels: [renderPinkNoise(createRng(7 + i), Math.round(RATE * SECONDS))],
      defaultFaderDb: 0,
    })),
  };
}

/**
 * Builds a model on an OfflineAudioContext, lets `change` act on it through its actions after the engine
 * is attached (so the change must travel model → engine), plays from the start and renders.
 */
async function renderThroughModel(change: (model: MixerModel) => void, tracks = 1): Promise<Float32Array[]> {
  const model = createMixerModel();
  await model.load(noiseSource(tracks));
  const ctx = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round(RATE * SECONDS),
    sampleRate: RATE,
  });
  const live = await model.attach(ctx);
  model.setLooping(false);
  change(model);
  live.play(0);
  const out = await ctx.startRendering();
  return [out.getChannelData(0), out.getChannelData(1)];
}

/** RMS (dB) of the left channel from 0.15 s to 0.55 s: after the start and every 10 ms ramp. */
const level = (channels: Float32Array[]) =>
  measureRmsDb(channels[0]!, Math.round(0.15 * RATE), Math.round(0.55 * RATE));

describe('the mixer model drives the engine', () => {
  it('setting a fader to −6 dB lowers the rendered level by 6 dB (±0.1)', async () => {
    const unity = await renderThroughModel(() => undefined);
    const down = await renderThroughModel((m) => m.setFader(0, -6));
    expect(level(down) - level(unity)).toBeCloseTo(-6, 1);
    expect(Math.abs(level(down) - level(unity) + 6)).toBeLessThan(0.1);
  });

  it('mute, solo and the master fader reach the engine', async () => {
    const unity = level(await renderThroughModel(() => undefined, 2));
    const muted = await renderThroughModel((m) => {
      m.toggleMute(0);
      m.toggleMute(1);
    }, 2);
    expect(level(muted)).toBe(Number.NEGATIVE_INFINITY);
    // Soloing track 1 must sound exactly like muting track 2 (and be quieter than both together).
    const solo = level(await renderThroughModel((m) => m.toggleSolo(0), 2));
    const otherMuted = level(await renderThroughModel((m) => m.toggleMute(1), 2));
    expect(Math.abs(solo - otherMuted)).toBeLessThan(0.05);
    expect(solo).toBeLessThan(unity - 2);
    const master = level(await renderThroughModel((m) => m.setMasterFader(-10), 2));
    expect(master - unity).toBeCloseTo(-10, 1);
  });

  it('keeps its own signals in step with what it sent, and resets a control to where it started', async () => {
    const model = createMixerModel();
    await model.load(noiseSource());
    model.setFader(0, -6);
    model.setEqBand(0, 2, { gainDb: 4, q: 2 });
    model.setSend(0, 'reverb', { enabled: true, levelDb: -9 });
    const s = model.strips.value[0]!.settings.value;
    expect(s.faderDb).toBe(-6);
    expect(s.eq[2]).toMatchObject({ gainDb: 4, q: 2 });
    expect(s.eq[1]).toEqual(model.strips.value[0]!.initial.eq[1]);
    expect(s.sends.reverb).toMatchObject({ enabled: true, levelDb: -9 });
    model.resetControl(0, ['eq', 2, 'gainDb']);
    model.resetControl(0, ['faderDb']);
    expect(model.strips.value[0]!.settings.value.eq[2]!.gainDb).toBe(0);
    expect(model.strips.value[0]!.settings.value.faderDb).toBe(0);
  });

  it('starts a song from its stereo rough mix: each part panned and sent to the room; a source without them starts centred and dry', async () => {
    const model = createMixerModel();
    const source = noiseSource(2);
    source.tracks[0] = { ...source.tracks[0]!, defaultPan: -0.35, defaultReverbSendDb: -18 };
    await model.load(source);
    const [a, b] = model.strips.value.map((s) => s.settings.value);
    expect(a!.pan).toBe(-0.35);
    expect(a!.sends.reverb).toMatchObject({ enabled: true, levelDb: -18, preFader: false });
    expect(b!.pan).toBe(0);
    expect(b!.sends.reverb.enabled).toBe(false);
    // The rough mix is where a control goes back to.
    model.setPan(0, 0.8);
    model.resetControl(0, ['pan']);
    expect(model.strips.value[0]!.settings.value.pan).toBe(-0.35);
  });

  it('swapSource takes a fuller rendering: untouched faders follow its rough mix, moved ones stay, the engine plays it', async () => {
    const head = noiseSource(2);
    const whole: MixSource = {
      ...head,
      tracks: head.tracks.map((t, i) => ({
        ...t,
        channels: t.channels.map((c) => c.map((x) => x * 2)),
        defaultFaderDb: i === 0 ? -6 : -3,
      })),
    };
    const model = createMixerModel();
    await model.load(head);
    const ctx = new OfflineAudioContext({
      numberOfChannels: 2,
      length: Math.round(RATE * SECONDS),
      sampleRate: RATE,
    });
    const live = await model.attach(ctx);
    model.setFader(1, -12);
    expect(model.swapSource(whole)).toBe(true);
    expect(model.source.value).toBe(whole);
    expect(model.strips.value.map((s) => s.settings.value.faderDb)).toEqual([-6, -12]);
    expect(model.strips.value.map((s) => s.initial.faderDb)).toEqual([-6, -3]);
    // Different tracks are not a fuller rendering of the same song.
    expect(model.swapSource(noiseSource(1))).toBe(false);
    // The engine plays the new buffers (twice the samples) at the faders: track 1 at −6 dB, track 2 at −12.
    model.toggleSolo(0);
    model.setLooping(false);
    live.play(0);
    const out = await ctx.startRendering();
    const alone = await renderThroughModel((m) => m.toggleSolo(0), 2);
    // +6 dB from the doubled samples, −6 dB from the fader: the same level as the untouched head at 0 dB.
    expect(Math.abs(level([out.getChannelData(0)]) - level(alone))).toBeLessThan(0.1);
  });
});
