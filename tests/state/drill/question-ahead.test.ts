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
    ahead.prepareAhead('eq-boost', q);
    ahead.prepareAhead('eq-boost', q);
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
    ahead.prepareAhead('eq-boost', q1);
    ahead.prepareAhead('eq-boost', q2);
    expect(ahead.takeAhead(q1)).toBeNull();
    ahead.dropAhead();
    expect(ahead.takeAhead(q2)).toBeNull();
  });

  it("the drill player plays the question prepared ahead (and lets it go); a player's end drops it", async () => {
    const { ahead, player } = await load();
    const q = exercises['eq-boost'].generate(51, 1);
    ahead.prepareAhead('eq-boost', q);
    const p = player.createDrillPlayer();
    await p.load('eq-boost', q);
    expect(p.status.value).toBe('ready');
    expect(ahead.takeAhead(q)).toBeNull();
    const next = exercises['eq-boost'].generate(52, 1);
    ahead.prepareAhead('eq-boost', next);
    p.dispose();
    expect(ahead.takeAhead(next)).toBeNull();
  });
});
