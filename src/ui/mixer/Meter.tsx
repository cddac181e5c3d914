import {
  formatMeterDb,
  METER_MAX_DB,
  METER_MIN_DB,
  METER_RED_DB,
  METER_YELLOW_DB,
  meterFraction,
  meterZone,
} from './meter-scale';

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
}

const yellowAt = meterFraction(METER_YELLOW_DB) * 100;
const redAt = meterFraction(METER_RED_DB) * 100;
// One gradient the height of the whole bar; the lit part is clipped out of it, so colours stay put.
const ZONES = `linear-gradient(to top, var(--meter-green) 0%, var(--meter-green) ${yellowAt}%, var(--meter-yellow) ${yellowAt}%, var(--meter-yellow) ${redAt}%, var(--meter-red) ${redAt}%)`;

function clipFor(db: number): string {
  return `inset(${((1 - meterFraction(db)) * 100).toFixed(2)}% 0 0 0)`;
}

/**
 * A peak + RMS meter (−60 … +6 dBFS) with a held peak marker, green/yellow/red zones and the held
 * peak as a number above it, so the reading never depends on colour alone.
 */
export function Meter({ label, peakDb, rmsDb, holdDb, height = 180, onResetHold }: MeterProps) {
  const zone = meterZone(holdDb);
  const now = Number.isFinite(peakDb) ? Math.max(METER_MIN_DB, Math.min(METER_MAX_DB, peakDb)) : METER_MIN_DB;
  return (
    <div class="meter">
      {/* The readout stays outside the meter role: a meter's children are presentational to AT. */}
      <button
        type="button"
        class={`meter-readout zone-${zone}${holdDb > 0 ? ' is-over' : ''}`}
        tabIndex={-1}
        aria-hidden="true"
        title="Held peak (dBFS). Click to clear."
        onClick={onResetHold}
      >
        {formatMeterDb(holdDb)}
      </button>
      {/* biome-ignore lint/a11y/useSemanticElements: a native <meter> cannot draw peak, RMS and a held peak; this is a styled ARIA meter. */}
      <div
        class="meter-bar"
        role="meter"
        aria-label={label}
        aria-valuemin={METER_MIN_DB}
        aria-valuemax={METER_MAX_DB}
        aria-valuenow={Math.round(now * 10) / 10}
        aria-valuetext={`peak ${formatMeterDb(peakDb)} dBFS, RMS ${formatMeterDb(rmsDb)} dBFS, held ${formatMeterDb(holdDb)} dBFS`}
        style={{ height: `${height}px` }}
      >
        <div class="meter-fill meter-peak" style={{ background: ZONES, clipPath: clipFor(peakDb) }} />
        <div class="meter-fill meter-rms" style={{ background: ZONES, clipPath: clipFor(rmsDb) }} />
        {holdDb > METER_MIN_DB && (
          <div class={`meter-hold zone-${zone}`} style={{ bottom: `${meterFraction(holdDb) * 100}%` }} />
        )}
        <div class="meter-zero" style={{ bottom: `${meterFraction(0) * 100}%` }} />
      </div>
    </div>
  );
}
