import type { ControlScale } from '../mixer/control-scale';
import { useSlider } from '../mixer/use-slider';

/** Props of a fader in dB from a track's rough-mix level. */
export interface OffsetFaderProps {
  label: string;
  value: number;
  scale: ControlScale;
  ticks: readonly number[];
  onChange: (db: number) => void;
  onReset?: () => void;
  height?: number;
}

/** "+6", "0", "−12". */
function tickLabel(db: number): string {
  return db > 0 ? `+${db}` : db < 0 ? `−${-db}` : '0';
}

/**
 * A vertical fader like the mixer's, on a scale of its own (dB from the rough mix, e.g. −24 … +12), with the
 * mixer's keyboard, pointer and reset behaviour (useSlider) and its look (the mixer's fader classes).
 */
export function OffsetFader({
  label,
  value,
  scale,
  ticks,
  onChange,
  onReset,
  height = 160,
}: OffsetFaderProps) {
  const slider = useSlider({
    label,
    value,
    scale,
    onChange,
    onReset,
    travelPx: height,
    orientation: 'vertical',
  });
  return (
    <div class="fader">
      <output class="fader-readout" aria-hidden="true">
        {scale.format(value)}
      </output>
      <div class="fader-body" style={{ height: `${height}px` }}>
        <div class="fader-scale" aria-hidden="true">
          {ticks.map((db) => (
            <span key={db} class="fader-tick" style={{ bottom: `${scale.toPosition(db) * 100}%` }}>
              {tickLabel(db)}
            </span>
          ))}
        </div>
        <div class="fader-track" {...slider}>
          <div class="fader-groove" />
          <div class="fader-cap" style={{ bottom: `${scale.toPosition(value) * 100}%` }} />
        </div>
      </div>
    </div>
  );
}
