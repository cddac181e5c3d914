import { describe, expect, it } from 'vitest';
import {
  BATCH_SIZE,
  backoffMs,
  classifyResponse,
  FIRST_BACKOFF_MS,
  MAX_BACKOFF_MS,
  SET_ASIDE,
  type SendOutcome,
  type SyncQueue,
  syncOnce,
  type Waiting,
} from '../../../src/classroom/xapi/sync';

/** An in-memory queue with the same contract as the IndexedDB one. */
function memoryQueue(
  n: number,
  at = 0,
): SyncQueue & { items: Map<string, Waiting & { lastError?: string }> } {
  const items = new Map<string, Waiting & { lastError?: string }>();
  for (let i = 0; i < n; i++) {
    const id = `id-${String(i).padStart(3, '0')}`;
    items.set(id, { id, statement: { id }, tries: 0, nextTryAt: at });
  }
  return {
    items,
    list: async () => [...items.values()],
    remove: async (ids) => {
      for (const id of ids) items.delete(id);
    },
    fail: async (ids, error, next) => {
      for (const id of ids) {
        const w = items.get(id);
        if (w) items.set(id, { ...w, tries: w.tries + 1, nextTryAt: next(w.tries + 1), lastError: error });
      }
    },
  };
}

/** A fake LRS: records every statement id it stores, answers from a script per call. */
function fakeLrs(script: (call: number, batch: unknown[]) => SendOutcome) {
  const stored: string[] = [];
  const calls: number[] = [];
  const send = async (batch: unknown[]) => {
    calls.push(batch.length);
    const outcome = script(calls.length, batch);
    if (outcome.kind === 'accepted') stored.push(...batch.map((s) => (s as { id: string }).id));
    return outcome;
  };
  return { stored, calls, send };
}

describe('back-off', () => {
  it('doubles from 5 s to a 30 min cap, spread ±25 %', () => {
    expect([1, 2, 3, 4].map((t) => backoffMs(t))).toEqual([5000, 10_000, 20_000, 40_000]);
    expect(backoffMs(30)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1, 0)).toBe(FIRST_BACKOFF_MS * 0.75);
    expect(backoffMs(1, 1)).toBe(FIRST_BACKOFF_MS * 1.25);
  });
});

describe('syncOnce', () => {
  it('sends everything due in batches of 50 and empties the queue', async () => {
    const queue = memoryQueue(120);
    const lrs = fakeLrs(() => ({ kind: 'accepted' }));
    const report = await syncOnce({ queue, send: lrs.send, now: () => 1000 });
    expect(lrs.calls).toEqual([BATCH_SIZE, BATCH_SIZE, 20]);
    expect(new Set(lrs.stored).size).toBe(120);
    expect(report).toEqual({ sent: 120, waiting: 0, setAside: 0, error: null, nextTryAt: null });
  });

  it('offline: nothing is lost; retries wait 5 s, 10 s, 20 s on a fake clock; then all arrive exactly once', async () => {
    const queue = memoryQueue(3);
    let clock = 0;
    let online = false;
    const lrs = fakeLrs(() => (online ? { kind: 'accepted' } : { kind: 'retry', detail: 'No connection.' }));
    const deps = { queue, send: lrs.send, now: () => clock };
    const r1 = await syncOnce(deps);
    expect(r1).toMatchObject({ sent: 0, waiting: 3, error: 'No connection.', nextTryAt: 5000 });
    // Not due yet: nothing is sent.
    clock = 4999;
    expect((await syncOnce(deps)).sent).toBe(0);
    expect(lrs.calls).toHaveLength(1);
    clock = 5000;
    expect((await syncOnce(deps)).nextTryAt).toBe(5000 + 10_000);
    clock = 15_000;
    expect((await syncOnce(deps)).nextTryAt).toBe(15_000 + 20_000);
    expect([...queue.items.values()].every((w) => w.tries === 3 && w.lastError === 'No connection.')).toBe(
      true,
    );
    online = true;
    clock = 35_000;
    const done = await syncOnce(deps);
    expect(done).toMatchObject({ sent: 3, waiting: 0, error: null });
    expect(lrs.stored.sort()).toEqual(['id-000', 'id-001', 'id-002']);
    // A second run sends nothing more.
    expect((await syncOnce(deps)).sent).toBe(0);
    expect(lrs.stored).toHaveLength(3);
  });

  it('an invalid batch is split; only the bad statement is set aside, the rest arrive', async () => {
    const queue = memoryQueue(4);
    const bad = (b: unknown[]) => b.some((s) => (s as { id: string }).id === 'id-002');
    const lrs = fakeLrs((_c, b) =>
      bad(b) ? { kind: 'invalid', detail: 'verb.id is not an IRI' } : { kind: 'accepted' },
    );
    const r = await syncOnce({ queue, send: lrs.send, now: () => 0 });
    expect(lrs.stored.sort()).toEqual(['id-000', 'id-001', 'id-003']);
    expect(r).toMatchObject({ sent: 3, waiting: 1, setAside: 1, nextTryAt: null });
    expect(r.error).toMatch(/refused a statement as invalid: verb.id is not an IRI/);
    expect(queue.items.get('id-002')?.nextTryAt).toBe(SET_ASIDE);
  });

  it('a 409 on a batch resends one by one; the one already stored leaves the queue', async () => {
    const queue = memoryQueue(3);
    const lrs = fakeLrs((_c, b) =>
      b.some((s) => (s as { id: string }).id === 'id-001') ? { kind: 'conflict' } : { kind: 'accepted' },
    );
    const r = await syncOnce({ queue, send: lrs.send, now: () => 0 });
    expect(lrs.calls).toEqual([3, 1, 1, 1]);
    expect(lrs.stored.sort()).toEqual(['id-000', 'id-002']);
    expect(r).toMatchObject({ waiting: 0, error: null });
  });

  it('denied: stops at once with words about the key and secret; honours Retry-After when longer', async () => {
    const queue = memoryQueue(60);
    const lrs = fakeLrs(() => ({ kind: 'denied' }));
    const r = await syncOnce({ queue, send: lrs.send, now: () => 100 });
    expect(lrs.calls).toEqual([50]);
    expect(r.error).toMatch(/key and secret/);
    const q2 = memoryQueue(1);
    const r2 = await syncOnce({
      queue: q2,
      send: async () => ({ kind: 'retry', detail: 'wait', retryAfterMs: 120_000 }),
      now: () => 0,
    });
    expect(r2.nextTryAt).toBe(120_000);
  });

  it('a batch too large is halved until it fits', async () => {
    const queue = memoryQueue(50);
    const lrs = fakeLrs((_c, b) => (b.length > 12 ? { kind: 'too-large' } : { kind: 'accepted' }));
    const r = await syncOnce({ queue, send: lrs.send, now: () => 0 });
    expect(lrs.calls.slice(0, 4)).toEqual([50, 25, 12, 12]);
    expect(r).toMatchObject({ sent: 50, waiting: 0 });
  });

  it('a thrown network error counts as "try later"', async () => {
    const queue = memoryQueue(1);
    const r = await syncOnce({
      queue,
      send: async () => {
        throw new TypeError('Failed to fetch');
      },
      now: () => 0,
    });
    expect(r.error).toMatch(/Could not reach the record store \(Failed to fetch\)/);
    expect(r.nextTryAt).toBe(5000);
  });
});

describe('classifyResponse', () => {
  it('reads the LRS status codes', () => {
    expect(classifyResponse(200, '["a"]', null)).toEqual({ kind: 'accepted' });
    expect(classifyResponse(204, '', null)).toEqual({ kind: 'accepted' });
    expect(classifyResponse(409, '', null)).toEqual({ kind: 'conflict' });
    expect(classifyResponse(400, 'bad verb', null)).toEqual({ kind: 'invalid', detail: 'bad verb' });
    expect(classifyResponse(401, '', null)).toEqual({ kind: 'denied' });
    expect(classifyResponse(413, '', null)).toEqual({ kind: 'too-large' });
    expect(classifyResponse(429, '', '30')).toMatchObject({ kind: 'retry', retryAfterMs: 30_000 });
    expect(classifyResponse(503, '', null)).toMatchObject({ kind: 'retry', detail: /error 503/ });
  });
});
