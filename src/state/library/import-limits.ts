/**
 * Import limits set from this device: how long a file may be from its memory (`navigator.deviceMemory`,
 * which browsers round and cap at 8 GB; 4 GB is assumed where it is not told), how much audio a song may
 * hold from the free storage (`navigator.storage.estimate()`). The import panel says them up front.
 */
import { signal } from '@preact/signals';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, MB } from '../../production/import/limits';

/** What the device says about itself (either may be unknown). */
export interface DeviceFacts {
  /** Approximate RAM in GB (navigator.deviceMemory). */
  memoryGb?: number;
  /** Bytes this site may still store (quota − usage). */
  storageFreeBytes?: number;
}

/**
 * Bytes a second of stereo audio takes at the peak of an import the browser decodes (MP3, FLAC, Ogg …:
 * decoded whole, two channels of float32 at 48 kHz, plus one channel's copy on its way into a Blob).
 * WAV files are read in slices and take a few megabytes whatever their length (`npm run bench import`).
 */
export const PEAK_BYTES_PER_SECOND = 3 * 48_000 * 4;
/** The most of the memory an import may use on a large device (the page itself and the app need the rest). */
const MAX_BUDGET = 360 * MB;
/** The share of the device's memory one import may use. */
const MEMORY_SHARE = 1 / 22;
/** Never less than a minute a file, and never more than the product's limit. */
const MIN_SECONDS = 60;
/** Assumed RAM where the browser does not tell (Firefox, Safari). */
const UNKNOWN_GB = 4;

/** The import limits for a device: file length from its memory, song size from its free storage. */
export function importLimitsFor(facts: DeviceFacts): ImportLimits {
  const gb = facts.memoryGb && facts.memoryGb > 0 ? facts.memoryGb : UNKNOWN_GB;
  const budget = Math.min(MAX_BUDGET, gb * 1024 * MB * MEMORY_SHARE);
  const halfMinutes = Math.floor(budget / PEAK_BYTES_PER_SECOND / 30);
  const maxSeconds = Math.max(MIN_SECONDS, Math.min(DEFAULT_IMPORT_LIMITS.maxSeconds, halfMinutes * 30));
  // Compressed files are decoded whole by the browser: their bytes count too.
  const maxFileBytes = Math.min(DEFAULT_IMPORT_LIMITS.maxFileBytes, Math.floor((budget * 0.7) / MB) * MB);
  const free = facts.storageFreeBytes;
  const maxSongBytes =
    free !== undefined && Number.isFinite(free)
      ? Math.max(16 * MB, Math.min(DEFAULT_IMPORT_LIMITS.maxSongBytes, Math.floor(free / 2)))
      : DEFAULT_IMPORT_LIMITS.maxSongBytes;
  return { ...DEFAULT_IMPORT_LIMITS, maxSeconds, maxFileBytes, maxSongBytes };
}

function memoryGb(): number | undefined {
  const nav = typeof navigator === 'undefined' ? undefined : (navigator as { deviceMemory?: number });
  return nav?.deviceMemory;
}

/** The limits on this device; memory is known at once, free storage a moment later. */
export const importLimits = signal<ImportLimits>(importLimitsFor({ memoryGb: memoryGb() }));

/** Asks for the storage estimate and updates importLimits (once at start, and before each import). */
export async function refreshImportLimits(): Promise<ImportLimits> {
  let storageFreeBytes: number | undefined;
  try {
    const estimate = await navigator.storage?.estimate?.();
    if (estimate?.quota !== undefined) storageFreeBytes = estimate.quota - (estimate.usage ?? 0);
  } catch {
    // No estimate here: the song size limit stays the product's.
  }
  importLimits.value = importLimitsFor({ memoryGb: memoryGb(), storageFreeBytes });
  return importLimits.value;
}
