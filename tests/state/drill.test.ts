import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EqBoostQuestion } from '../../src/exercises/eq-boost/meta';
import { exercises } from '../../src/exercises/registry';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  drill: await import('../../src/state/drill'),
  storage: await import('../../src/state/storage'),
  busy: await import('../../src/state/busy'),
  attempts: await import('../../src/storage/attempts'),
});

/** Waits until the drill leaves its "checking" phase. */
async function settle(session: { phase: { value: string } }): Promise<void> {
  for (let i = 0; i < 200 && session.phase.value === 'checking'; i++)
    await new Promise((r) => setTimeout(r, 5));
}

describe('drill session', () => {
  it('runs fixed items (an assignment): each answer is checked, timed and handed to the recorder', async () => {
    const { drill, busy } = await load();
    const recorded: { seed: number; index: number; score: number }[] = [];
    const items = [11, 12, 13].map((seed) => ({ exercise: 'eq-boost' as const, level: 2, seed }));
    const s = drill.startDrill({
      items,
      assignmentId: 'class-1',
      record: async (item, index, r) => {
        recorded.push({ seed: item.seed, index, score: r.score });
        return true;
      },
    });
    expect(busy.busyReasons.value).toContain('drill');
    expect(s.count).toBe(3);
    for (let i = 0; i < 3; i++) {
      const q = s.question.value!;
      expect(q).toEqual(exercises['eq-boost'].generate(items[i]!.seed, 2));
      expect(s.canSubmit.value).toBe(false);
      // The right answer for the first two, a band two steps off for the third.
      const right = exercises['eq-boost'].solve(q) as { bandHz: number };
      const bands = (q as EqBoostQuestion).bandsHz;
      const other = bands[(bands.indexOf(right.bandHz) + 2) % bands.length]!;
      s.setAnswer(i < 2 ? right : { bandHz: other });
      expect(s.canSubmit.value).toBe(true);
      await s.submit();
      await settle(s);
      expect(s.phase.value).toBe('answered');
      s.next();
    }
    expect(s.phase.value).toBe('done');
    expect(recorded.map((r) => [r.seed, r.index])).toEqual([
      [11, 0],
      [12, 1],
      [13, 2],
    ]);
    expect(recorded.slice(0, 2).map((r) => r.score)).toEqual([100, 100]);
    expect(recorded[2]!.score).toBeLessThan(100);
    const summary = s.summary.value!;
    expect(summary.scores).toEqual(recorded.map((r) => r.score));
    expect(summary.mean).toBe(Math.round((200 + recorded[2]!.score) / 3));
    expect(summary.thresholdWords).toBeNull();
    expect(busy.busyReasons.value).not.toContain('drill');
    drill.closeDrill();
    expect(drill.drill.value).toBeNull();
  });

  it('stores attempts with the assignment id through saveAttempt when no recorder is given', async () => {
    const { drill, storage, attempts } = await load();
    const db = await storage.database();
    const before = (await attempts.listAttempts(db, storage.activeProfileId.value)).length;
    const s = drill.startDrill({ kind: 'pan-position', level: 1, count: 2, assignmentId: 'a-7', seed: 5 });
    for (let i = 0; i < 2; i++) {
      s.setAnswer(exercises['pan-position'].solve(s.question.value!));
      await s.submit();
      await settle(s);
      s.next();
    }
    const stored = (await attempts.listAttempts(db, storage.activeProfileId.value)).slice(before);
    expect(stored.map((a) => [a.exercise, a.skill, a.level, a.score, a.assignmentId])).toEqual([
      ['pan-position', 'pan', 1, 100, 'a-7'],
      ['pan-position', 'pan', 1, 100, 'a-7'],
    ]);
    expect(stored[0]!.question).toEqual(exercises['pan-position'].generate(stored[0]!.seed, 1));
    drill.closeDrill();
  });

  it('adaptive: the staircase makes questions harder while the learner is right and reports a threshold', async () => {
    const { drill } = await load();
    const s = drill.startDrill({
      kind: 'eq-boost',
      adaptive: true,
      count: 40,
      seed: 3,
      record: async () => true,
    });
    expect(s.adaptive).toBe(true);
    const values: number[] = [];
    // A listener who hears boosts of 4 dB or more and guesses wrong below that.
    for (let i = 0; i < 40; i++) {
      const q = s.question.value as EqBoostQuestion;
      values.push(q.adaptiveValue!);
      const right = exercises['eq-boost'].solve(q) as { bandHz: number };
      const wrong = q.bandsHz.find((b) => b !== right.bandHz)!;
      s.setAnswer(q.adaptiveValue! >= 4 ? right : { bandHz: wrong });
      await s.submit();
      await settle(s);
      s.next();
    }
    expect(values[0]).toBe(12);
    expect(values[1]).toBe(12);
    expect(values[2]).toBe(10);
    const summary = s.summary.value!;
    expect(summary.threshold).not.toBeNull();
    expect(Math.abs(summary.threshold! - 3.5)).toBeLessThan(1);
    expect(summary.thresholdWords).toMatch(/^You reliably hear a \d+(\.5)? dB boost/);
    drill.closeDrill();
  });
});
