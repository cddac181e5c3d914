import type { ThresholdEstimate } from '../../training/adaptive-thresholds';
import { daysAgo, formatThreshold, formatThresholdRange } from './format';
import { ThresholdHistory } from './ThresholdHistory';

/** Props of the threshold list. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdEstimate[];
  /** Day number of today. */
  today: number;
}

/** Current thresholds of the adaptive drills, in plain words with their range, and how they moved. */
export function ThresholdList({ thresholds, today }: ThresholdListProps) {
  return (
    <ul class="thresholds">
      {thresholds.map((t) => (
        <li key={t.kind} class={`threshold threshold-${t.status}`}>
          <div class="threshold-head">
            <h3>{t.title}</h3>
            {t.estimate && (
              <span class="threshold-value">
                {formatThreshold(t.estimate.value, t.variable)}
                {t.status === 'early' && <span class="threshold-badge">early estimate</span>}
              </span>
            )}
          </div>
          {t.estimate && (
            <p class="threshold-range muted">
              likely {formatThresholdRange(t.estimate.low, t.estimate.high, t.variable)}
            </p>
          )}
          <p class="threshold-words">{t.words}</p>
          {t.history.length > 0 && <ThresholdHistory history={t.history} variable={t.variable} />}
          <p class="muted threshold-note">
            {t.note}
            {t.day !== null && ` Last adaptive drill ${daysAgo(t.day, today)}.`}
          </p>
        </li>
      ))}
    </ul>
  );
}
