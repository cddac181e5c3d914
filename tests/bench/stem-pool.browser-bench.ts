// `npm run bench stem-pool` (browser): one song's stems rendered by 1, 2 and 4 Workers side by side
// (song-stems.ts renderInPool: tracks split by splitStemWork, assembled on the page), interleaved rounds after
// a warm-up (each Worker parses the instrument bank once), as times real time. The app picks the count from
// navigator.hardwareConcurrency (stemWorkerCount); this row says what each count gives on this machine.
import { generateSong } from '../../src/production/generate-song';
import { songSeconds } from '../../src/production/render-stems';
import { instrumentsForRender, renderInPool, stemWorkerCount } from '../../src/state/shared/song-stems';

interface Row {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}

const ROUNDS = 3;
const COUNTS = [1, 2, 4];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function run(): Promise<Row[]> {
  const bankUrl = await instrumentsForRender();
  const source = { style: 'pop' as const, seed: 3, overrides: { bars: 32 } };
  const seconds = songSeconds(generateSong(source.seed, source.style, source.overrides)) + 1.5;
  const request = { ...source, sampleRate: 48000, bankUrl };
  const times = new Map<number, number[]>(COUNTS.map((n) => [n, []]));
  for (let round = 0; round <= ROUNDS; round++)
    for (const n of COUNTS) {
      const t = performance.now();
      const stems = await renderInPool(request, n);
      if (!stems) throw new Error('no Worker');
      if (round > 0) times.get(n)?.push(performance.now() - t);
    }
  const cores = navigator.hardwareConcurrency;
  return COUNTS.map((n) => {
    const x = seconds / (median(times.get(n) ?? []) / 1000);
    return {
      name: `stems, 32-bar pop song (${bankUrl ? 'sampled' : 'synthesised'}), ${n} Worker${n > 1 ? 's' : ''} (${cores} cores; the app uses ${stemWorkerCount()}): times real time`,
      value: x,
      unit: '×',
      goal: '≥ 200×',
      ok: x >= 200,
    };
  });
}
