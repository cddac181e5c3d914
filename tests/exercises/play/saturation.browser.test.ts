import { describe, expect, it } from 'vitest';
import { integratedLoudness } from '../../../src/dsp/loudness';
import { CLEAN_DRIVE_DB, distortionDb, renderSaturation } from '../../../src/dsp/saturation';
import { generate, generateAt } from '../../../src/exercises/saturation/generate';
import { play } from '../../../src/exercises/saturation/play';
import { measureSideLoudness } from '../../../src/exercises/shared/play-scene';
import { renderLR, testEnv } from './fixtures';

const SR = 32_000;

describe('saturation play', () => {
  it('B (or the driven side) carries the distortion its drive makes on these samples; the clean side none', async () => {
    for (const [q, name] of [
      [generate(2, 3), 'level 3, how much'],
      [generateAt(5, 12), 'adaptive 12 dB'],
    ] as const) {
      const prepared = await play.prepare(q, testEnv(SR));
      const { a, b } = prepared.question;
      const drivenSide = q.subtype === 'which' && q.distortedSide === 'A' ? a : b;
      const cleanSide = drivenSide === a ? b : a;
      const driven = await renderLR(drivenSide, SR);
      const clean = await renderLR(cleanSide, SR);
      // What the drive does to exactly these samples (trimmed as the strip trims them), from the dsp maths.
      const track = drivenSide.tracks[0]!;
      const trim = 10 ** ((track.settings.trimDb ?? 0) / 20);
      const x = (track.channels[0] as Float32Array).map((v) => v * trim);
      const expected = distortionDb(renderSaturation(x, CLEAN_DRIVE_DB), renderSaturation(x, q.driveDb));
      const measured = distortionDb(clean.left, driven.left);
      console.info(
        `${name}: +${q.driveDb} dB drive, distortion measured ${measured.toFixed(1)} dB, expected ${expected.toFixed(1)} dB`,
      );
      expect(Math.abs(measured - expected), name).toBeLessThan(1);
      expect(measured, name).toBeGreaterThan(-40);
      // Level-matched: the trim measured at the drill's rate leaves the two within 0.5 LU at the full rate.
      const [la, lb] = await Promise.all([
        measureSideLoudness(a, SR, prepared.measureRate),
        measureSideLoudness(b, SR, prepared.measureRate),
      ]);
      const full = (s: { left: Float32Array; right: Float32Array }) =>
        integratedLoudness([s.left, s.right], SR);
      const [fa, fb] = drivenSide === a ? [full(driven), full(clean)] : [full(clean), full(driven)];
      const residual = fa - fb - (la - lb);
      console.info(
        `${name}: loudness A − B ${(fa - fb).toFixed(2)} LU before matching, ${residual.toFixed(2)} LU after`,
      );
      expect(Math.abs(residual), name).toBeLessThan(0.5);
    }
  });
});
