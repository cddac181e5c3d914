import { lessonToContinue } from '../../lessons/progress.pure';
import type { LessonSummary, LessonTrack } from '../../lessons/schema';
import { findLesson, lessonStates, lessons, statusOf } from '../../state/shared/lessons';

const TRACKS: { id: LessonTrack; title: string; blurb: string }[] = [
  {
    id: 'production',
    title: 'Production',
    blurb: 'Making the music: writing, arranging, sounds, recording.',
  },
  {
    id: 'mixing',
    title: 'Mixing',
    blurb: 'Balancing the parts, from the first fader to the handoff to mastering.',
  },
];

const STATUS_TEXT = {
  completed: 'Completed',
  started: 'In progress',
  ready: 'Ready',
  'suggested-later': 'Suggested later',
} as const;

function blocksLine(l: LessonSummary): string {
  const parts = [`${l.minutes} min`, `${l.stepTitles.length} steps`];
  if (l.blockCounts.exercise)
    parts.push(l.blockCounts.exercise === 1 ? 'drill' : `${l.blockCounts.exercise} drills`);
  if (l.blockCounts.quiz) parts.push('quiz');
  return parts.join(' · ');
}

function Card({ lesson }: { lesson: LessonSummary }) {
  const status = statusOf(lesson);
  const state = lessonStates.value[lesson.id];
  return (
    <li class={`map-card is-${status}`}>
      <a class="map-link" href={`/learn/${lesson.id}`}>
        <span class="map-order" aria-hidden="true">
          {status === 'completed' ? '✓' : lesson.order}
        </span>
        <span class="map-title">{lesson.title}</span>
      </a>
      <p class="map-meta">{blocksLine(lesson)}</p>
      <p class="map-status">
        <span class={`status-pill is-${status}`}>{STATUS_TEXT[status]}</span>
        {status === 'started' && state && (
          <span class="muted">
            {' '}
            step {state.step + 1} of {lesson.stepTitles.length}
          </span>
        )}
      </p>
      {lesson.prerequisites.length > 0 && (
        <p class="map-prereqs">
          <span class="muted">Builds on </span>
          {lesson.prerequisites.map((id, i) => {
            const pre = findLesson(id);
            const done = lessonStates.value[id]?.completed === true;
            return (
              <span key={id}>
                {i > 0 && ', '}
                <a href={`/learn/${id}`} class={done ? 'prereq is-done' : 'prereq'}>
                  {pre?.title ?? id}
                  {done && <span class="visually-hidden"> (completed)</span>}
                </a>
                {done && (
                  <span aria-hidden="true" class="prereq-check">
                    {' '}
                    ✓
                  </span>
                )}
              </span>
            );
          })}
        </p>
      )}
    </li>
  );
}

/** The lesson map: both tracks side by side, each lesson with its status and what it builds on. */
export function LessonMap() {
  const done = lessons.filter((l) => lessonStates.value[l.id]?.completed).length;
  const resume = lessonToContinue(Object.values(lessonStates.value));
  const resumeLesson = resume && findLesson(resume.lessonId);
  return (
    <section class="lesson-map" aria-labelledby="lesson-map-title">
      <div class="map-head">
        <h2 id="lesson-map-title">Lessons</h2>
        <p class="muted">
          {done} of {lessons.length} completed. Every lesson is open: “Builds on” is advice, not a lock.
        </p>
        {resume && resumeLesson && (
          <p class="map-continue">
            <a class="btn btn-primary" href={`/learn/${resumeLesson.id}`}>
              Continue: {resumeLesson.title} (step {resume.step + 1} of {resumeLesson.stepTitles.length})
            </a>
          </p>
        )}
      </div>
      <div class="map-tracks">
        {TRACKS.map((t) => (
          <section key={t.id} class={`map-track track-${t.id}`} aria-labelledby={`track-${t.id}`}>
            <h3 id={`track-${t.id}`}>{t.title}</h3>
            <p class="muted">{t.blurb}</p>
            <ol class="map-list">
              {lessons
                .filter((l) => l.track === t.id)
                .map((l) => (
                  <Card key={l.id} lesson={l} />
                ))}
            </ol>
          </section>
        ))}
      </div>
    </section>
  );
}
