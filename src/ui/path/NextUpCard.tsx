import type { NextStep } from '../../training/next-up';

/** Props: the next step, and what the workout button does (Train starts it; Learn links to Train). */
export interface NextUpCardProps {
  step: NextStep;
  /** Where "Start today's workout" goes when `onWorkout` is absent. */
  workoutHref?: string;
  onWorkout?: () => void;
  /** Extra content under the workout line (the Train page shows the plan). */
  children?: preact.ComponentChildren;
}

/** "Start here" for a new learner, "Next up" after: one thing to do now, one click. */
export function NextUpCard({
  step,
  workoutHref = '/train?workout=today',
  onWorkout,
  children,
}: NextUpCardProps) {
  if (step.type === 'lesson') {
    const heading = step.mode === 'start' ? 'Start here' : 'Next up';
    const verb = step.mode === 'continue' ? 'Carry on' : step.mode === 'start' ? 'Start' : 'Next lesson';
    return (
      <section class="panel next-up" aria-labelledby="next-up-title">
        <h2 id="next-up-title">{heading}</h2>
        <p class="next-up-what">
          <strong>{step.lessonTitle}</strong>
        </p>
        <p class="muted">{step.reason}</p>
        <a class="btn btn-primary next-up-go" href={`/learn/${step.lessonId}`}>
          {verb}: {step.lessonTitle}
        </a>
        {children}
      </section>
    );
  }
  return (
    <section class="panel next-up" aria-labelledby="next-up-title">
      <h2 id="next-up-title">{step.doneToday ? 'Today’s workout is done' : 'Next up: today’s workout'}</h2>
      <p class="muted">{step.reason}</p>
      {children}
      <div class="row next-up-actions">
        {onWorkout ? (
          <button
            type="button"
            class={`btn ${step.doneToday ? '' : 'btn-primary'} next-up-go`}
            onClick={onWorkout}
          >
            {step.doneToday ? 'Do an extra workout' : 'Start today’s workout'}
          </button>
        ) : (
          <a class={`btn ${step.doneToday ? '' : 'btn-primary'} next-up-go`} href={workoutHref}>
            {step.doneToday ? 'See an extra workout' : 'Today’s workout'}
          </a>
        )}
        {step.nextLesson && (
          <a class="btn" href={`/learn/${step.nextLesson.id}`}>
            Next lesson: {step.nextLesson.title}
          </a>
        )}
      </div>
    </section>
  );
}
