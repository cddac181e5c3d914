/** Under "What the class gets wrong": each student's assigned lessons and own thresholds, as their device recorded them. */
import { useMemo } from 'preact/hooks';
import { classRecords, thresholdText } from '../../classroom/class-records';
import type { GradebookEntry, GradebookTable } from '../../classroom/gradebook';
import type { ReportLesson } from '../../classroom/report-types';
import { exerciseTitle } from '../../state/classroom/classroom-teacher';
import { lessons } from '../../state/shared/lessons';

const QUIZ_WORDS: Record<ReportLesson['quiz'], string> = {
  'first-try': 'quiz passed on the first try',
  'after-retry': 'quiz passed after seeing the answers',
  'not-passed': 'quiz not passed yet',
  'not-tried': 'quiz not tried',
  'no-quiz': 'no quiz',
};

const lessonTitle = (id: string) => lessons.find((l) => l.id === id)?.title ?? id;

/** One student's lessons in words: "Done, quiz passed on the first try". */
function lessonCell(l: ReportLesson | undefined): string {
  if (!l) return '—';
  return `${l.done ? 'Done' : 'Not done'}, ${QUIZ_WORDS[l.quiz]}`;
}

/** The lessons and thresholds table; nothing when no counted report carries either. */
export function ClassRecordsView({
  table,
  entries,
}: {
  table: GradebookTable;
  entries: readonly GradebookEntry[];
}) {
  const r = useMemo(() => classRecords(table, entries), [table, entries]);
  if (r.lessonIds.length === 0 && r.kinds.length === 0) return null;
  const headId = `records-${table.assignmentId}`;
  return (
    <div class="stack class-records">
      <h4 id={headId}>Lessons and thresholds</h4>
      <p class="muted">
        As each student’s device recorded them: lessons from their lesson progress, thresholds (with the range
        that likely holds them) from their own practice drills on this assignment’s kinds. Unlike the scores
        above, these cannot be marked again here.
      </p>
      <div class="cr-scroll">
        <table class="table class-records-table" aria-labelledby={headId}>
          <thead>
            <tr>
              <th scope="col">Student</th>
              {r.lessonIds.map((id) => (
                <th scope="col" key={`l-${id}`}>
                  {lessonTitle(id)}
                </th>
              ))}
              {r.kinds.map((k) => (
                <th scope="col" key={`k-${k}`}>
                  {exerciseTitle(k)}: threshold
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.student}>
                <th scope="row">{row.student}</th>
                {r.lessonIds.map((id) => (
                  <td key={`l-${id}`}>
                    {row.lessons ? lessonCell(row.lessons.find((l) => l.id === id)) : 'Not in this report'}
                  </td>
                ))}
                {r.kinds.map((k) => {
                  const t = row.thresholds[k];
                  return <td key={`k-${k}`}>{t ? thresholdText(t) : 'Not measured'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
