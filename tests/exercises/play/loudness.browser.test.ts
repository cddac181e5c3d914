import { describe, expect, it } from 'vitest';
import { dbToGain } from '../../../src/dsp/db';
import { generate, generateAt } from '../../../src/exercises/loudness/generate';
import { play } from '../../../src/exercises/loudness/play';
import { renderLR, testEnv } from './fixtures';

const SR = 16_000;

/** Level of `x` over `y` in dB, and the largest sample left once `y` is scaled by it (0 = same waveform). */
function compare(x: Float32Array, y: Float32Array) {
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < x.length; i++) {
    xx += x[i]! ** 2;
    yy += y[i]! ** 2;
  }
  const db = 10 * Math.log10(xx / yy);
  const g = dbToGain(db);
  let residual = 0;
  let peak = 0;
  for (let i = 0; i < x.length; i++) {
    residual = Math.max(residual, Math.abs(x[i]! - g * y[i]!));
    peak = Math.max(peak, Math.abs(x[i]!));
  }
  return { db, residualDb: 20 * Math.log10(residual / peak) };
}

describe('loudness play', () => {
  it('the louder side is louder by exactly the question’s difference, with the same waveform (same spectrum)', async () => {
    // Pink 6 dB, a song at 3 dB, a song at 1 dB, pink at 0.5 dB, and an adaptive 0.3 dB.
    const questions = [generate(1, 1), generate(2, 2), generate(3, 4), generate(4, 6), generateAt(5, 0.3)];
    for (const q of questions) {
      const prepared = await play.prepare(q, testEnv(SR));
      expect(prepared.levelMatch.allowed).toBe(false);
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      const [louder, quieter] = q.louderSide === 'A' ? [a.left, b.left] : [b.left, a.left];
      const { db, residualDb } = compare(louder, quieter);
      expect(db, `level ${q.level}, ${q.differenceDb} dB`).toBeCloseTo(q.differenceDb, 2);
      // Nothing but the level differs: the quieter side scaled up is the louder one to within −60 dB.
      expect(residualDb, `level ${q.level}`).toBeLessThan(-60);
    }
  });

  it('"hear every choice": each amount plays as B that many dB below A, the same sound', async () => {
    const q = generate(7, 5);
    expect(q.askAmount).toBe(true);
    const prepared = await play.prepare(q, testEnv(SR));
    for (const amountDb of q.amountsDb) {
      const pair = prepared.practice!({ side: q.louderSide, amountDb });
      const a = await renderLR(pair.a, SR);
      const b = await renderLR(pair.b, SR);
      const { db, residualDb } = compare(a.left, b.left);
      expect(db, `${amountDb} dB`).toBeCloseTo(amountDb, 2);
      expect(residualDb).toBeLessThan(-60);
    }
  });
});
