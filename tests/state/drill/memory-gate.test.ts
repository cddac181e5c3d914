import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

const load = async () => {
  const storage = await import('../../../src/state/shared/storage');
  await storage.database();
  return { gate: await import('../../../src/state/drill/memory-gate'), storage };
};

const noClock = { now: () => 0, setTimeout: () => 0, clearTimeout: () => {} };

describe('memory mode cannot be claimed after matching with the reference', () => {
  it('turned on after a control moved with A to compare: off for this question, on from the next', async () => {
    const { gate, storage } = await load();
    await storage.updateSetting('memoryMode', {});
    const g = gate.createMemoryGate(() => {}, noClock);
    g.reset('eq-match', { practice: false, onePass: false });
    expect(g.view.value).toMatchObject({ available: true, on: false });
    // The learner matches with A and B both to hear, then ticks memory mode just before submitting.
    g.touched();
    expect(g.setOn(true)).toBe(false);
    expect(g.view.value.on).toBe(false);
    expect(g.view.value.hint).toBe(gate.NEXT_QUESTION_HINT);
    // A stays available: nothing was hidden, and the attempt is not marked as made from memory.
    expect(g.allows('a', 'question')).toBe(true);
    await vi.waitFor(() => expect(storage.settings.peek().memoryMode?.['eq-match']).toBe(true));
    // The next question starts in memory mode.
    g.reset('eq-match', { practice: false, onePass: false });
    expect(g.view.value).toMatchObject({ on: true, hidden: false, hint: null });
  });

  it('on from the start (or turned on before any control moved): the first control hides A and the mode holds', async () => {
    const { gate, storage } = await load();
    await storage.updateSetting('memoryMode', {});
    const g = gate.createMemoryGate(() => {}, noClock);
    g.reset('comp-match', { practice: false, onePass: false });
    expect(g.setOn(true)).toBe(true);
    g.touched();
    expect(g.view.value).toMatchObject({ on: true, hidden: true });
    expect(g.allows('a', 'question')).toBe(false);
    // Turned off then on again without moving a control while off: still allowed.
    const h = gate.createMemoryGate(() => {}, noClock);
    h.reset('comp-match', { practice: false, onePass: false });
    expect(h.setOn(false)).toBe(true);
    expect(h.setOn(true)).toBe(true);
    expect(h.view.value.on).toBe(true);
  });
});
