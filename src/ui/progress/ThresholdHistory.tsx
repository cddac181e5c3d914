import type { MainVariable } from '../../exercises/types';
import type { SittingEstimate } from '../../training/adaptive-thresholds';
import { formatDay, formatDayLong, formatThreshold, formatThresholdRange } from './format';

/** Props of one threshold's history chart. */
export interface ThresholdHistoryProps {
  history: readonly SittingEstimate[];
  variable: MainVariable;
}

const W = 280;
const H = 96;
const LEFT = 34;
const RIGHT = 8;
const TOP = 8;
const BOTTOM = 20;

/**
 * Every sitting's threshold as a dot with its range as a bar, oldest left, on a log scale (a step from 2 to
 * 4 dB looks as big as one from 4 to 8). A visually hidden list says the same in words.
 */
export function ThresholdHistory({ history, variable }: ThresholdHistoryProps) {
  if (history.length === 0) return null;
  const lows = history.map((h) => h.low);
  const highs = history.map((h) => h.high);
  const lo = Math.max(variable.min, Math.min(...lows) / 1.15);
  const hi = Math.min(variable.max, Math.max(...highs) * 1.15);
  const span = Math.log(hi) - Math.log(lo) || 1;
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - (Math.log(v) - Math.log(lo)) / span);
  const n = history.length;
  const x = (i: number) =>
    n === 1 ? (LEFT + W - RIGHT) / 2 : LEFT + 10 + ((W - RIGHT - LEFT - 20) * i) / (n - 1);
  const better = variable.easier === 'larger' ? 'Lower is finer.' : 'Higher is finer.';
  const first = history[0]!;
  const last = history[n - 1]!;
  return (
    <figure class="threshold-history">
      <svg
        class="threshold-history-svg"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Your threshold over ${n} ${n === 1 ? 'drill' : 'drills'}, from ${formatThreshold(first.value, variable)} to ${formatThreshold(last.value, variable)}.`}
      >
        <line class="threshold-history-axis" x1={LEFT} x2={W - RIGHT} y1={H - BOTTOM} y2={H - BOTTOM} />
        <text class="threshold-history-tick" x={LEFT - 4} y={y(hi) + 4} text-anchor="end">
          {formatThreshold(hi, variable)}
        </text>
        <text class="threshold-history-tick" x={LEFT - 4} y={y(lo)} text-anchor="end">
          {formatThreshold(lo, variable)}
        </text>
        <text class="threshold-history-tick" x={x(0)} y={H - 5} text-anchor={n === 1 ? 'middle' : 'start'}>
          {formatDay(first.day)}
        </text>
        {n > 1 && (
          <text class="threshold-history-tick" x={x(n - 1)} y={H - 5} text-anchor="end">
            {formatDay(last.day)}
          </text>
        )}
        {n > 1 && (
          <path
            class="threshold-history-line"
            d={history
              .map((h, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)} ${y(h.value).toFixed(1)}`)
              .join(' ')}
          />
        )}
        {history.map((h, i) => (
          <g key={h.at} class="threshold-history-sitting">
            <title>{`${formatDayLong(h.day)}: about ${formatThreshold(h.value, variable)} (${formatThresholdRange(h.low, h.high, variable)}), ${h.trials} answers`}</title>
            <line class="threshold-history-range" x1={x(i)} x2={x(i)} y1={y(h.low)} y2={y(h.high)} />
            <circle class="threshold-history-dot" cx={x(i)} cy={y(h.value)} r={3.5} />
          </g>
        ))}
      </svg>
      <figcaption class="muted threshold-history-caption">
        Each drill: a dot for the threshold, a bar for its range. {better}
      </figcaption>
      <ol class="progress-sr">
        {history.map((h) => (
          <li key={h.at}>
            {`${formatDayLong(h.day)}: about ${formatThreshold(h.value, variable)}, likely ${formatThresholdRange(h.low, h.high, variable)}`}
          </li>
        ))}
      </ol>
    </figure>
  );
}
