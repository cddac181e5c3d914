import type { ThresholdEstimate } from '../../training/adaptive-thresholds';
import { daysAgo, formatThreshold } from './format';

/** Props of the threshold list. */
export interface ThresholdListProps {
  thresholds: readonly ThresholdEstimate[];
  /** Day number of today. */
  today: number;
}

/** Current thresholds of the adaptive drills, in plain words, with how sure each is. */
export function ThresholdList({ thresholds, today }: ThresholdListProps) {
  return (
    <ul class="thresholds">
      {thresholds.map((t) => (
        <li key={t.kind} class={`threshold threshold-${t.status}`}>
          <div class="threshold-head">
            <h3>{t.title}</h3>
            {t.value !== null && (
              <span class="threshold-value">
                {formatThreshold(t.value, t.variable)}
                {t.status === 'early' && <span class="threshold-badge">early estimate</span>}
              </span>
            )}
          </div>
          <p class="threshold-words">{t.words}</p>
          <p class="muted threshold-note">
            {t.note}
            {t.day !== null && ` Last adaptive drill ${daysAgo(t.day, today)}.`}
          </p>
        </li>
      ))}
    </ul>
  );
}
