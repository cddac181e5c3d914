import { useMemo, useRef } from 'preact/hooks';
import { formatHz } from '../../dsp/bands';
import type { EqBandSettings } from '../../state/mixer/mixer-model';
import { eqGainScale, formatQ, formatSignedDb, frequencyScale, qScale } from './control-scale';
import {
  bandHandle,
  curveFillPath,
  curvePath,
  dbToY,
  EQ_FRAME,
  EQ_GRID_DB,
  EQ_GRID_HZ,
  eqCurvePoints,
  gridLabel,
  type HighPassShape,
  hzToX,
  xToHz,
  yToDb,
} from './eq-geometry';

/** Readable band type names. */
export const BAND_NAMES: Record<EqBandSettings['type'], string> = {
  lowshelf: 'Low shelf',
  peaking: 'Peak',
  highshelf: 'High shelf',
};

/** Props of the EQ response graph. */
export interface EqGraphProps {
  /** Strip name, for accessible names ("Vocal EQ band 2"). */
  name: string;
  bands: readonly EqBandSettings[];
  highPass: HighPassShape;
  /** The strip's low-pass (drawn in the curve when on). */
  lowPass?: HighPassShape;
  sampleRate: number;
  color: string;
  onBand: (band: number, patch: Partial<EqBandSettings>) => void;
  onResetBand: (band: number) => void;
}

/** The readable value of a band: "Peak: 1.2 kHz, +3.0 dB, Q 1.4" (and "(off)" when bypassed). */
export function describeBand(band: EqBandSettings): string {
  const q = band.type === 'peaking' ? `, ${formatQ(band.q)}` : '';
  return `${BAND_NAMES[band.type]}: ${formatHz(band.frequency)}, ${formatSignedDb(band.gainDb)}${q}${band.enabled ? '' : ' (off)'}`;
}

/**
 * The EQ response graph: log frequency 20 Hz–20 kHz by ±18 dB, the strip's response curve (from
 * biquadMagnitudeDb), and a draggable node per band. Drag = frequency and gain; wheel = Q; keys: ←/→
 * frequency, ↑/↓ gain, PageUp/PageDown Q (Shift: fine), Enter or double-click resets the band.
 */
export function EqGraph({
  name,
  bands,
  highPass,
  lowPass,
  sampleRate,
  color,
  onBand,
  onResetBand,
}: EqGraphProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const drag = useRef<{ id: number; band: number; dx: number; dy: number } | null>(null);
  const points = useMemo(
    () => eqCurvePoints(bands, highPass, sampleRate, undefined, undefined, lowPass ?? null),
    [bands, highPass, lowPass, sampleRate],
  );
  const { width, height } = EQ_FRAME;

  const toSvg = (event: PointerEvent): [number, number] => {
    const rect = wrap.current!.getBoundingClientRect();
    return [
      ((event.clientX - rect.left) / rect.width) * width,
      ((event.clientY - rect.top) / rect.height) * height,
    ];
  };

  const onKeyDown = (index: number, band: EqBandSettings) => (event: KeyboardEvent) => {
    const fine = event.shiftKey;
    const key = event.key;
    if (key === 'ArrowLeft' || key === 'ArrowRight')
      onBand(index, { frequency: frequencyScale.nudge(band.frequency, key === 'ArrowRight' ? 1 : -1, fine) });
    else if (key === 'ArrowUp' || key === 'ArrowDown')
      onBand(index, { gainDb: eqGainScale.nudge(band.gainDb, key === 'ArrowUp' ? 1 : -1, fine) });
    else if (key === 'PageUp' || key === 'PageDown')
      onBand(index, { q: qScale.nudge(band.q, key === 'PageUp' ? 1 : -1, fine) });
    else if (key === 'Enter') onResetBand(index);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const onPointerDown = (index: number, band: EqBandSettings) => (event: PointerEvent) => {
    if (event.button !== 0) return;
    const target = event.currentTarget as HTMLElement;
    target.focus();
    try {
      target.setPointerCapture(event.pointerId);
    } catch {
      // A pointer the browser no longer tracks (or a synthetic one) cannot be captured; dragging still works.
    }
    const [x, y] = toSvg(event);
    const handle = bandHandle(band);
    drag.current = { id: event.pointerId, band: index, dx: handle.x - x, dy: handle.y - y };
    event.preventDefault();
  };

  const onPointerMove = (event: PointerEvent) => {
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    const [x, y] = toSvg(event);
    const frequency = xToHz(Math.min(width, Math.max(0, x + d.dx)));
    const gainDb = Math.round(Math.min(18, Math.max(-18, yToDb(y + d.dy))) * 10) / 10;
    onBand(d.band, { frequency: Math.round(frequency * 10) / 10, gainDb });
  };

  const onPointerUp = (event: PointerEvent) => {
    if (drag.current?.id === event.pointerId) drag.current = null;
  };

  const onWheel = (index: number, band: EqBandSettings) => (event: WheelEvent) => {
    if (band.type !== 'peaking') return;
    event.preventDefault();
    onBand(index, { q: qScale.nudge(band.q, event.deltaY < 0 ? 1 : -1, event.shiftKey) });
  };

  return (
    <div
      ref={wrap}
      class="eq-graph"
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    >
      <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" aria-hidden="true">
        <g class="eq-grid">
          {EQ_GRID_HZ.map((hz) => (
            <line key={hz} x1={hzToX(hz)} x2={hzToX(hz)} y1={0} y2={height} />
          ))}
          {EQ_GRID_DB.map((db) => (
            <line
              key={db}
              class={db === 0 ? 'eq-zero' : undefined}
              x1={0}
              x2={width}
              y1={dbToY(db)}
              y2={dbToY(db)}
            />
          ))}
        </g>
        <path class="eq-fill" d={curveFillPath(points)} style={{ fill: color }} />
        <path class="eq-curve" d={curvePath(points)} style={{ stroke: color }} data-testid="eq-curve" />
      </svg>
      {EQ_GRID_HZ.slice(0, -1).map((hz) => (
        <span
          key={hz}
          class="eq-label eq-label-hz"
          style={{ left: `${(hzToX(hz) / width) * 100}%` }}
          aria-hidden="true"
        >
          {gridLabel(hz)}
        </span>
      ))}
      {EQ_GRID_DB.filter((db) => Math.abs(db) !== 18).map((db) => (
        <span
          key={db}
          class="eq-label eq-label-db"
          style={{ top: `${(dbToY(db) / height) * 100}%` }}
          aria-hidden="true"
        >
          {db > 0 ? `+${db}` : db < 0 ? `−${-db}` : '0 dB'}
        </span>
      ))}
      {bands.map((band, index) => {
        const { x, y } = bandHandle(band);
        return (
          <div
            key={index}
            class={`eq-node${band.enabled ? '' : ' is-off'}`}
            style={{
              left: `${(x / width) * 100}%`,
              top: `${(Math.min(height, Math.max(0, y)) / height) * 100}%`,
              borderColor: color,
            }}
            role="slider"
            tabIndex={0}
            aria-label={`${name} EQ band ${index + 1}`}
            aria-valuemin={-18}
            aria-valuemax={18}
            aria-valuenow={Math.round(band.gainDb * 10) / 10}
            aria-valuetext={describeBand(band)}
            onKeyDown={onKeyDown(index, band)}
            onPointerDown={onPointerDown(index, band)}
            onWheel={onWheel(index, band)}
            onDblClick={() => onResetBand(index)}
          >
            {index + 1}
          </div>
        );
      })}
    </div>
  );
}
