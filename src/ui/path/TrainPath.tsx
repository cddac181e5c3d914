import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  hearingChecked,
  nextUp,
  pathAttempts,
  pathProblem,
  today,
  unheardBands,
  watchPath,
  workoutDays,
} from '../../state/path/path';
import { registryKinds } from '../../state/path/path-kinds';
import { pathSkillMap, planToday } from '../../state/path/path-plans';
import {
  activeWorkout,
  leaveWorkout,
  restoreWorkout,
  resumeWorkout,
  startWorkout,
} from '../../state/path/workout';
import { settings } from '../../state/shared/storage';
import { practiceStreaks } from '../../training/practice-streaks';
import { HearingCheck } from './HearingCheck';
import { NextUpCard } from './NextUpCard';
import { SkillLadder } from './SkillLadder';
import { WorkoutDone } from './WorkoutDone';
import { WorkoutPlanList } from './WorkoutPlanList';
import './path.css';

/**
 * The top of the Train page: the hearing check before the first sound, then Start here / Next up with
 * today's workout (one button), the workout streak, and the skill map.
 */
export function TrainPath() {
  useEffect(() => watchPath(), []);
  // After a reload, today's unfinished workout comes back once the stored settings are read.
  const savedWorkouts = settings.value.workoutInProgress;
  useEffect(() => restoreWorkout(), [savedWorkouts]);
  const [recheck, setRecheck] = useState(false);
  // A "Today's workout" link (from Learn or Progress) opens the workout plan.
  const askedForWorkout =
    typeof location !== 'undefined' && new URLSearchParams(location.search).get('workout') === 'today';
  const kinds = useMemo(registryKinds, []);
  const attempts = pathAttempts.value;
  const unheard = unheardBands.value;
  // Both read the answers, lesson states and unheard bands (signals), so they follow every change.
  const plan = planToday(kinds);
  const map = pathSkillMap(kinds);
  const step = nextUp.value;
  const streak = practiceStreaks(workoutDays.value, today());
  const finished = activeWorkout.value && activeWorkout.value.index >= activeWorkout.value.plan.items.length;
  if (!hearingChecked.value || recheck) return <HearingCheck onDone={() => setRecheck(false)} />;
  if (!attempts || !step) return <p class="loading">Loading…</p>;
  return (
    <div class="stack train-path">
      {pathProblem.value && (
        <p class="panel" role="alert">
          {pathProblem.value}
        </p>
      )}
      {finished && activeWorkout.value && (
        <WorkoutDone workout={activeWorkout.value} days={workoutDays.value} today={today()} />
      )}
      {activeWorkout.value && !finished && (
        <section class="panel next-up" aria-labelledby="workout-paused-title">
          <h2 id="workout-paused-title">Your workout is waiting</h2>
          <WorkoutPlanList plan={activeWorkout.value.plan} current={activeWorkout.value.index} />
          <div class="row next-up-actions">
            <button type="button" class="btn btn-primary" onClick={() => resumeWorkout()}>
              Carry on with item {activeWorkout.value.index + 1}
            </button>
            <button type="button" class="btn" onClick={() => leaveWorkout()}>
              Leave the workout
            </button>
          </div>
        </section>
      )}
      <NextUpCard step={step} onWorkout={() => startWorkout(plan)}>
        {step.type === 'workout' && <WorkoutPlanList plan={plan} />}
        {streak.current > 0 && (
          <p class="workout-streak">
            Workout streak: <strong>{streak.current}</strong> day{streak.current === 1 ? '' : 's'} in a row
            {streak.practisedToday ? ' (today’s is done)' : ' (keep it going today)'}.
          </p>
        )}
      </NextUpCard>
      {step.type === 'lesson' && (
        <details class="panel workout-offer" open={askedForWorkout}>
          <summary>Or start with today’s workout (about {plan.minutes} min)</summary>
          <WorkoutPlanList plan={plan} />
          <button type="button" class="btn btn-primary workout-start" onClick={() => startWorkout(plan)}>
            Start today’s workout
          </button>
        </details>
      )}
      <SkillLadder map={map} />
      <p class="muted hearing-again">
        <button type="button" class="btn btn-ghost" onClick={() => setRecheck(true)}>
          Check my sound again
        </button>
        {unheard.length > 0 && (
          <>
            {' '}
            Left out of your drills:{' '}
            {unheard.map((hz) => (hz >= 1000 ? `${hz / 1000} kHz` : `${hz} Hz`)).join(' and ')}.
          </>
        )}
      </p>
    </div>
  );
}
