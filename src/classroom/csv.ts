/** CSV export of a gradebook table: RFC 4180 quoting, CRLF, UTF-8 BOM, formula-injection guard. */
import type { GradebookRow, GradebookTable, SummaryStats } from './gradebook';
import { sanitiseText } from './sanitise';

/** A cell value: text, a number, or nothing. */
export type CsvValue = string | number | null;

/**
 * One cell. Invisible and direction-override characters are removed; text starting with = + - @ (or a tab
 * or carriage return) is prefixed with an apostrophe, so a spreadsheet shows it instead of running it as a
 * formula; numbers are written as they are.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const clean = sanitiseText(value);
  const safe = /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text: a UTF-8 byte-order mark (so spreadsheets read accents right), CRLF line ends. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** A time as "YYYY-MM-DD HH:MM" shifted by an offset (minutes east of UTC, e.g. 60 for CET). */
export function formatStamp(at: number, offsetMinutes = 0): string {
  return new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

const round1 = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
const pct = (v: number | null) => (v === null ? null : Math.round(v * 100));

/** The gradebook table as CSV: one row per report, then mean, median and pass-rate rows. */
export function gradebookCsv(
  table: GradebookTable,
  options: { exerciseTitle?: (id: string) => string; offsetMinutes?: number } = {},
): string {
  const name = options.exerciseTitle ?? ((id: string) => id);
  const header = [
    'Student',
    ...table.columns.map((c, i) => `${i + 1}. ${name(c.exercise)} (level ${c.level}, ${c.questions} q.)`),
    'Total',
    `Result (pass mark ${table.passMark})`,
    'Time (min)',
    'Handed in',
    'Checks',
    'Counted',
    'Flags',
  ];
  const checks = (r: GradebookRow) =>
    r.problems.length === 0 ? 'passed' : r.accepted ? `flagged, accepted by ${r.accepted.by}` : 'flagged';
  const flags = (r: GradebookRow) =>
    [
      ...r.flags,
      ...(r.accepted
        ? [`Accepted anyway by ${r.accepted.by} on ${formatStamp(r.accepted.at, options.offsetMinutes)}.`]
        : []),
    ].join(' ');
  const rows: CsvValue[][] = table.rows.map((r) => [
    r.student,
    ...r.scores,
    r.score,
    r.passed ? 'pass' : 'fail',
    Math.round(r.timeMs / 6000) / 10,
    formatStamp(r.handedInAt, options.offsetMinutes),
    checks(r),
    r.counted ? 'yes' : 'no',
    flags(r),
  ]);
  const statRow = (label: string, pick: (s: SummaryStats) => CsvValue): CsvValue[] => [
    label,
    ...table.itemStats.map(pick),
    pick(table.total),
  ];
  return toCsv([
    [table.title],
    header,
    ...rows,
    [],
    statRow('Mean', (s) => round1(s.mean)),
    statRow('Median', (s) => round1(s.median)),
    statRow('Pass rate (%)', (s) => pct(s.passRate)),
  ]);
}
