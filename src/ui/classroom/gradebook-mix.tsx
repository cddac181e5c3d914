/** The gradebook's per-track results of a student's whole-mix answers, marked again from the answers alone. */
import { useState } from 'preact/hooks';
import type { Assignment } from '../../classroom/assignment';
import type { GradebookEntry } from '../../classroom/gradebook';
import { questionsChangedSince } from '../../classroom/question-versions';
import { recheckAnswer } from '../../classroom/report-verify';
import { mixGradeFromDetails } from '../../exercises/shared/mix-grade-view';
import type { MixDimension } from '../../exercises/shared/mix-spec';
import type { TrackRef } from '../../exercises/shared/tracks';
import { exerciseTitle, reportEntries, teacherAssignments } from '../../state/classroom/classroom-teacher';
import { MixGradeTable } from '../drill/MixReview';
import '../drill/drill.css';

/** The kinds whose answers are whole mixes, graded track by track. */
export const MIX_KINDS: readonly string[] = ['mix-match', 'fix-mix'];

/** One whole-mix answer of a report that the assignment asked for. */
interface MixAttempt {
  item: number;
  question: number;
  exercise: string;
  level: number;
  seed: number;
  answer: unknown;
  /** The app version that made the report (an older one may have made other questions). */
  madeBy: string;
}

/** The first answer to each of the assignment's mix questions in a report (later tries do not count). */
export function mixAttempts(entry: GradebookEntry, assignment: Assignment | undefined): MixAttempt[] {
  const out: MixAttempt[] = [];
  entry.report.items.forEach((item, i) => {
    if (!MIX_KINDS.includes(item.exercise)) return;
    const same = (a: Assignment['items'][number] | undefined) =>
      a !== undefined && a.exercise === item.exercise && a.level === item.level;
    // The item at the same place, else the first of the same exercise and level (as the re-check does).
    const at = assignment?.items[i];
    const mine = same(at) ? at : assignment?.items.find(same);
    const seen = new Set<number>();
    for (const a of item.attempts) {
      const k = mine?.seeds.indexOf(a.seed) ?? -1;
      if (k < 0 || seen.has(a.seed) || a.answer === undefined) continue;
      seen.add(a.seed);
      out.push({
        item: i + 1,
        question: k + 1,
        exercise: item.exercise,
        level: item.level,
        seed: a.seed,
        answer: a.answer,
        madeBy: entry.report.appVersion,
      });
    }
  });
  return out.sort((x, y) => x.item - y.item || x.question - y.question);
}

/** One answer's table, from the re-check (the report's own score and details are never shown here). */
function MixAttemptTable({ attempt }: { attempt: MixAttempt }) {
  const again = recheckAnswer(
    attempt.exercise,
    attempt.level,
    attempt.seed,
    attempt.answer,
    undefined,
    attempt.madeBy,
  );
  const q = again?.question as { tracks?: TrackRef[]; dimensions?: MixDimension[] } | undefined;
  const grade = again && q?.tracks ? mixGradeFromDetails(again.result.details, q.tracks.length) : null;
  const title = `Item ${attempt.item}, question ${attempt.question}: ${exerciseTitle(attempt.exercise)}`;
  if (!again || !grade || !q?.tracks || !q.dimensions)
    return (
      <p>
        <strong>{title}</strong>:{' '}
        {questionsChangedSince(attempt.exercise, attempt.madeBy) !== null
          ? `made by Headroom ${attempt.madeBy}, whose questions of this exercise were other ones, so there is no table.`
          : 'this answer cannot be marked, so there is no table.'}
      </p>
    );
  return (
    <figure class="review-figure mix-review">
      <MixGradeTable
        tracks={q.tracks}
        dimensions={q.dimensions}
        grade={grade}
        caption={`${title} · ${Math.round(again.result.score)} / 100`}
      />
    </figure>
  );
}

/**
 * A disclosure under a student's row: per mix question, the tracks × dimensions table, worked out again
 * here from the answer when opened (a few hundred milliseconds per question for the EQ and compression levels).
 */
export function GradebookMix({
  entry,
  assignment,
}: {
  entry: GradebookEntry;
  assignment: Assignment | undefined;
}) {
  const [open, setOpen] = useState(false);
  const attempts = mixAttempts(entry, assignment);
  if (attempts.length === 0) return null;
  const student = entry.report.student;
  return (
    <details class="cr-mix-body" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        Per-track results of {student}’s {attempts.length === 1 ? 'mix' : `${attempts.length} mixes`}
      </summary>
      {open && (
        <div class="stack">
          <p class="muted">Marked again here from the answers; what the file says about them is not used.</p>
          {attempts.map((a) => (
            <MixAttemptTable key={`${a.item}-${a.seed}`} attempt={a} />
          ))}
        </div>
      )}
    </details>
  );
}

/** The row under a student's row that holds GradebookMix (nothing when the report has no mix answers). */
export function GradebookMixRow({
  reportId,
  assignmentId,
  span,
}: {
  reportId: string;
  assignmentId: string;
  span: number;
}) {
  const entry = reportEntries.value.find((e) => e.id === reportId);
  if (!entry) return null;
  const assignment = teacherAssignments.value.find((a) => a.id === assignmentId);
  if (mixAttempts(entry, assignment).length === 0) return null;
  return (
    <tr class="cr-mix">
      <td colSpan={span}>
        <GradebookMix entry={entry} assignment={assignment} />
      </td>
    </tr>
  );
}
