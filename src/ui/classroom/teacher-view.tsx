/** /classroom/teach: build an assignment, then share it; the list of assignments made on this device. */
import { useEffect, useState } from 'preact/hooks';
import { type Assignment, assignmentRunnerReady, previewAssignment } from '../../state/classroom/classroom';
import {
  gradebook,
  loadTeacherData,
  removeTeacherAssignment,
  teacherAssignments,
} from '../../state/classroom/classroom-teacher';
import { showNotice } from '../../state/shared/notices';
import { ConfirmDialog } from '../controls/confirm-dialog';
import { AssignmentBuilder } from './assignment-builder';
import { AssignmentSummary } from './assignment-summary';
import { SharePanel } from './share-panel';
import { formatTime } from './transfer';

/** The teacher's page. */
export function TeacherView() {
  const [justMade, setJustMade] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Assignment | null>(null);
  useEffect(() => {
    void loadTeacherData().catch(() => undefined);
  }, []);
  const reportsFor = (id: string) => gradebook.value.find((t) => t.assignmentId === id)?.rows.length ?? 0;
  return (
    <>
      <AssignmentBuilder
        onCreated={(a) => {
          setJustMade(a.id);
          showNotice({ id: 'assignment', tone: 'success', text: `“${a.title}” is ready to share.` });
          requestAnimationFrame(() =>
            document.getElementById(`a-${a.id}`)?.scrollIntoView({ block: 'start' }),
          );
        }}
      />
      <section aria-labelledby="made-h" class="stack">
        <h2 id="made-h">Your assignments</h2>
        {teacherAssignments.value.length === 0 && (
          <p class="muted">None yet: the ones you create appear here.</p>
        )}
        {teacherAssignments.value.map((a) => (
          <article key={a.id} id={`a-${a.id}`} class={`panel stack ${a.id === justMade ? 'cr-new' : ''}`}>
            <AssignmentSummary assignment={a} heading="h3" />
            <p class="muted">
              Created {formatTime(a.createdAt)} · {reportsFor(a.id)} reports imported ·{' '}
              <a href="/classroom/gradebook">Gradebook</a>
            </p>
            <SharePanel assignment={a} />
            <div class="row">
              {assignmentRunnerReady.value && (
                <button type="button" class="btn" onClick={() => previewAssignment(a)}>
                  Preview as a student
                </button>
              )}
              <button type="button" class="btn btn-danger" onClick={() => setDeleting(a)}>
                Delete…
              </button>
            </div>
          </article>
        ))}
      </section>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete “${deleting?.title ?? ''}”?`}
        confirmLabel="Delete assignment"
        danger
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          const a = deleting;
          setDeleting(null);
          if (a && (await removeTeacherAssignment(a.id)) !== null)
            showNotice({ id: 'assignment', tone: 'success', text: `“${a.title}” was deleted.` });
        }}
      >
        <p>
          This deletes the assignment and its {deleting ? reportsFor(deleting.id) : 0} imported reports from
          this device. Students who already have the link can still open it.
        </p>
      </ConfirmDialog>
    </>
  );
}
