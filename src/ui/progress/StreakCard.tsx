import type { StreakSummary } from '../../training/practice-streaks';
import { formatDayLong } from './format';

/** Props of the streak card. */
export interface StreakCardProps {
  streaks: StreakSummary;
  today: number;
}

/** The current and longest run of practice days, and a strip of the last four weeks. */
export function StreakCard({ streaks, today }: StreakCardProps) {
  const { current, longest, practisedToday, recent } = streaks;
  const practised = recent.filter(Boolean).length;
  const hint =
    current === 0
      ? 'Practise today to start a streak.'
      : practisedToday
        ? 'You have practised today.'
        : 'Practise today to keep it going.';
  return (
    <section class="panel streak" aria-labelledby="streak-title">
      <h2 id="streak-title">Streak</h2>
      <p class="streak-now">
        <span class="streak-number">{current}</span> {current === 1 ? 'day' : 'days'} in a row
      </p>
      <p class="muted">
        {hint} Longest: {longest} {longest === 1 ? 'day' : 'days'}.
      </p>
      <ol class="streak-days" aria-label={`Practised on ${practised} of the last ${recent.length} days`}>
        {recent.map((on, k) => {
          const day = today - recent.length + 1 + k;
          return (
            <li
              key={day}
              class={on ? 'streak-day streak-on' : 'streak-day'}
              title={`${formatDayLong(day)}: ${on ? 'practised' : 'no practice'}`}
            />
          );
        })}
      </ol>
      <p class="muted streak-caption">
        {practised} of the last {recent.length} days
      </p>
    </section>
  );
}
