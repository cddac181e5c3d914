import type { ComponentChildren } from 'preact';
import {
  curvePath,
  dbToY,
  EQ_FRAME,
  EQ_GRID_DB,
  EQ_GRID_HZ,
  type EqBandShape,
  eqCurvePoints,
  gridLabel,
  hzToX,
} from '../mixer/eq-geometry';

/**
 * A review figure on the mixer's EQ grid: the right curve and the learner's (SVG paths), captioned with
 * `label`; `marks` adds lines or labels to the grid (e.g. a filter's −3 dB line).
 */
export function EqReviewFigure({
  label,
  right,
  yours,
  marks,
}: {
  label: string;
  right: string;
  yours: string;
  marks?: ComponentChildren;
}) {
  const { width, height } = EQ_FRAME;
  return (
    <figure class="review-figure">
      <svg class="review-svg" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <g class="eq-grid">
          {EQ_GRID_HZ.map((hz) => (
            <g key={hz}>
              <line x1={hzToX(hz)} x2={hzToX(hz)} y1={0} y2={height} />
              <text x={hzToX(hz) + 3} y={height - 4}>
                {gridLabel(hz)}
              </text>
            </g>
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
          {marks}
        </g>
        <path d={right} class="review-right" />
        <path d={yours} class="review-yours" />
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** The SVG path of EQ bands summed, on the mixer's EQ grid. */
export function eqBandsPath(bands: readonly EqBandShape[]): string {
  return curvePath(eqCurvePoints(bands, null, 48000));
}

/**
 * The right EQ (several bands summed) against the learner's on the mixer's EQ grid, with a legend: the review
 * picture of the EQ kinds that plant more than one band.
 */
export function EqBandsCurves({
  right,
  yours,
  label,
  rightName = 'right answer',
  yoursName = 'your answer',
}: {
  right: readonly EqBandShape[];
  yours: readonly EqBandShape[];
  label: string;
  rightName?: string;
  yoursName?: string;
}) {
  return (
    <>
      <EqReviewFigure label={label} right={eqBandsPath(right)} yours={eqBandsPath(yours)} />
      <p class="review-legend">
        <span class="swatch" /> {rightName}{' '}
        <span class="swatch swatch-dash" style={{ borderColor: 'var(--accent)' }} /> {yoursName}
      </p>
    </>
  );
}
