import { dbToGain } from '../../dsp/db';
import { saturationCurve } from '../../dsp/saturation';
import { driveLabel, PEAK_IN_DB } from '../../exercises/saturation/generate';
import type { SaturationAnswer, SaturationQuestion } from '../../exercises/saturation/meta';

const W = 320;
const H = 240;

/** The curve at `driveDb` over the part's range (its peak at the ends), as an SVG path; output scaled to the clean peak. */
function curvePath(driveDb: number | null): string {
  const peak = dbToGain(PEAK_IN_DB);
  const g = driveDb === null ? 0 : dbToGain(driveDb);
  const points: string[] = [];
  for (let i = 0; i <= 100; i++) {
    const u = -1 + (2 * i) / 100;
    const y = g === 0 ? u : saturationCurve(u * peak, g) / peak;
    points.push(
      `${i === 0 ? 'M' : 'L'}${(((u + 1) / 2) * W).toFixed(1)},${((1 - (y + 1) / 2) * H).toFixed(1)}`,
    );
  }
  return points.join(' ');
}

/**
 * What the saturation did to the part's waveform: output against input from the part's negative peak to its
 * positive peak (a straight line is clean; the more it bends, the more the peaks are rounded off and the more
 * harmonics are added). The right drive is drawn against the one the learner chose (for "which", against clean).
 */
export function SaturationReview({ q, a }: { q: SaturationQuestion; a: SaturationAnswer }) {
  const yours = q.subtype === 'amount' ? Number(a?.choice) : null;
  const index = q.subtype === 'amount' ? q.choices.indexOf(q.correct) : 0;
  const measured = q.distortionDb[index];
  const caption = `${driveLabel(q.driveDb)}: what it adds sits ${measured === undefined ? '?' : Math.round(-measured)} dB below the music${
    yours !== null && Number.isFinite(yours) ? `; yours, ${driveLabel(yours)}, is the dashed curve` : ''
  }. A straight line would be clean.`;
  return (
    <figure class="review-figure">
      <svg class="review-svg review-svg-square" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={caption}>
        <g class="eq-grid">
          <line x1={0} x2={W} y1={H / 2} y2={H / 2} class="eq-zero" />
          <line x1={W / 2} x2={W / 2} y1={0} y2={H} />
          <text x={4} y={H - 6}>
            input: the part’s peaks at the edges
          </text>
        </g>
        <path d={curvePath(null)} class="width-band width-plain" />
        <path d={curvePath(q.driveDb)} class="review-right" />
        {yours !== null && Number.isFinite(yours) && yours !== q.driveDb && (
          <path d={curvePath(yours)} class="review-yours" />
        )}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
