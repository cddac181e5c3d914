import { formatHz } from '../../dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../dsp/biquad';
import { filterName } from '../../exercises/filters/generate';
import type { FilterSetting, FiltersAnswer, FiltersQuestion } from '../../exercises/filters/meta';
import { meta } from '../../exercises/filters/meta';
import { levelSpec } from '../../exercises/shared/levels';
import { dbToY, EQ_FRAME, hzToX } from '../mixer/eq-geometry';
import { EqReviewFigure } from './eq-review-curves';

/** An SVG path of a filter's response on the EQ grid (clipped at the grid's floor). */
function responsePath(filter: FilterSetting | null): string {
  const points: string[] = [];
  const c = filter ? biquadCoefficients(filter.type, filter.frequencyHz, Math.SQRT1_2, 0, 48000) : null;
  for (let i = 0; i <= 200; i++) {
    const hz = EQ_FRAME.minHz * (EQ_FRAME.maxHz / EQ_FRAME.minHz) ** (i / 200);
    const db = c ? Math.max(-EQ_FRAME.rangeDb, biquadMagnitudeDb(c, hz, 48000)) : 0;
    points.push(`${i === 0 ? 'M' : 'L'}${hzToX(hz).toFixed(1)},${dbToY(db).toFixed(1)}`);
  }
  return points.join(' ');
}

function words(filter: FilterSetting | null): string {
  return filter ? `${filterName(filter.type)} at ${formatHz(filter.frequencyHz)}` : 'no filter';
}

/** The filter a learner's answer names (for 'which', the side they picked as cut higher). */
function yoursOf(q: FiltersQuestion, a: FiltersAnswer): FilterSetting | null {
  if (q.subtype === 'which') return a?.choice === 'A' ? q.filterA : q.filterB;
  if (q.subtype === 'type') {
    const type = a?.choice === 'lowpass' ? 'lowpass' : 'highpass';
    return { type, frequencyHz: levelSpec(meta, q.level).params.typeCutoffsHz[type] };
  }
  const hz = Number(a?.choice);
  return Number.isFinite(hz) && hz > 0 ? { type: q.filterB.type, frequencyHz: hz } : null;
}

/**
 * The right filter's response against the one the learner named, on the mixer's EQ grid; the −3 dB line marks
 * where a cutoff is read. For "which is cut higher?", the right curve is the side cut higher.
 */
export function FilterReview({ q, a }: { q: FiltersQuestion; a: FiltersAnswer }) {
  const right = q.subtype === 'which' ? (q.correct === 'A' ? q.filterA : q.filterB) : q.filterB;
  const yours = yoursOf(q, a);
  const label = `Right: ${words(right)}. Yours: ${words(yours)}.`;
  return (
    <EqReviewFigure
      label={label}
      right={responsePath(right)}
      yours={responsePath(yours)}
      marks={
        <>
          <line class="filter-3db" x1={0} x2={EQ_FRAME.width} y1={dbToY(-3)} y2={dbToY(-3)} />
          <text x={4} y={dbToY(-3) - 3}>
            −3 dB
          </text>
        </>
      }
    />
  );
}
