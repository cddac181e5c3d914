import { signal } from '@preact/signals';
import { createRng, hashString } from '../dsp/random';
import type { SampleRate } from '../dsp/units';
import { decodeWav } from '../dsp/wav';
import { alignTracks } from '../production/import/align';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../production/import/limits';
import { fileProblem, type ImportProblem, setProblem } from '../production/import/problems';
import { SNIFF_BYTES, type SniffResult, sniffFile } from '../production/import/sniff';
import { guessTrackKind, namesFromFiles } from '../production/import/track-names';
import {
  checkDecoded,
  checkFileSet,
  checkSongBytes,
  type DecodedAudio,
  sniffProblem,
  wavProblem,
} from '../production/import/validate';
import { toStorageError } from '../storage/errors';
import { addSong } from '../storage/songs';
import { browserCanPlay, decodeWithBrowser, resampleInWorker } from './import-decode';
import { IMPORTED_PREFIX, noteImportedSong, type SongSummary } from './imported-songs';
import { holdLeave } from './leave-guard';
import { database } from './storage';

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
}

type Decoded = { ok: true; audio: DecodedAudio } | { ok: false; problem: ImportProblem };

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

/** Decodes one file at `rate`, or says why not. */
async function decodeFile(
  file: ImportFile,
  limits: ImportLimits,
  rate: SampleRate,
  stage: (s: ImportProgress['stage']) => void,
): Promise<Decoded> {
  const name = file.name;
  stage('reading');
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch {
    return {
      ok: false,
      problem: fileProblem(name, 'corrupt', 'the file could not be read (was it moved or deleted?).'),
    };
  }
  const sniff = sniffFile(new Uint8Array(bytes, 0, Math.min(SNIFF_BYTES, bytes.byteLength)));
  const notAudio = sniffProblem(name, sniff);
  if (notAudio) return { ok: false, problem: notAudio };
  stage('decoding');
  let audio: DecodedAudio | null = null;
  if (sniff.kind === 'wav') {
    const result = decodeWav(bytes);
    const problem = wavProblem(name, result);
    if (result.ok) audio = result.audio;
    // A WAV in a format our reader does not know (ADPCM, µ-law …) may still decode in the browser.
    else if (problem?.code !== 'unsupported-codec') return { ok: false, problem: problem! };
    else audio = await decodeWithBrowser(bytes, rate).catch(() => null);
    if (!audio) return { ok: false, problem: problem! };
  } else {
    audio = await decodeWithBrowser(bytes, rate).catch(() => null);
    if (!audio) return { ok: false, problem: undecodable(name, sniff) };
  }
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
  return { ok: true, audio };
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
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
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
    const decoded: { name: string; channels: Float32Array[] }[] = [];
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
      bytes += result.audio.channels.reduce((n, c) => n + c.byteLength, 0);
      const tooMuch = checkSongBytes(bytes, limits);
      if (tooMuch) {
        problems.push(tooMuch);
        break;
      }
      // Once a file failed nothing will be stored: keep checking the rest, but not their samples.
      if (problems.length === 0) decoded.push({ name: file.name, channels: result.audio.channels });
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
    const aligned = alignTracks(decoded.map((d, i) => ({ name: names.tracks[i]!, channels: d.channels })));
    try {
      const song = await addSong(await database(), {
        id: songId(now, names.tracks),
        name: names.song,
        sampleRate: rate,
        length: aligned.length,
        tracks: aligned.tracks.map((t) => ({
          id: guessTrackKind(t.name),
          name: t.name,
          channels: t.channels,
        })),
        createdAt: now,
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
    releaseLeave();
    importProgress.value = null;
  }
}
