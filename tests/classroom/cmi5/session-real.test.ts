/**
 * A cmi5 session end to end in Node: a stand-in LMS hands out the token and launch data, Headroom's client
 * sends initialized and the finishing statements, and the real LRS behind it stores them once, valid.
 */
import validate from '@learninglocker/xapi-validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Cmi5Launch,
  cmi5Statement,
  finishingStatements,
  parseCmi5Launch,
} from '../../../src/classroom/cmi5/launch';
import { beginCmi5, sendCmi5 } from '../../../src/state/classroom/cmi5-client';
import { type FakeLms, startFakeLms } from '../../e2e/cmi5-lms';
import { type RunningLrs, startLrs } from '../../e2e/lrs-server';

let lrs: RunningLrs;
let lms: FakeLms;
beforeAll(async () => {
  lrs = await startLrs();
  lms = await startFakeLms(lrs, { masteryScore: 0.8 });
}, 60_000);
afterAll(async () => {
  await lms?.stop();
  await lrs?.stop();
});

describe('a cmi5 session against a real LRS', () => {
  it('token, launch data, initialized, then failed/completed/terminated; a second token fetch is refused', async () => {
    const launch = parseCmi5Launch(lms.launchQuery('urn:headroom:assignment:wk3')) as Cmi5Launch;
    const session = await beginCmi5(launch);
    expect(session.data).toMatchObject({ launchMode: 'Normal', returnURL: lms.returnURL, masteryScore: 0.8 });
    const t0 = Date.UTC(2026, 11, 7, 9);
    expect(
      await sendCmi5(session, [cmi5Statement(launch, session.data, { verb: 'initialized', at: t0 })]),
    ).toEqual({
      kind: 'accepted',
    });
    const finish = finishingStatements(launch, session.data, {
      score: 75,
      passMark: 70,
      at: t0 + 600_000,
      durationMs: 600_000,
    });
    expect(await sendCmi5(session, finish)).toEqual({ kind: 'accepted' });
    // A resend stores nothing twice.
    expect(await sendCmi5(session, finish)).toEqual({ kind: 'accepted' });
    const stored = (await lrs.statements()) as { verb: { id: string }; context: { registration: string } }[];
    expect(stored.map((s) => s.verb.id.split('/').at(-1)).sort()).toEqual([
      'completed',
      'failed',
      'initialized',
      'terminated',
    ]);
    for (const s of stored) {
      expect(validate(s)).toEqual([]);
      expect(s.context.registration).toBe(lms.registration);
    }
    await expect(beginCmi5(launch)).rejects.toThrow(
      /did not let Headroom sign in \(The token was already fetched\.\)/,
    );
  });
});
