import type { Signal } from '@preact/signals';
import type { Seconds } from '../../dsp/units';
import { lightModeOn } from '../shared/light-mode';
import type { LiveMix } from './live-mix';
import { advanceMeter, type MeterView, SETTLED_DB, SILENT_METER, sameMeter } from './peak-hold';

/** What the loop needs of a strip: which one it is and the two readings it writes. */
export interface MeteredStrip {
  index: number;
  meter: Signal<MeterView>;
  gainReductionDb: Signal<number>;
}

/** Where the loop writes what it reads. */
export interface MeterTargets {
  strips: Signal<readonly MeteredStrip[]>;
  /** What leaves the limiter. */
  masterMeter: Signal<MeterView>;
  /** The limiter's gain reduction now (≤ 0 dB). */
  limiterReductionDb?: Signal<number>;
  /** Momentary loudness of what leaves the limiter (LUFS), read five times a second. */
  loudnessLufs?: Signal<number>;
  /** The play position, given with the other words (WORDS_EVERY_MS) when it has moved. */
  onPosition: (position: Seconds) => void;
}

/** The clock and frames the loop runs on (the page's by default; a test passes its own). */
export interface MeterLoopHost {
  /** Calls back about `delayMs` from now (a test's host may call on its own frames instead). */
  requestFrame(callback: (nowMs: number) => void, delayMs: number): number;
  cancelFrame(handle: number): void;
  now(): number;
  hidden(): boolean;
  /** Calls `listener` when the page is shown or hidden; returns the unsubscribe. */
  onVisibility(listener: () => void): () => void;
}

/** The running loop. */
export interface MeterLoop {
  /** Starts reading again (Play pressed): a no-op while it already runs. */
  wake(): void;
  /** Stops for good (the page that shows the meters went away). */
  stop(): void;
  /** True while the loop asks for frames (playing, or meters still falling after Stop). */
  readonly awake: boolean;
}

/** Most readings a second: a meter needs no more, and a slow device's main thread keeps the rest. */
export const METER_FPS = 30;
/** Most readings a second in Light mode (slow devices). */
export const LIGHT_METER_FPS = 15;
/**
 * How often what is shown as words or numbers updates: the loudness and limiter readouts and the position. A
 * number changing every frame cannot be read, and each change lays out and paints text, which a moving bar
 * (a transform) does not.
 */
export const WORDS_EVERY_MS = 250;
/** A frame may come this much early and still count as the next reading (60 Hz frames jitter). */
const FRAME_SLACK_MS = 4;

// Timers, not animation frames: a reading that changes nothing on the page (the bars are drawn by a Worker,
// see ui/mixer/meter-canvas.ts) then asks for no frame at all; what does change renders on the next frame.
const pageHost: MeterLoopHost = {
  requestFrame: (callback, delayMs) => window.setTimeout(() => callback(performance.now()), delayMs),
  cancelFrame: (handle) => window.clearTimeout(handle),
  now: () => performance.now(),
  hidden: () => document.visibilityState === 'hidden',
  onVisibility(listener) {
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};

function belowScale(view: MeterView): boolean {
  return !(view.peakDb >= SETTLED_DB) && !(view.rmsDb >= SETTLED_DB) && !(view.holdDb >= SETTLED_DB);
}

/**
 * Reads every meter, the gain reductions and the play position at most METER_FPS times a second (LIGHT_METER_FPS
 * in Light mode; on timers), applies ballistics (peak hold, fall) and writes signals only when a reading changed, so idle meters
 * cost no drawing. It sleeps — no frames at all — while the page is hidden, when nothing is built to play, and
 * once playback stopped and every meter has fallen below the scale; `wake()` (Play) starts it again.
 */
export function startMeterLoop(
  getLive: () => LiveMix | null,
  targets: MeterTargets,
  host: MeterLoopHost = pageHost,
): MeterLoop {
  let frameMs = 1000 / METER_FPS;
  let frame = 0;
  let running = true;
  let awake = false;
  let lastRead = 0;
  let lastWords = Number.NEGATIVE_INFINITY;
  let lastPosition = Number.NaN;
  // The limiter's reduction as its readout falls back (20 dB/s), shown every WORDS_EVERY_MS.
  let limiterHeld = 0;

  /** Everything has fallen below the scale: show silence and sleep. */
  const settle = () => {
    for (const strip of targets.strips.value) {
      const m = strip.meter.value;
      if (m !== SILENT_METER && !sameMeter(m, { ...SILENT_METER, clipped: m.clipped }))
        strip.meter.value = { ...SILENT_METER, clipped: m.clipped };
      if (strip.gainReductionDb.value !== 0) strip.gainReductionDb.value = 0;
    }
    const master = targets.masterMeter.value;
    if (!sameMeter(master, { ...SILENT_METER, clipped: master.clipped }))
      targets.masterMeter.value = { ...SILENT_METER, clipped: master.clipped };
    limiterHeld = 0;
    if (targets.limiterReductionDb && targets.limiterReductionDb.value !== 0)
      targets.limiterReductionDb.value = 0;
    if (targets.loudnessLufs && targets.loudnessLufs.value !== Number.NEGATIVE_INFINITY)
      targets.loudnessLufs.value = Number.NEGATIVE_INFINITY;
    awake = false;
  };

  const read = (live: LiveMix, nowMs: number, dt: Seconds): boolean => {
    const now = nowMs / 1000;
    let quiet = true;
    for (const strip of targets.strips.value) {
      const next = advanceMeter(strip.meter.value, live.readStripMeter(strip.index), now, dt);
      if (!sameMeter(next, strip.meter.value)) strip.meter.value = next;
      if (!belowScale(next)) quiet = false;
      const reduction = live.readGainReductionDb(strip.index);
      if (Math.abs(reduction - strip.gainReductionDb.value) > 0.05) strip.gainReductionDb.value = reduction;
      else if (reduction === 0 && strip.gainReductionDb.value !== 0) strip.gainReductionDb.value = 0;
    }
    const master = advanceMeter(targets.masterMeter.value, live.readMasterMeter(), now, dt);
    if (!sameMeter(master, targets.masterMeter.value)) targets.masterMeter.value = master;
    if (!belowScale(master)) quiet = false;
    // Words change in slots of the clock (the meters' readouts use the same ones: one frame paints them all).
    const slot = Math.floor(nowMs / WORDS_EVERY_MS);
    const wordsDue = slot !== lastWords;
    if (wordsDue) lastWords = slot;
    const limiting = targets.limiterReductionDb;
    if (limiting) {
      const reduction = live.readLimiterReductionDb();
      // Hold the deepest reduction briefly (back to 0 at 20 dB/s) so a short catch stays readable.
      limiterHeld = Math.min(0, reduction, limiterHeld + 20 * dt);
      if (Math.abs(limiterHeld) < 0.05) limiterHeld = 0;
      if (wordsDue && (Math.abs(limiterHeld - limiting.value) > 0.05 || limiterHeld !== limiting.value))
        limiting.value = limiterHeld;
      if (limiterHeld !== 0 || limiting.value !== 0) quiet = false;
    }
    const loudness = targets.loudnessLufs;
    if (loudness && wordsDue) {
      const lufs = live.isPlaying ? live.readLoudnessLufs() : Number.NEGATIVE_INFINITY;
      // Tenths of a LU are what the readout shows; below −70 LUFS (the gate) reads as silence.
      const shown = lufs > -70 ? Math.round(lufs * 10) / 10 : Number.NEGATIVE_INFINITY;
      if (shown !== loudness.value) loudness.value = shown;
    }
    if (live.isPlaying) {
      const position = live.position;
      if (wordsDue && position !== lastPosition) {
        lastPosition = position;
        targets.onPosition(position);
      }
      return false;
    }
    return quiet;
  };

  const tick = (nowMs: number) => {
    frame = 0;
    if (!running || !awake || host.hidden()) return;
    if (nowMs - lastRead < frameMs - FRAME_SLACK_MS) {
      frame = host.requestFrame(tick, frameMs - (nowMs - lastRead));
      return;
    }
    const dt = Math.min(0.1, Math.max(0, (nowMs - lastRead) / 1000));
    lastRead = nowMs;
    const live = getLive();
    if (!live || read(live, nowMs, dt)) {
      settle();
      return;
    }
    frame = host.requestFrame(tick, frameMs);
  };

  const schedule = () => {
    if (!running || !awake || frame !== 0 || host.hidden()) return;
    frameMs = 1000 / (lightModeOn() ? LIGHT_METER_FPS : METER_FPS);
    // The first reading after a pause comes on the next frame, with one reading's worth of fall.
    lastRead = host.now() - frameMs;
    frame = host.requestFrame(tick, 0);
  };

  const stopListening = host.onVisibility(schedule);
  awake = true;
  schedule();
  return {
    wake() {
      awake = true;
      schedule();
    },
    stop() {
      running = false;
      awake = false;
      if (frame) host.cancelFrame(frame);
      frame = 0;
      stopListening();
    },
    get awake() {
      return awake;
    },
  };
}
