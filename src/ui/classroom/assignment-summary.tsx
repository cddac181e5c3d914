/** An assignment shown to a person: title, instructions (as text, never HTML), items, pass mark, due date. */
import type { Assignment } from '../../state/classroom/classroom';
import { exerciseTitle, levelName } from '../../state/classroom/classroom-teacher';
import { findLesson } from '../../state/shared/lessons';
import { formatDay, isOverdue } from './transfer';

/** The facts line: questions, pass mark, due date. */
export function AssignmentFacts({ assignment }: { assignment: Assignment }) {
  const questions = assignment.items.reduce((n, i) => n + i.seeds.length, 0);
  return (
    <p class="cr-facts">
      <span>
        {assignment.items.length} {assignment.items.length === 1 ? 'item' : 'items'}, {questions} questions
      </span>
      <span>Pass mark {assignment.passMark}</span>
      {assignment.due && (
        <span class={isOverdue(assignment.due) ? 'cr-overdue' : undefined}>
          Due {formatDay(assignment.due)}
        </span>
      )}
    </p>
  );
}

/** Lessons the teacher asks for first, linked to the lesson map. */
export function LessonsFirst({ ids }: { ids: readonly string[] | undefined }) {
  if (!ids?.length) return null;
  return (
    <p>
      <strong>Do these lessons first:</strong>{' '}
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <a href={`/learn/${id}`}>{findLesson(id)?.title ?? id}</a>
        </span>
      ))}
    </p>
  );
}

/** The whole assignment, read-only. `headingLevel` keeps the outline right where it is embedded. */
export function AssignmentSummary({
  assignment,
  heading = 'h2',
}: {
  assignment: Assignment;
  heading?: 'h2' | 'h3';
}) {
  const H = heading;
  return (
    <div class="cr-summary">
      <H class="cr-title">{assignment.title}</H>
      <AssignmentFacts assignment={assignment} />
      {assignment.instructions && <p class="cr-instructions">{assignment.instructions}</p>}
      <LessonsFirst ids={assignment.lessons} />
      <ol class="cr-items">
        {assignment.items.map((item, i) => (
          <li key={i}>
            {exerciseTitle(item.exercise)}{' '}
            <span class="muted">
              · {levelName(item.exercise, item.level)} (level {item.level}) · {item.seeds.length} questions
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
