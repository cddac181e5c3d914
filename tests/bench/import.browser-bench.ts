// `npm run bench import` (issue 19): peak renderer memory while importing the largest files this device
// allows, through the app's own import (state/library/import-audio.ts: WAV decoded in a Worker slice by slice,
// channel by channel, each channel handed back as a Blob). Memory is the renderer process's PSS, sampled
// every 50 ms by run.mjs (Workers run inside the page's renderer, so they count). The file is 10 minutes
// of 24-bit stereo at 44.1 kHz (152 MB; resampled to 48 kHz, the costliest case), made by run.mjs.
import { importAudioFiles } from '../../src/state/library/import-audio';
import { refreshImportLimits } from '../../src/state/library/import-limits';
import { deleteImportedSong } from '../../src/state/library/imported-songs';
import { longestBlock } from './main-thread-block';

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

const FILE = '/.tmp/bench/ten-minutes-44k-24bit-stereo.wav';
const PEAK_GOAL_MB = 500;
const BLOCK_GOAL_MS = 200;

type Memory = (reset: boolean) => Promise<{ peak: number; now: number }>;

/** Imports `files` as one song, with the renderer's peak PSS and the longest main-thread block. */
async function measure(files: File[], memory: Memory) {
  await new Promise((r) => setTimeout(r, 200));
  const before = await memory(true);
  const { value: result, ms, blockMs: longest } = await longestBlock(() => importAudioFiles(files));
  const seconds = ms / 1000;
  const during = await memory(false);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  // Let go of what the import made, then see what stays.
  await new Promise((r) => setTimeout(r, 2000));
  const after = await memory(false);
  await deleteImportedSong(result.song.id);
  return { before: before.now, peak: during.peak, after: after.now, seconds, longest };
}

/** Rows: one 10-minute stereo file, and four of them as stems (the most audio a song may hold). */
export async function run(): Promise<Row[]> {
  const memory = (window as unknown as { benchRendererPeakMB?: Memory }).benchRendererPeakMB;
  if (!memory) return [];
  const limits = await refreshImportLimits();
  const blob = await (await fetch(FILE)).blob();
  const minutes = limits.maxSeconds / 60;
  const one = await measure([new File([blob], 'Take.wav')], memory);
  const stems = Math.min(4, Math.floor(limits.maxSongBytes / (600 * 48000 * 2 * 4)));
  const four = await measure(
    ['Drums', 'Bass', 'Keys', 'Vocal'].slice(0, stems).map((n) => new File([blob], `Song_${n}.wav`)),
    memory,
  );
  const rows: Row[] = [];
  for (const [label, m] of [
    [`one 10-minute stereo WAV (44.1 kHz, 24-bit, ${(blob.size / 1024 / 1024).toFixed(0)} MB)`, one],
    [`${stems} such files as the stems of one song`, four],
  ] as const) {
    rows.push(
      {
        name: `import: ${label}, peak renderer memory (PSS; ${m.before.toFixed(0)} MB before)`,
        value: m.peak,
        unit: 'MB',
        goal: `≤ ${PEAK_GOAL_MB} MB`,
        ok: m.peak <= PEAK_GOAL_MB,
      },
      { name: `import: ${label}, renderer memory 2 s after`, value: m.after, unit: 'MB' },
      { name: `import: ${label}, time`, value: m.seconds, unit: 's' },
      {
        name: `import: ${label}, longest main-thread block`,
        value: m.longest,
        unit: 'ms',
        goal: `≤ ${BLOCK_GOAL_MS} ms`,
        ok: m.longest <= BLOCK_GOAL_MS,
      },
    );
  }
  rows.push({
    name: `import: limits on this device (deviceMemory ${(navigator as { deviceMemory?: number }).deviceMemory ?? '?'} GB): minutes a file`,
    value: minutes,
    unit: 'min',
  });
  return rows;
}
