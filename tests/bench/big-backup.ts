/**
 * A large `.headroom-backup` made directly (no database needed): `answers` answers over 4 profiles, their
 * progress records, a few settings and one short song. 200,000 answers make a file of about 45 MB, the
 * size issue 19 measured. Used by the backup bench rows and the streaming restore tests.
 */
import { crc32, encodeHeader, manifestToJson } from '../../src/storage/backup-format';
import { progressFromAttempts } from '../../src/storage/backup-merge';
import {
  BACKUP_STORES,
  type BackupManifest,
  type BackupSong,
  type BackupStores,
} from '../../src/storage/backup-records';
import type { Attempt, Progress } from '../../src/storage/schema';
import { DB_VERSION } from '../../src/storage/schema';

/** 2026-03-01 10:00 UTC. */
const T0 = Date.UTC(2026, 2, 1, 10);
const EXERCISES = ['eq-boost', 'fader-match', 'pan-spot', 'comp-match'] as const;

/** The i-th generated answer (ids from 1). */
export function bigAttempt(i: number): Attempt {
  return {
    id: i + 1,
    profileId: `p-${i % 4}`,
    exercise: EXERCISES[(i >> 2) % 4] as string,
    skill: ['eq', 'level', 'pan', 'dynamics'][(i >> 2) % 4] as string,
    level: 1 + (i % 5),
    seed: 100_000 + i,
    question: { targetHz: 250 * (1 + (i % 8)), gainDb: 6, bands: [100, 1000, 10000] },
    answer: { bandHz: 250 * (1 + ((i + 1) % 8)) },
    score: (i * 37) % 101,
    timeMs: 1500 + (i % 9000),
    at: T0 + i * 60_000,
  };
}

/** Every backed-up store, those not given empty (stores added in later versions included). */
function fillStores(given: Partial<BackupStores>): BackupStores {
  const stores: Record<string, unknown[]> = { ...given };
  for (const name of BACKUP_STORES) stores[name] ??= [];
  return stores as unknown as BackupStores;
}

/** A backup file holding `answers` answers, and its manifest. */
export function makeBigBackup(answers: number, songFrames = 4800): { file: Blob; manifest: BackupManifest } {
  const attempts = Array.from({ length: answers }, (_, i) => bigAttempt(i));
  const groups = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const key = `${a.profileId}\n${a.exercise}`;
    const list = groups.get(key) ?? [];
    list.push(a);
    groups.set(key, list);
  }
  const progress = [...groups.values()].map((g) => progressFromAttempts(g) as Progress);
  const samples = new Float32Array(songFrames * 2);
  for (let i = 0; i < samples.length; i++) samples[i] = Math.sin(i * 0.01) * 0.5;
  const audio = new Uint8Array(samples.buffer);
  const song: BackupSong = {
    id: 'imported-big',
    name: 'Big song',
    sampleRate: 48000,
    length: songFrames,
    bytes: audio.length,
    createdAt: T0,
    tracks: [{ id: 'mix', name: 'Mix', channelCount: 2 }],
    audio: { offset: 0, byteLength: audio.length, crc32: crc32(audio) },
  };
  const manifest: BackupManifest = {
    format: 'headroom-backup',
    dbVersion: DB_VERSION,
    createdAt: T0 + answers * 60_000,
    audioBytes: audio.length,
    stores: fillStores({
      settings: [
        { key: 'theme', value: 'dark' },
        { key: 'activeProfileId', value: 'p-1' },
      ],
      profiles: [0, 1, 2, 3].map((n) => ({
        id: `p-${n}`,
        name: `Learner ${n + 1}`,
        color: 'violet',
        createdAt: T0 - n,
      })),
      attempts,
      progress,
      lessons: [],
      assignments: [],
      reports: [],
      songs: [song],
    }),
  };
  const json = new TextEncoder().encode(manifestToJson(manifest));
  const file = new Blob([encodeHeader(json.length, crc32(json)), json, audio]);
  return { file, manifest };
}
