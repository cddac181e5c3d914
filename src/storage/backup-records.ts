/**
 * The backup manifest (the JSON part of a `.headroom-backup`) and the check of every record in it:
 * a restore only starts once each record has the shape its store expects. Pure: no DOM, no IndexedDB.
 */
import { type BackupProblem, backupProblem } from './backup-format';
import type {
  Attempt,
  LessonState,
  Profile,
  Progress,
  SavedWork,
  SettingRecord,
  StoredAssignment,
  StoredReport,
} from './schema';
import { DB_VERSION } from './schema';
import { DEFAULT_SETTINGS } from './settings';
import { MAX_SONG_TRACKS } from './songs';

/** Where one song's samples sit in the audio section, and their checksum. */
export interface BackupAudioRef {
  offset: number;
  byteLength: number;
  crc32: number;
}

/** A track of a backed-up song: its channels are in the audio section. */
export interface BackupSongTrack {
  id: string;
  name: string;
  channelCount: number;
  [field: string]: unknown;
}

/** An imported song's stored record without its samples. */
export interface BackupSongMeta {
  id: string;
  name: string;
  sampleRate: number;
  length: number;
  bytes: number;
  createdAt: number;
  tracks: BackupSongTrack[];
  [field: string]: unknown;
}

/** An imported song as the manifest lists it: the record without samples, plus where they are. */
export interface BackupSong extends BackupSongMeta {
  audio: BackupAudioRef;
}

/** Every backed-up store's records (the stem cache is not backed up: it is made again on demand). */
export interface BackupStores {
  settings: SettingRecord[];
  profiles: Profile[];
  attempts: Attempt[];
  progress: Progress[];
  lessons: LessonState[];
  assignments: StoredAssignment[];
  reports: StoredReport[];
  songs: BackupSong[];
  /** Arrangements and mixes (version 2; a version 1 backup has none). */
  works: SavedWork[];
}

/** The names of the backed-up stores, in the order a backup lists them. */
export const BACKUP_STORES = [
  'settings',
  'profiles',
  'attempts',
  'progress',
  'lessons',
  'assignments',
  'reports',
  'songs',
  'works',
] as const satisfies readonly (keyof BackupStores)[];

/** The JSON part of a backup. */
export interface BackupManifest {
  format: 'headroom-backup';
  /** The database version the records are in (schema.ts DB_VERSION when made). */
  dbVersion: number;
  /** When the backup was made, epoch milliseconds. */
  createdAt: number;
  /** Bytes in the audio section after the manifest. */
  audioBytes: number;
  stores: BackupStores;
}

class Refusal extends Error {}

type Fields = Record<string, unknown>;

function refuse(where: string, what: string): never {
  throw new Refusal(`${where}: ${what}.`);
}
function object(v: unknown, where: string): Fields {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) refuse(where, 'is not a set of fields');
  return v as Fields;
}
function text(r: Fields, key: string, where: string, optional = false, empty = false): void {
  const v = r[key];
  if (optional && v === undefined) return;
  if (typeof v !== 'string' || (!empty && v === ''))
    refuse(where, `${key} is not ${empty ? '' : 'non-empty '}text`);
}
function num(r: Fields, key: string, where: string, optional = false): void {
  const v = r[key];
  if (optional && v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v)) refuse(where, `${key} is not a number`);
}
function int(r: Fields, key: string, where: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  const v = r[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    refuse(
      where,
      `${key} is not a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ''}`,
    );
}
function present(r: Fields, key: string, where: string): void {
  if (!(key in r)) refuse(where, `${key} is missing`);
}

function checkSetting(r: Fields, where: string): void {
  text(r, 'key', where);
  present(r, 'value', where);
  const key = r.key as string;
  if (!Object.hasOwn(DEFAULT_SETTINGS, key)) return; // a setting of another version: kept, unused
  const fallback = (DEFAULT_SETTINGS as unknown as Fields)[key];
  const value = r.value;
  const ok =
    key === 'theme'
      ? value === 'dark' || value === 'light' || value === 'system'
      : fallback === null
        ? value === null || typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
        : typeof value === typeof fallback;
  if (!ok) refuse(where, `the value of "${key}" has the wrong type`);
}
function checkProfile(r: Fields, where: string): void {
  text(r, 'id', where);
  text(r, 'name', where, false, true);
  text(r, 'color', where, false, true);
  num(r, 'createdAt', where);
}
function checkAttempt(r: Fields, where: string): void {
  int(r, 'id', where, 1);
  text(r, 'profileId', where);
  text(r, 'exercise', where);
  text(r, 'skill', where, false, true);
  num(r, 'level', where);
  num(r, 'seed', where);
  int(r, 'score', where, 0, 100);
  num(r, 'timeMs', where);
  num(r, 'at', where);
  present(r, 'question', where);
  present(r, 'answer', where);
  text(r, 'assignmentId', where, true);
}
function checkProgress(r: Fields, where: string): void {
  text(r, 'profileId', where);
  text(r, 'exercise', where);
  text(r, 'skill', where, false, true);
  int(r, 'attempts', where, 0);
  num(r, 'totalScore', where);
  int(r, 'bestScore', where, 0, 100);
  int(r, 'streak', where, 0);
  num(r, 'lastAt', where);
  if (!Array.isArray(r.days) || !r.days.every((d) => Number.isInteger(d)))
    refuse(where, 'days is not a list of day numbers');
}
function checkLesson(r: Fields, where: string): void {
  text(r, 'profileId', where);
  text(r, 'lessonId', where);
  int(r, 'version', where, 1);
  int(r, 'step', where, 0);
  const scores = object(r.scores, `${where} scores`);
  for (const key of Object.keys(scores)) int(scores, key, `${where} scores`, 0, 100);
  if (typeof r.completed !== 'boolean') refuse(where, 'completed is not true or false');
  num(r, 'completedAt', where, true);
  num(r, 'updatedAt', where);
}
function checkAssignment(r: Fields, where: string): void {
  text(r, 'id', where);
  if (r.role !== 'teacher' && r.role !== 'student') refuse(where, 'role is not teacher or student');
  present(r, 'assignment', where);
  text(r, 'profileId', where, true);
  num(r, 'savedAt', where);
  num(r, 'handedInAt', where, true);
}
function checkReport(r: Fields, where: string): void {
  text(r, 'id', where);
  text(r, 'assignmentId', where);
  text(r, 'student', where, false, true);
  present(r, 'report', where);
  num(r, 'importedAt', where);
  text(r, 'flagged', where, true, true);
}
function checkWork(r: Fields, where: string): void {
  text(r, 'id', where);
  if (r.kind !== 'arrangement' && r.kind !== 'mix') refuse(where, 'is neither an arrangement nor a mix');
  text(r, 'profileId', where);
  text(r, 'title', where, false, true);
  text(r, 'name', where, true, true);
  present(r, 'data', where);
  num(r, 'createdAt', where);
  num(r, 'updatedAt', where);
}
function checkSong(r: Fields, where: string, audioAt: number): number {
  text(r, 'id', where);
  text(r, 'name', where);
  int(r, 'sampleRate', where, 3000, 768_000);
  int(r, 'length', where, 1);
  num(r, 'bytes', where);
  num(r, 'createdAt', where);
  if (!Array.isArray(r.tracks) || r.tracks.length < 1 || r.tracks.length > MAX_SONG_TRACKS)
    refuse(where, `tracks is not a list of 1 to ${MAX_SONG_TRACKS} tracks`);
  let channels = 0;
  r.tracks.forEach((t, i) => {
    const track = object(t, `${where} track ${i + 1}`);
    text(track, 'id', `${where} track ${i + 1}`);
    text(track, 'name', `${where} track ${i + 1}`, false, true);
    int(track, 'channelCount', `${where} track ${i + 1}`, 1, 2);
    channels += track.channelCount as number;
  });
  const audio = object(r.audio, `${where} audio`);
  int(audio, 'offset', `${where} audio`, 0);
  int(audio, 'byteLength', `${where} audio`, 0);
  int(audio, 'crc32', `${where} audio`, 0, 0xffffffff);
  const expected = channels * (r.length as number) * 4;
  if (audio.byteLength !== expected)
    refuse(where, `its audio is ${audio.byteLength} bytes where ${expected} were expected`);
  if (audio.offset !== audioAt) refuse(where, 'its audio is not where the backup says');
  return audioAt + expected;
}

type Checker = (r: Fields, where: string) => void;
/** Records checked between two progress reports. */
const CHECK_REPORT_EVERY = 2000;
const CHECKS: Record<Exclude<keyof BackupStores, 'songs'>, [label: string, check: Checker, key: string[]]> = {
  settings: ['Setting', checkSetting, ['key']],
  profiles: ['Profile', checkProfile, ['id']],
  attempts: ['Attempt', checkAttempt, ['id']],
  progress: ['Progress record', checkProgress, ['profileId', 'exercise']],
  lessons: ['Lesson state', checkLesson, ['profileId', 'lessonId']],
  assignments: ['Assignment', checkAssignment, ['id']],
  reports: ['Report', checkReport, ['id']],
  works: ['Saved work', checkWork, ['id']],
};

function checkUnique(list: readonly Fields[], key: string[], label: string): void {
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const k = JSON.stringify(key.map((f) => r[f]));
    if (seen.has(k)) refuse(`${label} ${i + 1}`, 'appears twice');
    seen.add(k);
  });
}

/**
 * Checks a parsed manifest: format marker, database version (a newer one is refused as "newer"), every
 * record of every store, unique keys, and that the song audio fills the audio section exactly.
 * `onChecked` hears the share of records checked now and then (a large backup takes seconds).
 */
export function checkManifest(
  value: unknown,
  onChecked?: (fraction: number) => void,
): BackupManifest | BackupProblem {
  const top = value as Fields;
  if (typeof value !== 'object' || value === null || top.format !== 'headroom-backup')
    return backupProblem('invalid', 'Its list of contents is not a Headroom backup manifest.');
  if (typeof top.dbVersion === 'number' && Number.isInteger(top.dbVersion) && top.dbVersion > DB_VERSION)
    return backupProblem(
      'newer',
      `(Its data is version ${top.dbVersion}; this Headroom reads up to ${DB_VERSION}.)`,
    );
  try {
    int(top, 'dbVersion', 'The backup', 1, DB_VERSION);
    num(top, 'createdAt', 'The backup');
    int(top, 'audioBytes', 'The backup', 0);
    const stores = object(top.stores, 'The backup’s stores');
    // Saved works came with version 2: an older backup has none.
    if (stores.works === undefined && (top.dbVersion as number) < 2) stores.works = [];
    for (const name of BACKUP_STORES)
      if (!Array.isArray(stores[name])) refuse('The backup', `the list of ${name} is missing`);
    const total = BACKUP_STORES.reduce((n, name) => n + (stores[name] as unknown[]).length, 0);
    let checked = 0;
    for (const [name, [label, check, key]] of Object.entries(CHECKS)) {
      const list = stores[name] as unknown[];
      for (const [i, r] of list.entries()) {
        check(object(r, `${label} ${i + 1}`), `${label} ${i + 1}`);
        if (onChecked && ++checked % CHECK_REPORT_EVERY === 0) onChecked(checked / Math.max(1, total));
      }
      checkUnique(list as Fields[], key, label);
    }
    const songs = stores.songs as unknown[];
    let audioAt = 0;
    songs.forEach((s, i) => {
      audioAt = checkSong(object(s, `Song ${i + 1}`), `Song ${i + 1}`, audioAt);
    });
    checkUnique(songs as Fields[], ['id'], 'Song');
    if (audioAt !== top.audioBytes) refuse('The backup', 'its songs do not fill its audio section');
  } catch (error) {
    if (error instanceof Refusal) return backupProblem('invalid', error.message);
    return backupProblem('invalid');
  }
  return value as BackupManifest;
}

/** What a backup holds, for the restore preview. */
export interface BackupContents {
  createdAt: number;
  dbVersion: number;
  counts: Record<keyof BackupStores, number>;
  profileNames: string[];
  songNames: string[];
  audioBytes: number;
}

/** Counts per kind, profile and song names, date made. */
export function describeBackup(manifest: BackupManifest): BackupContents {
  const counts = Object.fromEntries(BACKUP_STORES.map((s) => [s, manifest.stores[s].length])) as Record<
    keyof BackupStores,
    number
  >;
  return {
    createdAt: manifest.createdAt,
    dbVersion: manifest.dbVersion,
    counts,
    profileNames: manifest.stores.profiles.map((p) => p.name),
    songNames: manifest.stores.songs.map((s) => s.name),
    audioBytes: manifest.audioBytes,
  };
}
