/**
 * fix-mix played on an imported multitrack in Chromium: four short synthetic stems imported in Library, then
 * questions on levels 1–3. A is the seeded good mix, B the desk as found: B differs from A, the solved desk
 * plays A again, every part a fault did not touch plays exactly as in A, a part turned up or down is heard by
 * the planted amount, and an EQ raise or a send raised makes that part louder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { bandLevelDb } from '../../src/dsp/bands';
import { biquadCoefficients, biquadMagnitudeDb } from '../../src/dsp/biquad';
import { measureRms } from '../../src/dsp/meters';
import { createRng } from '../../src/dsp/random';
import { encodeWav } from '../../src/dsp/wav';
import { touchedParts } from '../../src/exercises/fix-mix/imported';
import type { FixMixQuestion } from '../../src/exercises/fix-mix/meta';
import { play } from '../../src/exercises/fix-mix/play';
import { solve } from '../../src/exercises/fix-mix/solve';
import { generateOnImported } from '../../src/exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../src/exercises/shared/imported-song';
import { MIX_EQ_TYPES } from '../../src/exercises/shared/mix-spec';
import { songByHash } from '../../src/state/library/drill-songs';
import { importAudioFiles } from '../../src/state/library/import-audio';
import { deleteImportedSong } from '../../src/state/library/imported-songs';
import { renderLR, soloTrack, testEnv } from './play/fixtures';

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
    for (const level of [1, 2, 3])
      for (const seed of [1, 2, 3, 4, 5]) {
        const q = generateOnImported('fix-mix', seed, level, summary) as FixMixQuestion;
        const prepared = await play.prepare(q, testEnv(SR));
        const a = (await renderLR(prepared.question.a, SR)).left;
        const b = (await renderLR(prepared.question.b, SR)).left;
        const solved = (await renderLR(prepared.withAnswer!(solve(q)), SR)).left;
        expect(
          diffDb(a, b),
          `${level}/${seed} B differs from A: ${q.faults.map((f) => f.description).join(' ')}`,
        ).toBeGreaterThan(-40);
        expect(diffDb(a, solved), `${level}/${seed} solved plays A`).toBeLessThan(-60);
        const touched = new Map(q.faults.flatMap((f) => touchedParts(q, f).map((i) => [i, f] as const)));
        for (let i = 0; i < q.tracks.length; i++) {
          const soloA = (await renderLR(soloTrack(prepared.question.a, i), SR)).left;
          const soloB = (await renderLR(soloTrack(prepared.question.b, i), SR)).left;
          const f = touched.get(i);
          if (!f) {
            expect(diffDb(soloA, soloB), `${level}/${seed} ${q.tracks[i]!.name} untouched`).toBeLessThan(-60);
            continue;
          }
          const change = db(soloB) - db(soloA);
          heard.push(`${f.fault} ${q.tracks[i]!.name}: ${change.toFixed(2)} dB (${f.description})`);
          if (f.fault === 'loud' || f.fault === 'buried') {
            const planted = q.start[i]!.faderDb - q.reference[i]!.faderDb;
            expect(change, f.description).toBeCloseTo(planted, 1);
          } else if (f.fault === 'reverb' || f.fault === 'delay') {
            // A send raised: the part (with its echoes or its room) is louder in B.
            expect(change, f.description).toBeGreaterThan(0.2);
          } else {
            // An EQ band raised: the third-octave at its frequency rises by what the two curves differ there.
            const k = f.fault === 'masking' ? 0 : f.fault === 'muddy' ? 1 : 2;
            const band = q.start[i]!.eq[k];
            const gain = (g: number) =>
              biquadMagnitudeDb(
                biquadCoefficients(MIX_EQ_TYPES[k]!, band.frequencyHz, band.q, g, SR),
                band.frequencyHz,
                SR,
              );
            const expected = gain(band.gainDb) - gain(q.reference[i]!.eq[k].gainDb);
            const measured =
              bandLevelDb(soloB, SR, band.frequencyHz) - bandLevelDb(soloA, SR, band.frequencyHz);
            heard.push(
              `  at ${band.frequencyHz} Hz: ${measured.toFixed(2)} dB (curves differ ${expected.toFixed(2)})`,
            );
            expect(measured, f.description).toBeGreaterThan(0.5 * expected);
            expect(measured, f.description).toBeLessThan(expected + 0.5);
          }
        }
      }
    console.info('fix-mix imported, heard in Chromium (solo B against solo A):', heard);
    expect(heard.length).toBeGreaterThanOrEqual(9);
  }, 240_000);
});
