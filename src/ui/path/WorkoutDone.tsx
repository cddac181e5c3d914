import type { ActiveWorkout } from '../../state/path/workout';
import { leaveWorkout } from '../../state/path/workout';
import { practiceStreaks } from '../../training/practice-streaks';

/** The end of a workout: what was done, the workout streak, and back to the Train page. */
export function WorkoutDone({
  workout,
  days,
  today,
}: {
  workout: ActiveWorkout;
  days: readonly number[];
  today: number;
}) {
  const streak = practiceStreaks(days, today);
  const scored = workout.scores.filter((s): s is number => s !== null);
  const mean = scored.length > 0 ? Math.round(scored.reduce((a, b) => a + b, 0) / scored.length) : null;
  return (
    <section class="panel workout-done" aria-labelledby="workout-done-title" role="status">
      <h2 id="workout-done-title">Workout done</h2>
      <p>
        {workout.plan.items.length} item{workout.plan.items.length === 1 ? '' : 's'}
        {mean !== null ? `, ${mean}% on average` : ''}.{' '}
        {streak.current > 1
          ? `${streak.current} days in a row with a workout.`
          : 'Your first day of a new streak: come back tomorrow to keep it going.'}
      </p>
      <button type="button" class="btn" onClick={() => leaveWorkout()}>
        Close
      </button>
    </section>
  );
}
