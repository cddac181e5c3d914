/**
 * fix-mix played on an imported multitrack in Chromium: A is the stems as given, B the desk as found, each
 * part turned down is heard by exactly the planted amount (turned up, at least half: the output limiter), and
 * the solved desk plays A again.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { measureRms } from '../../../src/dsp/meters';
import { createRng } from '../../../src/dsp/random';
import { encodeWav } from '../../../src/dsp/wav';
import type { FixMixQuestion } from '../../../src/exercises/fix-mix/meta';
import { play } from '../../../src/exercises/fix-mix/play';
import { solve } from '../../../src/exercises/fix-mix/solve';
import { generateOnImported } from '../../../src/exercises/shared/imported-kinds';
import type { ImportedSongSummary } from '../../../src/exercises/shared/imported-song';
import { songByHash } from '../../../src/state/library/drill-songs';
import { importAudioFiles } from '../../../src/state/library/import-audio';
import { deleteImportedSong } from '../../../src/state/library/imported-songs';
import { renderLR, soloTrack, testEnv } from '../../exercises/play/fixtures';

const SR = 16_000;
const SECONDS = 10;

/** Three stems: a pulse twice a second, a 110 Hz tone, and keys (hiss and a 700 Hz tone). */
function stems(): { name: string; channels: Float32Array[] }[] {
  const n = SR * SECONDS;
  const rng = createRng(5);
  const kick = Float32Array.from({ length: n }, (_, i) => {
    const p = (i % (SR / 2)) / SR;
    return 0.8 * Math.exp(-p * 30) * Math.sin(2 * Math.PI * 55 * p);
  });
  const bass = Float32Array.from({ length: n }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 110 * i) / SR));
  const keys = Float32Array.from(
    { length: n },
    (_, i) => (rng.next() * 2 - 1) * 0.05 + 0.1 * Math.sin((2 * Math.PI * 700 * i) / SR),
  );
  return [
    { name: 'Take Kick.wav', channels: [kick] },
    { name: 'Take Bass.wav', channels: [bass] },
    { name: 'Take Keys.wav', channels: [keys] },
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
    expect(summary.tracks).toHaveLength(3);
    expect((await songByHash(summary.hash))?.id).toBe(result.song.id);
  });

  it('B is the faulty desk, a part turned down is heard by the planted amount, and the solved desk plays A', async () => {
    const faders: number[] = [];
    for (const level of [1, 2, 3])
      for (const seed of [1, 2, 3]) {
        const q = generateOnImported('fix-mix', seed, level, summary) as FixMixQuestion;
        const prepared = await play.prepare(q, testEnv(SR));
        const a = (await renderLR(prepared.question.a, SR)).left;
        const b = (await renderLR(prepared.question.b, SR)).left;
        const solved = (await renderLR(prepared.withAnswer!(solve(q)), SR)).left;
        expect(diffDb(a, b), `${level}/${seed} B differs from A`).toBeGreaterThan(-20);
        expect(diffDb(a, solved), `${level}/${seed} solved plays A`).toBeLessThan(-60);
        for (const f of q.faults) {
          if (f.fault !== 'loud' && f.fault !== 'buried') continue;
          const i = q.tracks.findIndex((t) => t.id === f.track);
          const soloA = (await renderLR(soloTrack(prepared.question.a, i), SR)).left;
          const soloB = (await renderLR(soloTrack(prepared.question.b, i), SR)).left;
          const planted = q.start[i]!.faderDb - q.reference[i]!.faderDb;
          const heard = db(soloB) - db(soloA);
          // A part turned down is heard by exactly the planted amount; turned up, stems exported near full
          // scale reach the output's limiter (at 0 dB each, as exported): at least half the planted amount, the
          // size the audibility rule asks of the mix.
          if (planted < 0) expect(heard).toBeCloseTo(planted, 1);
          else {
            expect(heard).toBeGreaterThanOrEqual(planted / 2);
            expect(heard).toBeLessThanOrEqual(planted + 0.05);
          }
          faders.push(Math.round((heard - planted) * 100) / 100);
        }
      }
    console.info('fix-mix imported: heard minus planted fader move, dB', faders);
    expect(faders.length).toBeGreaterThan(2);
  }, 120_000);
});
