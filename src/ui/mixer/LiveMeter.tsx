import type { Signal } from '@preact/signals';
import type { MeterView } from '../../state/mixer/mixer-model';
import { Meter } from './Meter';

/** A Meter bound to a meter signal: only this small component re-renders on each animation frame. */
export function LiveMeter({
  label,
  meter,
  height,
  onResetHold,
}: {
  label: string;
  meter: Signal<MeterView>;
  height?: number;
  onResetHold?: () => void;
}) {
  const m = meter.value;
  return (
    <Meter
      label={label}
      peakDb={m.peakDb}
      rmsDb={m.rmsDb}
      holdDb={m.holdDb}
      height={height}
      onResetHold={onResetHold}
    />
  );
}
