/** /classroom/gradebook: import reports, one table per assignment, with confirmed deletions. */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { CHECK_LIMITS } from '../../classroom/report-verify';
import {
  acceptReport,
  checkingAnswers,
  gradebook,
  loadTeacherData,
  removeReport,
  removeTeacherAssignment,
  withdrawAcceptance,
} from '../../state/classroom/classroom-teacher';
import { showNotice } from '../../state/shared/notices';
import { ConfirmDialog } from '../controls/confirm-dialog';
import { ClassView } from './class-view';
import { GradebookTableView } from './gradebook-table';
import { ReportImport } from './report-import';

type Pending =
  | { kind: 'report'; id: string; label: string }
  | { kind: 'assignment'; id: string; label: string };

/** What the re-check of every report proves, and what it cannot: always in view of the teacher. */
function CheckLimits() {
  return (
    <section class="panel stack cr-limits" aria-labelledby="limits-h">
      <h2 id="limits-h">What the checks can and cannot prove</h2>
      <p class="muted">
        Each report is checked again against your own assignment every time this page opens. A flagged report
        is left out of the class figures until you accept it.
      </p>
      <div class="cr-limits-cols">
        <div>
          <h3>They prove</h3>
          <ul>
            {CHECK_LIMITS.proves.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3>They cannot prove</h3>
          <ul>
            {CHECK_LIMITS.cannot.map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

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
      {checkingAnswers.value && (
        <p class="panel muted" role="status">
          Marking the students’ answers again against your assignments… {checkingAnswers.value.done} of{' '}
          {checkingAnswers.value.total}
        </p>
      )}
      {tables.length === 0 && (
        <p class="panel muted">
          No assignments or reports yet. Create an assignment under <a href="/classroom/teach">Teach</a>,
          share it, then import what your students hand in.
        </p>
      )}
      {tables.map((t) => (
        <Fragment key={t.assignmentId}>
          <GradebookTableView
            table={t}
            onDeleteReport={(id, student) => setPending({ kind: 'report', id, label: `${student}’s report` })}
            onDeleteAssignment={(id, title) => setPending({ kind: 'assignment', id, label: title })}
            onAccept={async (id, accept) => {
              const ok = accept ? await acceptReport(id) : await withdrawAcceptance(id);
              if (ok)
                showNotice({
                  id: 'gradebook',
                  tone: 'success',
                  text: accept
                    ? 'Accepted: the report now counts in the class figures.'
                    : 'Acceptance undone: the report is flagged and not counted again.',
                });
            }}
          />
          <ClassView table={t} />
        </Fragment>
      ))}
      {tables.some((t) => t.rows.length > 0) && <CheckLimits />}
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
