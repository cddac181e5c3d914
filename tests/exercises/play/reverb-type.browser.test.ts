import { describe, expect, it } from 'vitest';
import { arrivalTime, clarityC50, decayT30, energyOf } from '../../../src/dsp/reverb-measures';
import { REVERB_TRAITS, type ReverbType } from '../../../src/dsp/reverb-space';
import { ARRIVAL_STEP_MS, generate, spaceClarityDb } from '../../../src/exercises/reverb-type/generate';
import type { ReverbTypeQuestion, SpaceSpec } from '../../../src/exercises/reverb-type/meta';
import { play } from '../../../src/exercises/reverb-type/play';
import type { SideSpec } from '../../../src/exercises/shared/play-types';
import { masterLatency, renderLR, testEnv, withSamples } from './fixtures';

const SR = 16_000;

/** The reverb alone: the side with the click sent, minus the same click dry (the engine renders both). */
async function wetOf(side: SideSpec, dry: SideSpec, q: ReverbTypeQuestion) {
  const click = new Float32Array(Math.round(SR * (q.spaceB.decayS * 1.6 + 0.5)));
  click[0] = 0.5;
  const wet = await renderLR(withSamples(side, click), SR);
  const clean = await renderLR(withSamples(dry, click), SR);
  const l = wet.left.map((v, i) => v - (clean.left[i] as number));
  const r = wet.right.map((v, i) => v - (clean.right[i] as number));
  const from = masterLatency(SR) + Math.round((q.spaceB.preDelayMs / 1000) * SR);
  const energy = energyOf([l, r]);
  return {
    t30: decayT30(energy, SR, from),
    c50: clarityC50(energy, SR, from),
    arrivalMs: arrivalTime(energy, SR, from) * 1000,
    dryLeak: Math.max(...Array.from(clean.left.subarray(Math.round(0.05 * SR)), Math.abs)),
  };
}

describe('reverb-type play', () => {
  it('"which space?": B rings for the question’s decay (T30 within 15 %) and its clarity is its own type’s, nearest of the choices', async () => {
    const seen = new Set<string>();
    // One question of each type (the first seeds that plant a room, a plate and a hall).
    const questions: ReverbTypeQuestion[] = [];
    for (let seed = 1; questions.length < 3 && seed < 60; seed++) {
      const q = generate(seed, 2);
      if (!questions.some((o) => o.correct === q.correct)) questions.push(q);
    }
    for (const q of questions) {
      const prepared = await play.prepare(q, testEnv(SR));
      const m = await wetOf(prepared.question.b, prepared.question.a, q);
      expect(m.dryLeak, 'A is dry').toBeLessThan(1e-6);
      expect(Math.abs(m.t30 / q.spaceB.decayS - 1), `${q.correct}: T30 ${m.t30}`).toBeLessThan(0.15);
      const predicted = q.choices.map((t) =>
        spaceClarityDb({ ...q.spaceB, type: t as ReverbType, sizeM: REVERB_TRAITS[t as ReverbType].sizeM }),
      );
      const nearest =
        q.choices[
          predicted.reduce(
            (best, p, i) => (Math.abs(p - m.c50) < Math.abs((predicted[best] as number) - m.c50) ? i : best),
            0,
          )
        ];
      expect(
        nearest,
        `${q.correct}: C50 ${m.c50.toFixed(2)} dB, predicted ${predicted.map((p) => p.toFixed(2))}`,
      ).toBe(q.correct);
      seen.add(q.correct);
    }
    expect(seen.size).toBe(3);
  });

  it('"which is larger?": both ring for the same time (within 10 %), the larger answers later, as predicted (within 3 ms)', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const q = generate(seed, 3);
      const prepared = await play.prepare(q, testEnv(SR));
      const a = await wetOf(prepared.question.a, withoutSend(prepared.question.a), q);
      const b = await wetOf(prepared.question.b, withoutSend(prepared.question.b), q);
      expect(Math.abs(a.t30 / b.t30 - 1), `T30 ${a.t30} vs ${b.t30}`).toBeLessThan(0.1);
      const [large, small] = q.correct === 'A' ? [a, b] : [b, a];
      const later = large.arrivalMs - small.arrivalMs;
      expect(later, `sizes ${(q.spaceA as SpaceSpec).sizeM} / ${q.spaceB.sizeM} m`).toBeGreaterThanOrEqual(
        ARRIVAL_STEP_MS,
      );
      expect(Math.abs(later - q.measured.value)).toBeLessThan(3);
    }
  });
});

/** The same side with every reverb send off. */
function withoutSend(side: SideSpec): SideSpec {
  return {
    ...side,
    tracks: side.tracks.map((t) => ({
      ...t,
      settings: { ...t.settings, sends: { ...t.settings.sends, reverb: { enabled: false } } },
    })),
  };
}
