/**
 * fix-mix played on an imported multitrack in Chromium: four short synthetic stems imported in Library, then
 * questions on levels 1 and 2. A is the good mix, B the desk as found: B differs from A, the solved desk plays A
 * again, every part no fault touched plays exactly as in A, a part turned up or down is heard by the planted
 * amount, an EQ fault raises the part's third-octave at its frequency by what the two curves differ there, and a
 * part centred by the mono fault moves between the two sides.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bandLevelDb } from '../../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../../src/dsp/biquad';
import { measureRms } from '../../../src/dsp/meters';
import { createRng } from '../../../src/dsp/random';
import { encodeWav } from '../../../src/dsp/wav';
import type { FixMixQuestion, PlantedFault } from '../../../src/exercises/fix-mix/meta';
import { play } from '../../../src/exercises/fix-mix/play';
import { solve } from '../../../src/exercises/fix-mix/solve';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../../src/exercises/shared/imported-song';
import { MIX_EQ_TYPES } from '../../../src/exercises/shared/mix-spec';
import { songByHash } from '../../../src/state/library/drill-songs';
import { importAudioFiles } from '../../../src/state/library/import-audio';
import { deleteImportedSong } from '../../../src/state/library/imported-songs';
import { renderLR, soloTrack, testEnv } from './fixtures';

const SR = 16_000;
const SECONDS = 10;

/** Four stems: a kick twice a second, a sawtooth bass, keys stabs (hiss and a 700 Hz tone), vocal phrases. */
function stems(): { name: string; channels: Float32Array[] }[] {
  const n = SR * SECONDS;
  const rng = createRng(5);
  const at = (f: (t: number) => number) => Float32Array.from({ length: n }, (_, i) => f(i / SR));
  const saw = (hz: number, t: number) => 2 * ((hz * t) % 1) - 1;
  return [
    {
      name: 'Take Kick.wav',
      channels: [at((t) => 0.8 * Math.exp(-(t % 0.5) * 30) * Math.sin(2 * Math.PI * 55 * (t % 0.5)))],
    },
    { name: 'Take Bass.wav', channels: [at((t) => 0.2 * saw(110, t))] },
    {
      name: 'Take Keys.wav',
      channels: [
        at((t) =>
          t % 0.5 < 0.2
            ? Math.exp(-8 * (t % 0.5)) *
              ((rng.next() * 2 - 1) * 0.05 + 0.15 * Math.sin(2 * Math.PI * 700 * t))
            : 0,
        ),
      ],
    },
    {
      name: 'Take Vocal.wav',
      channels: [at((t) => (t % 1 < 0.7 ? 0.12 * saw(220 + 4 * Math.sin(2 * Math.PI * 5 * t), t) : 0))],
    },
  ];
}

const made: string[] = [];
afterAll(async () => {
  for (const id of made) await deleteImportedSong(id);
});

const db = (x: Float32Array) => 20 * Math.log10(measureRms(x));
function diffDb(a: Float32Array, b: Float32Array): number {
  const d = a.map((v, i) => v - (b[i] ?? 0));
  return db(d) - db(a);
}

/** The fault that changed part `i` (a track fault on it, masking on its low-mid band, mono on its pan), or null. */
function faultOn(q: FixMixQuestion, i: number): PlantedFault | null {
  const a = q.reference[i]!;
  const b = q.start[i]!;
  return (
    q.faults.find((f) => f.track === q.tracks[i]!.id) ??
    q.faults.find((f) => f.fault === 'masking' && a.eq[1].gainDb !== b.eq[1].gainDb) ??
    q.faults.find((f) => f.fault === 'mono' && a.pan !== b.pan) ??
    null
  );
}

describe('fix-mix on an imported multitrack, in Chromium', () => {
  let summary: ImportedSongSummary;

  it('imports the stems', async () => {
    const files = stems().map(
      (s) => new File([new Uint8Array(encodeWav(s.channels, SR, 'float32'))], s.name, { type: 'audio/wav' }),
    );
    const result = await importAudioFiles(files, { sampleRate: SR });
    if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
    made.push(result.song.id);
    summary = result.song.drillSummary as ImportedSongSummary;
    expect(summary.tracks).toHaveLength(4);
    expect((await songByHash(summary.hash))?.id).toBe(result.song.id);
  });

  it('B is the faulty desk and differs from the good mix as each fault says; the solved desk plays A', async () => {
    const heard: string[] = [];
    for (const level of [1, 2])
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const q = generateOnImported('fix-mix', seed, level, summary) as FixMixQuestion;
        const prepared = await play.prepare(q, testEnv(SR));
        const a = (await renderLR(prepared.question.a, SR)).left;
        const b = (await renderLR(prepared.question.b, SR)).left;
        const solved = (await renderLR(prepared.withAnswer!(solve(q)), SR)).left;
        const said = q.faults.map((f) => f.description).join(' ');
        expect(diffDb(a, b), `${level}/${seed} B differs from A: ${said}`).toBeGreaterThan(-40);
        expect(diffDb(a, solved), `${level}/${seed} solved plays A`).toBeLessThan(-60);
        for (let i = 0; i < q.tracks.length; i++) {
          const soloA = await renderLR(soloTrack(prepared.question.a, i), SR);
          const soloB = await renderLR(soloTrack(prepared.question.b, i), SR);
          const f = faultOn(q, i);
          if (!f) {
            expect(
              diffDb(soloA.left, soloB.left),
              `${level}/${seed} ${q.tracks[i]!.name} untouched`,
            ).toBeLessThan(-60);
            continue;
          }
          const change = db(soloB.left) - db(soloA.left);
          heard.push(`${f.fault} ${q.tracks[i]!.name}: left ${change.toFixed(2)} dB (${f.description})`);
          if (f.fault === 'loud' || f.fault === 'buried') {
            // Pan is the same in A and B on a level fault, so the left channel moves by the fader's difference.
            const planted = q.start[i]!.faderDb - q.reference[i]!.faderDb;
            expect(change, f.description).toBeCloseTo(planted, 1);
          } else if (f.fault === 'mono') {
            // Centred in B: left and right equal; in A it leans to the side its pan says.
            expect(Math.abs(db(soloB.left) - db(soloB.right)), f.description).toBeLessThan(0.01);
            const lean = db(soloA.right) - db(soloA.left);
            expect(Math.sign(lean), f.description).toBe(Math.sign(q.reference[i]!.pan));
            expect(Math.abs(lean), f.description).toBeGreaterThan(1);
          } else {
            const k = f.fault === 'harsh' ? 2 : 1;
            const band = q.start[i]!.eq[k];
            const gain = (g: number) =>
              biquadMagnitudeDb(
                biquadCoefficients(MIX_EQ_TYPES[k]!, band.frequencyHz, band.q, g, SR),
                band.frequencyHz,
                SR,
              );
            const expected = gain(band.gainDb) - gain(q.reference[i]!.eq[k].gainDb);
            const measured =
              bandLevelDb(soloB.left, SR, band.frequencyHz) - bandLevelDb(soloA.left, SR, band.frequencyHz);
            heard.push(
              `  at ${band.frequencyHz} Hz: ${measured.toFixed(2)} dB (curves differ ${expected.toFixed(2)})`,
            );
            expect(measured, f.description).toBeGreaterThan(0.5 * expected);
            expect(measured, f.description).toBeLessThan(expected + 0.5);
          }
        }
      }
    console.info('fix-mix imported, heard in Chromium (solo B against solo A):', heard);
    expect(heard.length).toBeGreaterThanOrEqual(12);
  }, 240_000);
});
