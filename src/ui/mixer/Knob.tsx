import type { ControlScale } from './control-scale';
import { useSlider } from './use-slider';

/** Props of a rotary knob. */
export interface KnobProps {
  /** Accessible name, e.g. "Vocal pan". */
  label: string;
  /** Short printed caption above the knob ("Pan", "Rev"). */
  caption?: string;
  value: number;
  scale: ControlScale;
  onChange: (value: number) => void;
  onReset?: () => void;
  /** Diameter in px (default 34). */
  size?: number;
  /** Draw the arc from the centre (pan, EQ gain) rather than from the left end. */
  bipolar?: boolean;
  /** Colour of the value arc (default the accent colour). */
  color?: string;
  disabled?: boolean;
  /**
   * Set by the exercise and not the learner's to turn (a drill level that asks for one control): the knob
   * cannot be dragged or nudged, looks flat, and says "fixed" under its value.
   */
  fixed?: boolean;
}

/** Sweep of the knob: 270° from −135° (fully anticlockwise) to +135°. */
const SWEEP = 270;

function polar(cx: number, cy: number, r: number, degrees: number): [number, number] {
  const a = ((degrees - 90) * Math.PI) / 180;
  return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
}

function arc(cx: number, cy: number, r: number, from: number, to: number): string {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const [x0, y0] = polar(cx, cy, r, a);
  const [x1, y1] = polar(cx, cy, r, b);
  return `M${x0.toFixed(2)},${y0.toFixed(2)} A${r},${r} 0 ${b - a > 180 ? 1 : 0} 1 ${x1.toFixed(2)},${y1.toFixed(2)}`;
}

/** The knob's pointer angle (degrees, 0 = straight up) for a position in [0, 1]. */
export function knobAngle(position: number): number {
  return -SWEEP / 2 + Math.min(1, Math.max(0, position)) * SWEEP;
}

/**
 * A rotary knob (pan, sends, EQ and compressor settings): drag up/down, arrows nudge (Shift: fine),
 * Enter or double-click resets. Its value is printed under it ("L 30", "−12.0 dB").
 */
export function Knob({
  label,
  caption,
  value,
  scale,
  onChange,
  onReset,
  size = 34,
  bipolar,
  color,
  disabled,
  fixed,
}: KnobProps) {
  const live = useSlider({ label, value, scale, onChange, onReset, travelPx: 160 });
  // A fixed knob keeps its name and value for screen readers but takes no drag, key or double-click.
  const slider = fixed
    ? {
        role: live.role,
        tabIndex: 0,
        'aria-label': live['aria-label'],
        'aria-valuemin': live['aria-valuemin'],
        'aria-valuemax': live['aria-valuemax'],
        'aria-valuenow': live['aria-valuenow'],
        'aria-valuetext': live['aria-valuetext'],
        'aria-orientation': live['aria-orientation'],
        'aria-readonly': true,
      }
    : live;
  const angle = knobAngle(scale.toPosition(value));
  const c = 20;
  const r = 15;
  const start = bipolar ? 0 : -SWEEP / 2;
  const [px, py] = polar(c, c, r - 5, angle);
  return (
    <div class={`knob${disabled ? ' is-off' : ''}${fixed ? ' is-fixed' : ''}`}>
      {caption && (
        <span class="knob-caption" aria-hidden="true">
          {caption}
        </span>
      )}
      <div class="knob-dial" style={{ width: `${size}px`, height: `${size}px` }} {...slider}>
        <svg viewBox="0 0 40 40" aria-hidden="true">
          <path class="knob-track" d={arc(c, c, r, -SWEEP / 2, SWEEP / 2)} />
          {Math.abs(angle - start) > 0.5 && (
            <path
              class="knob-value"
              d={arc(c, c, r, start, angle)}
              style={color ? { stroke: color } : undefined}
            />
          )}
          <circle class="knob-face" cx={c} cy={c} r={r - 3.5} />
          <line class="knob-pointer" x1={c} y1={c} x2={px.toFixed(2)} y2={py.toFixed(2)} />
        </svg>
      </div>
      <span class="knob-readout" aria-hidden="true">
        {scale.format(value)}
      </span>
      {fixed && (
        <span class="knob-fixed" aria-hidden="true">
          fixed
        </span>
      )}
    </div>
  );
}
