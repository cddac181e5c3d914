/**
 * Drills left before their last question, one list per profile, kept in the `settings` store under
 * `unfinishedDrills:<profileId>` (no new store; backups carry it as a setting). One drill per kind: the
 * newest replaces an older one of its kind. Each read-modify-write is one transaction.
 */
import { toStorageError } from './errors';
import type { HeadroomDb } from './open';

/** One question of a drill, as asked: the kind, level and seed that make it again. */
export interface UnfinishedItem {
  exercise: string;
  level: number;
  seed: number;
}

/** One answered question of an unfinished drill (plain data, as the drill held it). */
export interface UnfinishedAnswer {
  index: number;
  item: UnfinishedItem;
  question: unknown;
  answer: unknown;
  result: { score: number; correct: boolean; feedback: string; details?: unknown };
  timeMs: number;
  /** When it was answered (epoch ms); with the seed it finds the stored attempt again. */
  at: number;
  /** Whether its attempt was stored when this record was written. */
  saved: boolean;
  value?: number;
  mark?: unknown;
}

/** A drill of one kind left part-way: enough to ask exactly the same remaining questions. */
export interface UnfinishedDrill {
  kind: string;
  /** 1-based level (adaptive drills: the kind's base level). */
  level: number;
  adaptive: boolean;
  count: number;
  /** The seed the drill drew its question seeds from. */
  seed: number;
  /** When the drill began (epoch ms); adaptive answers carry it as their sitting. */
  sitting: number;
  /** Adaptive drills: the estimate the sitting started from (null: none). */
  prior?: { value: number; low: number; high: number } | null;
  /** The items asked so far, the current one last. */
  items: UnfinishedItem[];
  /** The answers given, in order. */
  answers: UnfinishedAnswer[];
  /** The controls of the current question as the learner left them. */
  working?: { index: number; answer: unknown };
  /** A drill on the learner's imported song: which one (its content hash) and its name then. */
  song?: { hash: string; name: string };
  updatedAt: number;
}

/** How many unfinished drills a profile keeps (the oldest goes first). */
export const MAX_UNFINISHED = 8;

/** The settings-store key of a profile's unfinished drills. */
export function unfinishedKey(profileId: string): string {
  return `unfinishedDrills:${profileId}`;
}

const isInt = (v: unknown, min: number): boolean => Number.isInteger(v) && (v as number) >= min;
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isItem(v: unknown): boolean {
  return isObject(v) && typeof v.exercise === 'string' && isInt(v.level, 1) && isInt(v.seed, 0);
}

function isAnswer(v: unknown, i: number): boolean {
  if (!isObject(v) || v.index !== i || !isItem(v.item) || !isObject(v.result)) return false;
  const r = v.result;
  return (
    isNum(r.score) &&
    typeof r.correct === 'boolean' &&
    typeof r.feedback === 'string' &&
    isNum(v.timeMs) &&
    isNum(v.at) &&
    typeof v.saved === 'boolean' &&
    (v.value === undefined || isNum(v.value)) &&
    'question' in v
  );
}

/** Whether a stored value is an unfinished drill that can be continued (more questions than answers). */
export function isUnfinishedDrill(v: unknown): v is UnfinishedDrill {
  if (!isObject(v)) return false;
  const { items, answers } = v;
  return (
    typeof v.kind === 'string' &&
    isInt(v.level, 1) &&
    typeof v.adaptive === 'boolean' &&
    isInt(v.count, 1) &&
    isInt(v.seed, 0) &&
    isNum(v.sitting) &&
    isNum(v.updatedAt) &&
    Array.isArray(items) &&
    items.every(isItem) &&
    Array.isArray(answers) &&
    answers.every(isAnswer) &&
    answers.length < (v.count as number) &&
    items.length >= answers.length &&
    items.length <= (v.count as number) &&
    (v.working === undefined || (isObject(v.working) && isInt(v.working.index, 0))) &&
    (v.song === undefined ||
      (isObject(v.song) &&
        typeof v.song.hash === 'string' &&
        /^[0-9a-f]{64}$/.test(v.song.hash) &&
        typeof v.song.name === 'string'))
  );
}

/** A profile's unfinished drills, newest first (records of a wrong shape are left out). */
export async function listUnfinishedDrills(db: HeadroomDb, profileId: string): Promise<UnfinishedDrill[]> {
  try {
    const record = await db.get('settings', unfinishedKey(profileId));
    const list = Array.isArray(record?.value) ? record.value : [];
    return list.filter(isUnfinishedDrill).sort((a, b) => b.updatedAt - a.updatedAt);
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Reads, changes and writes a profile's list in one transaction. */
async function change(
  db: HeadroomDb,
  profileId: string,
  edit: (list: UnfinishedDrill[]) => UnfinishedDrill[],
): Promise<UnfinishedDrill[]> {
  try {
    const tx = db.transaction('settings', 'readwrite');
    const key = unfinishedKey(profileId);
    const record = await tx.store.get(key);
    const list = (Array.isArray(record?.value) ? record.value : []).filter(isUnfinishedDrill);
    const next = edit(list)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, MAX_UNFINISHED);
    if (next.length > 0) await tx.store.put({ key, value: next });
    else await tx.store.delete(key);
    await tx.done;
    return next;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Keeps a drill's place (replacing any other of its kind); returns the profile's list, newest first. */
export function keepUnfinishedDrill(
  db: HeadroomDb,
  profileId: string,
  drill: UnfinishedDrill,
): Promise<UnfinishedDrill[]> {
  if (!isUnfinishedDrill(drill))
    return Promise.reject(new TypeError('An unfinished drill must have fewer answers than questions.'));
  return change(db, profileId, (list) => [drill, ...list.filter((d) => d.kind !== drill.kind)]);
}

/** Forgets a profile's unfinished drill of a kind (forgetting one that is not kept is fine). */
export function forgetUnfinishedDrill(
  db: HeadroomDb,
  profileId: string,
  kind: string,
): Promise<UnfinishedDrill[]> {
  return change(db, profileId, (list) => list.filter((d) => d.kind !== kind));
}
