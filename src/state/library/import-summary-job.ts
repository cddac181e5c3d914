/**
 * The work of an imported song's drill summary: each file's bytes hashed (SHA-256, WebCrypto), each decoded
 * track read back from its Blobs and summarised (src/exercises/shared/imported-summary.ts), one track at a
 * time: only one track's samples (and its mono sum) are in memory at once; then each is read again for its
 * comp-match loops' envelopes (which loops depends on every track). Runs in the summary Worker, or on
 * the page where no Worker exists at all (Node tests).
 */
import { songHashOf } from '../../classroom/imported-song-hash';
import type { SampleRate } from '../../dsp/units';
import { compLoopPlan, measureCompLoops } from '../../exercises/comp-match/imported-loops';
import {
  type ImportedSongSummary,
  type ImportedTrackSummary,
  SUMMARY_VERSION,
} from '../../exercises/shared/imported-song';
import { keysOf, monoSum, songDurationS, summariseTrack } from '../../exercises/shared/imported-summary';
import type { WorkerErrorReply } from '../shared/worker-call';

/** A file's bytes: a File or Blob (read where the job runs) or an ArrayBuffer. */
export type FileBytes = Blob | ArrayBuffer;

/**
 * What the summary needs: the song's name and, per track, its file's bytes (or, measuring a stored song again,
 * the file's SHA-256 from its earlier summary) and its decoded channels (Blobs of float32).
 */
export interface SummaryJob {
  name: string;
  sampleRate: SampleRate;
  tracks: { name: string; file?: FileBytes; fileHash?: string; channels: Blob[] }[];
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

/** A decoded channel's length in samples, from its Blob's size (float32: 4 bytes each), without reading it. */
const samplesIn = (channel: Blob | undefined) => Math.floor((channel?.size ?? 0) / 4);

/**
 * Makes the summary (and the song's hash, inside it), the same as summariseImportedSong on all the tracks at
 * once: the duration comes from the decoded lengths, then each track is read, summarised and let go before
 * the next is read.
 */
export async function summariseJob(job: SummaryJob): Promise<ImportedSongSummary> {
  const fileHashes: string[] = [];
  for (const t of job.tracks) {
    if (t.fileHash === undefined && t.file === undefined)
      throw new Error(`track “${t.name}” has neither its file nor its file's hash`);
    fileHashes.push(t.fileHash ?? (await fileHash(t.file as FileBytes)));
  }
  const hash = songHashOf(fileHashes);
  const keys = keysOf(fileHashes);
  const durationS = songDurationS(
    Math.max(0, ...job.tracks.map((t) => samplesIn(t.channels[0]))),
    job.sampleRate,
  );
  const tracks = [];
  for (const [i, t] of job.tracks.entries()) {
    const channels: Float32Array[] = [];
    for (const c of t.channels) channels.push(new Float32Array(await c.arrayBuffer()));
    const track = { name: t.name, fileHash: fileHashes[i] as string, channels };
    tracks.push(summariseTrack(track, keys[i] as string, job.sampleRate, durationS));
  }
  tracks.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const song: ImportedSongSummary = { version: SUMMARY_VERSION, hash, name: job.name, durationS, tracks };
  // The comp-match loops need the song's body (every track's levels): each track is read a second time.
  const plan = compLoopPlan(song);
  for (const [i, t] of job.tracks.entries()) {
    const summary = tracks.find((s) => s.key === keys[i]) as ImportedTrackSummary;
    const channels: Float32Array[] = [];
    for (const c of t.channels) channels.push(new Float32Array(await c.arrayBuffer()));
    summary.compLoops = measureCompLoops(monoSum(channels), job.sampleRate, plan.get(summary.key) ?? []);
  }
  return song;
}
