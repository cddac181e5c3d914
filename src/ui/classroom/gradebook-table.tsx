/** One assignment's gradebook: students × items, totals, pass/fail, time, flags; statistics; CSV; deletions. */
import { Fragment } from 'preact';
import type { GradebookTable, SummaryStats } from '../../state/classroom/classroom-teacher';
import {
  exerciseTitle,
  gradebookCsvName,
  gradebookCsvText,
  levelName,
} from '../../state/classroom/classroom-teacher';
import { GradebookMixRow, MIX_KINDS } from './gradebook-mix';
import { LmsExportButtons } from './lms-export';
import { downloadText, formatDuration, formatShortTime, formatTime } from './transfer';

const fmt = (v: number | null, digits = 0) => (v === null ? '—' : v.toFixed(digits));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);
const STATS: readonly [string, (s: SummaryStats) => string][] = [
  ['Mean', (s) => fmt(s.mean, 1)],
  ['Median', (s) => fmt(s.median, 1)],
  ['Pass rate', (s) => pct(s.passRate)],
];

type Row = GradebookTable['rows'][number];

/** What became of a row in the statistics, in one short sentence. */
function rowStatus(r: Row): string {
  if (r.problems.length === 0) return r.counted ? 'Passed the checks.' : 'Passed the checks; not counted.';
  if (r.accepted)
    return r.counted ? 'Flagged, but you accepted it: counted.' : 'Flagged, accepted; not counted.';
  return 'Flagged: not counted in the class figures until you accept it.';
}

/** The reasons under a row, with "Accept anyway" (or its undo) for a flagged report. */
function FlagCell(props: { row: Row; span: number; onAccept: (id: string, accept: boolean) => void }) {
  const r = props.row;
  return (
    <tr class={`cr-flags${r.problems.length > 0 && !r.accepted ? ' cr-flags-open' : ''}`}>
      <td colSpan={props.span}>
        <div class="cr-flag-body">
          <p class="cr-flag-status">
            <span class="cr-flag" aria-hidden="true">
              ⚑
            </span>{' '}
            <strong>{rowStatus(r)}</strong>
          </p>
          <ul class="cr-flag-list">
            {r.flags.map((f, i) => (
              <li key={i}>{f}</li>
            ))}
          </ul>
          {r.problems.length > 0 &&
            (r.accepted ? (
              <p class="cr-accepted">
                Accepted anyway by {r.accepted.by} on {formatTime(r.accepted.at)}.{' '}
                <button
                  type="button"
                  class="btn btn-ghost"
                  aria-label={`Undo accepting ${r.student}’s report`}
                  onClick={() => props.onAccept(r.id, false)}
                >
                  Undo
                </button>
              </p>
            ) : (
              <p class="cr-accepted">
                <button
                  type="button"
                  class="btn"
                  aria-label={`Accept anyway: ${r.student}’s report`}
                  onClick={() => props.onAccept(r.id, true)}
                >
                  Accept anyway
                </button>{' '}
                <span class="muted">if you have checked it with the student.</span>
              </p>
            ))}
        </div>
      </td>
    </tr>
  );
}

/** The table with its actions; deleting asks the page for confirmation. */
export function GradebookTableView(props: {
  table: GradebookTable;
  onDeleteReport: (id: string, student: string) => void;
  onDeleteAssignment: (id: string, title: string) => void;
  /** Accept a flagged report anyway (true) or undo that (false). */
  onAccept: (id: string, accept: boolean) => void;
}) {
  const t = props.table;
  const flagged = t.rows.filter((r) => r.problems.length > 0).length;
  return (
    <section class="panel stack" aria-label={t.title}>
      <header class="row cr-table-head">
        <h2 class="cr-title">{t.title}</h2>
        <span class="muted">
          {t.rows.length} {t.rows.length === 1 ? 'report' : 'reports'} · pass mark {t.passMark}
          {flagged > 0 && <span class="cr-flag-count"> · ⚑ {flagged} flagged</span>}
        </span>
      </header>
      {!t.known && (
        <p class="muted">This assignment was not made on this device: the columns come from its reports.</p>
      )}
      {t.rows.length === 0 ? (
        <p class="muted">No reports yet. Import the files or codes your students send you.</p>
      ) : (
        <div class="cr-scroll">
          <table class="table cr-grades">
            <thead>
              <tr>
                <th scope="col">Student</th>
                {t.columns.map((c, i) => (
                  <th
                    scope="col"
                    key={i}
                    title={`${exerciseTitle(c.exercise)}: ${levelName(c.exercise, c.level)}, ${c.questions} questions`}
                  >
                    {i + 1}. {exerciseTitle(c.exercise)}
                    <span class="cr-sub">
                      level {c.level} · {c.questions} q.
                    </span>
                  </th>
                ))}
                <th scope="col">Total</th>
                <th scope="col">Result</th>
                <th scope="col">Time</th>
                <th scope="col">Handed in</th>
                <th scope="col">
                  <span class="cr-visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r) => (
                <Fragment key={r.id}>
                  <tr class={r.counted ? undefined : 'cr-not-counted'}>
                    <th scope="row">
                      {r.problems.length > 0 && (
                        <>
                          <span class="cr-flag" aria-hidden="true">
                            ⚑{' '}
                          </span>
                          <span class="cr-visually-hidden">Flagged: </span>
                        </>
                      )}
                      {r.student}
                    </th>
                    {r.scores.map((s, i) => (
                      <td key={i} class={s !== null && s < t.passMark ? 'cr-low' : undefined}>
                        {s ?? '—'}
                      </td>
                    ))}
                    <td>
                      <strong>{r.score}</strong>
                    </td>
                    <td>
                      <span class={r.passed ? 'cr-pass' : 'cr-fail'}>{r.passed ? 'pass' : 'fail'}</span>
                    </td>
                    <td>{formatDuration(r.timeMs)}</td>
                    <td>{formatShortTime(r.handedInAt)}</td>
                    <td>
                      <button
                        type="button"
                        class="btn btn-ghost"
                        aria-label={`Delete ${r.student}’s report`}
                        onClick={() => props.onDeleteReport(r.id, r.student)}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                  {r.flags.length > 0 && (
                    <FlagCell row={r} span={t.columns.length + 6} onAccept={props.onAccept} />
                  )}
                  {t.columns.some((c) => MIX_KINDS.includes(c.exercise)) && (
                    <GradebookMixRow
                      reportId={r.id}
                      assignmentId={t.assignmentId}
                      span={t.columns.length + 6}
                    />
                  )}
                </Fragment>
              ))}
            </tbody>
            <tfoot>
              {STATS.map(([label, show]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {t.itemStats.map((s, i) => (
                    <td key={i}>{show(s)}</td>
                  ))}
                  <td>{show(t.total)}</td>
                  <td colSpan={4} />
                </tr>
              ))}
            </tfoot>
          </table>
        </div>
      )}
      <div class="row">
        <button
          type="button"
          class="btn"
          disabled={t.rows.length === 0}
          onClick={() => downloadText(gradebookCsvName(t), gradebookCsvText(t), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          class="btn btn-danger"
          onClick={() => props.onDeleteAssignment(t.assignmentId, t.title)}
        >
          {t.known ? 'Delete assignment…' : 'Delete these reports…'}
        </button>
      </div>
      <LmsExportButtons table={t} />
    </section>
  );
}
