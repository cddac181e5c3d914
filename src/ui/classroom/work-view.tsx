/** /classroom/work/<id>: one received assignment for the active profile: items, status, Start, Hand in. */
import { useEffect, useState } from 'preact/hooks';
import type { Assignment } from '../../classroom/assignment';
import {
  assignmentRunnerReady,
  loadStudentAssignments,
  removeStudentAssignment,
  startAssignment,
  studentAssignments,
} from '../../state/classroom/classroom';
import { exerciseTitle, levelName } from '../../state/classroom/classroom-teacher';
import { navigate } from '../../state/shared/router';
import { activeProfileId, profiles } from '../../state/shared/storage';
import { ConfirmDialog } from '../controls/confirm-dialog';
import { AssignmentSongPanel, useAssignmentSong } from './assignment-song-panel';
import { AssignmentFacts, LessonsFirst } from './assignment-summary';
import { HandInPanel } from './hand-in-panel';
import { formatDuration } from './transfer';

/** Stands in for the assignment while none is found (hooks run in the same order every render). */
const NO_ASSIGNMENT = {} as Assignment;

/** The working view of one assignment. */
export function WorkView({ assignmentId }: { assignmentId: string }) {
  const [loaded, setLoaded] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const profileId = activeProfileId.value;
  useEffect(() => {
    setLoaded(false);
    loadStudentAssignments().finally(() => setLoaded(true));
  }, [profileId]);
  const item = studentAssignments.value.find((s) => s.assignment.id === assignmentId);
  const songState = useAssignmentSong(item?.assignment ?? NO_ASSIGNMENT);
  if (!loaded) return <p class="loading">Loading…</p>;
  if (!item)
    return (
      <section class="panel" role="alert">
        <h2>Not stored for {profiles.value.find((p) => p.id === profileId)?.name ?? 'this profile'}</h2>
        <p>
          This assignment belongs to another profile, or it was removed. Switch profile on{' '}
          <a href="/classroom">My assignments</a>, or open your teacher’s link again.
        </p>
      </section>
    );
  const { assignment: a, grade } = item;
  return (
    <div class="stack">
      <section class="panel stack" aria-labelledby="work-h">
        <h2 id="work-h" class="cr-title">
          {a.title}
        </h2>
        <AssignmentFacts assignment={a} />
        {a.instructions && <p class="cr-instructions">{a.instructions}</p>}
        <LessonsFirst ids={a.lessons} />
        <AssignmentSongPanel assignment={a} state={songState} />
        <div class="cr-scroll">
          <table class="table cr-status">
            <caption>
              Progress: {grade.answered} of {grade.questions} answered · score so far {grade.score}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Exercise</th>
                <th scope="col">Answered</th>
                <th scope="col">Score</th>
                <th scope="col">Time</th>
              </tr>
            </thead>
            <tbody>
              {a.items.map((it, i) => {
                const g = grade.items[i]!;
                return (
                  <tr key={i}>
                    <td>{i + 1}</td>
                    <th scope="row">
                      {exerciseTitle(it.exercise)}
                      <span class="cr-sub">{levelName(it.exercise, it.level)}</span>
                    </th>
                    <td>
                      {g.answered}/{g.questions} {g.complete && <span class="cr-done">done</span>}
                    </td>
                    <td>{g.answered ? g.score : '—'}</td>
                    <td>{g.timeMs ? formatDuration(g.timeMs) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div class="row">
          {grade.complete ? (
            <p class="cr-done-note">Every question is answered. Hand it in below.</p>
          ) : songState === 'missing' || songState === 'checking' ? (
            <p class="muted">Start is offered once your teacher’s song is on this device.</p>
          ) : assignmentRunnerReady.value ? (
            <button type="button" class="btn btn-primary" onClick={() => void startAssignment(a)}>
              {grade.answered ? 'Continue' : 'Start'}
            </button>
          ) : (
            // The drill player is its own chunk, registered as the classroom opens: only a moment's wait.
            <p class="muted" role="status">
              Getting the player ready…
            </p>
          )}
        </div>
        <p class="muted">Only your first answer to each question counts. Progress is saved as you go.</p>
      </section>
      <HandInPanel item={item} />
      <div class="row">
        <button type="button" class="btn btn-danger" onClick={() => setConfirming(true)}>
          Remove from this device…
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Remove “${a.title}”?`}
        confirmLabel="Remove"
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          if (await removeStudentAssignment(item.key)) navigate('/classroom');
        }}
      >
        <p>The assignment disappears from your list. Your answers stay in your practice history.</p>
      </ConfirmDialog>
    </div>
  );
}
