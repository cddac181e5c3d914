/**
 * The transport and sync against a real LRS (Learning Locker's xAPI statements service, in memory on
 * 127.0.0.1, started here): statements built by Headroom are accepted, a resend stores nothing twice, a
 * wrong secret is not accepted, and what the LRS stores passes the validator.
 */
import validate from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toAgent } from '../../../src/classroom/xapi/identity';
import { checkLrsConfig, type LrsConfig } from '../../../src/classroom/xapi/lrs-config';
import { attemptStatement, drillRoundStatement } from '../../../src/classroom/xapi/statements';
import { type SyncQueue, syncOnce, type Waiting } from '../../../src/classroom/xapi/sync';
import { postStatements } from '../../../src/state/classroom/xapi-transport';
import { type RunningLrs, startLrs } from '../../e2e/lrs-server';

let lrs: RunningLrs;
let config: LrsConfig;
beforeAll(async () => {
  lrs = await startLrs();
  config = checkLrsConfig(
    { endpoint: lrs.endpoint, username: lrs.username, password: lrs.password },
    1,
  ) as LrsConfig;
}, 60_000);
afterAll(async () => {
  await lrs?.stop();
});

const T = Date.UTC(2026, 11, 7, 10);
const kim = toAgent({ name: 'Kim', email: 'kim@school.example' });
const answers = Array.from({ length: 7 }, (_, i) =>
  attemptStatement(kim, {
    exercise: 'eq-boost',
    title: 'Spot the EQ boost',
    level: 1,
    seed: 100 + i,
    score: i * 15,
    timeMs: 2000 + i,
    at: T + i * 10_000,
    passMark: 70,
  }),
);
const round = drillRoundStatement(kim, {
  exercise: 'eq-boost',
  title: 'Spot the EQ boost',
  level: 1,
  scores: answers.map((a) => a.result?.score?.raw ?? 0),
  correct: 3,
  totalTimeMs: 14_021,
  startedAt: T,
  endedAt: T + 60_000,
  passMark: 70,
});

function queueOf(statements: unknown[]): SyncQueue {
  const items = new Map<string, Waiting>(
    statements.map((s) => [
      (s as { id: string }).id,
      { id: (s as { id: string }).id, statement: s, tries: 0, nextTryAt: 0 },
    ]),
  );
  return {
    list: async () => [...items.values()],
    remove: async (ids) => {
      for (const id of ids) items.delete(id);
    },
    fail: async (ids, _e, next) => {
      for (const id of ids) {
        const w = items.get(id);
        if (w) items.set(id, { ...w, tries: w.tries + 1, nextTryAt: next(w.tries + 1) });
      }
    },
  };
}

describe('a real LRS', () => {
  it('a wrong secret is not accepted, and nothing is stored', async () => {
    const outcome = await postStatements({ ...config, password: 'wrong' }, [answers[0]]);
    // This LRS, checking logins through a client endpoint, answers a wrong login with 500, not 401: the
    // statements stay queued and the panel says to check the key and secret.
    expect(outcome).toMatchObject({ kind: 'retry', detail: /error 500.*key and secret/ });
    expect(await lrs.statements()).toHaveLength(0);
  });

  it('sync sends every statement in batches; the LRS stores each once, valid, with our ids', async () => {
    const report = await syncOnce({
      queue: queueOf([...answers, round]),
      send: (b) => postStatements(config, b),
      now: () => 0,
      batchSize: 3,
    });
    expect(report).toMatchObject({ sent: 8, waiting: 0, error: null });
    const stored = (await lrs.statements()) as { id: string; verb: { id: string } }[];
    expect(stored.map((s) => s.id).sort()).toEqual([...answers, round].map((s) => s.id).sort());
    for (const s of stored) expect(validate(s), s.id).toEqual([]);
    expect(lrs.logins.at(-1)).toMatch(/^Basic /);
  });

  it('a resend of the same statements (a device that lost the answer) stores nothing twice', async () => {
    const report = await syncOnce({
      queue: queueOf([...answers, round]),
      send: (b) => postStatements(config, b),
      now: () => 0,
    });
    expect(report).toMatchObject({ sent: 8, waiting: 0, error: null });
    expect(await lrs.statements()).toHaveLength(8);
  });

  it('an invalid statement is refused (400) and set aside; the valid ones with it arrive', async () => {
    const bad = { ...answers[0], id: 'b0000000-0000-8000-8000-000000000001', verb: { id: 'not an iri' } };
    const good = attemptStatement(kim, {
      exercise: 'eq-boost',
      title: 'Spot the EQ boost',
      level: 2,
      seed: 1,
      score: 100,
      timeMs: 900,
      at: T + 1e6,
      passMark: 70,
    });
    const report = await syncOnce({
      queue: queueOf([bad, good]),
      send: (b) => postStatements(config, b),
      now: () => 0,
    });
    expect(report).toMatchObject({ sent: 1, waiting: 1, setAside: 1 });
    expect(report.error).toMatch(/refused a statement as invalid/);
    expect(await lrs.statements()).toHaveLength(9);
  });
});
