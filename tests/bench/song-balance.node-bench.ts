/**
 * How the generated songs sound as a whole (issue 13 part 5): per style, the stereo rough mix of five seeds
 * (12 bars, 48 kHz, sampled instruments) — loudness, the octave balance (the 63 Hz octave's share of the
 * energy, the 125 Hz octave against its neighbours, the 16 kHz octave's share) and how much the seeds differ.
 */
import { bandLevels, exactCentre, OCTAVE_CENTRES } from '../../src/dsp/bands';
import { integratedLoudness } from '../../src/dsp/loudness';
import { generateSong } from '../../src/production/generate-song';
import { renderStemsSync } from '../../src/production/render-stems';
import { renderRoughMix } from '../../src/production/rough-mix';
import { parseSampleBank } from '../../src/production/sampler/sample-bank';
import { STYLES } from '../../src/production/styles';
import { instrumentBankBytes } from '../../tools/instrument-bank';

const RATE = 48_000;
const SEEDS = [1, 2, 3, 4, 5];
const CENTRES = OCTAVE_CENTRES.map(exactCentre);
const at = (nominal: number) => OCTAVE_CENTRES.indexOf(nominal);

/** Octave levels of a stereo mix (dB, the two channels' mean square) relative to its total, and its loudness. */
function measure(left: Float32Array, right: Float32Array) {
  const l = bandLevels(left, RATE, CENTRES, 1).map((db) => 10 ** (db / 10));
  const r = bandLevels(right, RATE, CENTRES, 1).map((db) => 10 ** (db / 10));
  const power = l.map((p, i) => (p + (r[i] as number)) / 2);
  const total = power.reduce((a, b) => a + b, 0);
  return { share: power.map((p) => p / total), lufs: integratedLoudness([left, right], RATE) };
}

/** Rows per style: loudness, 63 Hz share, the 125 Hz hole, 16 kHz share, the spread between seeds. */
export async function run() {
  const bank = parseSampleBank(await instrumentBankBytes());
  const rows = [];
  for (const { id } of STYLES) {
    const songs = SEEDS.map((seed) => {
      const stems = renderStemsSync(generateSong(seed, id, { bars: 12 }), {
        sampleRate: RATE,
        sampleBank: bank,
      });
      const [left, right] = renderRoughMix(stems);
      return measure(left, right);
    });
    const mean = (f: (s: (typeof songs)[number]) => number) =>
      songs.reduce((a, s) => a + f(s), 0) / songs.length;
    const db = (x: number) => 10 * Math.log10(x);
    const hole = mean((s) => db(s.share[at(125)]!) - (db(s.share[at(63)]!) + db(s.share[at(250)]!)) / 2);
    // Per octave, the spread (max − min, dB) of its share across the seeds; the mean over the octaves.
    const spread =
      CENTRES.reduce((sum, _, k) => {
        const v = songs.map((s) => db(s.share[k]!));
        return sum + Math.max(...v) - Math.min(...v);
      }, 0) / CENTRES.length;
    const lufs = songs.map((s) => s.lufs);
    rows.push(
      {
        name: `song balance: ${id}, loudness of the rough mix (5 seeds)`,
        value: mean((s) => s.lufs),
        unit: `LUFS (${Math.min(...lufs).toFixed(1)} to ${Math.max(...lufs).toFixed(1)})`,
      },
      {
        name: `song balance: ${id}, 63 Hz octave's share of the energy`,
        value: 100 * mean((s) => s.share[at(63)]!),
        unit: '%',
      },
      {
        name: `song balance: ${id}, 125 Hz octave against the mean of 63 and 250 Hz`,
        value: hole,
        unit: 'dB',
      },
      {
        name: `song balance: ${id}, 16 kHz octave's share of the energy`,
        value: 100 * mean((s) => s.share[at(16000)]!),
        unit: '%',
      },
      { name: `song balance: ${id}, seeds differ per octave (mean spread)`, value: spread, unit: 'dB' },
    );
  }
  return rows;
}
