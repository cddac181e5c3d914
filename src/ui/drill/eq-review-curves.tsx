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
  const { width, height } = EQ_FRAME;
  const a = curvePath(eqCurvePoints(right, null, 48000));
  const b = curvePath(eqCurvePoints(yours, null, 48000));
  return (
    <>
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
          </g>
          <path d={a} class="review-right" />
          <path d={b} class="review-yours" />
        </svg>
        <figcaption>{label}</figcaption>
      </figure>
      <p class="review-legend">
        <span class="swatch" /> {rightName}{' '}
        <span class="swatch swatch-dash" style={{ borderColor: 'var(--accent)' }} /> {yoursName}
      </p>
    </>
  );
}
