/**
 * The work of an imported song's drill summary: each file's bytes hashed (SHA-256, WebCrypto), each decoded
 * track read back from its Blobs and summarised (src/exercises/shared/imported-summary.ts). Runs in the
 * summary Worker, or on the page where none starts.
 */
import { songHashOf } from '../../classroom/imported-song-hash';
import type { SampleRate } from '../../dsp/units';
import type { ImportedSongSummary } from '../../exercises/shared/imported-song';
import { summariseImportedSong } from '../../exercises/shared/imported-summary';
import type { WorkerErrorReply } from '../shared/worker-call';

/** A file's bytes: a File or Blob (read where the job runs) or an ArrayBuffer. */
export type FileBytes = Blob | ArrayBuffer;

/** What the summary needs: the song's name, each file's bytes and decoded channels (Blobs of float32). */
export interface SummaryJob {
  name: string;
  sampleRate: SampleRate;
  tracks: { name: string; file: FileBytes; channels: Blob[] }[];
}

/** A request to the summary worker. */
export interface SummaryRequest extends SummaryJob {
  id: number;
}

/** The summary worker's answer. */
export type SummaryReply = { id: number; type: 'done'; summary: ImportedSongSummary } | WorkerErrorReply;

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 hex of a file's bytes (WebCrypto). */
export async function fileHash(file: FileBytes): Promise<string> {
  const bytes = file instanceof ArrayBuffer ? file : await file.arrayBuffer();
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

/** Makes the summary (and the song's hash, inside it). */
export async function summariseJob(job: SummaryJob): Promise<ImportedSongSummary> {
  const tracks = [];
  for (const t of job.tracks) {
    const channels = await Promise.all(t.channels.map(async (c) => new Float32Array(await c.arrayBuffer())));
    tracks.push({ name: t.name, fileHash: await fileHash(t.file), channels });
  }
  const hash = songHashOf(tracks.map((t) => t.fileHash));
  return summariseImportedSong(job.name, hash, tracks, job.sampleRate);
}
