/** Assignments: what a teacher sends (fixed seeds, so every student hears the same questions), and its codec. */

import { IMPORTED_REASONS, importedLevelProblem, takesImported } from '../exercises/shared/imported-kinds';
import { packAssignment, unpackAssignment } from './assignment-pack';
import type { Assignment, AssignmentItem, AssignmentSong } from './assignment-types';
import { defaultCatalog, type ExerciseCatalog } from './catalog';
import { type CodecFailure, encodeFrame, readInput } from './codec';
import { guard, numberAsText, readArray, readInt, readObject, readText, readTime, refuse } from './fields';
import { isContentHash } from './imported-song-hash';
import { isSummaryDigest } from './summary-digest';

export type { Assignment, AssignmentItem, AssignmentSong } from './assignment-types';

/** The assignment format this build writes and reads. Newer formats are refused with "update first". */
export const ASSIGNMENT_VERSION = 1;
/** Longest title, in characters. */
export const MAX_TITLE = 120;
/** Longest instructions, in characters. */
export const MAX_INSTRUCTIONS = 2000;
/** Most items in one assignment. */
export const MAX_ITEMS = 30;
/** Most questions (seeds) in one item. */
export const MAX_QUESTIONS = 100;
/** Most lessons to do first. */
export const MAX_LESSONS = 20;

/** The result of decoding: an assignment, or a clear refusal. */
export type DecodedAssignment = { ok: true; assignment: Assignment } | CodecFailure;

const ID = /^[A-Za-z0-9_-]{4,64}$/;
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2020 && y <= 2200 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function validateItem(value: unknown, n: number, catalog: ExerciseCatalog): AssignmentItem {
  const at = `items[${n - 1}]`;
  const item = readObject(value, at, `Item ${n}`);
  const exercise = item.exercise;
  if (typeof exercise !== 'string' || exercise === '')
    refuse(`${at}.exercise`, `Item ${n} names no exercise.`);
  const kind = catalog.get(exercise);
  if (!kind)
    refuse(
      `${at}.exercise`,
      `Item ${n}: unknown exercise “${exercise.slice(0, 40)}” (this Headroom has ${catalog.ids.join(', ')}).`,
    );
  const level = item.level;
  if (typeof level === 'string')
    refuse(`${at}.level`, numberAsText(`${at}.level`, `Item ${n}’s level`, level));
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 1 || level > kind.levels)
    refuse(
      `${at}.level`,
      `Item ${n}: level ${String(level)} does not exist for “${kind.title}” (it has levels 1–${kind.levels}).`,
    );
  const seeds = readArray(item.seeds, `${at}.seeds`, `Item ${n}’s question list`, MAX_QUESTIONS);
  if (seeds.length === 0) refuse(`${at}.seeds`, `Item ${n} has no questions.`);
  const checked = seeds.map((s, q) =>
    readInt(s, `${at}.seeds[${q}]`, `Item ${n}, question ${q + 1}: seed`, 0, 0xffffffff),
  );
  return { exercise, level, seeds: checked };
}

/** Most tracks an assignment's song lists (an imported song has at most 16). */
const MAX_SONG_TRACKS = 16;

function validateSong(value: unknown, items: readonly AssignmentItem[]): AssignmentSong {
  const song = readObject(value, 'song', 'The assignment’s song');
  if (!isContentHash(song.hash))
    refuse('song.hash', 'The assignment’s song has no valid content hash (64 hex digits).');
  const name = readText(song.name, 'song.name', 'The song’s name', { min: 1, max: MAX_TITLE });
  const tracks = readArray(song.tracks, 'song.tracks', 'The song’s track list', MAX_SONG_TRACKS).map((t, i) =>
    readText(t, `song.tracks[${i}]`, `Track ${i + 1} of the song`, { min: 1, max: MAX_TITLE }),
  );
  if (tracks.length === 0) refuse('song.tracks', 'The assignment’s song lists no tracks.');
  if (song.digest !== undefined && !isSummaryDigest(song.digest))
    refuse('song.digest', 'The assignment’s song digest is malformed (16 hex digits).');
  items.forEach((item, i) => {
    if (!takesImported(item.exercise))
      refuse(
        `items[${i}].exercise`,
        `Item ${i + 1} cannot play an imported song: ${IMPORTED_REASONS[item.exercise] ?? 'it plays only Headroom’s own songs.'}`,
      );
    const levelBad = importedLevelProblem(item.exercise, item.level);
    if (levelBad) refuse(`items[${i}].level`, `Item ${i + 1} cannot play an imported song: ${levelBad}`);
  });
  return { hash: song.hash, name, tracks, ...(song.digest !== undefined ? { digest: song.digest } : {}) };
}

/** Checks a full-form assignment object field by field; refuses with a message naming the field. */
function validate(value: unknown, catalog: ExerciseCatalog): Assignment {
  const a = readObject(value, '', 'The assignment');
  if (typeof a.version === 'string')
    refuse('version', numberAsText('version', 'The format version', a.version));
  if (a.version !== ASSIGNMENT_VERSION)
    refuse('version', `The assignment’s format version ${String(a.version)} is not one Headroom knows.`);
  if (typeof a.id !== 'string' || !ID.test(a.id))
    refuse('id', 'The assignment’s id is missing or malformed (4–64 letters, digits, - or _).');
  const title = readText(a.title, 'title', 'The title', { min: 1, max: MAX_TITLE });
  const instructions = readText(a.instructions, 'instructions', 'The instructions', {
    max: MAX_INSTRUCTIONS,
    multiline: true,
  });
  const rawItems = readArray(a.items, 'items', 'The item list', MAX_ITEMS);
  if (rawItems.length === 0) refuse('items', 'The assignment has no items: add at least one exercise.');
  const items = rawItems.map((item, i) => validateItem(item, i + 1, catalog));
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    for (const seed of item.seeds) {
      const key = `${item.exercise}:${seed}`;
      const first = seen.get(key);
      if (first !== undefined)
        refuse(`items[${i}].seeds`, `Item ${i + 1} repeats question ${seed} of item ${first + 1}.`);
      seen.set(key, i);
    }
  });
  if (typeof a.passMark === 'string')
    refuse('passMark', numberAsText('passMark', 'The pass mark', a.passMark));
  if (typeof a.passMark !== 'number' || Number.isNaN(a.passMark))
    refuse('passMark', 'The pass mark is missing.');
  if (a.passMark < 0 || a.passMark > 100) refuse('passMark', `The pass mark ${a.passMark} is outside 0–100.`);
  if (!Number.isInteger(a.passMark)) refuse('passMark', `The pass mark ${a.passMark} is not a whole number.`);
  const createdAt = readTime(a.createdAt, 'createdAt', 'The creation time');
  const out: Assignment = {
    version: 1,
    id: a.id,
    title,
    instructions,
    items,
    passMark: a.passMark,
    createdAt,
  };
  if (a.due !== undefined && a.due !== null) {
    if (typeof a.due !== 'string' || !isRealDate(a.due))
      refuse('due', 'The due date is not a real date written as YYYY-MM-DD.');
    out.due = a.due;
  }
  if (a.lessons !== undefined && a.lessons !== null) {
    const lessons = readArray(a.lessons, 'lessons', 'The lesson list', MAX_LESSONS);
    lessons.forEach((l, i) => {
      if (typeof l !== 'string' || !LESSON_ID.test(l))
        refuse(`lessons[${i}]`, `Lesson ${i + 1} has a malformed lesson id.`);
    });
    if (lessons.length > 0) out.lessons = lessons as string[];
  }
  if (a.song !== undefined && a.song !== null) out.song = validateSong(a.song, items);
  return out;
}

/** Validates an assignment object (e.g. one the builder made) without encoding it. */
export function validateAssignment(value: unknown, catalog = defaultCatalog()): DecodedAssignment {
  const r = guard('assignment', () => validate(value, catalog));
  return r.ok ? { ok: true, assignment: r.value } : r;
}

/** Encodes an assignment as a compact code `a1.<base64url>.<check>` for a link fragment. */
export function encodeAssignment(assignment: Assignment): string {
  return encodeFrame('assignment', ASSIGNMENT_VERSION, packAssignment(assignment));
}

/** Reads an assignment from its code, a whole link containing it, or its `.headroom.json` file. Never throws. */
export function decodeAssignment(text: unknown, catalog?: ExerciseCatalog): DecodedAssignment {
  try {
    const input = readInput(text, 'assignment', ASSIGNMENT_VERSION);
    if (!input.ok) return input;
    const value = input.packed ? unpackAssignment(input.value) : input.value;
    return validateAssignment(value, catalog ?? defaultCatalog());
  } catch {
    return { ok: false, code: 'invalid', error: 'This assignment could not be read.' };
  }
}

/** The link a student opens: the code lives in the fragment, which browsers never send to a server. */
export function assignmentLink(origin: string, assignment: Assignment): string {
  return `${origin.replace(/\/+$/, '')}/classroom/open#a=${encodeAssignment(assignment)}`;
}

/** The `.headroom.json` file's text: the full, readable assignment with a marker. */
export function assignmentFileText(assignment: Assignment): string {
  return `${JSON.stringify({ headroom: 'assignment', ...assignment }, null, 2)}\n`;
}

/** A file name from the title: lower-case words joined by dashes, then `.headroom.json`. */
export function assignmentFileName(assignment: Pick<Assignment, 'title' | 'id'>): string {
  const slug = assignment.title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${slug || assignment.id}.headroom.json`;
}
