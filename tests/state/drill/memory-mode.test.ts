import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LoudnessMatchQuestion } from '../../../src/exercises/loudness-match/meta';
import { exercises } from '../../../src/exercises/registry';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => {
  const storage = await import('../../../src/state/shared/storage');
  // The app opens its database (and reads the settings) before any drill.
  await storage.database();
  return {
    gate: await import('../../../src/state/drill/memory-gate'),
    drill: await import('../../../src/state/drill/drill'),
    storage,
    attempts: await import('../../../src/storage/attempts'),
  };
};

/** A clock the test moves by hand. */
function fakeClock() {
  let t = 0;
  const timers: { at: number; run: () => void; id: number }[] = [];
  let next = 1;
  return {
    now: () => t,
    setTimeout: (run: () => void, ms: number) => {
      timers.push({ at: t + ms, run, id: next });
      return next++;
    },
    clearTimeout: (id: unknown) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms: number) {
      t += ms;
      for (const x of timers.filter((x) => x.at <= t)) {
        timers.splice(timers.indexOf(x), 1);
        x.run();
      }
    },
  };
}

async function settle(session: { phase: { value: string } }): Promise<void> {
  await vi.waitFor(
    () => {
      if (session.phase.value === 'checking') throw new Error('The answer is still being checked.');
    },
    { timeout: 5000, interval: 5 },
  );
}

describe('memory mode in the drill state', () => {
  it('refuses A once the reference is hidden (with a hint), allows B, and allows both again in the review', async () => {
    const { gate, storage } = await load();
    await storage.updateSetting('memoryMode', { 'eq-match': true });
    let hidden = 0;
    const g = gate.createMemoryGate(() => hidden++, fakeClock());
    g.reset('eq-match', { practice: false, onePass: false });
    expect(g.view.value).toMatchObject({ available: true, on: true, hidden: false, hint: null });
    // Before hiding, A as often as the learner likes.
    for (let i = 0; i < 5; i++) expect(g.allows('a', 'question')).toBe(true);
    g.hide();
    expect(hidden).toBe(1);
    expect(g.allows('a', 'question')).toBe(false);
    expect(g.view.value.hint).toBe(gate.HIDDEN_HINT);
    expect(g.allows('b', 'question')).toBe(true);
    expect(g.allows('a', 'review')).toBe(true);
    // Memory mode cannot be turned off for a question whose reference is already hidden.
    expect(g.setOn(false)).toBe(false);
    expect(g.view.value.on).toBe(true);
    // The next question starts with the reference audible again.
    g.reset('eq-match', { practice: false, onePass: false });
    expect(g.allows('a', 'question')).toBe(true);
  });

  it('turning a control hides the reference; without memory mode nothing is ever refused', async () => {
    const { gate, storage } = await load();
    await storage.updateSetting('memoryMode', { 'comp-match': true });
    const g = gate.createMemoryGate(() => undefined, fakeClock());
    g.reset('comp-match', { practice: false, onePass: false });
    g.touched();
    expect(g.view.value.hidden).toBe(true);
    expect(g.allows('a', 'question')).toBe(false);
    // Off (the setting for this kind is off), in practice, or on a choice kind: A always plays.
    for (const [kind, practice] of [
      ['eq-match', false],
      ['comp-match', true],
      ['eq-boost', false],
    ] as const) {
      g.reset(kind, { practice, onePass: false });
      g.touched();
      g.hide();
      expect(g.allows('a', 'question')).toBe(true);
      expect(g.view.value.hint).toBeNull();
    }
    g.reset('eq-boost', { practice: false, onePass: false });
    expect(g.setOn(true)).toBe(false);
  });

  it('on one-pass levels A hides itself after it has sounded for one loop length (time on B does not count)', async () => {
    const { gate, storage } = await load();
    await storage.updateSetting('memoryMode', { 'loudness-match': true });
    const clock = fakeClock();
    const g = gate.createMemoryGate(() => undefined, clock);
    g.reset('loudness-match', { practice: false, onePass: true });
    g.observe(true, 'a', 4, 'question');
    clock.advance(3000);
    g.observe(true, 'b', 4, 'question');
    clock.advance(10_000);
    expect(g.view.value.hidden).toBe(false);
    expect(g.heardMs()).toBe(3000);
    g.observe(true, 'a', 4, 'question');
    clock.advance(999);
    expect(g.view.value.hidden).toBe(false);
    clock.advance(1);
    expect(g.view.value.hidden).toBe(true);
  });

  it('a drill in memory mode scores the same and stores the attempt marked; the setting is kept per kind', async () => {
    const { drill, storage, attempts } = await load();
    const db = await storage.database();
    const profile = storage.activeProfileId.value;
    const kind = exercises['loudness-match'];
    const scores: Record<string, number[]> = {};
    for (const on of [false, true]) {
      await storage.updateSetting('memoryMode', { 'loudness-match': on, 'eq-match': !on });
      const before = (await attempts.listAttempts(db, profile)).length;
      const s = drill.startDrill({ kind: 'loudness-match', level: 1, count: 2, seed: 42 });
      expect(s.player.memory.view.value.on).toBe(on);
      for (let i = 0; i < 2; i++) {
        const q = s.question.value as { referenceDb: number };
        // Half the way to the match: the same score either way.
        s.setAnswer({ offsetDb: q.referenceDb / 2 });
        // Turning the fader hid the reference (memory mode only): A is refused from now on.
        expect(s.player.memory.view.value.hidden).toBe(on);
        s.player.select('a');
        expect(s.player.memory.view.value.hint !== null).toBe(on);
        await s.submit();
        await settle(s);
        s.next();
      }
      const stored = (await attempts.listAttempts(db, profile)).slice(before);
      scores[String(on)] = stored.map((a) => a.score);
      for (const a of stored) {
        expect((a.details as Record<string, unknown> | undefined)?.memoryMode === true).toBe(on);
        const plain = kind.check(a.question as LoudnessMatchQuestion, a.answer);
        expect(a.score).toBe(plain.score);
      }
      drill.closeDrill();
    }
    expect(scores.true).toEqual(scores.false);
    expect(scores.true!.every((x) => x >= 50 && x <= 67)).toBe(true);
    expect(storage.settings.value.memoryMode).toEqual({ 'loudness-match': true, 'eq-match': false });
  });
});
