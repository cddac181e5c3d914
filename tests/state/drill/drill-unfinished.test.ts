import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { EqBoostQuestion } from '../../../src/exercises/eq-boost/meta';
import { exercises } from '../../../src/exercises/registry';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  drill: await import('../../../src/state/drill/drill'),
  kept: await import('../../../src/state/drill/drill-unfinished'),
  storage: await import('../../../src/state/shared/storage'),
  attempts: await import('../../../src/storage/attempts'),
  store: await import('../../../src/storage/unfinished-drills'),
});

type Session = Awaited<ReturnType<typeof load>>['drill'] extends { startDrill: (...a: never[]) => infer S }
  ? S
  : never;

/** Waits until the drill leaves its "checking" phase. */
async function settle(session: { phase: { value: string } }): Promise<void> {
  await vi.waitFor(
    () => {
      if (session.phase.value === 'checking') throw new Error('The answer is still being checked.');
    },
    { timeout: 5000, interval: 5 },
  );
}

/** Answers the current eq-boost question (right, or a band two steps off), then goes on. */
async function answer(s: Session, right: boolean): Promise<void> {
  const q = s.question.value as EqBoostQuestion;
  const solved = exercises['eq-boost'].solve(q) as { bandHz: number };
  const other = q.bandsHz[(q.bandsHz.indexOf(solved.bandHz) + 2) % q.bandsHz.length]!;
  s.player.heard.value = true;
  s.setAnswer(right ? solved : { bandHz: other });
  await s.submit();
  await settle(s);
  s.next();
}

async function eqAttempts(l: Awaited<ReturnType<typeof load>>) {
  const db = await l.storage.database();
  return (await l.attempts.listAttempts(db, l.storage.activeProfileId.value)).filter(
    (a) => a.exercise === 'eq-boost',
  );
}

describe('unfinished drills', () => {
  it('a drill left at question 4 continues there with the same seeds, its 3 answers counted once', async () => {
    const l = await load();
    const { drill, kept } = l;
    const before = (await eqAttempts(l)).length;
    // The same drill run straight through: the seeds every question should have.
    const { createQuestionSource } = await import('../../../src/state/drill/drill-questions');
    const source = createQuestionSource({
      kind: 'eq-boost',
      level: 2,
      count: 10,
      fixed: null,
      seed: 4242,
      adaptiveValue: () => null,
    });
    const straightSeeds = Array.from({ length: 10 }, (_, i) => {
      const picked = source.questionAt(i);
      if (picked instanceof Promise) throw new Error('Node makes questions on this thread');
      return picked.item.seed;
    });
    expect(new Set(straightSeeds).size).toBe(10);

    const s = drill.startDrill({ kind: 'eq-boost', level: 2, count: 10, seed: 4242 });
    await answer(s, true);
    await answer(s, true);
    await answer(s, false);
    expect(s.index.value).toBe(3);
    // The learner moves a control on question 4, then the page goes away.
    const q4 = s.question.value as EqBoostQuestion;
    const moved = { bandHz: q4.bandsHz[1]! };
    s.setAnswer(moved);
    await s.placeKept();
    await kept.unfinishedWritesSettled();
    s.dispose();
    drill.drill.value = null;
    kept.unfinishedDrills.value = [];

    const list = await kept.refreshUnfinishedDrills();
    expect(list).toHaveLength(1);
    const place = list[0]!;
    expect(kept.describeUnfinished(place)).toBe('Spot the EQ boost level 2, question 4 of 10');
    expect(place.answers.map((a) => a.saved)).toEqual([true, true, true]);
    expect(place.items.map((i) => i.seed)).toEqual(straightSeeds.slice(0, 4));
    expect(place.working).toEqual({ index: 3, answer: moved });
    expect((await eqAttempts(l)).length).toBe(before + 3);

    const c = await drill.continueDrill(place);
    expect(c.index.value).toBe(3);
    expect(c.question.value!.seed).toBe(straightSeeds[3]);
    expect(c.question.value).toEqual(q4);
    expect(c.answer.value).toEqual(moved);
    expect(c.answers.value.map((a) => a.result.score)).toEqual(s.answers.value.map((a) => a.result.score));
    expect(c.saveFailed.value).toBe(false);
    const seen = [c.question.value!.seed];
    await answer(c, true);
    for (let i = 4; i < 10; i++) {
      seen.push(c.question.value!.seed);
      await answer(c, true);
    }
    expect(seen).toEqual(straightSeeds.slice(3));
    expect(c.phase.value).toBe('done');
    const summary = c.summary.value!;
    expect(summary.scores).toHaveLength(10);
    expect(summary.correct).toBe(9);
    // Ten attempts in all, one per seed: the first three were not stored again.
    const stored = (await eqAttempts(l)).slice(before);
    expect(stored.map((a) => a.seed)).toEqual(straightSeeds);
    await kept.unfinishedWritesSettled();
    expect(await kept.refreshUnfinishedDrills()).toEqual([]);
    drill.closeDrill();
  });

  it('starting a new drill of the kind, or ending one, forgets its place; other kinds keep theirs', async () => {
    const l = await load();
    const { drill, kept } = l;
    const s = drill.startDrill({ kind: 'eq-boost', level: 1, count: 5, seed: 7 });
    await answer(s, true);
    await kept.unfinishedWritesSettled();
    expect((await kept.refreshUnfinishedDrills()).map((d) => d.kind)).toEqual(['eq-boost']);
    // Another kind's place is kept beside it.
    const db = await l.storage.database();
    const profile = l.storage.activeProfileId.value;
    const other = { ...(await kept.refreshUnfinishedDrills())[0]!, kind: 'level-change', updatedAt: 1 };
    await l.store.keepUnfinishedDrill(db, profile, other);
    drill.startDrill({ kind: 'eq-boost', level: 3, count: 5, seed: 8 });
    await kept.unfinishedWritesSettled();
    expect((await kept.refreshUnfinishedDrills()).map((d) => d.kind)).toEqual(['level-change']);

    const t = drill.startDrill({ kind: 'eq-boost', level: 1, count: 5, seed: 9 });
    await answer(t, true);
    await kept.unfinishedWritesSettled();
    expect((await kept.refreshUnfinishedDrills()).map((d) => d.kind)).toEqual(['eq-boost', 'level-change']);
    t.quit();
    await kept.unfinishedWritesSettled();
    expect((await kept.refreshUnfinishedDrills()).map((d) => d.kind)).toEqual(['level-change']);
    await l.store.forgetUnfinishedDrill(db, profile, 'level-change');
    drill.closeDrill();
  });

  it('keeps no place for assignments, workouts (a title) or focused drills', async () => {
    const l = await load();
    const { drill, kept } = l;
    const items = [1, 2, 3].map((seed) => ({ exercise: 'eq-boost' as const, level: 1, seed }));
    const a = drill.startDrill({ items, assignmentId: 'x', record: async () => true });
    await answer(a, true);
    const w = drill.startDrill({ kind: 'eq-boost', level: 1, count: 3, title: 'Workout 1 of 3: EQ' });
    await answer(w, true);
    await kept.unfinishedWritesSettled();
    expect(await kept.refreshUnfinishedDrills()).toEqual([]);
    drill.closeDrill();
  });

  it('an answer whose save had not settled is found among the attempts, or stays unsaved', async () => {
    const l = await load();
    const { drill, kept } = l;
    const s = drill.startDrill({ kind: 'eq-boost', level: 1, count: 4, seed: 31 });
    await answer(s, true);
    await answer(s, true);
    await kept.unfinishedWritesSettled();
    const place = (await kept.refreshUnfinishedDrills())[0]!;
    s.dispose();
    drill.drill.value = null;
    // As if the page closed between keeping the place and hearing the save: both marked unsaved, the
    // second one's attempt never landed (its time differs from every stored attempt).
    const torn = {
      ...place,
      answers: place.answers.map((a, i) => ({ ...a, saved: false, at: i === 1 ? a.at + 1 : a.at })),
    };
    const restored = await kept.restoredAnswers(torn);
    expect(restored.map((a) => a.saved)).toEqual([true, false]);
    const before = (await eqAttempts(l)).length;
    const c = await drill.continueDrill(torn);
    expect(c.saveFailed.value).toBe(true);
    expect(await c.retryUnsaved()).toBe(true);
    expect((await eqAttempts(l)).length).toBe(before + 1);
    c.quit();
    drill.closeDrill();
    await kept.unfinishedWritesSettled();
  });

  it('an attempt stored after the place was last kept comes back answered, never asked or stored again', async () => {
    const l = await load();
    const { drill, kept } = l;
    const before = (await eqAttempts(l)).length;
    const s = drill.startDrill({ kind: 'eq-boost', level: 1, count: 5, seed: 77 });
    await answer(s, true);
    await kept.unfinishedWritesSettled();
    // The place after question 1: question 2's item is not kept yet (it is drawn again on continuing).
    const drawn = (await kept.refreshUnfinishedDrills())[0]!;
    expect(drawn.items).toHaveLength(1);
    // The learner moves a control on question 2: the place now keeps its item.
    s.setAnswer(s.answer.value);
    await s.placeKept();
    await kept.unfinishedWritesSettled();
    const keptItem = (await kept.refreshUnfinishedDrills())[0]!;
    expect(keptItem.items).toHaveLength(2);
    const q2 = s.question.value!;
    // Question 2 is answered and stored, but the app closes before the place says so.
    await answer(s, false);
    s.dispose();
    drill.drill.value = null;
    const score2 = s.answers.value[1]!.result.score;
    expect((await eqAttempts(l)).length).toBe(before + 2);
    for (const place of [drawn, keptItem]) {
      const restored = await kept.restoredAnswers(place);
      expect(restored.map((a) => [a.index, a.saved])).toEqual([
        [0, true],
        [1, true],
      ]);
      expect(restored[1]!.item.seed).toBe(q2.seed);
      expect(restored[1]!.result.score).toBe(score2);
      expect(restored[1]!.result.correct).toBe(false);
    }
    const c = await drill.continueDrill(drawn);
    expect(c.index.value).toBe(2);
    expect(c.saveFailed.value).toBe(false);
    for (let i = 2; i < 5; i++) await answer(c, true);
    expect(c.phase.value).toBe('done');
    expect(c.summary.value!.correct).toBe(4);
    // Five attempts, one per question: question 2 was stored once.
    const stored = (await eqAttempts(l)).slice(before);
    expect(stored).toHaveLength(5);
    expect(new Set(stored.map((a) => a.seed)).size).toBe(5);
    drill.closeDrill();
    await kept.unfinishedWritesSettled();
  });

  it('a drill whose last answer was stored before its place was forgotten opens at its summary', async () => {
    const l = await load();
    const { drill, kept } = l;
    const before = (await eqAttempts(l)).length;
    const s = drill.startDrill({ kind: 'eq-boost', level: 1, count: 3, seed: 55 });
    await answer(s, true);
    await answer(s, false);
    await kept.unfinishedWritesSettled();
    const place = (await kept.refreshUnfinishedDrills())[0]!;
    expect(place.answers).toHaveLength(2);
    await answer(s, true);
    expect(s.phase.value).toBe('done');
    drill.closeDrill();
    await kept.unfinishedWritesSettled();
    // As if the app closed before the place was forgotten: continuing finds all three stored.
    await l.store.keepUnfinishedDrill(await l.storage.database(), l.storage.activeProfileId.value, place);
    const c = await drill.continueDrill(place);
    expect(c.phase.value).toBe('done');
    expect(c.summary.value!.scores).toHaveLength(3);
    expect(c.summary.value!.correct).toBe(2);
    expect((await eqAttempts(l)).length).toBe(before + 3);
    await kept.unfinishedWritesSettled();
    expect(await kept.refreshUnfinishedDrills()).toEqual([]);
    drill.closeDrill();
  });

  it('a drill put away while its answer is saved writes nothing after a new drill of the kind began', async () => {
    const l = await load();
    const { drill, kept } = l;
    const s = drill.startDrill({ kind: 'eq-boost', level: 1, count: 5, seed: 91 });
    const q = s.question.value as EqBoostQuestion;
    s.player.heard.value = true;
    s.setAnswer(exercises['eq-boost'].solve(q));
    const submitting = s.submit();
    // A new drill of the kind starts while the old answer is being checked and saved.
    const t = drill.startDrill({ kind: 'eq-boost', level: 2, count: 5, seed: 92 });
    await submitting;
    await kept.unfinishedWritesSettled();
    expect(await kept.refreshUnfinishedDrills()).toEqual([]);
    t.quit();
    drill.closeDrill();
    await kept.unfinishedWritesSettled();
  });

  it('continuing waits for a place still being written', async () => {
    const l = await load();
    const { drill, kept } = l;
    const s = drill.startDrill({ kind: 'eq-boost', level: 1, count: 5, seed: 93 });
    await answer(s, true);
    await kept.unfinishedWritesSettled();
    const place = (await kept.refreshUnfinishedDrills())[0]!;
    const order: string[] = [];
    s.setAnswer(s.answer.value);
    const flushed = s.placeKept().then(() => order.push('written'));
    const restoring = kept.restoredAnswers(place).then(() => order.push('restored'));
    await Promise.all([flushed, restoring]);
    expect(order).toEqual(['written', 'restored']);
    drill.closeDrill();
    await kept.forgetUnfinished('eq-boost');
  });

  it('adaptive: a continued sitting asks at the same values and keeps its sitting and prior', async () => {
    const l = await load();
    const { drill, kept } = l;
    const listen = async (s: Session, n: number, values: number[]) => {
      for (let i = 0; i < n; i++) {
        const q = s.question.value as EqBoostQuestion;
        values.push(q.adaptiveValue!);
        await answer(s, q.adaptiveValue! >= 5);
      }
    };
    const straight = drill.startDrill({
      kind: 'eq-boost',
      adaptive: true,
      count: 8,
      seed: 5,
      prior: null,
      record: async () => true,
    });
    const straightValues: number[] = [];
    await listen(straight, 8, straightValues);
    drill.closeDrill();

    const s = drill.startDrill({ kind: 'eq-boost', adaptive: true, count: 8, seed: 5, prior: null });
    const values: number[] = [];
    await listen(s, 4, values);
    await kept.unfinishedWritesSettled();
    s.dispose();
    drill.drill.value = null;
    const place = (await kept.refreshUnfinishedDrills())[0]!;
    expect(place.adaptive).toBe(true);
    expect(place.prior).toBeNull();
    expect(kept.describeUnfinished(place)).toBe('Spot the EQ boost adaptive, question 5 of 8');
    const c = await drill.continueDrill(place);
    expect(c.adaptive).toBe(true);
    await listen(c, 4, values);
    expect(values).toEqual(straightValues);
    const sittings = c.answers.value.map((a) => a.mark?.adaptiveSitting);
    expect(new Set(sittings).size).toBe(1);
    expect(c.summary.value!.estimate).toEqual(straight.summary.value!.estimate);
    drill.closeDrill();
  });
});
