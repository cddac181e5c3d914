/**
 * Sampled instruments (issue 13 part 4): the bank's size, how long parsing it takes, and the first
 * sampled song (12 bars, 48 kHz) in a fresh process — parse + render, the first-play delay a learner
 * waits for once the bank is fetched (from the service worker's cache) — against the synthesised song.
 */
import { gzipSync } from 'node:zlib';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync, songSeconds } from '../../src/production/render-stems';
import { parseSampleBank } from '../../src/production/sampler/sample-bank';
import { STYLES } from '../../src/production/styles';
import { instrumentBankBytes } from '../../tools/instrument-bank';

const RATE = 48_000;

/** Rows: size, parse, first sampled song, sampled speed per style. */
export async function run() {
  const bytes = await instrumentBankBytes();
  const rows = [
    { name: 'instruments: instruments.sf2 (trimmed FluidR3 Mono)', value: bytes.length / 1e6, unit: 'MB' },
    { name: 'instruments: instruments.sf2 gzipped', value: gzipSync(bytes).length / 1e6, unit: 'MB' },
  ];
  const song = generateSong(1, 'pop', { bars: 12 });
  let t = performance.now();
  const bank = parseSampleBank(bytes);
  const parse = performance.now() - t;
  renderStemsSync(song, { sampleRate: RATE, sampleBank: bank });
  const first = performance.now() - t;
  rows.push({ name: 'instruments: parse the bank (first time in a process)', value: parse, unit: 'ms' });
  rows.push({
    name: 'instruments: first play = parse + first sampled song (pop, 12 bars, 48 kHz)',
    value: first / 1000,
    unit: 's',
    goal: '≤ 3 s',
    ok: first <= 3000,
  } as (typeof rows)[number]);
  for (const { id } of STYLES) {
    const s = generateSong(1, id, { bars: 12 });
    t = performance.now();
    renderStemsSync(s, { sampleRate: RATE, sampleBank: bank });
    const sampled = performance.now() - t;
    t = performance.now();
    renderStemsSync(s, { sampleRate: RATE, sampleBank: null });
    const synth = performance.now() - t;
    rows.push({
      name: `instruments: ${id}, 12 bars, 48 kHz, sampled (synthesised)`,
      value: (songSeconds(s) * 1000) / sampled,
      unit: `× real time (${((songSeconds(s) * 1000) / synth).toFixed(0)}×)`,
    });
  }
  return rows;
}
