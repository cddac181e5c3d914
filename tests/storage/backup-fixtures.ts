/** Realistic data for backup tests, and a deep snapshot of every backed-up store (audio as bytes). */
import { createRng } from '../../src/dsp/random';
import { saveAssignmentRecord, studentKey, teacherKey } from '../../src/storage/assignments';
import { recordAttempt } from '../../src/storage/attempts';
import { BACKUP_STORES } from '../../src/storage/backup-records';
import { updateLessonState } from '../../src/storage/lessons';
import type { HeadroomDb } from '../../src/storage/open';
import { ensureDefaultProfile, saveProfile } from '../../src/storage/profiles';
import { importReportRecords } from '../../src/storage/reports';
import type { Attempt } from '../../src/storage/schema';
import { saveSetting } from '../../src/storage/settings';
import { addSong, type NewSong } from '../../src/storage/songs';

/** 2026-03-01 10:00 UTC. */
export const T0 = Date.UTC(2026, 2, 1, 10);

/** An attempt of `profileId` with sensible defaults. */
export function makeAttempt(profileId: string, i: number, over: Partial<Attempt> = {}): Attempt {
  return {
    profileId,
    exercise: ['eq-boost', 'fader-match', 'pan-spot'][i % 3] as string,
    skill: ['eq', 'level', 'pan'][i % 3] as string,
    level: 1 + (i % 4),
    seed: 1000 + i,
    question: { targetHz: 250 * (1 + (i % 8)), gainDb: 6, bands: [100, 1000, 10000] },
    answer: { bandHz: 250 * (1 + ((i + 1) % 8)) },
    score: (i * 37) % 101,
    timeMs: 1500 + i * 13,
    at: T0 + i * 3_600_000,
    ...over,
  };
}

/**
 * A song whose samples cover the awkward float32 cases: NaN (with a payload), −0, subnormals, ±Infinity,
 * huge and tiny values, then seeded noise.
 */
export function makeSong(id: string, length: number, seed: number, stereo = true): NewSong {
  const rng = createRng(seed);
  const channel = () => {
    const c = new Float32Array(length);
    for (let i = 0; i < length; i++) c[i] = rng.range(-1, 1);
    return c;
  };
  const left = channel();
  const special = new Uint32Array([0x7fc00123, 0x80000000, 0x00000001, 0x7f800000, 0xff800000, 0x7f7fffff]);
  new Uint32Array(left.buffer, 0, Math.min(length, special.length)).set(special.subarray(0, length));
  return {
    id,
    name: `Song ${id}`,
    sampleRate: 48000,
    length,
    tracks: [
      { id: 'mix', name: 'Mix', channels: stereo ? [left, channel()] : [left] },
      { id: 'vox', name: 'Vocal', channels: [channel()] },
    ],
    createdAt: T0 + seed,
  };
}

/** Fills a database with every kind of record a learner and a teacher make. */
export async function seedEverything(
  db: HeadroomDb,
  options: { attempts?: number; songLength?: number } = {},
) {
  await ensureDefaultProfile(db, T0 - 1000);
  await saveProfile(db, { id: 'p-ana', name: 'Ana', color: 'violet', createdAt: T0 - 500 });
  await saveSetting(db, 'theme', 'light');
  await saveSetting(db, 'activeProfileId', 'p-ana');
  await saveSetting(db, 'levelMatch', false);
  const count = options.attempts ?? 24;
  for (let i = 0; i < count; i++) {
    const over: Partial<Attempt> =
      i === 3 ? { question: { ratio: Number.POSITIVE_INFINITY, floorDb: Number.NEGATIVE_INFINITY } } : {};
    if (i === 5) over.assignmentId = 'as-1';
    await recordAttempt(db, makeAttempt(i % 2 === 0 ? 'default' : 'p-ana', i, over));
  }
  await updateLessonState(db, 'p-ana', 'what-is-mixing', () => ({
    profileId: 'p-ana',
    lessonId: 'what-is-mixing',
    version: 2,
    step: 3,
    scores: { quiz1: 80, ex1: 60 },
    completed: false,
    updatedAt: T0 + 10,
  }));
  await updateLessonState(db, 'default', 'eq-basics', () => ({
    profileId: 'default',
    lessonId: 'eq-basics',
    version: 1,
    step: 9,
    scores: { quiz1: 100 },
    completed: true,
    completedAt: T0 + 20,
    updatedAt: T0 + 20,
  }));
  await saveAssignmentRecord(db, {
    id: teacherKey('as-1'),
    role: 'teacher',
    assignment: { id: 'as-1', title: 'EQ week', items: [{ kind: 'eq-boost', level: 2, count: 10 }] },
    savedAt: T0 + 30,
  });
  await saveAssignmentRecord(db, {
    id: studentKey('p-ana', 'as-1'),
    role: 'student',
    assignment: { id: 'as-1', title: 'EQ week' },
    profileId: 'p-ana',
    savedAt: T0 + 40,
    handedInAt: T0 + 50,
  });
  await importReportRecords(db, [
    { id: 'r-1', assignmentId: 'as-1', student: 'Ben', report: { scores: [80, 90] }, importedAt: T0 + 60 },
    {
      id: 'r-2',
      assignmentId: 'as-1',
      student: 'Cleo',
      report: { scores: [] },
      importedAt: T0 + 61,
      flagged: 'checksum',
    },
  ]);
  await addSong(db, makeSong('imp-1', options.songLength ?? 1000, 1));
}

/** Every backed-up store's records, sorted by key, with Blobs turned into their bytes (deep-equal ready). */
export async function snapshot(db: HeadroomDb): Promise<Record<string, unknown[]>> {
  const tx = db.transaction([...BACKUP_STORES], 'readonly');
  const lists = await Promise.all(BACKUP_STORES.map((name) => tx.objectStore(name).getAll()));
  await tx.done;
  const out: Record<string, unknown[]> = {};
  for (const [i, name] of BACKUP_STORES.entries()) {
    out[name] = await Promise.all(
      (lists[i] as unknown as Record<string, unknown>[]).map(async (record) => {
        const audio = record.audio;
        return audio instanceof Blob
          ? { ...record, audio: new Uint8Array(await audio.arrayBuffer()) }
          : record;
      }),
    );
  }
  return out;
}

/** The bytes of a Blob. */
export async function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}
