import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/dsp/random';
import { createBackup, readBackup } from '../../src/storage/backup';
import {
  type BackupProblemKind,
  crc32,
  decodeHeader,
  encodeHeader,
  HEADER_BYTES,
  manifestFromJson,
  manifestToJson,
} from '../../src/storage/backup-format';
import { restoreBackup } from '../../src/storage/backup-restore';
import { type HeadroomDb, openHeadroomDb } from '../../src/storage/open';
import { bytesOf, seedEverything, snapshot, T0 } from './backup-fixtures';

let db: HeadroomDb;
let good: Uint8Array;
let n = 0;

beforeEach(async () => {
  const source = await openHeadroomDb({ name: `headroom-files-src-${++n}` });
  await seedEverything(source, { attempts: 8, songLength: 64 });
  const made = await createBackup(source, { now: T0 + 86_400_000 });
  if (!made.ok) throw new Error(made.problem.message);
  good = await bytesOf(made.value.blob);
  source.close();
  // The device being restored into already holds data, so "unchanged" means something.
  db = await openHeadroomDb({ name: `headroom-files-dst-${n}` });
  await seedEverything(db, { attempts: 3, songLength: 16 });
});
afterEach(() => db.close());

// biome-ignore lint/suspicious/noExplicitAny: the tests edit arbitrary manifest JSON by path.
type Json = any;

const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);

/** The file with its manifest edited (checksum made right again, so the records themselves are judged). */
function withManifest(bytes: Uint8Array, edit: (m: Json) => void): Uint8Array {
  const header = decodeHeader(bytes.subarray(0, HEADER_BYTES), bytes.length);
  if ('kind' in header) throw new Error(header.message);
  const end = HEADER_BYTES + header.jsonLength;
  const manifest = manifestFromJson(new TextDecoder().decode(bytes.subarray(HEADER_BYTES, end))) as Json;
  edit(manifest);
  const json = new TextEncoder().encode(manifestToJson(manifest));
  const out = new Uint8Array(HEADER_BYTES + json.length + (bytes.length - end));
  out.set(encodeHeader(json.length, crc32(json)));
  out.set(json, HEADER_BYTES);
  out.set(bytes.subarray(end), HEADER_BYTES + json.length);
  return out;
}

/** Reads then (only if the file passed) restores, as the app does; returns the problem kind or 'ok'. */
async function tryRestore(bytes: Uint8Array, mode: 'merge' | 'replace' = 'replace') {
  const read = await readBackup(blob(bytes));
  if (!read.ok) return { kind: read.problem.kind as BackupProblemKind | 'ok', message: read.problem.message };
  const done = await restoreBackup(db, read.value, mode);
  return done.ok
    ? { kind: 'ok' as const, message: '' }
    : { kind: done.problem.kind, message: done.problem.message };
}

async function expectRefused(bytes: Uint8Array, kind: BackupProblemKind, message: RegExp) {
  const before = await snapshot(db);
  const result = await tryRestore(bytes);
  expect(result.kind).toBe(kind);
  expect(result.message).toMatch(message);
  expect(result.message).toMatch(/Nothing on this device was changed\.$/);
  expect(await snapshot(db)).toEqual(before);
}

describe('refused files change nothing', () => {
  it('a good file passes (the baseline for every case below)', async () => {
    expect((await tryRestore(good)).kind).toBe('ok');
  });

  it('truncated at several points', async () => {
    const jsonLength = new DataView(good.buffer).getUint32(20, true);
    const cuts = [
      5,
      16,
      27,
      HEADER_BYTES,
      HEADER_BYTES + 10,
      HEADER_BYTES + jsonLength,
      good.length - 100,
      good.length - 1,
    ];
    for (const cut of cuts) await expectRefused(good.slice(0, cut), 'truncated', /incomplete: it ends early/);
  });

  it('empty, foreign and lookalike files', async () => {
    await expectRefused(new Uint8Array(0), 'foreign', /not a Headroom backup.*empty/);
    const wav = new TextEncoder().encode('RIFF\u0024\u0000\u0000\u0000WAVEfmt ');
    await expectRefused(wav, 'foreign', /not a Headroom backup file/);
    const json = new TextEncoder().encode(JSON.stringify({ format: 'headroom-backup' }));
    await expectRefused(json, 'foreign', /not a Headroom backup file/);
    const wrongMagic = good.slice();
    wrongMagic[3] = 0x41;
    await expectRefused(wrongMagic, 'foreign', /Choose a file ending in \.headroom-backup/);
  });

  it('a newer container version or newer data version', async () => {
    const newer = good.slice();
    new DataView(newer.buffer).setUint32(16, 2, true);
    await expectRefused(newer, 'newer', /made by a newer Headroom.*backup format 2/);
    const newerData = withManifest(good, (m) => {
      m.dbVersion = 99;
    });
    await expectRefused(newerData, 'newer', /made by a newer Headroom.*version 99/);
  });

  it('a record with a wrong field type names the record and the field', async () => {
    await expectRefused(
      withManifest(good, (m) => {
        m.stores.attempts[3].score = '90';
      }),
      'invalid',
      /Attempt 4: score is not a whole number from 0 to 100/,
    );
    await expectRefused(
      withManifest(good, (m) => {
        m.stores.lessons[0].completed = 'yes';
      }),
      'invalid',
      /Lesson state 1: completed is not true or false/,
    );
    await expectRefused(
      withManifest(good, (m) => {
        m.stores.settings.find((s: { key: string }) => s.key === 'theme').value = 'pink';
      }),
      'invalid',
      /the value of "theme" has the wrong type/,
    );
    await expectRefused(
      withManifest(good, (m) => {
        m.stores.profiles.push(m.stores.profiles[0]);
      }),
      'invalid',
      /Profile 3: appears twice/,
    );
  });

  it('audio lengths that do not add up', async () => {
    await expectRefused(
      withManifest(good, (m) => {
        m.stores.songs[0].length = 65;
      }),
      'invalid',
      /its audio is 768 bytes where 780 were expected/,
    );
    await expectRefused(
      withManifest(good, (m) => {
        m.audioBytes += 4;
      }),
      'invalid',
      /do not fill its audio section/,
    );
    const longer = new Uint8Array(good.length + 3);
    longer.set(good);
    await expectRefused(longer, 'damaged', /unexpected data at its end/);
  });

  it('changed bytes: the checksums catch them', async () => {
    const audio = good.slice();
    audio[audio.length - 10]! ^= 0x01;
    await expectRefused(audio, 'damaged', /audio of “Song imp-1” does not match its checksum/);
    const json = good.slice();
    json[HEADER_BYTES + 40]! ^= 0x20;
    await expectRefused(json, 'damaged', /list of contents was changed/);
  });
});

/** One random change to a backup file: bytes, length, or (checksum repaired) a manifest value. */
function mutate(rng: Rng, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  switch (rng.int(0, 5)) {
    case 0:
      for (let k = rng.int(1, 4); k > 0; k--) out[rng.int(0, out.length - 1)] = rng.int(0, 255);
      return out;
    case 1:
      return out.slice(0, rng.int(0, out.length - 1));
    case 2: {
      const at = rng.int(0, out.length);
      const extra = Uint8Array.from({ length: rng.int(1, 40) }, () => rng.int(0, 255));
      return new Uint8Array([...out.subarray(0, at), ...extra, ...out.subarray(at)]);
    }
    case 3:
      new DataView(out.buffer).setUint32(rng.pick([16, 20, 24]), rng.int(0, 0xffffffff), true);
      return out;
    default:
      return withManifest(out, (m) => {
        // Walk to a random value and replace it with one of another type.
        let node: Json = m;
        let key: string | number = 'stores';
        for (let depth = rng.int(1, 5); depth > 0; depth--) {
          const next: Json = node[key];
          if (typeof next !== 'object' || next === null) break;
          const keys: string[] = Object.keys(next);
          if (keys.length === 0) break;
          node = next;
          key = rng.pick(keys);
        }
        node[key] = rng.pick([null, 'x', '', -1, 0, 1.5, 1e300, [], {}, true, Number.NaN, undefined]);
      });
  }
}

describe('fuzz', () => {
  it('200 mutated files: never a throw, always ok or a typed problem, refused ones change nothing', async () => {
    const rng = createRng(20261124);
    const kinds = new Map<string, number>();
    let baseline = await snapshot(db);
    for (let i = 0; i < 200; i++) {
      const bytes = mutate(rng.fork(`case ${i}`), good);
      const result = await tryRestore(bytes, i % 2 ? 'merge' : 'replace');
      kinds.set(result.kind, (kinds.get(result.kind) ?? 0) + 1);
      expect(['ok', 'foreign', 'truncated', 'newer', 'damaged', 'invalid']).toContain(result.kind);
      if (result.kind === 'ok') {
        // A change the checks cannot see (e.g. inside an answer's free-form data) restores like any file.
        baseline = await snapshot(db);
        continue;
      }
      expect(result.message.length).toBeGreaterThan(20);
      expect(await snapshot(db)).toEqual(baseline);
    }
    // The mutations reach every layer of checks.
    for (const kind of ['foreign', 'truncated', 'damaged', 'invalid'])
      expect(kinds.get(kind) ?? 0).toBeGreaterThan(0);
  }, 30_000);
});
