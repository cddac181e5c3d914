/** Reads and checks a lesson's YAML front matter, reporting each mistake at its own line. */
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ProblemList } from './problems.pure';
import { LESSON_TRACKS, type LessonFrontMatter, type LessonTrack } from './schema';

/** Lesson ids: lower-case words joined by hyphens, e.g. "eq-basics". */
export const LESSON_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const FIELDS = [
  'id',
  'title',
  'track',
  'order',
  'minutes',
  'objectives',
  'prerequisites',
  'version',
] as const;
type Field = (typeof FIELDS)[number];

/** The front matter read from a file: its fields (null when any is wrong) and the line of each field. */
export interface FrontMatterResult {
  front: LessonFrontMatter | null;
  /** 1-based file line of each field that is present. */
  lines: Record<string, number>;
}

/**
 * Parses the front matter text (between the `---` lines) whose first line is line `firstLine` of the file.
 * Each mistake is added to `problems`; `front` is null when any field is missing or wrong.
 */
export function readFrontMatter(text: string, firstLine: number, problems: ProblemList): FrontMatterResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const lineAt = (offset: number | undefined) =>
    firstLine - 1 + (offset === undefined ? 1 : counter.linePos(offset).line);
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      problems.add(lineAt(e.pos[0]), `front matter is not valid YAML: ${e.message.split('\n')[0]}`);
    return { front: null, lines: {} };
  }
  const contents = doc.contents;
  if (!isMap(contents)) {
    problems.add(firstLine, 'front matter must be a list of "field: value" lines');
    return { front: null, lines: {} };
  }
  const lines = new Map<string, number>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    if (!(FIELDS as readonly string[]).includes(key))
      problems.add(line, `unknown front-matter field "${key}" (fields: ${FIELDS.join(', ')})`);
    lines.set(key, line);
  }
  const data = doc.toJS() as Record<string, unknown>;
  const before = problems.items.length;
  const at = (field: Field) => lines.get(field) ?? firstLine;
  const missing = (field: Field) => {
    if (data[field] !== undefined && data[field] !== null) return false;
    problems.add(firstLine, `front matter is missing "${field}"`);
    return true;
  };
  const text_ = (field: Field): string => {
    if (missing(field)) return '';
    const v = data[field];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    problems.add(at(field), `"${field}" must be text`);
    return '';
  };
  const whole = (field: Field, min: number, max: number): number => {
    if (missing(field)) return 0;
    const v = data[field];
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    problems.add(
      at(field),
      `"${field}" must be a whole number from ${min} to ${max}, not ${JSON.stringify(v)}`,
    );
    return 0;
  };
  const list = (field: Field, allowEmpty: boolean): string[] => {
    if (missing(field)) return [];
    const v = data[field];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) {
      problems.add(at(field), `"${field}" must be a list of text items, e.g. [first, second]`);
      return [];
    }
    if (!allowEmpty && v.length === 0) problems.add(at(field), `"${field}" needs at least one item`);
    return v.map((x: string) => x.trim());
  };

  const id = text_('id');
  if (id && !LESSON_ID_PATTERN.test(id))
    problems.add(at('id'), `"id" must be lower-case words joined by hyphens (like "eq-basics"), not "${id}"`);
  const title = text_('title');
  const track = text_('track');
  if (track && !(LESSON_TRACKS as readonly string[]).includes(track))
    problems.add(at('track'), `"track" must be ${LESSON_TRACKS.join(' or ')}, not "${track}"`);
  const order = whole('order', 1, 999);
  const minutes = whole('minutes', 1, 180);
  const objectives = list('objectives', false);
  const prerequisites = list('prerequisites', true);
  for (const p of prerequisites) {
    if (!LESSON_ID_PATTERN.test(p))
      problems.add(at('prerequisites'), `prerequisite "${p}" is not a lesson id`);
    if (p === id) problems.add(at('prerequisites'), `lesson "${id}" lists itself as a prerequisite`);
  }
  const version = whole('version', 1, 10_000);
  const fieldLines = Object.fromEntries(lines);
  if (problems.items.length > before) return { front: null, lines: fieldLines };
  return {
    front: { id, title, track: track as LessonTrack, order, minutes, objectives, prerequisites, version },
    lines: fieldLines,
  };
}
