import type { Signal } from '@preact/signals';
import type { Seconds } from '../../dsp/units';
import type { LiveMix } from './live-mix';
import { advanceMeter, type MeterView, sameMeter } from './peak-hold';

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
  onPosition: (position: Seconds) => void;
}

/** How often the loudness readout updates (a number changing every frame cannot be read). */
const LOUDNESS_EVERY_MS = 200;

/**
 * Reads every meter, the gain reductions and the play position once per animation frame, applies
 * ballistics (peak hold, fall) and writes signals only when a reading changed, so idle meters cost no
 * re-render. Pauses while the page is hidden (no frames are wasted in a background tab). Returns stop.
 */
export function startMeterLoop(getLive: () => LiveMix | null, targets: MeterTargets): () => void {
  let frame = 0;
  let last = performance.now();
  let lastLoudness = 0;
  let running = true;

  const tick = (nowMs: number) => {
    frame = 0;
    if (!running || document.visibilityState === 'hidden') return;
    const dt = Math.min(0.1, Math.max(0, (nowMs - last) / 1000));
    last = nowMs;
    const now = nowMs / 1000;
    const live = getLive();
    if (live) {
      for (const strip of targets.strips.value) {
        const next = advanceMeter(strip.meter.value, live.readStripMeter(strip.index), now, dt);
        if (!sameMeter(next, strip.meter.value)) strip.meter.value = next;
        const reduction = live.readGainReductionDb(strip.index);
        if (Math.abs(reduction - strip.gainReductionDb.value) > 0.05) strip.gainReductionDb.value = reduction;
        else if (reduction === 0 && strip.gainReductionDb.value !== 0) strip.gainReductionDb.value = 0;
      }
      const master = advanceMeter(targets.masterMeter.value, live.readMasterMeter(), now, dt);
      if (!sameMeter(master, targets.masterMeter.value)) targets.masterMeter.value = master;
      const limiting = targets.limiterReductionDb;
      if (limiting) {
        const reduction = live.readLimiterReductionDb();
        // Hold the deepest reduction briefly (back to 0 at 20 dB/s) so a short catch stays readable.
        const shown = Math.min(0, reduction, limiting.value + 20 * dt);
        if (Math.abs(shown - limiting.value) > 0.05 || (shown === 0 && limiting.value !== 0))
          limiting.value = Math.abs(shown) < 0.05 ? 0 : shown;
      }
      const loudness = targets.loudnessLufs;
      if (loudness && nowMs - lastLoudness >= LOUDNESS_EVERY_MS) {
        lastLoudness = nowMs;
        const lufs = live.isPlaying ? live.readLoudnessLufs() : Number.NEGATIVE_INFINITY;
        // Tenths of a LU are what the readout shows; below −70 LUFS (the gate) reads as silence.
        const shown = lufs > -70 ? Math.round(lufs * 10) / 10 : Number.NEGATIVE_INFINITY;
        if (shown !== loudness.value) loudness.value = shown;
      }
      if (live.isPlaying) targets.onPosition(live.position);
    }
    frame = requestAnimationFrame(tick);
  };

  const onVisibility = () => {
    if (document.visibilityState === 'visible' && running && frame === 0) {
      last = performance.now();
      frame = requestAnimationFrame(tick);
    }
  };
  document.addEventListener('visibilitychange', onVisibility);
  frame = requestAnimationFrame(tick);
  return () => {
    running = false;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
