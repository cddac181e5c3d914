/** /classroom: who is practising, their received assignments, and a way to open a new one. */
import { useEffect } from 'preact/hooks';
import { loadStudentAssignments, studentAssignments } from '../../state/classroom/classroom';
import { activeProfileId } from '../../state/shared/storage';
import { OpenAssignmentForm } from './open-form';
import { ProfilesPanel } from './profiles-panel';
import { formatDay, isOverdue } from './transfer';

/** The active profile's assignments as cards linking to their working view. */
function MyAssignments() {
  const profileId = activeProfileId.value;
  useEffect(() => {
    void loadStudentAssignments().catch(() => undefined);
  }, [profileId]);
  const list = studentAssignments.value;
  return (
    <section class="panel" aria-labelledby="mine-h">
      <h2 id="mine-h">Assignments</h2>
      {list.length === 0 ? (
        <p class="muted">
          None yet. When your teacher sends you a link or a file, open it and it appears here.
        </p>
      ) : (
        <ul class="plain-list cr-cards">
          {list.map(({ assignment: a, grade, handedInAt }) => (
            <li key={a.id} class="cr-card">
              <a class="cr-card-link" href={`/classroom/work/${encodeURIComponent(a.id)}`}>
                {a.title}
              </a>
              <span class="cr-meter" aria-hidden="true">
                <span style={{ width: `${(100 * grade.answered) / grade.questions}%` }} />
              </span>
              <span class="muted">
                {grade.answered}/{grade.questions} answered · score {grade.score} (pass mark {a.passMark})
                {a.due && (
                  <span class={isOverdue(a.due) && handedInAt === undefined ? 'cr-overdue' : undefined}>
                    {' '}
                    · due {formatDay(a.due)}
                  </span>
                )}
                {handedInAt !== undefined && ' · handed in'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The student side's home. */
export function StudentHome() {
  return (
    <>
      <ProfilesPanel />
      <MyAssignments />
      <OpenAssignmentForm />
    </>
  );
}
