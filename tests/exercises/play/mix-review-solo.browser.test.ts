import { OfflineAudioContext } from 'standardized-audio-context';
import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { measureCorrelation } from '../../../src/dsp/measure';
import { measureRmsDb } from '../../../src/dsp/meters';
import { generate } from '../../../src/exercises/mix-match/generate';
import { play } from '../../../src/exercises/mix-match/play';
import { createPlayback, type PlaybackState } from '../../../src/exercises/play-registry';
import { soloForMeasure } from '../../../src/exercises/shared/play-solo';
import { renderLR, testEnv } from './fixtures';

const SR = 32_000;
const SKIP = Math.round(0.05 * SR);

/** The review's side `side` with `solo` soloed, as the live player sends it out (rendered offline). */
async function hearReview(solo: string | null, side: 'a' | 'b') {
  const q = generate(5, 2);
  const bass = q.tracks.findIndex((t) => t.id === 'bass');
  const answer = { tracks: q.start.map((t, i) => (i === bass ? { ...t, faderDb: t.faderDb + 6 } : t)) };
  const prepared = await play.prepare(q, testEnv(SR));
  const ctx = new OfflineAudioContext({
    numberOfChannels: 2,
    length: Math.round((prepared.durationS + 0.05) * SR),
    sampleRate: SR,
  });
  const playback = await createPlayback(ctx, prepared, { levelMatch: true });
  await playback.showReview(answer);
  playback.solo(solo);
  const state = await new Promise<PlaybackState>((resolve) => {
    const done = (s: PlaybackState) => !s.levelMatch.pending && s.levelMatch.aLufs !== null;
    if (done(playback.state)) resolve(playback.state);
    const stop = playback.onChange((s) => {
      if (done(s)) {
        stop();
        resolve(s);
      }
    });
  });
  playback.select(side);
  await playback.play();
  const out = await ctx.startRendering();
  const channels = [out.getChannelData(0).subarray(SKIP), out.getChannelData(1).subarray(SKIP)];
  const moved = answer.tracks[bass]!.faderDb - q.reference[bass]!.faderDb;
  return { channels, state, review: prepared.review(answer), moved };
}

describe('the mix review, track by track', () => {
  it('Solo Bass plays only the bass on both sides, level-matched, through the same strips', async () => {
    const a = await hearReview('Bass', 'a');
    const b = await hearReview('Bass', 'b');
    expect(a.state.solo).toBe('Bass');
    expect(a.state.mode).toBe('review');
    // What A plays is the reference's bass alone (its own strip, pan and fader).
    const alone = await renderLR(soloForMeasure(a.review.a, 'Bass')!, SR);
    // play() starts both transports 30 ms after the context's time 0; the first 50 ms are cut from the output.
    const offset = SKIP - Math.round(0.03 * SR);
    const n = Math.min(a.channels[0]!.length, alone.left.length - offset);
    const ref = alone.left.subarray(offset, offset + n);
    const heard = a.channels[0]!.subarray(0, n);
    // The A/B switch adds its own safety limiter (3 ms lookahead, 96 samples here) after the mixer's.
    let best = 0;
    for (let lag = 90; lag <= 102; lag += 1)
      best = Math.max(
        best,
        measureCorrelation(heard.subarray(Math.max(0, lag)), ref.subarray(Math.max(0, -lag))),
      );
    expect(best).toBeGreaterThan(0.99);
    expect(Math.abs(measureRmsDb(heard) - measureRmsDb(ref))).toBeLessThan(1);
    // B's bass fader sits `moved` dB above the reference's (the scrambled start plus 6 dB): soloed, B is
    // trimmed by exactly that (the fader comes after the compressor), so both are heard equally loud.
    expect(b.moved).toBeGreaterThan(0.5);
    expect(b.state.levelMatch.trimmedSide).toBe('b');
    expect(b.state.levelMatch.trimDb).toBeCloseTo(-b.moved, 1);
    const la = integratedLoudness(a.channels, SR);
    const lb = integratedLoudness(b.channels, SR);
    expect(Math.abs(la - lb)).toBeLessThan(0.5);
  }, 180_000);

  it('Whole mix again brings every track back', async () => {
    const solo = await hearReview('Bass', 'a');
    const whole = await hearReview(null, 'a');
    expect(whole.state.solo).toBeNull();
    expect(measureRmsDb(whole.channels[0]!)).toBeGreaterThan(measureRmsDb(solo.channels[0]!) + 3);
  }, 180_000);
});
