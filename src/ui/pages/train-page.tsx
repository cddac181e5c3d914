import { useEffect } from 'preact/hooks';
import { drill, installDrillRunner } from '../../state/drill';
import { DrillView } from '../drill/DrillView';
import { KindPicker } from '../drill/KindPicker';
import { TrainLessonNote } from '../lessons/train-lesson-note';
import '../mixer/mixer.css';
import '../mixer/mixer-console.css';
import '../mixer/mixer-panels.css';
import '../drill/drill.css';

/** Train: pick a kind and a level (or Adaptive), then drill; the drill view replaces the list while it runs. */
export default function TrainPage() {
  useEffect(() => installDrillRunner(), []);
  const session = drill.value;
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  if (session)
    return (
      <>
        <TrainLessonNote params={params} />
        <DrillView session={session} />
      </>
    );
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
      <KindPicker
        preselect={{ kind: params.get('kind'), level: params.get('level'), count: params.get('count') }}
      />
    </section>
  );
}
