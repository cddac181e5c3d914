import { describe, expect, it } from 'vitest';
import { midSideEnergy, sideToMidDb } from '../../../src/dsp/stereo-width';
import { generate, generateAt } from '../../../src/exercises/stereo-width/generate';
import { play } from '../../../src/exercises/stereo-width/play';
import { renderLR, testEnv } from './fixtures';

const SR = 16_000;

describe('stereo-width play', () => {
  it('the side against the mid of A and B differs by exactly the widths the question names', async () => {
    for (const [q, name] of [
      [generate(3, 2), 'level 2'],
      [generate(5, 4), 'level 4'],
      [generateAt(8, 20), 'adaptive 20 %'],
    ] as const) {
      const prepared = await play.prepare(q, testEnv(SR));
      const a = await renderLR(prepared.question.a, SR);
      const b = await renderLR(prepared.question.b, SR);
      const measured = sideToMidDb(b.left, b.right) - sideToMidDb(a.left, a.right);
      const expected = q.widthB === 0 ? Number.NEGATIVE_INFINITY : 20 * Math.log10(q.widthB / q.widthA);
      console.info(`${name}: side/mid B − A ${measured.toFixed(2)} dB, named ${expected.toFixed(2)} dB`);
      if (q.widthB === 0) expect(measured, name).toBeLessThan(-60);
      else expect(Math.abs(measured - expected), name).toBeLessThan(0.1);
    }
  });

  it('mono: B has no side and the out-of-phase part cancels; in A that part is all side', async () => {
    const q = generate(11, 5);
    expect(q.subtype).toBe('mono');
    const prepared = await play.prepare(q, testEnv(SR));
    const b = await renderLR(prepared.question.b, SR);
    const { mid, side } = midSideEnergy(b.left, b.right);
    expect(side / mid).toBeLessThan(1e-9);
    const index = prepared.question.a.tracks.findIndex((t) => t.channels.length === 2);
    const part = (side: typeof prepared.question.a) => ({
      ...side,
      tracks: side.tracks.filter((_, i) => i === index),
    });
    const alone = await renderLR(part(prepared.question.a), SR);
    const aloneEnergy = midSideEnergy(alone.left, alone.right);
    expect(aloneEnergy.mid).toBeLessThan(1e-9 * aloneEnergy.side);
    const aloneMono = await renderLR(part(prepared.question.b), SR);
    const monoEnergy = midSideEnergy(aloneMono.left, aloneMono.right);
    console.info(
      `mono: the ${q.flipped} in mono keeps ${(10 * Math.log10((monoEnergy.mid + 1e-30) / aloneEnergy.side)).toFixed(1)} dB of its stereo energy`,
    );
    expect(monoEnergy.mid + monoEnergy.side).toBeLessThan(1e-9 * aloneEnergy.side);
  });
});
