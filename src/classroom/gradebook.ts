/** The teacher's gradebook: reports → one table per assignment (students × items), flags and statistics. */
import type { Assignment } from './assignment';
import type { Report } from './report';
import { mean, median, passRate } from './stats';

/** A report as stored by the teacher (id = checksum of its content). */
export interface GradebookEntry {
  id: string;
  report: Report;
  importedAt: number;
  /** Why the report is suspect (e.g. its checksum does not match). */
  flagged?: string;
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
  /** Everything the teacher should look at; empty for a clean report. */
  flags: string[];
  /** Whether the row feeds the statistics (one clean, newest report per student). */
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

function sameItems(report: Report, columns: readonly GradebookColumn[]): boolean {
  return (
    report.items.length === columns.length &&
    report.items.every(
      (it, i) =>
        it.exercise === columns[i]!.exercise &&
        it.level === columns[i]!.level &&
        it.questions === columns[i]!.questions,
    )
  );
}

function buildTable(
  assignmentId: string,
  assignment: Assignment | undefined,
  entries: readonly GradebookEntry[],
): GradebookTable {
  const first = entries[0]?.report;
  const columns: GradebookColumn[] = assignment
    ? assignment.items.map((it) => ({ exercise: it.exercise, level: it.level, questions: it.seeds.length }))
    : (first?.items ?? []).map((it) => ({ exercise: it.exercise, level: it.level, questions: it.questions }));
  const passMark = assignment?.passMark ?? first?.passMark ?? 0;
  const copies = new Map<string, number>();
  for (const e of entries) copies.set(e.id, (copies.get(e.id) ?? 0) + 1);
  const unique = entries.filter((e, i) => entries.findIndex((o) => o.id === e.id) === i);
  const rows = unique.map((e): GradebookRow => {
    const r = e.report;
    const flags: string[] = [];
    if (e.flagged) flags.push(e.flagged);
    const n = copies.get(e.id)!;
    if (n > 1) flags.push(`The same report was imported ${n} times; it counts once.`);
    const matches = sameItems(r, columns);
    if (!matches) flags.push('Its items differ from the assignment’s.');
    if (r.passMark !== passMark) flags.push(`It carries a different pass mark (${r.passMark}).`);
    return {
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
      flags,
      counted: !e.flagged && matches,
    };
  });
  // Several different reports from one student: show them all, count only the newest clean one.
  const byStudent = new Map<string, GradebookRow[]>();
  for (const row of rows)
    byStudent.set(normName(row.student), [...(byStudent.get(normName(row.student)) ?? []), row]);
  for (const group of byStudent.values()) {
    if (group.length < 2) continue;
    const newest = group.filter((r) => r.counted).sort((a, b) => b.handedInAt - a.handedInAt)[0];
    for (const row of group) {
      row.flags.push(`${group.length} reports from this student; only the newest clean one counts.`);
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

/**
 * One table per assignment: every assignment given (newest first, even without reports), then any
 * assignment known only from its reports (by title).
 */
export function buildGradebook(
  entries: readonly GradebookEntry[],
  assignments: readonly Assignment[] = [],
): GradebookTable[] {
  const byAssignment = new Map<string, GradebookEntry[]>();
  for (const e of entries)
    byAssignment.set(e.report.assignmentId, [...(byAssignment.get(e.report.assignmentId) ?? []), e]);
  const known = [...assignments].sort((a, b) => b.createdAt - a.createdAt);
  const tables = known.map((a) => buildTable(a.id, a, byAssignment.get(a.id) ?? []));
  const knownIds = new Set(known.map((a) => a.id));
  const orphans = [...byAssignment.entries()]
    .filter(([id]) => !knownIds.has(id))
    .map(([id, list]) => buildTable(id, undefined, list))
    .sort((a, b) => a.title.localeCompare(b.title));
  return [...tables, ...orphans];
}
