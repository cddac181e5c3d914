import { signal } from '@preact/signals';
import { createRng, hashString } from '../../dsp/random';
import type { SampleRate } from '../../dsp/units';
import type { ImportLimits } from '../../production/import/limits';
import { fileProblem, type ImportProblem, setProblem } from '../../production/import/problems';
import { SNIFF_BYTES, type SniffResult, sniffFile } from '../../production/import/sniff';
import { guessTrackKind, namesFromFiles } from '../../production/import/track-names';
import {
  checkDecoded,
  checkFileSet,
  checkSongBytes,
  type DecodedAudio,
  sniffProblem,
} from '../../production/import/validate';
import { toStorageError } from '../../storage/errors';
import { addPackedSong } from '../../storage/songs';
import { holdLeave } from '../shared/leave-guard';
import { database } from '../shared/storage';
import { browserCanPlay, decodeWavOffThread, decodeWithBrowser, resampleInWorker } from './import-decode';
import { importLimits, refreshImportLimits } from './import-limits';
import { NOT_MEASURED, summariseOffThread } from './import-summary';
import { IMPORTED_PREFIX, noteImportedSong, type SongSummary } from './imported-songs';

/**
 * Importing your own audio: a set of files (picker or drop) becomes one song with one named track per
 * file. Every file is checked (type, size, decoding, channels, length, silence) and every problem is
 * reported with the file's name; only when all files passed are the tracks resampled to the app's rate,
 * padded to one length, and stored in a single transaction, so a failed import leaves nothing behind.
 */

/** The sample rate imported audio is stored at. */
export const IMPORT_SAMPLE_RATE: SampleRate = 48000;

/** Where an import is: which file, what it is doing, and the share of the whole job done (0..1). */
export interface ImportProgress {
  file: string;
  index: number;
  count: number;
  stage: 'reading' | 'decoding' | 'resampling' | 'saving';
  fraction: number;
}

/** The import under way, or null. */
export const importProgress = signal<ImportProgress | null>(null);

/** An import's outcome: the stored song, or every problem found (and nothing stored). */
export type ImportResult = { ok: true; song: SongSummary } | { ok: false; problems: ImportProblem[] };

/** A file to import (a File fits). */
export interface ImportFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** Options for tests: smaller limits, another rate, a fixed clock. */
export interface ImportOptions {
  limits?: ImportLimits;
  sampleRate?: SampleRate;
  now?: number;
  /**
   * Refuse the song, storing nothing, when it cannot be measured for drills (an assignment's song is of no
   * use without its summary, and each retry would store another copy). Otherwise it is stored without one.
   */
  needsDrillSummary?: boolean;
}

/** A decoded file: its channels at the import rate, one Blob each (the samples stay out of this page). */
type Decoded = { ok: true; length: number; channels: Blob[] } | { ok: false; problem: ImportProblem };

function undecodable(name: string, sniff: SniffResult): ImportProblem {
  if (sniff.kind === 'audio') {
    return browserCanPlay(sniff.mime)
      ? fileProblem(
          name,
          'corrupt',
          `this ${sniff.label} file could not be decoded: it seems damaged or cut short.`,
        )
      : fileProblem(
          name,
          'unsupported-codec',
          `this browser cannot decode ${sniff.label} audio. Convert the file to WAV (or FLAC) and import that.`,
        );
  }
  return fileProblem(name, 'not-audio', 'this is not an audio file that Headroom or this browser can read.');
}

const unreadable = (name: string) =>
  fileProblem(name, 'corrupt', 'the file could not be read (was it moved or deleted?).');

/** A File or Blob: read in slices and handed to workers as a handle, never copied whole. */
function isBlobFile(file: ImportFile): file is ImportFile & Blob {
  return typeof Blob !== 'undefined' && file instanceof Blob;
}

/** One channel as a Blob of float32 samples. */
const channelBlob = (c: Float32Array) =>
  new Blob([c as Float32Array<ArrayBuffer>], { type: 'application/octet-stream' });

/** Checks what the browser decoded, converts its rate if needed, and packs each channel into a Blob. */
async function fromBrowser(
  name: string,
  audio: DecodedAudio,
  bytes: ArrayBuffer,
  limits: ImportLimits,
  rate: SampleRate,
  stage: (s: ImportProgress['stage']) => void,
): Promise<Decoded> {
  const problem = checkDecoded(name, audio, limits);
  if (problem) return { ok: false, problem };
  if (audio.sampleRate !== rate) {
    stage('resampling');
    // The browser resamples while decoding (fast, band-limited); our own resampler covers what it refuses.
    const channels = audio.channels.length;
    const byBrowser = await decodeWithBrowser(bytes, rate).catch(() => null);
    audio =
      byBrowser && byBrowser.channels.length === channels ? byBrowser : await resampleInWorker(audio, rate);
  }
  return { ok: true, length: audio.channels[0]?.length ?? 0, channels: audio.channels.map(channelBlob) };
}

/**
 * Decodes one file at `rate`, or says why not. WAV goes to the decoding Worker as a file handle (read
 * there in slices, channel by channel); other formats are decoded by the browser here.
 */
async function decodeFile(
  file: ImportFile,
  limits: ImportLimits,
  rate: SampleRate,
  stage: (s: ImportProgress['stage']) => void,
): Promise<Decoded> {
  const name = file.name;
  stage('reading');
  const readAll = () => file.arrayBuffer().catch(() => null);
  let bytes: ArrayBuffer | null = null;
  let head: Uint8Array;
  try {
    if (isBlobFile(file)) head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
    else {
      bytes = await file.arrayBuffer();
      head = new Uint8Array(bytes, 0, Math.min(SNIFF_BYTES, bytes.byteLength));
    }
  } catch {
    return { ok: false, problem: unreadable(name) };
  }
  const sniff = sniffFile(head);
  const notAudio = sniffProblem(name, sniff);
  if (notAudio) return { ok: false, problem: notAudio };
  stage('decoding');
  if (sniff.kind === 'wav') {
    const source = isBlobFile(file) ? file : (bytes as ArrayBuffer);
    bytes = null; // moved to the worker
    const wav = await decodeWavOffThread({ source, name, rate, limits }).catch(() => null);
    if (!wav) return { ok: false, problem: unreadable(name) };
    if (wav.ok) return wav;
    // A WAV in a format our reader does not know (ADPCM, µ-law …) may still decode in the browser.
    if (!wav.tryBrowser) return { ok: false, problem: wav.problem };
    const again = await readAll();
    const audio = again && (await decodeWithBrowser(again, rate).catch(() => null));
    if (!again || !audio) return { ok: false, problem: wav.problem };
    return fromBrowser(name, audio, again, limits, rate, stage);
  }
  bytes ??= await readAll();
  if (!bytes) return { ok: false, problem: unreadable(name) };
  const audio = await decodeWithBrowser(bytes, rate).catch(() => null);
  if (!audio) return { ok: false, problem: undecodable(name, sniff) };
  return fromBrowser(name, audio, bytes, limits, rate, stage);
}

/** A megabyte of silence, shared by every pad. */
let zeros: Uint8Array<ArrayBuffer> | null = null;

/**
 * One Blob in the songs store's layout (track by track, channel by channel, each `length` samples),
 * made of the decoded channels' Blobs and silence at the end of shorter ones: no samples are copied here.
 */
function packTracks(decoded: readonly { length: number; channels: Blob[] }[], length: number): Blob {
  zeros ??= new Uint8Array(1 << 20);
  const parts: BlobPart[] = [];
  for (const d of decoded) {
    for (const channel of d.channels) {
      parts.push(channel);
      for (let pad = (length - d.length) * 4; pad > 0; pad -= zeros.length)
        parts.push(pad >= zeros.length ? zeros : zeros.subarray(0, pad));
    }
  }
  return new Blob(parts, { type: 'application/octet-stream' });
}

function songId(now: number, names: readonly string[]): string {
  const rng = createRng((now ^ hashString(names.join('\n'))) >>> 0);
  return `${IMPORTED_PREFIX}${now.toString(36)}-${rng.int(0, 36 ** 4 - 1).toString(36)}`;
}

let busy = false;

/**
 * Imports files as one song (one track per file). Every problem found is returned, each naming its
 * file; nothing is stored unless every file passed. One import runs at a time.
 */
export async function importAudioFiles(
  files: readonly ImportFile[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  // This device's limits (said up front in the import panel); tests pass their own.
  const limits = options.limits ?? importLimits.value;
  const rate = options.sampleRate ?? IMPORT_SAMPLE_RATE;
  if (busy)
    return {
      ok: false,
      problems: [setProblem('storage', 'An import is already running: wait for it to finish.')],
    };
  const early = checkFileSet(files, limits);
  if (early.length > 0) return { ok: false, problems: early };
  busy = true;
  // Leaving mid-import would drop the song without a word: the page asks first until it ends.
  const releaseLeave = holdLeave('a song is being imported');
  const count = files.length;
  try {
    const problems: ImportProblem[] = [];
    const decoded: { name: string; file: ImportFile; length: number; channels: Blob[] }[] = [];
    let bytes = 0;
    for (const [index, file] of files.entries()) {
      const stage = (s: ImportProgress['stage']) => {
        const within = { reading: 0, decoding: 0.2, resampling: 0.6, saving: 1 }[s];
        importProgress.value = {
          file: file.name,
          index,
          count,
          stage: s,
          fraction: (index + within) / (count + 0.5),
        };
      };
      const result = await decodeFile(file, limits, rate, stage);
      if (!result.ok) {
        problems.push(result.problem);
        continue;
      }
      bytes += result.channels.reduce((n, c) => n + c.size, 0);
      const tooMuch = checkSongBytes(bytes, limits);
      if (tooMuch) {
        problems.push(tooMuch);
        break;
      }
      // Once a file failed nothing will be stored: keep checking the rest, but not their samples.
      if (problems.length === 0)
        decoded.push({ name: file.name, file, length: result.length, channels: result.channels });
    }
    if (problems.length > 0) return { ok: false, problems };
    importProgress.value = {
      file: '',
      index: count - 1,
      count,
      stage: 'saving',
      fraction: count / (count + 0.5),
    };
    const now = options.now ?? Date.now();
    const names = namesFromFiles(
      decoded.map((d) => d.name),
      'Imported song',
    );
    // Shorter stems end in silence: every track as long as the longest (alignTracks' rule).
    const length = Math.max(...decoded.map((d) => d.length));
    // What drills read of the song, and its content hash (the files' bytes): made once, stored with it. A
    // song whose summary fails still imports (the Mix page needs none) unless the caller needs it for drills;
    // Train then says why it cannot be used.
    const drillSummary = await summariseOffThread({
      name: names.song,
      sampleRate: rate,
      tracks: await Promise.all(
        decoded.map(async (d, i) => ({
          name: names.tracks[i] as string,
          file: isBlobFile(d.file) ? (d.file as Blob) : await d.file.arrayBuffer(),
          channels: d.channels,
        })),
      ),
    }).catch(() => undefined);
    if (!drillSummary && options.needsDrillSummary)
      return { ok: false, problems: [setProblem('storage', NOT_MEASURED)] };
    try {
      const song = await addPackedSong(await database(), {
        id: songId(now, names.tracks),
        name: names.song,
        sampleRate: rate,
        length,
        tracks: decoded.map((d, i) => {
          const trackName = names.tracks[i] as string;
          return { id: guessTrackKind(trackName), name: trackName, channelCount: d.channels.length };
        }),
        audio: packTracks(decoded, length),
        createdAt: now,
        ...(drillSummary ? { drillSummary } : { drillSummaryError: NOT_MEASURED }),
      });
      noteImportedSong(song);
      return { ok: true, song };
    } catch (error) {
      return {
        ok: false,
        // The panel already heads the list with “Nothing was imported.”: the problem says only why.
        problems: [setProblem('storage', toStorageError(error).message)],
      };
    }
  } finally {
    busy = false;
    // Storage just changed: the next import's song limit follows the new free space.
    if (!options.limits) void refreshImportLimits();
    releaseLeave();
    importProgress.value = null;
  }
}
