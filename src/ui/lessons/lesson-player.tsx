import { useEffect, useRef, useState } from 'preact/hooks';
import { meetsPassMarks, type QuizHistory, quizPassWords } from '../../lessons/progress.pure';
import type { GradedBlock, Lesson, LessonSummary } from '../../lessons/schema';
import {
  findLesson,
  lessonStatesLoaded,
  lessons,
  openLesson,
  progressOf,
  recordBlockScore,
  recordQuizAttempt,
  restartLesson,
  saveLessonStep,
} from '../../state/shared/lessons';
import { StepView } from './step-view';

function useLesson(id: string): Lesson | null | 'loading' | 'failed' {
  const [lesson, setLesson] = useState<Lesson | null | 'loading' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    setLesson('loading');
    openLesson(id)
      .then((l) => live && setLesson(l))
      .catch(() => live && setLesson('failed'));
    return () => {
      live = false;
    };
  }, [id]);
  return lesson;
}

/** The next lesson in the same track, else the first of the other track not yet passed. */
function nextLesson(current: LessonSummary): LessonSummary | undefined {
  const same = lessons.filter((l) => l.track === current.track && l.order > current.order);
  return same[0] ?? lessons.find((l) => l.track !== current.track && l.order === 1);
}

function Checklist({
  lesson,
  scores,
  quizzes,
}: {
  lesson: Lesson;
  scores: Readonly<Record<string, number>>;
  quizzes: Readonly<Record<string, QuizHistory>> | undefined;
}) {
  const graded = lesson.steps.flatMap((s, i) =>
    s.blocks
      .filter((b): b is GradedBlock => b.type === 'quiz' || b.type === 'exercise')
      .map((b) => ({ b, step: i })),
  );
  const complete = meetsPassMarks(lesson.passMarks, scores);
  const next = nextLesson(lesson);
  return (
    <section
      class={`lesson-finish panel${complete ? ' is-complete' : ''}`}
      aria-labelledby="lesson-finish-title"
    >
      <h2 id="lesson-finish-title">{complete ? 'Lesson complete' : 'To complete this lesson'}</h2>
      <ul class="plain-list finish-list">
        {graded.map(({ b, step }) => {
          const best = scores[b.id];
          const ok = best !== undefined && best >= b.pass;
          const name = b.type === 'quiz' ? 'Quiz' : `Drill: ${b.kindTitle ?? b.kind}`;
          // Whether a quiz was passed before or after its answers were shown.
          const how = b.type === 'quiz' ? quizPassWords(quizzes?.[b.id]) : '';
          return (
            <li key={b.id} class={`finish-item${ok ? ' is-pass' : ''}`}>
              <span aria-hidden="true">{ok ? '✓' : '○'}</span> {name} in “{lesson.stepTitles[step]}”: pass
              mark {b.pass}%{best !== undefined ? `, best ${best}%` : ', not tried yet'}
              {how && ` (${how.charAt(0).toLowerCase()}${how.slice(1)})`}
            </li>
          );
        })}
      </ul>
      <p class="row">
        {next && (
          <a class={`btn${complete ? ' btn-primary' : ''}`} href={`/learn/${next.id}`}>
            Next lesson: {next.title}
          </a>
        )}
        <a class="btn btn-ghost" href="/learn">
          All lessons
        </a>
      </p>
    </section>
  );
}

/** Steps as numbered buttons: where you are, and a way to jump (nothing is locked). */
function StepDots({ lesson, step, onGo }: { lesson: Lesson; step: number; onGo: (i: number) => void }) {
  return (
    <ol class="step-dots" aria-label="Steps">
      {lesson.stepTitles.map((title, i) => (
        <li key={title + i}>
          <button
            type="button"
            class={`step-dot${i < step ? ' is-before' : ''}`}
            aria-current={i === step ? 'step' : undefined}
            aria-label={`Step ${i + 1}: ${title}`}
            title={title}
            onClick={() => onGo(i)}
          />
        </li>
      ))}
    </ol>
  );
}

/** The lesson player at /learn/<id>: one step at a time, progress saved per profile, resumes where left. */
export function LessonPlayer({ id }: { id: string }) {
  const summary = findLesson(id);
  const lesson = useLesson(id);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const progress = summary ? progressOf(summary) : null;
  const step = progress?.step ?? 0;

  useEffect(() => {
    if (!moved.current) return;
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: 'start' });
  }, [step]);

  if (!summary || lesson === null)
    return (
      <section class="stack">
        <h1>Lesson not found</h1>
        <p>
          There is no lesson called “{id}”. <a href="/learn">See all lessons</a>.
        </p>
      </section>
    );
  if (lesson === 'failed')
    return (
      <p role="alert" class="panel">
        This lesson could not load. Check that Headroom finished installing, then reload.
      </p>
    );
  if (lesson === 'loading' || !lessonStatesLoaded.value || !progress)
    return (
      <p class="loading" aria-busy="true">
        Loading the lesson…
      </p>
    );

  const current = lesson.steps[step] ?? lesson.steps[0];
  if (!current) return null;
  const last = step >= lesson.steps.length - 1;
  const go = (i: number) => {
    moved.current = true;
    void saveLessonStep(summary, i);
  };

  return (
    <article class="lesson" aria-labelledby="lesson-title">
      <header class="lesson-head">
        <p class="lesson-crumbs">
          <a href="/learn">Lessons</a> <span aria-hidden="true">›</span>{' '}
          <span class={`track-tag is-${lesson.track}`}>
            {lesson.track === 'production' ? 'Production' : 'Mixing'}
          </span>
        </p>
        <h1 id="lesson-title">{lesson.title}</h1>
        <p class="muted lesson-meta">
          {lesson.minutes} min{progress.completed && <span class="status-pill is-completed">Completed</span>}
        </p>
        <div class="lesson-progress">
          <p class="step-count" aria-live="polite">
            Step {step + 1} of {lesson.steps.length}
          </p>
          <StepDots lesson={lesson} step={step} onGo={go} />
        </div>
      </header>
      {step === 0 && (
        <section class="objectives" aria-label="What you will learn">
          <p class="objectives-title">In this lesson you will</p>
          <ul>
            {lesson.objectives.map((o) => (
              <li key={o}>{o}</li>
            ))}
          </ul>
        </section>
      )}
      <h2 class="step-title" ref={heading} tabIndex={-1}>
        {current.title}
      </h2>
      <StepView
        lesson={lesson}
        step={current}
        scores={progress.scores}
        onScore={(blockId, score) => void recordBlockScore(summary, blockId, score)}
        quizzes={progress.quizzes}
        onQuizAttempt={(blockId, attempt) => void recordQuizAttempt(summary, blockId, attempt)}
      />
      {last && <Checklist lesson={lesson} scores={progress.scores} quizzes={progress.quizzes} />}
      <nav class="step-nav" aria-label="Lesson steps">
        <button type="button" class="btn" onClick={() => go(step - 1)} disabled={step === 0}>
          ← Back
        </button>
        {!last ? (
          <button type="button" class="btn btn-primary" onClick={() => go(step + 1)}>
            Next →
          </button>
        ) : (
          <a class="btn" href="/learn">
            All lessons
          </a>
        )}
      </nav>
      {(progress.step > 0 || Object.keys(progress.scores).length > 0) && (
        <p class="restart">
          <button
            type="button"
            class="btn btn-ghost"
            onClick={() => {
              moved.current = true;
              void restartLesson(summary);
            }}
          >
            Start this lesson over
          </button>
        </p>
      )}
    </article>
  );
}
