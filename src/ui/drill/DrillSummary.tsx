import { useEffect, useRef } from 'preact/hooks';
import { formatDb } from '../../dsp/db';
import { exercises } from '../../exercises/registry';
import type { DrillSession } from '../../state/drill/drill';
import { closeDrill, startDrill } from '../../state/drill/drill';
import { refreshPath } from '../../state/path/path';
import { registryKinds } from '../../state/path/path-kinds';
import { activeWorkout, nextWorkoutItem } from '../../state/path/workout';
import { lessons } from '../../state/shared/lessons';
import { type AfterDrillStep, afterDrillSteps } from '../../training/after-drill';
import { playsFocusBand } from '../../training/hearing';
import { lessonPath, teachingLesson } from '../../training/lesson-path';
import '../path/path.css';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The suggested next steps of a finished drill (none for assignments). */
function nextSteps(session: DrillSession): AfterDrillStep[] {
  if (session.assignmentId) return [];
  const meta = exercises[session.kind].meta;
  const lesson = teachingLesson(lessonPath(lessons), registryKinds(), session.kind, session.level);
  return afterDrillSteps({
    kind: session.kind,
    level: session.level,
    adaptive: session.adaptive,
    levelNames: meta.levels.map((l) => l.name),
    answers: session.answers.value.map((a) => ({
      score: a.result.score,
      question: a.question,
      answer: a.answer,
    })),
    lesson: lesson ? { id: lesson.id, title: lesson.title } : null,
  });
}

/** One click per next step: a drill at another level or on the missed band, or the lesson. */
function NextSteps({ session, steps }: { session: DrillSession; steps: readonly AfterDrillStep[] }) {
  if (steps.length === 0) return null;
  const run = (step: AfterDrillStep) => {
    if (step.type === 'lesson') return;
    // A workout in progress waits on the Train page ("Your workout is waiting") while this drill runs.
    const focus = step.type === 'band' ? step.focusHz : undefined;
    startDrill({
      kind: session.kind,
      level: step.level,
      count: session.adaptive ? 10 : session.count,
      ...(focus === undefined ? {} : { accept: (q) => playsFocusBand(q, focus) }),
    });
  };
  return (
    <section class="workout-next-step" aria-labelledby="next-step-title">
      <h3 id="next-step-title">Next step</h3>
      <div class="next-steps">
        {steps.map((step) =>
          step.type === 'lesson' ? (
            <a key={step.type} class="btn" href={`/learn/${step.lessonId}`} onClick={() => closeDrill()}>
              {step.label}
            </a>
          ) : (
            <button key={step.type} type="button" class="btn" onClick={() => run(step)}>
              {step.label}
            </button>
          ),
        )}
      </div>
    </section>
  );
}

/** The end of a drill: mean score, every question's score and time, and the threshold in adaptive drills. */
export function DrillSummary({ session }: { session: DrillSession }) {
  const s = session.summary.value;
  const answers = session.answers.value;
  const heading = useRef<HTMLHeadingElement>(null);
  // The last question left the page scrolled down (on a phone, past the result): start at the top, on the result.
  useEffect(() => {
    scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
    void refreshPath();
  }, []);
  const workout = activeWorkout.value;
  const inWorkout = workout?.session === session;
  const nextItem = inWorkout && workout ? workout.plan.items[workout.index + 1] : undefined;
  const steps = nextSteps(session);
  return (
    <section class="panel drill-summary" aria-labelledby="summary-title">
      <h2 id="summary-title" ref={heading} tabIndex={-1}>
        Done: {s ? `${s.mean}% average` : 'no answers'}
      </h2>
      {s && (
        <p class="lede">
          {s.correct} of {answers.length} right · {seconds(s.totalTimeMs)} in all
        </p>
      )}
      {s?.thresholdWords && <p class="threshold">{s.thresholdWords}</p>}
      {session.saveFailed.value && (
        <p class="error-text" role="alert">
          Some answers could not be saved on this device.
        </p>
      )}
      <table class="table summary-table">
        <caption class="vh">Every question</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Score</th>
            {session.adaptive && <th scope="col">{session.kind === 'pan-position' ? 'Spacing' : 'Size'}</th>}
            <th scope="col">Time</th>
            <th scope="col">Feedback</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((a) => (
            <tr key={a.index}>
              <td>{a.index + 1}</td>
              <td>{a.result.score}</td>
              {session.adaptive && (
                <td>
                  {a.value === undefined
                    ? ''
                    : session.kind === 'pan-position'
                      ? `${a.value} %`
                      : formatDb(a.value)}
                </td>
              )}
              <td>{seconds(a.timeMs)}</td>
              <td>{a.result.feedback}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {inWorkout && (
        <div class="row">
          <button
            type="button"
            class="btn btn-primary workout-next"
            onClick={() => void nextWorkoutItem(s ? s.mean : null)}
          >
            {nextItem
              ? `Next in your workout: ${nextItem.type === 'review' ? `quiz on ${nextItem.lessonTitle}` : nextItem.title}`
              : 'Finish the workout'}
          </button>
        </div>
      )}
      <NextSteps session={session} steps={steps} />
      <div class="row">
        {!session.assignmentId && (
          <button
            type="button"
            class={inWorkout ? 'btn' : 'btn btn-primary'}
            onClick={() =>
              startDrill(
                session.adaptive
                  ? { kind: session.kind, adaptive: true, count: session.count }
                  : { kind: session.kind, level: session.level, count: session.count },
              )
            }
          >
            Again
          </button>
        )}
        <button type="button" class="btn" onClick={() => closeDrill()}>
          {session.assignmentId ? 'Back to the classroom' : 'Choose another drill'}
        </button>
      </div>
    </section>
  );
}
