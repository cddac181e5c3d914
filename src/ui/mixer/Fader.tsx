import { type ControlScale, FADER_TICKS, faderScale } from './control-scale';
import { useSlider } from './use-slider';

/** Props of a vertical fader. */
export interface FaderProps {
  /** Accessible name, e.g. "Vocal fader". */
  label: string;
  /** Level in dB (−Infinity at the bottom). */
  value: number;
  onChange: (db: number) => void;
  /** Back to the default level (double-click, double-tap, Enter). */
  onReset?: () => void;
  /** Height of the fader's travel in px (default 180). */
  height?: number;
  scale?: ControlScale;
  /** Hide the printed value under the fader (when the parent prints it elsewhere). */
  hideReadout?: boolean;
}

/** Printed tick label: "+10", "0", "−20", "−∞". */
function tickLabel(db: number): string {
  if (db === Number.NEGATIVE_INFINITY) return '−∞';
  if (db > 0) return `+${db}`;
  return db < 0 ? `−${-db}` : '0';
}

/**
 * A console-style vertical fader with a dB scale (+10 … −∞) and its value printed above ("−6.0 dB"). Arrows
 * nudge by 1 dB (Shift: 0.1 dB), Enter or double-click resets; drag with mouse or finger.
 */
export function Fader({
  label,
  value,
  onChange,
  onReset,
  height = 180,
  scale = faderScale,
  hideReadout,
}: FaderProps) {
  const slider = useSlider({
    label,
    value,
    scale,
    onChange,
    onReset,
    travelPx: height,
    orientation: 'vertical',
  });
  const position = scale.toPosition(value);
  return (
    <div class="fader">
      {!hideReadout && (
        <output class="fader-readout" aria-hidden="true">
          {scale.format(value)}
        </output>
      )}
      <div class="fader-body" style={{ height: `${height}px` }}>
        <div class="fader-scale" aria-hidden="true">
          {FADER_TICKS.filter((db) => db <= scale.max).map((db) => (
            <span key={db} class="fader-tick" style={{ bottom: `${scale.toPosition(db) * 100}%` }}>
              {tickLabel(db)}
            </span>
          ))}
        </div>
        <div class="fader-track" {...slider}>
          <div class="fader-groove" />
          <div class="fader-cap" style={{ bottom: `${position * 100}%` }} />
        </div>
      </div>
    </div>
  );
}
