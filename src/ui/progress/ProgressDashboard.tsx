import type { ProgressView } from '../../training/progress-view';
import { EqSection } from './EqSection';
import { ExerciseTable } from './ExerciseTable';
import { LevelTrends } from './LevelTrends';
import { MixHoldback } from './MixHoldback';
import { PractiseNextCard } from './PractiseNextCard';
import { StreakCard } from './StreakCard';
import { ThresholdList } from './ThresholdList';

/** Props of the dashboard. */
export interface ProgressDashboardProps {
  view: ProgressView;
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
export function ProgressDashboard({ view }: ProgressDashboardProps) {
  if (view.totalAttempts === 0) return <FirstVisit view={view} />;
  const windowDays = view.trend.toDay - view.trend.fromDay + 1;
  return (
    <div class="progress-dashboard">
      <div class="progress-top">
        {view.next && <PractiseNextCard next={view.next} />}
        <StreakCard streaks={view.streaks} today={view.today} />
      </div>

      {view.weekly.length > 0 && (
        <section class="panel weekly-summary" aria-labelledby="weekly-title">
          <h2 id="weekly-title">Your week</h2>
          <ul class="plain-list">
            {view.weekly.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </section>
      )}

      <section class="panel" aria-labelledby="trend-title">
        <h2 id="trend-title">Growth, level by level</h2>
        {view.levels.length > 0 ? (
          <>
            <p class="muted">
              Last {windowDays} days. Each line is one drill at one level: how many of your last 20 answers
              there were right (a score of 70 or more), day by day. The dotted line is the 80 % that moves you
              up a stage. A new level starts a new line, so moving up never looks like getting worse.
            </p>
            <LevelTrends lines={view.levels} fromDay={view.trend.fromDay} toDay={view.trend.toDay} />
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
