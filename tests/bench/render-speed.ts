/**
 * Rendering speed of the production synth: a 32-bar, 9-track song at 120 BPM (64 s) per style, at 48 kHz.
 * Run by hand (no timing assertions in tests):
 *   npx rolldown tests/bench/render-speed.ts --platform node -o /tmp/render-speed.mjs && node /tmp/render-speed.mjs
 * Prints CPU time of the first (cold JIT) and best of five renders, and the real-time factor. A reference
 * loop (peak + IIR over 4 M samples) is timed too: on a busy machine it shows how much slower everything is.
 */
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync, songSeconds } from '../../src/production/render-stems';
import { STYLES } from '../../src/production/styles';

const RATE = 48000;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function reference(): number {
  const x = new Float32Array(4_000_000).map((_, i) => Math.sin(i * 0.01));
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) {
    const t = cpuMs();
    let peak = 0;
    let y = 0;
    let z = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (Math.abs(v) > peak) peak = Math.abs(v);
      const w = v - 0.5 * y + 0.2 * z;
      z = y;
      y = w;
    }
    if (peak + y < -10) console.log('unreachable');
    best = Math.min(best, cpuMs() - t);
  }
  return (best * 1e6) / x.length;
}

console.log(`reference loop: ${reference().toFixed(2)} ns/sample`);
for (const { id } of STYLES) {
  const song = generateSong(1, id, { bpm: 120 });
  const seconds = songSeconds(song);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t = cpuMs();
    renderStemsSync(song, { sampleRate: RATE });
    times.push(cpuMs() - t);
  }
  const best = Math.min(...times);
  console.log(
    `${id.padEnd(11)} ${seconds.toFixed(0)} s of audio, 9 stems: cold ${times[0]?.toFixed(0)} ms, ` +
      `best ${best.toFixed(0)} ms = ${((seconds * 1000) / best).toFixed(0)}× real time`,
  );
}
