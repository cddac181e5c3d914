import { useEffect, useState } from 'preact/hooks';
import type { CourseWeek } from '../../lessons/course.pure';
import { exerciseTitle, levelName } from '../../state/classroom/classroom-teacher';
import { assignWeek, course, courseProblem, loadCourse, type WithHtml } from '../../state/course/course';
import { findLesson } from '../../state/shared/lessons';
import { navigate } from '../../state/shared/router';
import './course.css';

function PrintButton({ label = 'Print this page' }: { label?: string }) {
  return (
    <button type="button" class="btn no-print" onClick={() => print()}>
      {label}
    </button>
  );
}

function WeekPlan({ week }: { week: WithHtml<CourseWeek> }) {
  return (
    <div class="course-plan">
      <h3>Goals</h3>
      <ul>
        {week.goals.map((g) => (
          <li key={g}>{g}</li>
        ))}
      </ul>
      <h3>Lessons</h3>
      <ul>
        {week.lessons.map((id) => {
          const l = findLesson(id);
          return (
            <li key={id}>
              <a href={`/learn/${id}`}>{l?.title ?? id}</a>
              {l && <span class="muted"> · {l.minutes} min</span>}
            </li>
          );
        })}
      </ul>
      <h3>Drills</h3>
      <ul>
        {week.drills.map((d) => (
          <li key={`${d.kind}@${d.level}`}>
            <a href={`/train?kind=${d.kind}&level=${d.level}&count=${d.count}`}>
              {exerciseTitle(d.kind)}, level {d.level} ({levelName(d.kind, d.level)})
            </a>
            <span class="muted"> · {d.count} questions</span>
          </li>
        ))}
        {week.mix && (
          <li>
            Graded mix:{' '}
            <a href={`/train?kind=${week.mix.kind}&level=${week.mix.level}&count=1`}>
              {exerciseTitle(week.mix.kind)}, level {week.mix.level} (
              {levelName(week.mix.kind, week.mix.level)})
            </a>{' '}
            <span class="muted">· marked with the rubric</span>
          </li>
        )}
      </ul>
    </div>
  );
}

/** One week: its plan, the teacher notes, print and assign. */
function WeekPage({ week }: { week: WithHtml<CourseWeek> }) {
  const [status, setStatus] = useState<string | null>(null);
  const assign = async () => {
    setStatus('Making the assignment…');
    const r = await assignWeek(week);
    if (r.ok) navigate('/classroom/teach');
    else setStatus(`Not assigned: ${r.error}`);
  };
  return (
    <article class="panel course-week" aria-labelledby={`week-${week.week}-title`}>
      <p class="muted no-print">
        <a href="/classroom/course">All weeks</a>
      </p>
      <h2 id={`week-${week.week}-title`}>
        Week {week.week}: {week.title}
      </h2>
      <div class="row no-print">
        <button type="button" class="btn btn-primary course-assign" onClick={() => void assign()}>
          Assign this week
        </button>
        <PrintButton label="Print the handout" />
      </div>
      {status && (
        <p role="status" class="course-status">
          {status}
        </p>
      )}
      <WeekPlan week={week} />
      <div class="course-body" dangerouslySetInnerHTML={{ __html: week.html }} />
    </article>
  );
}

/**
 * Classroom → Course: the ten weeks, the rubric and the glossary (from lessons/course/), each printable
 * as a handout; a week becomes an assignment with one click.
 */
export function CourseView({ page }: { page?: string | undefined }) {
  useEffect(() => void loadCourse(), []);
  const c = course.value;
  if (courseProblem.value)
    return (
      <p class="panel" role="alert">
        {courseProblem.value}
      </p>
    );
  if (!c) return <p class="loading">Loading the course…</p>;
  const weekNumber = page?.startsWith('week-') ? Number(page.slice(5)) : null;
  const week = weekNumber === null ? undefined : c.weeks.find((w) => w.week === weekNumber);
  if (week) return <WeekPage week={week} />;
  const other = page ? c.pages.find((p) => p.id === page) : undefined;
  if (other)
    return (
      <article class="panel course-week">
        <p class="muted no-print">
          <a href="/classroom/course">All weeks</a>
        </p>
        <h2>{other.title}</h2>
        <div class="row no-print">
          <PrintButton />
        </div>
        <div class="course-body" dangerouslySetInnerHTML={{ __html: other.html }} />
      </article>
    );
  if (page === 'all')
    return (
      <div class="course-all">
        <div class="row no-print">
          <a class="btn" href="/classroom/course">
            All weeks
          </a>
          <PrintButton label="Print the whole course" />
        </div>
        {c.weeks.map((w) => (
          <article key={w.week} class="panel course-week course-print-page">
            <h2>
              Week {w.week}: {w.title}
            </h2>
            <WeekPlan week={w} />
            <div class="course-body" dangerouslySetInnerHTML={{ __html: w.html }} />
          </article>
        ))}
        {c.pages.map((p) => (
          <article key={p.id} class="panel course-week course-print-page">
            <h2>{p.title}</h2>
            <div class="course-body" dangerouslySetInnerHTML={{ __html: p.html }} />
          </article>
        ))}
      </div>
    );
  return (
    <section class="stack course-index" aria-labelledby="course-title">
      <div class="panel">
        <h2 id="course-title">A 10-week course</h2>
        <p>
          A term of Headroom for a class: each week names its lessons, drills and graded mix, with goals and
          notes for you (what to demonstrate, common misconceptions, questions to discuss). Every page prints
          as a handout; <strong>Assign this week</strong> turns a week into an assignment.
        </p>
        {page && <p role="alert">There is no course page “{page}”.</p>}
        {c.problems.length > 0 && (
          <ul role="alert" class="course-problems">
            {c.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div class="row">
          <a class="btn" href="/classroom/course/rubric">
            Rubric for mixes
          </a>
          <a class="btn" href="/classroom/course/glossary">
            Glossary
          </a>
          <a class="btn" href="/classroom/course/all">
            The whole course, to print
          </a>
        </div>
      </div>
      <ol class="course-weeks">
        {c.weeks.map((w) => (
          <li key={w.week} class="panel">
            <a class="course-week-link" href={`/classroom/course/week-${w.week}`}>
              Week {w.week}: {w.title}
            </a>
            <p class="muted">{w.goals.join(' · ')}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
