import { useEffect } from 'preact/hooks';
import { drill, installDrillRunner } from '../../state/drill/drill';
import { activeWorkout, nextWorkoutItem } from '../../state/path/workout';
import { DrillView } from '../drill/DrillView';
import { KindPicker, UnfinishedDrills } from '../drill/KindPicker';
import { TrainLessonNote } from '../lessons/train-lesson-note';
import { TrainPath } from '../path/TrainPath';
import { WorkoutReview } from '../path/WorkoutReview';
import '../mixer/mixer.css';
import '../mixer/mixer-console.css';
import '../mixer/mixer-panels.css';
import '../drill/drill.css';

/** Train: pick a kind and a level (or Adaptive), then drill; the drill view replaces the list while it runs. */
export default function TrainPage() {
  useEffect(() => installDrillRunner(), []);
  const session = drill.value;
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  const workout = activeWorkout.value;
  const item = workout ? workout.plan.items[workout.index] : undefined;
  if (session)
    return (
      <>
        <TrainLessonNote params={params} />
        <DrillView session={session} />
      </>
    );
  if (workout && item?.type === 'review')
    return (
      <WorkoutReview
        key={workout.index}
        item={item}
        label={`Workout ${workout.index + 1} of ${workout.plan.items.length}`}
        onDone={(score) => void nextWorkoutItem(score)}
      />
    );
  // A link that names a drill (from a lesson, a suggestion) opens on that drill, not on the path.
  const named = params.has('kind');
  return (
    <section class="stack">
      <TrainLessonNote params={params} />
      <header class="page-head">
        <h1>Train</h1>
        <p class="lede">
          Short, scored drills. Every question is generated from a seed, so a teacher can give a whole class
          the same one.
        </p>
      </header>
      <UnfinishedDrills />
      {!named && <TrainPath />}
      {!named && <h2 class="every-drill">Every drill</h2>}
      <KindPicker
        preselect={{ kind: params.get('kind'), level: params.get('level'), count: params.get('count') }}
      />
    </section>
  );
}
