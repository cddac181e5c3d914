/** /classroom/gradebook: import reports, one table per assignment, with confirmed deletions. */
import { useEffect, useState } from 'preact/hooks';
import {
  gradebook,
  loadTeacherData,
  removeReport,
  removeTeacherAssignment,
} from '../../state/classroom-teacher';
import { showNotice } from '../../state/notices';
import { ConfirmDialog } from '../controls/confirm-dialog';
import { GradebookTableView } from './gradebook-table';
import { ReportImport } from './report-import';

type Pending =
  | { kind: 'report'; id: string; label: string }
  | { kind: 'assignment'; id: string; label: string };

/** The gradebook page. */
export function GradebookView() {
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    void loadTeacherData().catch(() => undefined);
  }, []);
  const tables = gradebook.value;
  return (
    <>
      <ReportImport />
      {tables.length === 0 && (
        <p class="panel muted">
          No assignments or reports yet. Create an assignment under <a href="/classroom/teach">Teach</a>,
          share it, then import what your students hand in.
        </p>
      )}
      {tables.map((t) => (
        <GradebookTableView
          key={t.assignmentId}
          table={t}
          onDeleteReport={(id, student) => setPending({ kind: 'report', id, label: `${student}’s report` })}
          onDeleteAssignment={(id, title) => setPending({ kind: 'assignment', id, label: title })}
        />
      ))}
      <ConfirmDialog
        open={pending !== null}
        title={`Delete ${pending?.kind === 'report' ? pending.label : `“${pending?.label ?? ''}”`}?`}
        confirmLabel="Delete"
        danger
        onCancel={() => setPending(null)}
        onConfirm={async () => {
          const p = pending;
          setPending(null);
          if (!p) return;
          const ok =
            p.kind === 'report' ? await removeReport(p.id) : (await removeTeacherAssignment(p.id)) !== null;
          if (ok) showNotice({ id: 'gradebook', tone: 'success', text: `Deleted ${p.label}.` });
        }}
      >
        <p>
          {pending?.kind === 'report'
            ? 'The report disappears from the gradebook. You can import it again from the student’s file or code.'
            : 'The assignment and every report imported for it are deleted from this device.'}
        </p>
      </ConfirmDialog>
    </>
  );
}
