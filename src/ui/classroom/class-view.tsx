/** Under an assignment's gradebook table: the questions the class got wrong most and the EQ bands it mixes up. */
import { useMemo } from 'preact/hooks';
import { classViews } from '../../classroom/class-views';
import type { GradebookTable } from '../../classroom/gradebook';
import { formatHz } from '../../dsp/bands';
import { exerciseTitle, reportEntries, teacherAssignments } from '../../state/classroom/classroom-teacher';
import { ClassRecordsView } from './class-records';

/** The class views of one table; nothing when no report counts yet. */
export function ClassView({ table }: { table: GradebookTable }) {
  const entries = reportEntries.value;
  const assignment = teacherAssignments.value.find((a) => a.id === table.assignmentId);
  const v = useMemo(() => classViews(table, entries, assignment), [table, entries, assignment]);
  if (v.students === 0) return null;
  const headId = `class-${table.assignmentId}`;
  return (
    <section class="panel stack class-view" aria-labelledby={headId}>
      <h3 id={headId}>What the class gets wrong</h3>
      <p class="muted">
        From the answers in the {v.students} {v.students === 1 ? 'report' : 'reports'} that count, each marked
        again here.
        {v.unmarked > 0 &&
          ` ${v.unmarked} ${v.unmarked === 1 ? 'answer' : 'answers'} could not be marked (made before reports carried answers).`}
      </p>
      {v.hardest.length > 0 ? (
        <ol class="class-hardest">
          {v.hardest.map((q) => (
            <li key={`${q.item}-${q.seed}`}>
              <strong>
                {exerciseTitle(q.exercise)} (level {q.level}), question {q.question}
              </strong>
              : {q.right} of {q.answered} right, average score {q.meanScore}.
            </li>
          ))}
        </ol>
      ) : (
        <p class="muted">
          No question was missed by anyone yet (a question is listed once two students have answered it).
        </p>
      )}
      {v.bands.mixUps.length > 0 && (
        <>
          <h4>EQ bands the class mixes up</h4>
          <ul class="mixups">
            {v.bands.mixUps.map((m) => (
              <li key={`${m.resolution}-${m.playedHz}-${m.answeredHz}`}>
                <strong>{formatHz(m.playedHz)}</strong> heard as <strong>{formatHz(m.answeredHz)}</strong>{' '}
                {m.count} of {m.ofPlayed} times {m.answeredHz > m.playedHz ? '(too high)' : '(too low)'}.
              </li>
            ))}
          </ul>
        </>
      )}
      {v.bands.octave !== null || v.bands.third !== null
        ? v.bands.mixUps.length === 0 && <p class="muted">No EQ band fooled the class twice.</p>
        : null}
      <ClassRecordsView table={table} entries={entries} />
    </section>
  );
}
