import { describe, expect, it, vi } from 'vitest';
import { exercises } from '../../../src/exercises/registry';
import type { DrillStemReply, SongWorkerRequest } from '../../../src/state/shared/song-stems';

/** The song Worker's module run in Node against a fake `self`: what it posts, in order. */
async function startWorker() {
  const replies: DrillStemReply[] = [];
  const scope: { onmessage: ((e: { data: SongWorkerRequest }) => void) | null; postMessage: unknown } = {
    onmessage: null,
    postMessage: (m: DrillStemReply) => replies.push(m),
  };
  vi.stubGlobal('self', scope);
  vi.resetModules();
  await import('../../../src/state/shared/song-stems.worker');
  const send = (r: SongWorkerRequest) => scope.onmessage?.({ data: r });
  const done = (id: number) =>
    vi.waitFor(
      () => {
        if (!replies.some((r) => r.id === id && (r.type === 'done' || r.type === 'error')))
          throw new Error(`no reply to ${id}`);
      },
      { timeout: 60_000, interval: 5 },
    );
  return { replies, send, done };
}

describe('the song Worker answers questions first', () => {
  it('a question asked after two song renders is answered before either, and is the pure generator’s', async () => {
    const { replies, send, done } = await startWorker();
    const song = { style: 'pop', overrides: { bars: 2 }, sampleRate: 8000 } as const;
    send({ id: 1, type: 'stems', seed: 1, ...song });
    send({ id: 2, type: 'stems', seed: 2, ...song });
    send({ id: 3, type: 'question', kind: 'eq-boost', seed: 5, level: 1, value: null });
    await done(2);
    const finished = replies.filter((r) => r.type === 'done').map((r) => r.id);
    expect(finished).toEqual([3, 1, 2]);
    const answer = replies.find((r) => r.id === 3) as { question: unknown; instruments: unknown };
    expect(answer.question).toEqual(exercises['eq-boost'].generate(5, 1));
    expect(answer.instruments).toBeNull();
    // The renders still come in the order they were asked for, each a 2-bar stereo song at 8 kHz.
    const stems = replies.filter((r) => r.type === 'done' && 'stems' in r) as {
      stems: { tracks: unknown[] };
    }[];
    expect(stems).toHaveLength(2);
    for (const s of stems) expect(s.stems.tracks.length).toBeGreaterThan(0);
  }, 120_000);

  it('a question never waits for an instrument bank that is still loading', async () => {
    const { replies, send, done } = await startWorker();
    // A bank that cannot be fetched in Node: the render waits for its load to fail, the question does not.
    vi.stubGlobal('fetch', () => new Promise(() => undefined));
    send({ id: 1, type: 'stems', seed: 1, style: 'pop', sampleRate: 8000, bankUrl: '/never.bank' });
    send({ id: 2, type: 'question', kind: 'eq-boost', seed: 6, level: 2, value: null });
    await done(2);
    expect(replies.filter((r) => r.type === 'done').map((r) => r.id)).toEqual([2]);
    vi.unstubAllGlobals();
  }, 60_000);
});
