/**
 * Profiles stem rendering in Node (issue 20): renders 32 bars × 9 tracks of each style's seeded song, with
 * synthesis or the sampled instruments, and prints × real time per render, by CPU time
 * (the machine is shared: wall time swings with the load). Run it bundled (as the bench and
 * the app run it: one module, no loader in the hot loops) under `node --cpu-prof`, then summarise the profile:
 *
 *   npx vite build --ssr tools/profile-stems.ts --outDir .tmp/profile-stems --logLevel warn
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof .tmp/profile-stems/profile-stems.js synth 44100 3
 *   node .tmp/profile-stems/profile-stems.js summary /tmp/prof/<file>.cpuprofile
 *
 * Arguments: mode (`synth`, `sampled` = notes cached after one warm-up render, `cold` = a fresh bank per
 * render, `digest` = a digest of every stem of 2 seeds × 5 styles, synthesised and sampled), rate (default 44100, the app's), renders per style after the warm-up (default 3), styles
 * (comma-separated, default all).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateSong } from '../src/production/generate-song';
import { renderStemsSync, songSeconds } from '../src/production/render-stems';
import { parseSampleBank, type SampleBank } from '../src/production/sampler/sample-bank';
import { STYLES } from '../src/production/styles';
import type { StyleId } from '../src/production/types';
import { instrumentBankBytes } from './instrument-bank';

/** One function's self time in a V8 CPU profile. */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** Prints the functions with the most self time (and their share) from a .cpuprofile file. */
function summarise(path: string, top = 30): void {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as {
    nodes: Node[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0));
  });
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id: number | undefined) => {
    const f = id === undefined ? undefined : byId.get(id)?.callFrame;
    if (!f) return '';
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
  };
  const byName = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    // Each function with its caller: "mixSound ← renderTrack" tells mixing hits from mixing chords.
    const name = `${label(id)}  ← ${label(parent.get(id))}`;
    byName.set(name, (byName.get(name) ?? 0) + us);
    total += us;
  }
  const rows = [...byName].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
  for (const [name, us] of rows)
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`,
    );
}

/**
 * One line per stem (style, synthesis or samples, track: a digest of its samples, its fader): two builds of
 * the renderer printing the same lines render the same stems bit for bit.
 */
async function digest(rate: number): Promise<void> {
  const bank = parseSampleBank(await instrumentBankBytes());
  for (const withSamples of [false, true])
    for (const { id } of STYLES)
      for (const seed of [1, 2]) {
        const song = generateSong(seed, id, { bars: 32 });
        const stems = renderStemsSync(song, { sampleRate: rate, sampleBank: withSamples ? bank : null });
        for (const t of stems.tracks) {
          const c = t.channels[0] as Float32Array;
          const hash = createHash('sha256').update(new Uint8Array(c.buffer, c.byteOffset, c.byteLength));
          console.log(
            `${id} ${seed} ${withSamples ? 'sampled' : 'synth'} ${t.id}: ${hash.digest('hex').slice(0, 16)} ${t.defaultFaderDb}`,
          );
        }
      }
}

async function main(): Promise<void> {
  const [mode = 'synth', rateArg, repsArg, stylesArg] = process.argv.slice(2);
  if (mode === 'summary') {
    if (!rateArg) throw new Error('summary needs a .cpuprofile path');
    summarise(rateArg, Number(repsArg ?? 30));
    return;
  }
  if (mode === 'digest') {
    await digest(Number(rateArg ?? 44100));
    return;
  }
  if (!['synth', 'sampled', 'cold'].includes(mode)) throw new Error(`Unknown mode "${mode}"`);
  const rate = Number(rateArg ?? 44100);
  const reps = Number(repsArg ?? 3);
  const styles = (stylesArg ? stylesArg.split(',') : STYLES.map((s) => s.id)) as StyleId[];
  const bytes = mode === 'synth' ? null : await instrumentBankBytes();
  let bank: SampleBank | null = bytes ? parseSampleBank(bytes) : null;
  let seconds = 0;
  let ms = 0;
  for (const style of styles) {
    const song = generateSong(1, style, { bars: 32 });
    const render = () => {
      if (mode === 'cold' && bytes) bank = parseSampleBank(bytes);
      const c = process.cpuUsage();
      renderStemsSync(song, { sampleRate: rate, sampleBank: bank });
      const d = process.cpuUsage(c);
      return (d.user + d.system) / 1000;
    };
    if (mode !== 'cold') render();
    const times: number[] = [];
    for (let r = 0; r < reps; r++) times.push(render());
    const s = songSeconds(song);
    seconds += s * reps;
    ms += times.reduce((a, b) => a + b, 0);
    const speeds = times.map((t) => ((s * 1000) / t).toFixed(0));
    console.log(`${style.padEnd(10)} ${mode} ${rate} Hz: ${speeds.join(' ')} × real time (CPU)`);
  }
  console.log(`all (CPU): ${((seconds * 1000) / ms).toFixed(1)} × real time`);
}

void main();
