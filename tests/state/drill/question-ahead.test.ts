import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exercises } from '../../../src/exercises/registry';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => ({
  ahead: await import('../../../src/state/drill/question-ahead'),
  player: await import('../../../src/state/drill/drill-player'),
});

describe('the next question made ready ahead', () => {
  it('is prepared once, handed over once, and only for the same question', async () => {
    const { ahead } = await load();
    const q = exercises['eq-boost'].generate(31, 1);
    const other = exercises['eq-boost'].generate(32, 1);
    const drill = {};
    ahead.prepareAhead('eq-boost', q, drill);
    ahead.prepareAhead('eq-boost', q, drill);
    expect(ahead.takeAhead(other)).toBeNull();
    const audio = await ahead.takeAhead(q);
    expect(ahead.takeAhead(q)).toBeNull();
    // Prepared at the fallback rate (no live context in Node): A and B of the question, one band apart.
    expect(audio?.ready.sampleRate).toBe(48000);
    expect(audio?.playable).toBe(audio?.ready);
    expect(audio?.ready.question.a.tracks.length).toBeGreaterThan(0);
    expect(audio?.ready.question.b.tracks.length).toBe(audio?.ready.question.a.tracks.length);
  });

  it('holds one question at a time, and nothing once dropped', async () => {
    const { ahead } = await load();
    const q1 = exercises['eq-boost'].generate(41, 1);
    const q2 = exercises['eq-boost'].generate(42, 1);
    const drill = {};
    ahead.prepareAhead('eq-boost', q1, drill);
    ahead.prepareAhead('eq-boost', q2, drill);
    expect(ahead.takeAhead(q1)).toBeNull();
    // Another drill ending does not drop this drill's question; this drill ending does.
    ahead.dropAhead({});
    ahead.dropAhead(drill);
    expect(ahead.takeAhead(q2)).toBeNull();
    ahead.prepareAhead('eq-boost', q1, drill);
    ahead.dropAhead({});
    expect(ahead.takeAhead(q1)).not.toBeNull();
  });

  it("the drill player plays the question prepared ahead (and lets it go); another player's end keeps a drill's", async () => {
    const { ahead, player } = await load();
    const q = exercises['eq-boost'].generate(51, 1);
    const drill = {};
    ahead.prepareAhead('eq-boost', q, drill);
    const p = player.createDrillPlayer();
    await p.load('eq-boost', q);
    expect(p.status.value).toBe('ready');
    expect(ahead.takeAhead(q)).toBeNull();
    const next = exercises['eq-boost'].generate(52, 1);
    ahead.prepareAhead('eq-boost', next, drill);
    // A practice panel's or a lesson block's player closing leaves the drill's next question ready.
    const other = player.createDrillPlayer();
    other.dispose();
    p.dispose();
    expect(ahead.takeAhead(next)).not.toBeNull();
  });

  it('a question source that stops (its drill ended) drops what it holds and makes nothing more ahead', async () => {
    const { ahead } = await load();
    const { createQuestionSource } = await import('../../../src/state/drill/drill-questions');
    vi.stubGlobal('Worker', class {});
    try {
      const source = createQuestionSource({
        kind: 'eq-boost',
        level: 1,
        count: 3,
        fixed: null,
        seed: 7,
        adaptiveValue: () => null,
      });
      const first = await source.questionAt(0);
      const second = await source.questionAt(1);
      // The drill ends while question 2 is still being made: nothing is prepared for it afterwards.
      source.prefetchNext(0);
      source.stop();
      await new Promise((r) => setTimeout(r, 0));
      expect(ahead.takeAhead(second.question)).toBeNull();
      expect(first.item.exercise).toBe('eq-boost');
    } finally {
      vi.unstubAllGlobals();
      vi.stubGlobal('navigator', { storage: { persist: async () => true } });
    }
  });
});
