/**
 * Each counted student's assigned lessons and thresholds (pure), for the class view. These come from the
 * students' own devices (a report carries them; nothing here can mark them again), so the view says so.
 */
import { exercises, isExerciseId } from '../exercises/registry';
import type { GradebookEntry, GradebookTable } from './gradebook';
import type { ReportLesson, ReportThreshold } from './report-types';

/** One student's row. */
export interface StudentRecord {
  student: string;
  /** Null when the report is from before reports carried lessons (or the assignment has none). */
  lessons: ReportLesson[] | null;
  /** Threshold by kind; a kind the student never measured is absent. */
  thresholds: Record<string, ReportThreshold>;
}

/** The class's rows, with the lessons and kinds that have a column. */
export interface ClassRecords {
  rows: StudentRecord[];
  /** Lessons listed by any counted report, in first-seen order. */
  lessonIds: string[];
  /** Kinds some student has a threshold for, in the table's column order. */
  kinds: string[];
}

/** A threshold as a teacher reads it: "3.2 dB (2.1–4.8)". */
export function thresholdText(t: ReportThreshold): string {
  const unit = isExerciseId(t.exercise) ? (exercises[t.exercise].meta.mainVariable?.unit ?? '') : '';
  const n = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
  return `${n(t.value)}${unit ? ` ${unit}` : ''} (${n(t.low)}–${n(t.high)})`;
}

/** The counted students' lessons and thresholds for one gradebook table, by name. */
export function classRecords(table: GradebookTable, entries: readonly GradebookEntry[]): ClassRecords {
  const counted = new Set(table.rows.filter((r) => r.counted).map((r) => r.id));
  const seen = new Set<string>();
  const rows: StudentRecord[] = [];
  const lessonIds: string[] = [];
  const kindsFound = new Set<string>();
  for (const { id, report } of entries) {
    if (!counted.has(id) || seen.has(id)) continue;
    seen.add(id);
    for (const l of report.lessons ?? []) if (!lessonIds.includes(l.id)) lessonIds.push(l.id);
    const thresholds: Record<string, ReportThreshold> = {};
    for (const t of report.thresholds ?? []) {
      thresholds[t.exercise] = t;
      kindsFound.add(t.exercise);
    }
    rows.push({ student: report.student, lessons: report.lessons ?? null, thresholds });
  }
  rows.sort((a, b) => a.student.localeCompare(b.student));
  const order = table.columns.map((c) => c.exercise);
  const kinds = [...kindsFound].sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
  return { rows, lessonIds, kinds };
}
