/**
 * Stem rendering speed (issue 4): a 32-bar, 9-track song at 48 kHz per style, rendered by the pure
 * production synth in Node. Best of three after one warm-up render, as × real time (goal ≥ 200×).
 */
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync, songSeconds } from '../../src/production/render-stems';
import { STYLES } from '../../src/production/styles';

const RATE = 48_000;

/** One row per style, plus the cold (first-in-process) render. */
export async function run() {
  const rows = [];
  let cold: number | null = null;
  for (const { id } of STYLES) {
    const song = generateSong(1, id, { bars: 32 });
    const seconds = songSeconds(song);
    const times: number[] = [];
    for (let r = 0; r < 4; r++) {
      const t = performance.now();
      renderStemsSync(song, { sampleRate: RATE });
      times.push(performance.now() - t);
    }
    cold ??= (seconds * 1000) / (times[0] as number);
    const best = Math.min(...times.slice(1));
    const x = (seconds * 1000) / best;
    rows.push({
      name: `stems: ${id}, 32 bars, ${song.tracks.length} tracks, 48 kHz (${seconds.toFixed(0)} s)`,
      value: x,
      unit: '× real time',
      goal: '≥ 200×',
      ok: x >= 200,
    });
  }
  rows.push({ name: 'stems: first render in a fresh process (pop)', value: cold ?? 0, unit: '× real time' });
  return rows;
}
