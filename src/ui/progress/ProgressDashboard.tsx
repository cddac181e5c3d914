import type { ProgressView } from '../../training/progress-view';
import { EqSection } from './EqSection';
import { ExerciseTable } from './ExerciseTable';
import { MixHoldback } from './MixHoldback';
import { PractiseNextCard } from './PractiseNextCard';
import { StreakCard } from './StreakCard';
import { ThresholdList } from './ThresholdList';
import { TrendChart } from './TrendChart';

/** Props of the dashboard. */
export interface ProgressDashboardProps {
  view: ProgressView;
  /** Fixed chart width in px (tests); otherwise the chart follows the page. */
  chartWidth?: number;
}

/** What a first-time learner sees: what will appear here, and the first drill. */
function FirstVisit({ view }: { view: ProgressView }) {
  return (
    <div class="progress-top">
      <section class="panel progress-empty" aria-labelledby="progress-empty-title">
        <h2 id="progress-empty-title">Nothing to show yet</h2>
        <p>
          Every answer you give in a drill is scored and kept on this device. After your first drill, this
          page shows how your scores move day by day for each skill, which EQ bands you mix up, the smallest
          changes you reliably hear, and your practice streak.
        </p>
        <p class="muted">It also suggests what to practise next, starting with your weakest skill.</p>
      </section>
      {view.next && <PractiseNextCard next={view.next} />}
    </div>
  );
}

/** The progress page's content for one profile's view model. */
export function ProgressDashboard({ view, chartWidth }: ProgressDashboardProps) {
  if (view.totalAttempts === 0) return <FirstVisit view={view} />;
  const answers = view.trend.skills.reduce((n, s) => n + s.count, 0);
  const windowDays = view.trend.toDay - view.trend.fromDay + 1;
  return (
    <div class="progress-dashboard">
      <div class="progress-top">
        {view.next && <PractiseNextCard next={view.next} />}
        <StreakCard streaks={view.streaks} today={view.today} />
      </div>

      <section class="panel" aria-labelledby="trend-title">
        <h2 id="trend-title">Scores over time</h2>
        {answers > 0 ? (
          <>
            <p class="muted">
              Last {windowDays} days, {answers} answers. Each mark is one day’s average; the line is the
              average of the week up to that day. Adaptive drills count towards your thresholds instead.
            </p>
            <TrendChart trend={view.trend} width={chartWidth} />
          </>
        ) : (
          <p class="muted">
            No level drills in the last {windowDays} days. Adaptive drills show up as thresholds below; older
            scores are in the table.
          </p>
        )}
      </section>

      {view.thresholds.length > 0 && (
        <section class="panel" aria-labelledby="thresholds-title">
          <h2 id="thresholds-title">What you reliably hear</h2>
          <p class="muted">
            Adaptive drills make the change smaller while you hear it and bigger when you miss, and find the
            size you get right three times in four: your threshold. The range is where it lies with about 80 %
            certainty; each drill starts from the last one and narrows it.
          </p>
          <ThresholdList thresholds={view.thresholds} today={view.today} />
        </section>
      )}

      {view.mixes && (
        <section class="panel" aria-labelledby="mixes-title">
          <h2 id="mixes-title">What holds your mixes back</h2>
          <MixHoldback mixes={view.mixes} />
        </section>
      )}

      <section class="panel" aria-labelledby="eq-title">
        <h2 id="eq-title">Which EQ bands you mix up</h2>
        <EqSection eq={view.eq} />
      </section>

      <section aria-label="Practice by exercise">
        <ExerciseTable rows={view.exercises} today={view.today} />
      </section>
    </div>
  );
}
