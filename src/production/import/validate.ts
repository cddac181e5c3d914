/** Import checks that need no browser: the set of files, a WAV decode result, and decoded audio. */
import { measurePeakDb } from '../../dsp/meters';
import type { SampleRate } from '../../dsp/units';
import type { WavDecodeResult } from '../../dsp/wav';
import { formatBytes, formatDuration, type ImportLimits } from './limits';
import { fileProblem, type ImportProblem, setProblem } from './problems';
import type { SniffResult } from './sniff';

/** A file as the checks see it before reading it. */
export interface FileFacts {
  name: string;
  size: number;
}

/** Decoded audio of one file. */
export interface DecodedAudio {
  sampleRate: SampleRate;
  channels: Float32Array[];
}

/** Checks a set of files before any is read: count and size of each. */
export function checkFileSet(files: readonly FileFacts[], limits: ImportLimits): ImportProblem[] {
  if (files.length === 0) return [setProblem('no-files', 'No files were chosen.')];
  const problems: ImportProblem[] = [];
  if (files.length > limits.maxTracks) {
    problems.push(
      setProblem(
        'too-many-tracks',
        `${files.length} files is too many for one song: Headroom takes up to ${limits.maxTracks} tracks. Choose fewer stems, or bounce some together first.`,
      ),
    );
  }
  for (const f of files) {
    if (f.size > limits.maxFileBytes) {
      problems.push(
        fileProblem(
          f.name,
          'too-big',
          `${formatBytes(f.size)} is too big (up to ${formatBytes(limits.maxFileBytes)} a file). Export a shorter section or a compressed copy (FLAC, MP3).`,
        ),
      );
    } else if (f.size === 0) {
      problems.push(fileProblem(f.name, 'empty', 'the file is empty (0 bytes).'));
    }
  }
  return problems;
}

/** The problem with a file that is not a WAV and not a known audio type, or null if it may be audio. */
export function sniffProblem(name: string, sniff: SniffResult): ImportProblem | null {
  if (sniff.kind !== 'other') return null;
  return fileProblem(name, 'not-audio', `this is not audio: it looks like ${sniff.label}.`);
}

/** Turns a failed decodeWav result into an import problem (null when it decoded). */
export function wavProblem(name: string, result: WavDecodeResult): ImportProblem | null {
  if (result.ok) return null;
  const { code, message } = result.error;
  switch (code) {
    case 'truncated':
    case 'no-fmt':
    case 'no-data':
      return fileProblem(name, 'corrupt', `the file is damaged or cut short. ${message}`);
    case 'not-riff':
    case 'not-wave':
      return fileProblem(name, 'not-audio', message);
    case 'too-many-channels':
      return fileProblem(name, 'too-many-channels', message);
    case 'empty':
      return fileProblem(name, 'empty', message);
    default:
      return fileProblem(name, 'unsupported-codec', message);
  }
}

/** Checks decoded audio: at most two channels, not too long, not silent. */
export function checkDecoded(name: string, audio: DecodedAudio, limits: ImportLimits): ImportProblem | null {
  const count = audio.channels.length;
  if (count === 0) return fileProblem(name, 'empty', 'the file contains no audio.');
  if (count > 2) {
    return fileProblem(
      name,
      'too-many-channels',
      `it has ${count} channels. Headroom imports mono or stereo files: export a stereo mixdown or separate mono stems.`,
    );
  }
  const length = audio.channels[0]?.length ?? 0;
  if (length === 0) return fileProblem(name, 'empty', 'the file contains no audio.');
  const seconds = length / audio.sampleRate;
  if (seconds > limits.maxSeconds) {
    return fileProblem(
      name,
      'too-long',
      `it is ${formatDuration(seconds)} long; Headroom takes up to ${formatDuration(limits.maxSeconds)}. Export a section of the song.`,
    );
  }
  const peakDb = Math.max(...audio.channels.map((c) => measurePeakDb(c)));
  if (peakDb < limits.silenceDb) {
    const level =
      Number.isFinite(peakDb) && peakDb > -200
        ? `its loudest sample is ${Math.round(peakDb)} dBFS`
        : 'every sample is zero';
    return fileProblem(name, 'silent', `it is silent (${level}). Check that the right track was exported.`);
  }
  return null;
}

/** Checks the decoded size of a whole song (float32 samples at the target rate). */
export function checkSongBytes(bytes: number, limits: ImportLimits): ImportProblem | null {
  if (bytes <= limits.maxSongBytes) return null;
  return setProblem(
    'too-much-audio',
    `Together these files make ${formatBytes(bytes)} of audio once decoded; a song can hold up to ${formatBytes(limits.maxSongBytes)}. Import fewer or shorter stems.`,
  );
}
