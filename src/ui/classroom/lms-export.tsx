/** Grades for a school's LMS without a record store: Canvas and Moodle import files, and a Google Classroom share link. */

import { cmi5Package } from '../../classroom/cmi5/course';
import type { GradebookTable } from '../../classroom/gradebook';
import { canvasCsv, googleClassroomShareUrl, lmsExportGaps, moodleCsv } from '../../classroom/lms-csv';
import type { Assignment } from '../../state/classroom/classroom';
import { gradebookCsvName, shareAssignment } from '../../state/classroom/classroom-teacher';
import { downloadText } from './transfer';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Canvas CSV" and "Moodle CSV" buttons for one gradebook, with what each file leaves out. */
export function LmsExportButtons({ table }: { table: GradebookTable }) {
  const gaps = lmsExportGaps(table);
  const name = (lms: string) => gradebookCsvName(table).replace(/-grades\.csv$/, `-${lms}.csv`);
  const none = table.rows.length - gaps.leftOut === 0;
  return (
    <div class="stack cr-lms">
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={none}
          onClick={() => downloadText(name('canvas'), canvasCsv(table), 'text/csv')}
        >
          Canvas CSV
        </button>
        <button
          type="button"
          class="btn"
          disabled={none}
          onClick={() => downloadText(name('moodle'), moodleCsv(table), 'text/csv')}
        >
          Moodle CSV
        </button>
      </div>
      <p class="muted">
        For your school’s gradebook: one total out of 100 per student (their newest report).
        {gaps.leftOut > 0 &&
          ` ${plural(gaps.leftOut, 'report is', 'reports are')} left out (flagged, or older).`}{' '}
        Canvas matches students by its ID columns: fill them in, or copy them from a Canvas export. Moodle
        matches by email
        {gaps.withoutEmail > 0 &&
          ` — ${plural(gaps.withoutEmail, 'student has', 'students have')} none in their name yet`}
        .
      </p>
    </div>
  );
}

/** A "Share to Google Classroom" link for an assignment (opens Google's share page; nothing loads before the click). */
export function GoogleClassroomShare({ assignment }: { assignment: Assignment }) {
  const share = shareAssignment(assignment);
  const body =
    assignment.instructions.trim() ||
    `Open the link in Headroom and do the assignment (pass mark ${assignment.passMark}).`;
  return (
    <div class="stack">
      <a
        class="btn"
        href={googleClassroomShareUrl(share.link, assignment.title, body)}
        target="_blank"
        rel="noopener noreferrer"
      >
        Share to Google Classroom
      </a>
      <p class="muted">
        Opens Google Classroom in a new tab with the link filled in. Google then receives the whole link, the
        assignment in it included.
      </p>
    </div>
  );
}

/** Downloads a cmi5 package of the assignment for an LMS (the AU is this hosted Headroom's /cmi5 page). */
export function Cmi5PackageButton({ assignment }: { assignment: Assignment }) {
  const download = () => {
    const share = shareAssignment(assignment);
    const code = new URL(share.link).hash.replace(/^#a=/, '');
    const bytes = cmi5Package({
      assignmentId: assignment.id,
      title: assignment.title,
      description: assignment.instructions,
      passMark: assignment.passMark,
      launchUrl: `${location.origin}/cmi5?a=${code}`,
    });
    const url = URL.createObjectURL(
      new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = share.fileName.replace(/\.headroom\.json$/, '.cmi5.zip');
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <div class="stack">
      <button type="button" class="btn" onClick={download}>
        Download cmi5 package
      </button>
      <p class="muted">
        For an LMS that runs cmi5 courses: it launches this assignment in Headroom (at this address) and gets
        the score back when the student hands in.
      </p>
    </div>
  );
}
