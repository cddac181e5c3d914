import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import type { LiveMix } from '../../../src/state/mixer/live-mix';
import { METER_FPS, type MeterLoopHost, startMeterLoop } from '../../../src/state/mixer/meter-loop';
import { type MeterView, SILENT_METER } from '../../../src/state/mixer/peak-hold';

/** A page clock with 60 Hz frames that the test advances by hand. */
function fakeHost() {
  let now = 0;
  let next = 1;
  let hidden = false;
  const pending = new Map<number, (t: number) => void>();
  const listeners = new Set<() => void>();
  const host: MeterLoopHost = {
    requestFrame: (cb) => {
      pending.set(next, cb);
      return next++;
    },
    cancelFrame: (h) => void pending.delete(h),
    now: () => now,
    hidden: () => hidden,
    onVisibility: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    host,
    /** Runs `seconds` of 60 Hz frames; returns how many frames ran a callback. */
    run(seconds: number): number {
      let served = 0;
      for (let i = 0; i < Math.round(seconds * 60); i++) {
        now += 1000 / 60;
        const due = [...pending.values()];
        pending.clear();
        if (due.length > 0) served++;
        for (const cb of due) cb(now);
      }
      return served;
    },
    get waiting() {
      return pending.size;
    },
    setHidden(h: boolean) {
      hidden = h;
      for (const l of listeners) l();
    },
  };
}

/** A live mix stand-in: one strip and the master read `level` dBFS while playing, silence when stopped. */
function fakeLive() {
  const state = { playing: true, level: -12, reads: 0, position: 0 };
  const reading = () => {
    state.reads++;
    return state.playing
      ? { peakDb: state.level, rmsDb: state.level - 6 }
      : { peakDb: Number.NEGATIVE_INFINITY, rmsDb: Number.NEGATIVE_INFINITY };
  };
  const live = {
    readStripMeter: reading,
    readMasterMeter: reading,
    readGainReductionDb: () => 0,
    readLimiterReductionDb: () => 0,
    readLoudnessLufs: () => -20,
    get isPlaying() {
      return state.playing;
    },
    get position() {
      return state.position;
    },
  } as unknown as LiveMix;
  return { live, state };
}

function targets() {
  const strip = { index: 0, meter: signal<MeterView>(SILENT_METER), gainReductionDb: signal(0) };
  const positions: number[] = [];
  return {
    strip,
    positions,
    t: {
      strips: signal([strip]),
      masterMeter: signal<MeterView>(SILENT_METER),
      loudnessLufs: signal(Number.NEGATIVE_INFINITY),
      limiterReductionDb: signal(0),
      onPosition: (p: number) => positions.push(p),
    },
  };
}

describe('the meter loop costs little', () => {
  it('reads at most 30 times a second on 60 Hz frames while playing', () => {
    const clock = fakeHost();
    const { live, state } = fakeLive();
    const { t, strip } = targets();
    const loop = startMeterLoop(() => live, t, clock.host);
    clock.run(2);
    // Two reads (strip + master) per reading.
    const readings = state.reads / 2;
    expect(readings).toBeGreaterThanOrEqual(2 * METER_FPS - 1);
    expect(readings).toBeLessThanOrEqual(2 * METER_FPS + 1);
    expect(strip.meter.value.peakDb).toBe(-12);
    expect(t.loudnessLufs.value).toBe(-20);
    loop.stop();
  });

  it('gives the position four times a second (with the other words), not on every reading', () => {
    const clock = fakeHost();
    const { live, state } = fakeLive();
    const { t, positions } = targets();
    const loop = startMeterLoop(() => live, t, clock.host);
    for (let i = 0; i < 60; i++) {
      state.position = i / 60;
      clock.run(1 / 60);
    }
    // One second of play: four position updates, not 30 or 60.
    expect(positions.length).toBeGreaterThanOrEqual(3);
    expect(positions.length).toBeLessThanOrEqual(5);
    loop.stop();
  });

  it('after Stop, lets the meters fall below the scale, shows silence and asks for no more frames', () => {
    const clock = fakeHost();
    const { live, state } = fakeLive();
    const { t, strip } = targets();
    const loop = startMeterLoop(() => live, t, clock.host);
    clock.run(1);
    state.playing = false;
    // Bars fall at 24 dB/s from −12: 2 s to the bottom of the scale (−60); the held peak falls at 20 dB/s
    // after at most 1.5 s held: asleep within 2.4 to 3.9 s.
    clock.run(1.9);
    expect(loop.awake).toBe(true);
    expect(strip.meter.value.peakDb).toBeGreaterThan(-60);
    clock.run(2.1);
    expect(loop.awake).toBe(false);
    expect(clock.waiting).toBe(0);
    expect(strip.meter.value).toEqual(SILENT_METER);
    expect(t.masterMeter.value).toEqual(SILENT_METER);
    const reads = state.reads;
    expect(clock.run(5)).toBe(0);
    expect(state.reads).toBe(reads);
    // Play wakes it.
    state.playing = true;
    loop.wake();
    clock.run(0.5);
    expect(state.reads).toBeGreaterThan(reads);
    expect(strip.meter.value.peakDb).toBe(-12);
    loop.stop();
    expect(clock.waiting).toBe(0);
  });

  it('sleeps at once when nothing is built to play, and while the page is hidden', () => {
    const clock = fakeHost();
    const { live, state } = fakeLive();
    const { t } = targets();
    let built: LiveMix | null = null;
    const loop = startMeterLoop(() => built, t, clock.host);
    clock.run(0.2);
    expect(loop.awake).toBe(false);
    expect(clock.waiting).toBe(0);
    built = live;
    loop.wake();
    clock.run(0.5);
    const reads = state.reads;
    clock.setHidden(true);
    expect(clock.run(2)).toBeLessThanOrEqual(1);
    expect(state.reads).toBe(reads);
    expect(clock.waiting).toBe(0);
    clock.setHidden(false);
    clock.run(0.5);
    expect(state.reads).toBeGreaterThan(reads);
    loop.stop();
  });
});
