/**
 * The teacher's gradebook: reports → one table per assignment (students × items), flags and statistics.
 * Every report is re-checked against the teacher's own assignment each time a table is built (flags are
 * never read from a file or a stored record); a flagged report stays out of the statistics until the
 * teacher accepts it.
 */
import type { ImportedSongSummary } from '../exercises/shared/imported-song';
import type { Assignment } from './assignment';
import type { Report } from './report';
import { type ReportProblem, verifyReport } from './report-verify';
import { mean, median, passRate } from './stats';

/** The teacher's "Accept anyway" on a flagged report: who and when (epoch milliseconds). */
export interface Acceptance {
  by: string;
  at: number;
}

/** A report as stored by the teacher (id = checksum of its content). */
export interface GradebookEntry {
  id: string;
  report: Report;
  importedAt: number;
  /** What decoding found (checksum or sums off), recomputed from the report each time it is read. */
  edited?: string;
  /** Whether invisible or direction-override characters were removed from its texts. */
  hidden?: boolean;
  /** Set when the teacher chose "Accept anyway": the report then counts despite its flags. */
  accepted?: Acceptance;
}

/** One column: an item of the assignment. */
export interface GradebookColumn {
  exercise: string;
  level: number;
  questions: number;
}

/** One student's report in a table. */
export interface GradebookRow {
  id: string;
  student: string;
  /** Per column; null when the report has no matching item. */
  scores: (number | null)[];
  score: number;
  passed: boolean;
  timeMs: number;
  handedInAt: number;
  /** Why the report failed the re-check against the assignment; empty when it passed every check. */
  problems: ReportProblem[];
  /** Everything the teacher should look at (the problems' messages, then duplicates and repeats). */
  flags: string[];
  /** The teacher's acceptance, when the report is flagged and was accepted anyway. */
  accepted?: Acceptance;
  /** Whether the row feeds the statistics (one newest report per student that passed or was accepted). */
  counted: boolean;
}

/** Mean, median and pass rate (0…1) over the counted rows; n = how many. */
export interface SummaryStats {
  n: number;
  mean: number | null;
  median: number | null;
  passRate: number | null;
}

/** One assignment's table. */
export interface GradebookTable {
  assignmentId: string;
  title: string;
  passMark: number;
  /** False when reports arrived for an assignment this device did not make (columns come from a report). */
  known: boolean;
  columns: GradebookColumn[];
  rows: GradebookRow[];
  itemStats: SummaryStats[];
  total: SummaryStats;
}

const normName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

function summarise(values: number[], mark: number): SummaryStats {
  return { n: values.length, mean: mean(values), median: median(values), passRate: passRate(values, mark) };
}

/** When a report counts as handed in for "newest counts": never later than the teacher imported it. */
const effectiveTime = (e: GradebookEntry) => Math.min(e.report.handedInAt, e.importedAt);

function buildTable(
  assignmentId: string,
  assignment: Assignment | undefined,
  entries: readonly GradebookEntry[],
  context: GradebookContext,
): GradebookTable {
  const first = entries[0]?.report;
  const columns: GradebookColumn[] = assignment
    ? assignment.items.map((it) => ({ exercise: it.exercise, level: it.level, questions: it.seeds.length }))
    : (first?.items ?? []).map((it) => ({ exercise: it.exercise, level: it.level, questions: it.questions }));
  const passMark = assignment?.passMark ?? first?.passMark ?? 0;
  const copies = new Map<string, number>();
  for (const e of entries) copies.set(e.id, (copies.get(e.id) ?? 0) + 1);
  const unique = entries.filter((e, i) => entries.findIndex((o) => o.id === e.id) === i);
  const when = new Map<GradebookRow, number>();
  const rows = unique.map((e): GradebookRow => {
    const r = e.report;
    const { songs, ...base } = context;
    const song = assignment?.song ? (songs?.(assignment.song.hash) ?? null) : undefined;
    const problems = verifyReport(r, assignment, {
      ...base,
      ...(song !== undefined ? { song } : {}),
      ...(e.edited ? { edited: e.edited } : {}),
      ...(e.hidden ? { hidden: true } : {}),
    });
    const flags = problems.map((p) => p.message);
    const n = copies.get(e.id)!;
    if (n > 1) flags.push(`The same report was imported ${n} times; it counts once.`);
    const accepted = problems.length > 0 ? e.accepted : undefined;
    const row: GradebookRow = {
      id: e.id,
      student: r.student,
      scores: columns.map((c, i) => {
        const it = r.items[i];
        return it && it.exercise === c.exercise && it.level === c.level ? it.score : null;
      }),
      score: r.score,
      passed: r.score >= passMark,
      timeMs: r.timeMs,
      handedInAt: r.handedInAt,
      problems,
      flags,
      ...(accepted ? { accepted } : {}),
      counted: problems.length === 0 || accepted !== undefined,
    };
    when.set(row, effectiveTime(e));
    return row;
  });
  // Several different reports from one student: show them all, count only the newest that passed the
  // checks or was accepted. A report dated after it was imported counts as handed in when imported.
  const byStudent = new Map<string, GradebookRow[]>();
  for (const row of rows)
    byStudent.set(normName(row.student), [...(byStudent.get(normName(row.student)) ?? []), row]);
  for (const group of byStudent.values()) {
    if (group.length < 2) continue;
    const newest = group.filter((r) => r.counted).sort((a, b) => when.get(b)! - when.get(a)!)[0];
    for (const row of group) {
      row.flags.push(
        `${group.length} reports from this student; only the newest one that passed the checks (or that you accepted) counts.`,
      );
      row.counted = row === newest;
    }
  }
  rows.sort((a, b) => a.student.localeCompare(b.student) || a.handedInAt - b.handedInAt);
  const counted = rows.filter((r) => r.counted);
  return {
    assignmentId,
    title: assignment?.title ?? first?.assignmentTitle ?? assignmentId,
    passMark,
    known: assignment !== undefined,
    columns,
    rows,
    itemStats: columns.map((_, i) =>
      summarise(
        counted.map((r) => r.scores[i]).filter((s): s is number => s !== null),
        passMark,
      ),
    ),
    total: summarise(
      counted.map((r) => r.score),
      passMark,
    ),
  };
}

/** What the re-check needs besides the reports: the clock, this version, and the imported songs on this device. */
interface GradebookContext {
  now: number;
  appVersion?: string;
  /** The drill summary of the imported song with this content hash on this device, or null. */
  songs?: (hash: string) => ImportedSongSummary | null;
}

/**
 * One table per assignment: every assignment given (newest first, even without reports), then any
 * assignment known only from its reports (by title).
 */
export function buildGradebook(
  entries: readonly GradebookEntry[],
  assignments: readonly Assignment[] = [],
  options: { now?: number; appVersion?: string; songs?: (hash: string) => ImportedSongSummary | null } = {},
): GradebookTable[] {
  const context: GradebookContext = {
    now: options.now ?? Date.now(),
    ...(options.appVersion ? { appVersion: options.appVersion } : {}),
    ...(options.songs ? { songs: options.songs } : {}),
  };
  const byAssignment = new Map<string, GradebookEntry[]>();
  for (const e of entries)
    byAssignment.set(e.report.assignmentId, [...(byAssignment.get(e.report.assignmentId) ?? []), e]);
  const known = [...assignments].sort((a, b) => b.createdAt - a.createdAt);
  const tables = known.map((a) => buildTable(a.id, a, byAssignment.get(a.id) ?? [], context));
  const knownIds = new Set(known.map((a) => a.id));
  const orphans = [...byAssignment.entries()]
    .filter(([id]) => !knownIds.has(id))
    .map(([id, list]) => buildTable(id, undefined, list, context))
    .sort((a, b) => a.title.localeCompare(b.title));
  return [...tables, ...orphans];
}
