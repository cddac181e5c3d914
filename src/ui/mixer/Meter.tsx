import type { Ref } from 'preact';
import { holdTransform, meterFace, readoutClass, windowTransform, zonesTransform } from './meter-paint';
import { METER_MAX_DB, METER_MIN_DB, METER_RED_DB, METER_YELLOW_DB, meterFraction } from './meter-scale';

/** Props of a level meter. */
export interface MeterProps {
  /** Accessible name, e.g. "Vocal level". */
  label: string;
  peakDb: number;
  rmsDb: number;
  /** The held peak marker. */
  holdDb: number;
  /** Height of the bar in px (default 180, the fader's). */
  height?: number;
  /** Clicking the readout clears the held peak. */
  onResetHold?: () => void;
  /** The `.meter` element, for a painter that moves the bars without re-rendering (LiveMeter). */
  rootRef?: Ref<HTMLDivElement>;
  /** The bar is a canvas that a Worker draws (LiveMeter, where OffscreenCanvas exists: meter-canvas.ts). */
  canvas?: boolean;
}

const yellowAt = meterFraction(METER_YELLOW_DB) * 100;
const redAt = meterFraction(METER_RED_DB) * 100;
// One gradient the height of the whole bar; a window moving over it shows the lit part, so colours stay put.
const ZONES = `linear-gradient(to top, var(--meter-green) 0%, var(--meter-green) ${yellowAt}%, var(--meter-yellow) ${yellowAt}%, var(--meter-yellow) ${redAt}%, var(--meter-red) ${redAt}%)`;

/**
 * A peak + RMS meter (−60 … +6 dBFS) with a held peak marker, green/yellow/red zones and the held
 * peak as a number above it, so the reading never depends on colour alone. The bars and the marker are
 * placed by transforms only (see meter-paint.ts), so a moving meter costs no layout and no repaint.
 */
export function Meter({
  label,
  peakDb,
  rmsDb,
  holdDb,
  height = 180,
  onResetHold,
  rootRef,
  canvas = false,
}: MeterProps) {
  const face = meterFace({ peakDb, rmsDb, holdDb }, height);
  return (
    <div class="meter" ref={rootRef}>
      {/* The readout stays outside the meter role: a meter's children are presentational to AT. */}
      <button
        type="button"
        class={readoutClass(face)}
        tabIndex={-1}
        aria-hidden="true"
        title="Held peak (dBFS). Click to clear."
        onClick={onResetHold}
      >
        {face.readout}
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot draw peak, RMS and a held peak; this is a styled ARIA meter. */}
      <div
        class="meter-bar"
        role="meter"
        aria-label={label}
        aria-valuemin={METER_MIN_DB}
        aria-valuemax={METER_MAX_DB}
        aria-valuenow={face.valueNow}
        aria-valuetext={face.valueText}
        style={{ height: `${height}px` }}
      >
        {canvas ? (
          <canvas class="meter-canvas" />
        ) : (
          <>
            <div class="meter-window meter-peak" style={{ transform: windowTransform(face.peakPx, height) }}>
              <div
                class="meter-zones"
                style={{ background: ZONES, transform: zonesTransform(face.peakPx, height) }}
              />
            </div>
            <div class="meter-window meter-rms" style={{ transform: windowTransform(face.rmsPx, height) }}>
              <div
                class="meter-zones"
                style={{ background: ZONES, transform: zonesTransform(face.rmsPx, height) }}
              />
            </div>
            <div
              class={`meter-hold zone-${face.zone}`}
              style={{
                transform: holdTransform(face.holdPx),
                visibility: face.holdPx < 0 ? 'hidden' : undefined,
              }}
            />
            <div class="meter-zero" style={{ bottom: `${meterFraction(0) * 100}%` }} />
          </>
        )}
      </div>
    </div>
  );
}
