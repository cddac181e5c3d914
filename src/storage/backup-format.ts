/**
 * The `.headroom-backup` container: one file holding every record as JSON plus the imported audio as raw
 * bytes, so a three-minute stereo song costs its 4 bytes per sample and nothing more (no base64).
 *
 *   offset  size  field
 *   0       16    magic: the ASCII text "HEADROOM-BACKUP\n" (a text editor shows what the file is)
 *   16      4     container format version, uint32 little-endian (FORMAT_VERSION)
 *   20      4     JSON length in bytes, uint32 little-endian
 *   24      4     CRC-32 of the JSON bytes, uint32 little-endian
 *   28      n     the manifest: UTF-8 JSON (see backup-records.ts), which lists every song's audio as
 *                 { offset, byteLength, crc32 } within the audio section
 *   28+n    …     the audio section: each song's float32 little-endian samples, track by track and
 *                 channel by channel, songs back to back in manifest order; the file ends exactly here
 *
 * Pure: no DOM, no IndexedDB. Reading files and writing the database live in backup.ts.
 */

/** The 16 bytes every backup starts with. */
export const BACKUP_MAGIC = 'HEADROOM-BACKUP\n';
/** The container version this Headroom writes and the newest it reads. */
export const FORMAT_VERSION = 1;
/** Bytes before the JSON manifest. */
export const HEADER_BYTES = 28;
/** The setting key a restore's marker is stored under (not a user setting; backups leave it out). */
export const RESTORE_MARK_KEY = 'restoreMark';
/** The file name ending of a backup. */
export const BACKUP_EXTENSION = '.headroom-backup';

/** Why a backup file could not be used; every kind has a message a person understands. */
export type BackupProblemKind =
  | 'foreign'
  | 'truncated'
  | 'newer'
  | 'damaged'
  | 'invalid'
  | 'unreadable'
  | 'unsupported'
  | 'storage';

/** A refused backup (reading, making or restoring one): the kind, and a sentence to show as it is. */
export interface BackupProblem {
  kind: BackupProblemKind;
  message: string;
}

const NOTHING_CHANGED = 'Nothing on this device was changed.';

/** Builds a problem; `detail` (if any) is added to the kind's sentence. */
export function backupProblem(kind: BackupProblemKind, detail?: string): BackupProblem {
  const text: Record<BackupProblemKind, string> = {
    foreign: `This is not a Headroom backup file. Choose a file ending in ${BACKUP_EXTENSION}.`,
    truncated:
      'This backup file is incomplete: it ends early, perhaps because a download or copy did not finish.',
    newer:
      'This backup was made by a newer Headroom. Reload Headroom to get the newest version, then try again.',
    damaged: 'This backup file is damaged: its contents do not match its checksums.',
    invalid: 'This backup file holds data Headroom cannot use.',
    unreadable: 'The file could not be read. Try choosing it again.',
    unsupported: 'The backup could not be made.',
    storage: 'The restore could not be saved.',
  };
  const read = kind === 'unsupported' ? '' : ` ${NOTHING_CHANGED}`;
  return { kind, message: detail ? `${text[kind]} ${detail}${read}` : `${text[kind]}${read}` };
}

/** The fixed-size start of a backup. */
export interface BackupHeader {
  version: number;
  jsonLength: number;
  jsonCrc: number;
}

/** The header bytes for a manifest of `jsonLength` bytes with checksum `jsonCrc`. */
export function encodeHeader(jsonLength: number, jsonCrc: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(HEADER_BYTES);
  for (let i = 0; i < BACKUP_MAGIC.length; i++) out[i] = BACKUP_MAGIC.charCodeAt(i);
  const view = new DataView(out.buffer);
  view.setUint32(16, FORMAT_VERSION, true);
  view.setUint32(20, jsonLength, true);
  view.setUint32(24, jsonCrc >>> 0, true);
  return out;
}

/**
 * Reads the header from the first bytes of a file of `fileSize` bytes: foreign when the magic is wrong,
 * truncated when the file stops inside the header or the manifest, newer for a later container version.
 */
export function decodeHeader(start: Uint8Array, fileSize: number): BackupHeader | BackupProblem {
  const magicBytes = Math.min(start.length, BACKUP_MAGIC.length);
  for (let i = 0; i < magicBytes; i++)
    if (start[i] !== BACKUP_MAGIC.charCodeAt(i)) return backupProblem('foreign');
  if (fileSize === 0) return backupProblem('foreign', 'The file is empty.');
  if (start.length < HEADER_BYTES || fileSize < HEADER_BYTES) return backupProblem('truncated');
  const view = new DataView(start.buffer, start.byteOffset, HEADER_BYTES);
  const version = view.getUint32(16, true);
  if (version > FORMAT_VERSION) return backupProblem('newer', `(It is backup format ${version}.)`);
  if (version < 1) return backupProblem('damaged', 'Its version number is 0.');
  const jsonLength = view.getUint32(20, true);
  if (jsonLength < 2) return backupProblem('damaged', 'Its list of contents is empty.');
  if (HEADER_BYTES + jsonLength > fileSize) return backupProblem('truncated');
  return { version, jsonLength, jsonCrc: view.getUint32(24, true) };
}

/** True for a problem (as opposed to a decoded value). */
export function isProblem(value: unknown): value is BackupProblem {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  // Slicing-by-4 tables: four bytes per step (about twice as fast as one).
  for (let n = 0; n < 256; n++) {
    let c = table[n] as number;
    for (let t = 1; t < 4; t++) {
      c = (table[c & 0xff] as number) ^ (c >>> 8);
      table[t * 256 + n] = c >>> 0;
    }
  }
  return table;
})();

/**
 * CRC-32 (IEEE 802.3, as zip and PNG use) of `bytes`, continuing from `crc` so a large file can be
 * checked chunk by chunk: crc32(b, crc32(a)) === crc32(a ++ b).
 */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = CRC_TABLE;
  let c = ~crc >>> 0;
  let i = 0;
  const end4 = bytes.length - (bytes.length % 4);
  for (; i < end4; i += 4) {
    c ^=
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    c =
      (t[768 + (c & 0xff)] as number) ^
      (t[512 + ((c >>> 8) & 0xff)] as number) ^
      (t[256 + ((c >>> 16) & 0xff)] as number) ^
      (t[c >>> 24] as number);
  }
  for (; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

const NON_FINITE = '$nonFinite';

/**
 * JSON text of the manifest. Numbers JSON cannot hold (NaN, ±Infinity) are kept as `{"$nonFinite": "…"}`;
 * values JSON would silently change (typed arrays, Maps, Sets, Dates, Blobs) are refused with a throw.
 */
export function manifestToJson(manifest: unknown): string {
  return JSON.stringify(manifest, function replacer(this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    if (typeof raw === 'number' && !Number.isFinite(raw)) return { [NON_FINITE]: String(raw) };
    if (
      typeof raw === 'object' &&
      raw !== null &&
      !Array.isArray(raw) &&
      Object.getPrototypeOf(raw) !== Object.prototype &&
      Object.getPrototypeOf(raw) !== null
    )
      throw new TypeError(`"${key}" holds a ${raw.constructor?.name ?? 'value'} a backup cannot carry`);
    return value;
  });
}

/** Parses manifest JSON text (reverses manifestToJson); throws SyntaxError for text that is not JSON. */
export function manifestFromJson(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const tag = (value as Record<string, unknown>)[NON_FINITE];
      if (keys.length === 1 && (tag === 'NaN' || tag === 'Infinity' || tag === '-Infinity'))
        return Number(tag);
    }
    return value;
  });
}
