import type { Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { MeterView } from '../../state/mixer/mixer-model';
import { Meter } from './Meter';
import { attachMeterCanvas, canvasMetersSupported, detachMeterCanvas } from './meter-canvas';
import { meterFace, meterPainter, meterPixels } from './meter-paint';

/**
 * A Meter bound to a meter signal. It renders once; each new reading is drawn without re-rendering: where the
 * browser can draw a canvas from a Worker, the bar is such a canvas (no main-thread drawing at all), elsewhere
 * a painter moves the bars by transforms. Either way only what changed is drawn.
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
  // Decided once per meter: the DOM it renders depends on it.
  const canvas = useRef(canvasMetersSupported()).current;
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const bar = canvas ? el.querySelector<HTMLCanvasElement>('.meter-canvas') : null;
    const id = bar
      ? attachMeterCanvas(bar, height, meterPixels(meterFace(meter.peek(), height), height))
      : null;
    const painter = meterPainter(el, height, undefined, id);
    const unsubscribe = meter.subscribe((view) => painter.draw(view));
    return () => {
      unsubscribe();
      painter.dispose();
      if (id !== null) detachMeterCanvas(id);
    };
  }, [meter, height, canvas]);
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
      canvas={canvas}
    />
  );
}
