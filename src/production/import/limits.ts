/** What an import accepts: the product's limits, and a parameter so tests can use small ones. */
import type { Decibels, Seconds } from '../../dsp/units';

/** Limits an import is checked against. */
export interface ImportLimits {
  /** Longest file, in seconds. */
  maxSeconds: Seconds;
  /** Largest file, in bytes (checked before reading it). */
  maxFileBytes: number;
  /** Most files (one track each) in one song. */
  maxTracks: number;
  /** Most bytes of decoded samples in one song (float32, after resampling). */
  maxSongBytes: number;
  /** A file whose loudest sample is below this counts as silent. */
  silenceDb: Decibels;
}

/** One megabyte as the messages count it. */
export const MB = 1024 * 1024;

/** The limits the app uses: 10 minutes, 250 MB a file, 16 tracks, 1 GB of samples per song. */
export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  maxSeconds: 600,
  maxFileBytes: 250 * MB,
  maxTracks: 16,
  maxSongBytes: 1024 * MB,
  silenceDb: -70,
};

/** A byte count for people: "3.2 MB", "812 kB". */
export function formatBytes(bytes: number): string {
  if (bytes < MB) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  if (bytes < 1024 * MB) return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
  return `${(bytes / (1024 * MB)).toFixed(1)} GB`;
}

/** A duration for people: "4:05", "12 s". */
export function formatDuration(seconds: Seconds): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
