import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EqBoostQuestion } from '../../../src/exercises/eq-boost/meta';
import type { LevelChangeAnswer, LevelChangeQuestion } from '../../../src/exercises/level-change/meta';
import { exercises } from '../../../src/exercises/registry';
import { estimatorOptions } from '../../../src/training/adaptive-thresholds';
import { ADAPTIVE_TRIALS, estimateFrom } from '../../../src/training/estimator';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  drill: await import('../../../src/state/drill/drill'),
  storage: await import('../../../src/state/shared/storage'),
  busy: await import('../../../src/state/shared/busy'),
  attempts: await import('../../../src/storage/attempts'),
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
      // Nothing is scored before the question has been heard.
      expect(s.canSubmit.value).toBe(false);
      s.player.heard.value = true;
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
  }, 30_000);

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
  }, 30_000);

  it('adaptive: asks harder questions while the learner is right and reports an estimate with its range', async () => {
    const { drill } = await load();
    const s = drill.startDrill({
      kind: 'eq-boost',
      adaptive: true,
      seed: 3,
      prior: null,
      record: async () => true,
    });
    expect(s.adaptive).toBe(true);
    expect(s.count).toBe(ADAPTIVE_TRIALS);
    expect(drill.DEFAULT_ADAPTIVE_COUNT).toBe(ADAPTIVE_TRIALS);
    const values: number[] = [];
    // A listener who hears boosts of 4 dB or more and picks a wrong band below that.
    for (let i = 0; i < ADAPTIVE_TRIALS; i++) {
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
    expect(values[1]).toBeLessThan(12);
    expect(Math.min(...values.slice(10))).toBeGreaterThan(2);
    const summary = s.summary.value!;
    expect(summary.estimate!.value).toBeGreaterThan(3.5);
    expect(summary.estimate!.value).toBeLessThan(5);
    expect(summary.estimate!.low).toBeLessThan(summary.estimate!.value);
    expect(summary.threshold).toBe(summary.estimate!.value);
    expect(summary.thresholdWords).toMatch(/^You hear a boost of about \d(\.5)? dB \(somewhere between/);
    // The same answers replayed through the estimator give the same estimate.
    const trials = s.answers.value.map((a) => ({ value: a.value!, correct: a.result.correct }));
    expect(estimateFrom(estimatorOptions(exercises['eq-boost'].meta.mainVariable!), trials)).toEqual(
      summary.estimate,
    );
    drill.closeDrill();
  }, 30_000);

  it('adaptive: stores the sitting and estimate with each answer; the next sitting starts from it', async () => {
    const { drill, storage, attempts } = await load();
    const db = await storage.database();
    const profile = storage.activeProfileId.value;
    const listener = async (s: ReturnType<typeof drill.startDrill>, n: number) => {
      for (let i = 0; i < n; i++) {
        const q = s.question.value as LevelChangeQuestion;
        const right = exercises['level-change'].solve(q) as LevelChangeAnswer;
        s.setAnswer(
          Math.abs(q.changeDb) >= 3
            ? right
            : { ...right, direction: right.direction === 'up' ? 'down' : 'up' },
        );
        await s.submit();
        await settle(s);
        s.next();
      }
    };
    const first = drill.startDrill({ kind: 'level-change', adaptive: true, count: 12, seed: 8 });
    expect(await first.priorReady).toBeNull();
    await listener(first, 12);
    const firstEstimate = first.summary.value!.estimate!;
    drill.closeDrill();
    const stored = (await attempts.listAttempts(db, profile)).filter((a) => a.exercise === 'level-change');
    expect(stored).toHaveLength(12);
    const marks = stored.map((a) => a.question as { adaptiveSitting: number; adaptiveEstimate: unknown });
    expect(new Set(marks.map((m) => m.adaptiveSitting)).size).toBe(1);
    expect(marks.at(-1)!.adaptiveEstimate).toEqual(firstEstimate);

    const second = drill.startDrill({ kind: 'level-change', adaptive: true, count: 12, seed: 9 });
    expect(await second.priorReady).toEqual(firstEstimate);
    await listener(second, 12);
    const secondEstimate = second.summary.value!.estimate!;
    const trials = second.answers.value.map((a) => ({ value: a.value!, correct: a.result.correct }));
    const mv = exercises['level-change'].meta.mainVariable!;
    expect(estimateFrom(estimatorOptions(mv, firstEstimate), trials)).toEqual(secondEstimate);
    expect(secondEstimate.high / secondEstimate.low).toBeLessThan(firstEstimate.high / firstEstimate.low);
    drill.closeDrill();
    // 24 song questions, each generated with its loop analysed on this thread (no Worker in Node): 15 s
    // alone, over 60 s under a loaded run.
  }, 150_000);
});
