/** Grades for a school's LMS without a record store: Canvas and Moodle import files, and a Google Classroom share link. */
import type { GradebookTable } from '../../classroom/gradebook';
import { canvasCsv, googleClassroomShareUrl, lmsExportGaps, moodleCsv } from '../../classroom/lms-csv';
import type { Assignment } from '../../state/classroom';
import { gradebookCsvName, shareAssignment } from '../../state/classroom-teacher';
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
    <p>
      <a
        class="btn"
        href={googleClassroomShareUrl(share.link, assignment.title, body)}
        target="_blank"
        rel="noopener noreferrer"
      >
        Share to Google Classroom
      </a>{' '}
      <span class="muted">
        Opens Google Classroom in a new tab with the link filled in. Google then receives the whole link, the
        assignment in it included.
      </span>
    </p>
  );
}
