import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import { needsSong } from '../../../src/state/drill/drill-questions';

beforeAll(() => {
  vi.stubGlobal('navigator', { storage: { persist: async () => true } });
});

describe('which questions need the song Worker', () => {
  it('levels on pink noise need no song; every other level of every kind does', () => {
    let pink = 0;
    for (const [kind, k] of Object.entries(exercises)) {
      k.meta.levels.forEach((spec, i) => {
        const source = (spec.params as { source?: unknown }).source;
        expect(needsSong(kind as keyof typeof exercises, i + 1, false)).toBe(source !== 'pink');
        if (source === 'pink') pink++;
      });
    }
    // eq-boost 1–4, eq-match 1–4, eq-two-bands 1–2, loudness…: the kinds' pink levels are found.
    expect(pink).toBeGreaterThanOrEqual(15);
    expect(needsSong('eq-boost', 1, false)).toBe(false);
    expect(needsSong('eq-boost', 5, false)).toBe(true);
    expect(needsSong('level-change', 1, false)).toBe(true);
  });

  it('an adaptive question is made at the base level, and an unknown level goes to the Worker', () => {
    // eq-boost's adaptive questions are on level 3 (pink noise), whatever level the drill names.
    expect(exercises['eq-boost'].meta.mainVariable?.baseLevel).toBe(3);
    expect(needsSong('eq-boost', 6, true)).toBe(false);
    expect(needsSong('eq-boost', Number.NaN, false)).toBe(true);
  });
});

describe('a drill with a song Worker', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.stubGlobal('navigator', { storage: { persist: async () => true } });
    vi.resetModules();
  });

  it('makes a pink-noise question on the page at once (the same as Node makes it) and a song question in the Worker', async () => {
    // A Worker that takes every request and never answers: a question that waited for it would never come.
    const posted: { type?: string; kind?: string }[] = [];
    class SilentWorker {
      onmessage: unknown = null;
      onerror: unknown = null;
      postMessage(message: { type?: string; kind?: string }) {
        posted.push(message);
      }
      terminate() {}
    }
    vi.stubGlobal('Worker', SilentWorker);
    const { createQuestionSource } = await import('../../../src/state/drill/drill-questions');
    const plan = { count: 3, fixed: null, seed: 99, adaptiveValue: () => null } as const;

    const pink = createQuestionSource({ ...plan, kind: 'eq-boost', level: 2 });
    const first = pink.questionAt(0);
    expect(first).not.toBeInstanceOf(Promise);
    const { item, question } = first as Exclude<typeof first, Promise<unknown>>;
    expect(question).toEqual(exercises['eq-boost'].generate(item.seed, 2));
    expect(posted.filter((m) => m.type === 'question')).toHaveLength(0);

    const song = createQuestionSource({ ...plan, kind: 'level-change', level: 1 });
    expect(song.questionAt(0)).toBeInstanceOf(Promise);
    expect(posted.filter((m) => m.type === 'question').map((m) => m.kind)).toEqual(['level-change']);
  });
});
