import { describe, expect, it } from 'vitest';
import type { MixReading } from '../../../src/dsp/mix-reading';
import { generate } from '../../../src/exercises/mix-match/generate';
import { play } from '../../../src/exercises/mix-match/play';
import type { TrackMix } from '../../../src/exercises/shared/mix-spec';
import { readReview } from '../../../src/state/drill/mix-review';
import { testEnv } from '../../exercises/play/fixtures';

const SR = 48_000;

/** Runs `work` while a 10 ms heartbeat runs on the main thread; returns its result and the longest gap, ms. */
async function withHeartbeat<T>(work: () => Promise<T>): Promise<{ value: T; gapMs: number }> {
  let last = performance.now();
  let gapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    gapMs = Math.max(gapMs, now - last);
    last = now;
  }, 10);
  try {
    const value = await work();
    return { value, gapMs };
  } finally {
    clearInterval(timer);
  }
}

const power = (db: number) => 10 ** (db / 10);
const band = (r: MixReading, hz: number) => r.bandsDb[r.centresHz.indexOf(hz)]!;

describe('the readings beside a mix review', () => {
  it('measure what the answer planted: +6 dB of bass fader, everything panned centre', async () => {
    const q = generate(4, 7);
    expect(q.tracks).toHaveLength(9);
    const prepared = await play.prepare(q, testEnv(SR));
    const bass = q.tracks.findIndex((t) => t.id === 'bass');
    const louderBass = q.reference.map((t, i) => (i === bass ? { ...t, faderDb: t.faderDb + 6 } : t));
    const centred: TrackMix[] = q.reference.map((t) => ({ ...t, pan: 0 }));
    const same = prepared.review({ tracks: q.reference });

    // The whole mixes, read in the Worker: the page keeps running while they render.
    const loud = await withHeartbeat(() => readReview(prepared.review({ tracks: louderBass }), SR, null));
    const { a: ref, b: yours, elapsedMs } = loud.value;
    console.log(
      `9-track ${prepared.durationS.toFixed(1)} s excerpt at ${SR} Hz: both mixes rendered and read in ${elapsedMs.toFixed(0)} ms (worker), longest main-thread gap ${loud.gapMs.toFixed(0)} ms`,
    );
    // Rendered on the main thread, the page would stall for the whole time; in the Worker only copying the
    // samples out blocks it (a loaded machine stretches both, so the bound is relative).
    expect(loud.gapMs).toBeLessThan(0.3 * elapsedMs);
    // The bass alone in each mix (the same track soloed in the review): exactly the planted 6 dB louder.
    const solo = await readReview(prepared.review({ tracks: louderBass }), SR, 'Bass');
    expect(solo.a).not.toBeNull();
    expect(solo.b!.lufs - solo.a!.lufs).toBeCloseTo(6, 0);
    // In the whole mix each band rises by what a 6 dB louder bass adds to the rest there (powers add).
    let checked = 0;
    for (const hz of ref!.centresHz) {
      const all = power(band(ref!, hz));
      const b = Math.min(all, power(band(solo.a!, hz)));
      if (b < 0.5 * all) continue; // only where the bass is most of the band
      const predicted = 10 * Math.log10((all - b + 4 * b) / all);
      const measured = band(yours!, hz) - band(ref!, hz);
      expect(measured, `${hz} Hz`).toBeGreaterThan(predicted - 1);
      expect(measured, `${hz} Hz`).toBeLessThan(predicted + 1);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(2);
    // High up, where the bass has nothing, nothing moves.
    expect(Math.abs(band(yours!, 8000) - band(ref!, 8000))).toBeLessThan(0.5);
    expect(yours!.lufs - ref!.lufs).toBeGreaterThan(0.3);
    expect(yours!.lufs - ref!.lufs).toBeLessThan(6);

    // Everything panned to the centre: the stereo picture narrows, left and right grow alike.
    const mono = await readReview(prepared.review({ tracks: centred }), SR, null);
    console.log(
      `width: reference ${mono.a!.widthPercent.toFixed(0)} %, all centred ${mono.b!.widthPercent.toFixed(0)} %; correlation ${mono.a!.correlation.toFixed(2)} → ${mono.b!.correlation.toFixed(2)}`,
    );
    // The panned parts are quiet beside the centred kick, bass and vocal, and the reverb is wide on both
    // sides: the whole mix narrows only a little, but it does narrow.
    expect(mono.b!.widthPercent).toBeLessThan(mono.a!.widthPercent);
    expect(mono.b!.correlation).toBeGreaterThan(mono.a!.correlation);
    // Soloed, a part panned 60 % right reads wide in the reference (equal-power pan: sin − cos over
    // sin + cos of 0.4π = 51 % dry, its reverb on top) and only as wide as its reverb when centred.
    const chords = await readReview(prepared.review({ tracks: centred }), SR, 'Chords');
    console.log(
      `Chords alone: width ${chords.a!.widthPercent.toFixed(0)} % in the reference, ${chords.b!.widthPercent.toFixed(0)} % centred`,
    );
    // (Since 0.3.0 this question's chords sit 80 % right, their reverb send at −21 dB and the delay's at −25.)
    expect(Math.abs(q.reference[q.tracks.findIndex((t) => t.id === 'chords')]!.pan)).toBeGreaterThanOrEqual(
      0.6,
    );
    expect(chords.a!.widthPercent).toBeGreaterThan(45);
    expect(chords.b!.widthPercent).toBeLessThan(0.5 * chords.a!.widthPercent);
    // The reference against itself reads the same on both sides.
    const twin = await readReview(same, SR, null);
    expect(twin.b!.lufs).toBeCloseTo(twin.a!.lufs, 3);
    expect(twin.b!.widthPercent).toBeCloseTo(twin.a!.widthPercent, 3);
  }, 240_000);
});
