import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { MeterView } from '../../state/mixer/mixer-model';
import { Meter } from './Meter';
import { meterPainter } from './meter-paint';

/**
 * A Meter bound to a meter signal. It renders once; each new reading is drawn by a painter that moves the
 * bars by transforms and changes only what changed (no re-render, no layout per frame).
 */
export function LiveMeter({
  label,
  meter,
  height = 180,
  onResetHold,
}: {
  label: string;
  meter: Signal<MeterView>;
  height?: number;
  onResetHold?: () => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const painter = meterPainter(el, height);
    const unsubscribe = meter.subscribe((view) => painter.draw(view));
    return () => {
      unsubscribe();
      painter.dispose();
    };
  }, [meter, height]);
  // peek(): reading .value would re-render this component on every reading.
  const m = meter.peek();
  return (
    <Meter
      rootRef={root}
      label={label}
      peakDb={m.peakDb}
      rmsDb={m.rmsDb}
      holdDb={m.holdDb}
      height={height}
      onResetHold={onResetHold}
    />
  );
}
