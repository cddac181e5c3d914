/** The teacher side of the classroom: build and share assignments, import reports, read the gradebook. */
import { batch, computed, signal } from '@preact/signals';
import { version as APP_VERSION } from '../../../package.json';
import {
  type Assignment,
  assignmentFileName,
  assignmentFileText,
  assignmentLink,
  type DecodedAssignment,
  encodeAssignment,
  validateAssignment,
} from '../../classroom/assignment';
import { deriveSeeds } from '../../classroom/assignment-pack';
import { defaultCatalog } from '../../classroom/catalog';
import { gradebookCsv } from '../../classroom/csv';
import {
  buildGradebook,
  type GradebookEntry,
  type GradebookTable,
  type SummaryStats,
} from '../../classroom/gradebook';
import { decodeReport, type Report, validateReport } from '../../classroom/report';
import { rescoreAnswer, verifyReport } from '../../classroom/report-verify';
import { summaryDigest } from '../../classroom/summary-digest';
import { createRng, hashString } from '../../dsp/random';
import { IMPORTED_KINDS } from '../../exercises/shared/imported-kinds';
import {
  deleteTeacherAssignment,
  listAssignmentRecords,
  saveAssignmentRecord,
  teacherKey,
} from '../../storage/assignments';
import { toStorageError } from '../../storage/errors';
import {
  deleteReportRecord,
  importReportRecords,
  listReportRecords,
  setReportAcceptance,
} from '../../storage/reports';
import type { StoredReport } from '../../storage/schema';
import { drillSongByHashNow, drillSongs } from '../library/drill-songs';
import { importedSongsLoaded, refreshImportedSongs } from '../library/imported-songs';
import { showNotice } from '../shared/notices';
import { activeProfileId, database, profiles } from '../shared/storage';

export type { GradebookTable, SummaryStats };

/** What the builder form holds before it becomes an assignment. */
export interface AssignmentDraft {
  title: string;
  instructions: string;
  items: { exercise: string; level: number; count: number }[];
  passMark: number;
  /** YYYY-MM-DD or empty. */
  due: string;
  lessons: string[];
  /** An imported song (its id on this device) every item plays instead of Headroom's songs; empty for none. */
  songId?: string;
}

/** The imported songs a teacher can assign drills on (those with a drill summary), as name and id. */
export const assignableSongs = computed(() =>
  drillSongs.value.flatMap((s) => (s.usable ? [{ id: s.id, name: s.name }] : [])),
);

/** Assignments this device made, newest first. */
export const teacherAssignments = signal<Assignment[]>([]);
/** Imported reports as gradebook entries. */
export const reportEntries = signal<GradebookEntry[]>([]);
/**
 * One table per assignment, recomputed when assignments or reports change (so on every visit to the
 * gradebook, which reloads both): every report is re-checked against the assignment each time.
 */
export const gradebook = computed<GradebookTable[]>(() =>
  buildGradebook(reportEntries.value, teacherAssignments.value, {
    appVersion: APP_VERSION,
    // An assignment on an imported song is re-checked on this device's copy of it (found by its hash).
    songs: (hash) => {
      const found = drillSongs.value.find((s) => s.usable && s.summary.hash === hash);
      return found?.usable ? found.summary : null;
    },
  }),
);

/** Exercise kinds for pickers: id, title and level names. */
export function exerciseChoices() {
  const catalog = defaultCatalog();
  return catalog.ids.map((id) => catalog.get(id)!);
}

/** An exercise kind's title (the id when the kind is unknown). */
export function exerciseTitle(id: string): string {
  return defaultCatalog().get(id)?.title ?? id;
}

/** A level's name, e.g. "Five bands" (or "Level 3" when unknown). */
export function levelName(exercise: string, level: number): string {
  return defaultCatalog().get(exercise)?.levelNames[level - 1] ?? `Level ${level}`;
}

function storageFailure(error: unknown): { ok: false; code: 'invalid'; error: string } {
  const e = toStorageError(error);
  showNotice({ id: `classroom-${e.kind}`, tone: 'error', text: e.message });
  return { ok: false, code: 'invalid', error: e.message };
}

/** Reads teacher assignments and imported reports from storage. */
export async function loadTeacherData(): Promise<void> {
  const db = await database();
  // Assignments on imported songs are built and re-checked on the songs this device has.
  if (!importedSongsLoaded.peek()) await refreshImportedSongs();
  const records = await listAssignmentRecords(db, { role: 'teacher' });
  const assignments = records.flatMap((r) => {
    const v = validateAssignment(r.assignment);
    return v.ok ? [v.assignment] : [];
  });
  const entries = (await listReportRecords(db)).flatMap((r) => toEntry(r));
  await markAnswers(
    entries.map((e) => e.report),
    assignments,
  );
  batch(() => {
    teacherAssignments.value = assignments;
    reportEntries.value = entries;
  });
}

/** While answers are being marked again: how many of how many (null when idle). */
export const checkingAnswers = signal<{ done: number; total: number } | null>(null);

/** Milliseconds of marking between two breaks for the page to respond. */
const SLICE_MS = 40;

/**
 * Marks every carried answer again (each kind's check; some render audio and take tens of milliseconds),
 * in slices with breaks between them, so the page stays responsive and the gradebook that follows finds
 * every score already worked out (`rescoreAnswer` remembers them).
 */
async function markAnswers(reports: readonly Report[], assignments: readonly Assignment[]): Promise<void> {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  // An assignment on an imported song is marked on this device's copy of it (none here: not marked now).
  const songOf = (r: Report) => {
    const hash = byId.get(r.assignmentId)?.song?.hash;
    return hash ? drillSongByHashNow(hash) : undefined;
  };
  const jobs = reports
    .filter((r) => byId.has(r.assignmentId) && songOf(r) !== null)
    .flatMap((r) =>
      r.items.flatMap((it) =>
        it.attempts.flatMap((x) =>
          x.answer === undefined ? [] : [[it.exercise, it.level, x.seed, x.answer, songOf(r)] as const],
        ),
      ),
    );
  let sliceStart = performance.now();
  for (const [i, [exercise, level, seed, answer, song]] of jobs.entries()) {
    rescoreAnswer(exercise, level, seed, answer, song ?? undefined);
    if (performance.now() - sliceStart > SLICE_MS) {
      checkingAnswers.value = { done: i + 1, total: jobs.length };
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  checkingAnswers.value = null;
}

/** A stored acceptance, when it is well-formed; anything else is ignored (it never hides a flag). */
function readAcceptance(value: unknown): { by: string; at: number } | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { by, at } = value as { by?: unknown; at?: unknown };
  return typeof by === 'string' && typeof at === 'number' && Number.isFinite(at) ? { by, at } : undefined;
}

/**
 * A stored record as a gradebook entry. Its flags come from the report itself, never from the record (a
 * backup's `flagged: ""` hides nothing); an acceptance holds only for exactly the content it was given to.
 */
function toEntry(r: StoredReport): GradebookEntry[] {
  const v = validateReport(r.report);
  if (!v.ok) return [];
  const accepted = r.id === v.id ? readAcceptance(r.accepted) : undefined;
  return [
    {
      id: r.id,
      report: v.report,
      importedAt: r.importedAt,
      ...(v.edited ? { edited: v.edited } : {}),
      ...(v.hidden ? { hidden: true } : {}),
      ...(accepted ? { accepted } : {}),
    },
  ];
}

/** Who is accepting: the active profile's name on this device. */
function teacherName(): string {
  return profiles.value.find((p) => p.id === activeProfileId.value)?.name ?? 'this device';
}

/** "Accept anyway": a flagged report counts in the statistics from now on (undo with `withdrawAcceptance`). */
export async function acceptReport(id: string, now = Date.now()): Promise<boolean> {
  try {
    const ok = await setReportAcceptance(await database(), id, { by: teacherName(), at: now });
    await loadTeacherData();
    return ok;
  } catch (error) {
    storageFailure(error);
    return false;
  }
}

/** Undoes "Accept anyway": the report is flagged and left out of the statistics again. */
export async function withdrawAcceptance(id: string): Promise<boolean> {
  try {
    const ok = await setReportAcceptance(await database(), id, null);
    await loadTeacherData();
    return ok;
  } catch (error) {
    storageFailure(error);
    return false;
  }
}

/** Turns a draft into an assignment with fixed seeds (every student hears the same questions) and stores it. */
export async function createAssignment(draft: AssignmentDraft, now = Date.now()): Promise<DecodedAssignment> {
  const song = draft.songId ? drillSongs.peek().find((s) => s.id === draft.songId) : undefined;
  const rng = createRng(hashString(draft.title) ^ now);
  const assignment = {
    version: 1 as const,
    id: `${now.toString(36)}${rng
      .int(0, 36 ** 4 - 1)
      .toString(36)
      .padStart(4, '0')}`,
    title: draft.title.trim(),
    instructions: draft.instructions.trim(),
    items: draft.items.map((it) => ({
      exercise: it.exercise,
      level: it.level,
      seeds: deriveSeeds(rng.int(0, 0xffffffff), it.count),
    })),
    passMark: draft.passMark,
    createdAt: now,
    ...(draft.due ? { due: draft.due } : {}),
    ...(draft.lessons.length ? { lessons: draft.lessons } : {}),
    ...(song?.usable
      ? {
          song: {
            hash: song.summary.hash,
            name: song.name,
            tracks: song.summary.tracks.map((t) => t.name),
            // How this device measured the song: a student's device that measures it differently is told so.
            digest: summaryDigest(song.summary),
          },
        }
      : {}),
  };
  if (draft.songId && !song?.usable)
    return { ok: false, code: 'invalid', error: 'That song is no longer on this device, or cannot be used.' };
  // A drill that needs more of the song than it has (a song imported before Headroom measured its dynamics):
  // refused here, in its own words, rather than sent to students whose questions could not be made.
  const unfit = song?.usable
    ? draft.items
        .map(
          (it) =>
            IMPORTED_KINDS[it.exercise]?.levelProblem?.(it.level) ??
            IMPORTED_KINDS[it.exercise]?.fitProblem?.(song.summary, it.level),
        )
        .find((p) => p)
    : null;
  if (unfit) return { ok: false, code: 'invalid', error: unfit };
  const valid = validateAssignment(assignment);
  if (!valid.ok) return valid;
  try {
    await saveAssignmentRecord(await database(), {
      id: teacherKey(assignment.id),
      role: 'teacher',
      assignment: valid.assignment,
      savedAt: now,
    });
    await loadTeacherData();
    return valid;
  } catch (error) {
    return storageFailure(error);
  }
}

/** The ways to send an assignment: a link (code in the fragment, never sent to a server), the code, a file. */
export function shareAssignment(assignment: Assignment, origin = location.origin) {
  return {
    link: assignmentLink(origin, assignment),
    code: encodeAssignment(assignment),
    fileText: assignmentFileText(assignment),
    fileName: assignmentFileName(assignment),
  };
}

/** Deletes an assignment this device made and its imported reports; returns how many reports went. */
export async function removeTeacherAssignment(id: string): Promise<number | null> {
  try {
    const n = await deleteTeacherAssignment(await database(), id);
    await loadTeacherData();
    return n;
  } catch (error) {
    storageFailure(error);
    return null;
  }
}

/** What became of one imported file or code. */
export interface ImportResult {
  source: string;
  status: 'added' | 'flagged' | 'duplicate' | 'refused';
  message: string;
}

/** Splits pasted text into report codes (one per line or space; a code wrapped over lines is rejoined). */
export function splitPastedCodes(text: string): string[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return [trimmed];
  const out: string[] = [];
  for (const token of trimmed.split(/\s+/).filter(Boolean)) {
    const last = out[out.length - 1];
    // A line of a code wrapped over several lines holds only code characters and follows a code.
    const continues =
      last !== undefined && /^([ar]\d+\.|https?:|\/)/.test(last) && /^[A-Za-z0-9_.-]+$/.test(token);
    if (/^(r\d+\.|a\d+\.|https?:|\/)/.test(token) || !continues) out.push(token);
    else out[out.length - 1] += token;
  }
  return out;
}

/** Imports reports from files or pasted codes in one go; each input gets a result, nothing bad is stored. */
export async function importReports(
  inputs: readonly { source: string; text: string }[],
): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const records: { record: StoredReport; index: number }[] = [];
  const now = Date.now();
  if (teacherAssignments.value.length === 0) await loadTeacherData().catch(() => undefined);
  const mine = new Map(teacherAssignments.value.map((a) => [a.id, a]));
  const decodedInputs = inputs.map(({ source, text }) => ({ source, d: decodeReport(text) }));
  await markAnswers(
    decodedInputs.flatMap(({ d }) => (d.ok ? [d.report] : [])),
    teacherAssignments.value,
  );
  for (const { source, d } of decodedInputs) {
    if (!d.ok) {
      results.push({ source, status: 'refused', message: d.error });
      continue;
    }
    const who = `${d.report.student} — ${d.report.assignmentTitle}`;
    const problems = verifyReport(d.report, mine.get(d.report.assignmentId), {
      now,
      appVersion: APP_VERSION,
      ...(d.edited ? { edited: d.edited } : {}),
      ...(d.hidden ? { hidden: true } : {}),
    });
    // The record keeps the report exactly as received (its checksum is over that); flags are not stored.
    const stored: Report = d.raw ?? d.report;
    records.push({
      index: results.length,
      record: {
        id: d.id,
        assignmentId: stored.assignmentId,
        student: d.report.student,
        report: stored,
        importedAt: now,
      },
    });
    results.push({
      source,
      status: problems.length > 0 ? 'flagged' : 'added',
      message:
        problems.length > 0
          ? `${who}: imported, but flagged and not counted until you accept it. ${problems.map((p) => p.message).join(' ')}`
          : `${who}: imported.`,
    });
  }
  if (records.length === 0) return results;
  try {
    const outcomes = await importReportRecords(
      await database(),
      records.map((r) => r.record),
    );
    outcomes.forEach((o, i) => {
      const { index, record } = records[i]!;
      if (o === 'duplicate')
        results[index] = {
          source: results[index]!.source,
          status: 'duplicate',
          message: `${record.student}: this exact report was already imported; it was not added twice.`,
        };
    });
    await loadTeacherData();
  } catch (error) {
    const message = storageFailure(error).error;
    for (const { index } of records)
      results[index] = { source: results[index]!.source, status: 'refused', message };
  }
  return results;
}

/** Deletes one imported report. */
export async function removeReport(id: string): Promise<boolean> {
  try {
    await deleteReportRecord(await database(), id);
    await loadTeacherData();
    return true;
  } catch (error) {
    storageFailure(error);
    return false;
  }
}

/** The CSV text of one gradebook table (times in this device's time zone). */
export function gradebookCsvText(table: GradebookTable): string {
  return gradebookCsv(table, { exerciseTitle, offsetMinutes: -new Date().getTimezoneOffset() });
}

/** A file name for a table's CSV. */
export function gradebookCsvName(table: GradebookTable): string {
  return `${assignmentFileName({ title: table.title, id: table.assignmentId }).replace(/\.headroom\.json$/, '')}-grades.csv`;
}
